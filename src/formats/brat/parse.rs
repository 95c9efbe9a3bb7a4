//! Splits a brat `.ann` file into its annotation lines: text-bound (`T`),
//! events (`E`), relations (`R`), attributes (`A`, `M`) and notes (`#`).
//! Pure syntax: ids are not resolved here. A malformed line becomes a message
//! with its line number and the rest of the file still parses.

/// A `T` line: `T1\tLabel 0 5;7 9\ttext`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextLine<'a> {
    /// `T1`.
    pub id: &'a str,
    /// Label.
    pub label: &'a str,
    /// Code point fragments in file order.
    pub fragments: Vec<[usize; 2]>,
    /// The covered text, when the line has it.
    pub text: Option<&'a str>,
    /// 1-based line number.
    pub line: usize,
}

/// An `E` line: `E1\tType:T4 Content:T3 Source:T1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventLine<'a> {
    /// `E1`.
    pub id: &'a str,
    /// Event type.
    pub kind: &'a str,
    /// Id of the trigger annotation.
    pub trigger: &'a str,
    /// (role, id) in file order.
    pub args: Vec<(&'a str, &'a str)>,
    /// 1-based line number.
    pub line: usize,
}

/// An `R` line: `R1\tType Arg1:T1 Arg2:T2`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationLine<'a> {
    /// `R1`.
    pub id: &'a str,
    /// Relation type.
    pub kind: &'a str,
    /// (role, id) in file order.
    pub args: Vec<(&'a str, &'a str)>,
    /// 1-based line number.
    pub line: usize,
}

/// An `A` (or old-style `M`) line: `A1\tName E1 [Value]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributeLine<'a> {
    /// Attribute name.
    pub name: &'a str,
    /// Id of the annotation it qualifies.
    pub target: &'a str,
    /// Value; `None` for binary attributes.
    pub value: Option<&'a str>,
    /// 1-based line number.
    pub line: usize,
}

/// A `#` line: `#1\tAnnotatorNotes T1\tnote`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteLine<'a> {
    /// Id of the annotation noted.
    pub target: &'a str,
    /// The note.
    pub text: &'a str,
    /// 1-based line number.
    pub line: usize,
}

/// Everything in one `.ann` file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed<'a> {
    /// `T` lines.
    pub texts: Vec<TextLine<'a>>,
    /// `E` lines.
    pub events: Vec<EventLine<'a>>,
    /// `R` lines.
    pub relations: Vec<RelationLine<'a>>,
    /// `A` and `M` lines.
    pub attributes: Vec<AttributeLine<'a>>,
    /// `#` lines.
    pub notes: Vec<NoteLine<'a>>,
    /// (line, message) for lines skipped.
    pub problems: Vec<(usize, String)>,
}

/// Parses a whole `.ann` file.
pub fn parse(ann: &str) -> Parsed<'_> {
    let mut parsed = Parsed::default();
    for (index, raw) in ann.lines().enumerate() {
        let line = index + 1;
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() {
            continue;
        }
        let mut columns = raw.splitn(3, '\t');
        let id = columns.next().unwrap_or_default();
        let body = columns.next().unwrap_or_default();
        let rest = columns.next();
        let result = match id.chars().next() {
            Some('T') => text_line(id, body, rest, line).map(|t| parsed.texts.push(t)),
            Some('E') => event_line(id, body, line).map(|e| parsed.events.push(e)),
            Some('R') => relation_line(id, body, line).map(|r| parsed.relations.push(r)),
            Some('A' | 'M') => attribute_line(body, line).map(|a| parsed.attributes.push(a)),
            Some('#') => note_line(body, rest, line).map(|n| parsed.notes.push(n)),
            _ => Err(format!(
                "annotation `{}` is not supported (T, E, R, A, M and # lines are), skipped",
                id.chars().take(20).collect::<String>()
            )),
        };
        if let Err(message) = result {
            parsed.problems.push((line, message));
        }
    }
    parsed
}

