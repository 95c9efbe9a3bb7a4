//! Splits a brat `.ann` file into its annotation lines: text-bound (`T`),
//! events (`E`), relations (`R`), attributes (`A`, `M`) and notes (`#`).
//! Pure syntax: ids are not resolved here. A malformed line becomes a message
//! with its line number and the rest of the file still parses.

/// A `T` line: `T1\tLabel 0 5;7 9\ttext`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextLine {
    /// `T1`.
    pub id: String,
    /// Label.
    pub label: String,
    /// Code point fragments in file order.
    pub fragments: Vec<[usize; 2]>,
    /// The covered text, when the line has it.
    pub text: Option<String>,
    /// 1-based line number.
    pub line: usize,
}

/// An `E` line: `E1\tType:T4 Content:T3 Source:T1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventLine {
    /// `E1`.
    pub id: String,
    /// Event type.
    pub kind: String,
    /// Id of the trigger annotation.
    pub trigger: String,
    /// (role, id) in file order.
    pub args: Vec<(String, String)>,
    /// 1-based line number.
    pub line: usize,
}

/// An `R` line: `R1\tType Arg1:T1 Arg2:T2`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationLine {
    /// `R1`.
    pub id: String,
    /// Relation type.
    pub kind: String,
    /// (role, id) in file order.
    pub args: Vec<(String, String)>,
    /// 1-based line number.
    pub line: usize,
}

/// An `A` (or old-style `M`) line: `A1\tName E1 [Value]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributeLine {
    /// Attribute name.
    pub name: String,
    /// Id of the annotation it qualifies.
    pub target: String,
    /// Value; `None` for binary attributes.
    pub value: Option<String>,
    /// 1-based line number.
    pub line: usize,
}

/// A `#` line: `#1\tAnnotatorNotes T1\tnote`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteLine {
    /// Id of the annotation noted.
    pub target: String,
    /// The note.
    pub text: String,
    /// 1-based line number.
    pub line: usize,
}

/// Everything in one `.ann` file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// `T` lines.
    pub texts: Vec<TextLine>,
    /// `E` lines.
    pub events: Vec<EventLine>,
    /// `R` lines.
    pub relations: Vec<RelationLine>,
    /// `A` and `M` lines.
    pub attributes: Vec<AttributeLine>,
    /// `#` lines.
    pub notes: Vec<NoteLine>,
    /// (line, message) for lines skipped.
    pub problems: Vec<(usize, String)>,
}

/// Parses a whole `.ann` file.
pub fn parse(ann: &str) -> Parsed {
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

fn text_line(id: &str, body: &str, text: Option<&str>, line: usize) -> Result<TextLine, String> {
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
        id: id.to_owned(),
        label: label.to_owned(),
        fragments,
        text: text.map(str::to_owned),
        line,
    })
}

fn fragment_of(text: &str) -> Option<[usize; 2]> {
    let (start, end) = text.split_once(' ')?;
    Some([start.trim().parse().ok()?, end.trim().parse().ok()?])
}

fn event_line(id: &str, body: &str, line: usize) -> Result<EventLine, String> {
    let mut args = role_pairs(id, body)?;
    if args.is_empty() {
        return Err(format!("{id}: event without a trigger"));
    }
    let (kind, trigger) = args.remove(0);
    Ok(EventLine {
        id: id.to_owned(),
        kind,
        trigger,
        args,
        line,
    })
}

fn relation_line(id: &str, body: &str, line: usize) -> Result<RelationLine, String> {
    let (kind, rest) = body
        .split_once(' ')
        .ok_or_else(|| format!("{id}: expected `TYPE Arg1:ID Arg2:ID`, found `{body}`"))?;
    Ok(RelationLine {
        id: id.to_owned(),
        kind: kind.to_owned(),
        args: role_pairs(id, rest)?,
        line,
    })
}

fn role_pairs(id: &str, body: &str) -> Result<Vec<(String, String)>, String> {
    body.split_whitespace()
        .map(|pair| match pair.split_once(':') {
            Some((role, target)) if !role.is_empty() && !target.is_empty() => {
                Ok((role.to_owned(), target.to_owned()))
            }
            _ => Err(format!("{id}: expected `ROLE:ID`, found `{pair}`")),
        })
        .collect()
}

fn attribute_line(body: &str, line: usize) -> Result<AttributeLine, String> {
    let mut words = body.split_whitespace();
    match (words.next(), words.next()) {
        (Some(name), Some(target)) => Ok(AttributeLine {
            name: name.to_owned(),
            target: target.to_owned(),
            value: words.next().map(str::to_owned),
            line,
        }),
        _ => Err(format!("expected `NAME ID [VALUE]`, found `{body}`")),
    }
}

fn note_line(body: &str, text: Option<&str>, line: usize) -> Result<NoteLine, String> {
    let target = body
        .split_whitespace()
        .nth(1)
        .ok_or_else(|| format!("expected `AnnotatorNotes ID`, found `{body}`"))?;
    Ok(NoteLine {
        target: target.to_owned(),
        text: text.unwrap_or_default().to_owned(),
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
        assert_eq!(parsed.texts[1].text.as_deref(), Some("ab cd"));
        assert_eq!(parsed.events[0].kind, "Attribution");
        assert_eq!(parsed.events[0].trigger, "T3");
        assert_eq!(parsed.events[0].args.len(), 2);
        assert_eq!(parsed.events[0].line, 4);
        assert_eq!(parsed.relations[0].args[1], ("Arg2".into(), "T1".into()));
        assert_eq!(parsed.attributes[0].value.as_deref(), Some("partial"));
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