fn text_line<'a>(
    id: &'a str,
    body: &'a str,
    text: Option<&'a str>,
    line: usize,
) -> Result<TextLine<'a>, String> {
    let (label, offsets) = body
        .split_once(' ')
        .ok_or_else(|| format!("{id}: expected `LABEL START END`, found `{body}`"))?;
    let fragments = offsets
        .split(';')
        .map(|fragment| fragment_of(fragment.trim()))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| {
            format!("{id}: bad offsets `{offsets}` (expected `START END[;START END…]`)")
        })?;
    if label.is_empty() {
        return Err(format!("{id}: empty label"));
    }
    Ok(TextLine {
        id,
        label,
        fragments,
        text,
        line,
    })
}

fn fragment_of(text: &str) -> Option<[usize; 2]> {
    let (start, end) = text.split_once(' ')?;
    Some([start.trim().parse().ok()?, end.trim().parse().ok()?])
}

fn event_line<'a>(id: &'a str, body: &'a str, line: usize) -> Result<EventLine<'a>, String> {
    let mut args = role_pairs(id, body)?;
    if args.is_empty() {
        return Err(format!("{id}: event without a trigger"));
    }
    let (kind, trigger) = args.remove(0);
    Ok(EventLine {
        id,
        kind,
        trigger,
        args,
        line,
    })
}

fn relation_line<'a>(id: &'a str, body: &'a str, line: usize) -> Result<RelationLine<'a>, String> {
    let (kind, rest) = body
        .split_once(' ')
        .ok_or_else(|| format!("{id}: expected `TYPE Arg1:ID Arg2:ID`, found `{body}`"))?;
    Ok(RelationLine {
        id,
        kind,
        args: role_pairs(id, rest)?,
        line,
    })
}

fn role_pairs<'a>(id: &str, body: &'a str) -> Result<Vec<(&'a str, &'a str)>, String> {
    body.split_whitespace()
        .map(|pair| match pair.split_once(':') {
            Some((role, target)) if !role.is_empty() && !target.is_empty() => Ok((role, target)),
            _ => Err(format!("{id}: expected `ROLE:ID`, found `{pair}`")),
        })
        .collect()
}

fn attribute_line(body: &str, line: usize) -> Result<AttributeLine<'_>, String> {
    let mut words = body.split_whitespace();
    match (words.next(), words.next()) {
        (Some(name), Some(target)) => Ok(AttributeLine {
            name,
            target,
            value: words.next(),
            line,
        }),
        _ => Err(format!("expected `NAME ID [VALUE]`, found `{body}`")),
    }
}

fn note_line<'a>(
    body: &'a str,
    text: Option<&'a str>,
    line: usize,
) -> Result<NoteLine<'a>, String> {
    let target = body
        .split_whitespace()
        .nth(1)
        .ok_or_else(|| format!("expected `AnnotatorNotes ID`, found `{body}`"))?;
    Ok(NoteLine {
        target,
        text: text.unwrap_or_default(),
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_line_kind() {
        let ann = "T1\tSource 0 4\tAna\nT2\tContent 10 14;20 25\tab cd\r\n\nE1\tAttribution:T3 Content:T2 Source:T1\nR1\tRefersTo Arg1:T5 Arg2:T1\nA1\tKind E1 partial\n#1\tAnnotatorNotes T1\tcheck this\n";
        let parsed = parse(ann);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.texts[1].fragments, vec![[10, 14], [20, 25]]);
        assert_eq!(parsed.texts[1].text, Some("ab cd"));
        assert_eq!(parsed.events[0].kind, "Attribution");
        assert_eq!(parsed.events[0].trigger, "T3");
        assert_eq!(parsed.events[0].args.len(), 2);
        assert_eq!(parsed.events[0].line, 4);
        assert_eq!(parsed.relations[0].args[1], ("Arg2", "T1"));
        assert_eq!(parsed.attributes[0].value, Some("partial"));
        assert_eq!(parsed.notes[0].text, "check this");
    }

    #[test]
    fn bad_lines_are_named_and_skipped() {
        let ann = "T1\tSource zero 4\tAna\nT2\tCue 5 9\tsaid\nE1\t\nX1\tfoo\nR1\tRefersTo Arg1\n";
        let parsed = parse(ann);
        assert_eq!(parsed.texts.len(), 1);
        let lines: Vec<usize> = parsed.problems.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 3, 4, 5]);
        assert!(parsed.problems[0].1.contains("bad offsets"));
    }
}
