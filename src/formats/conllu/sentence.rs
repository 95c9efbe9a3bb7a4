//! One CoNLL-U sentence: its token rows, and the byte range of every word in
//! the sentence text. The text is `# text =` when the tokens align with it,
//! else the forms joined by a space unless `SpaceAfter=No`.

use super::misc::misc_value;

/// A token row: a word, or a multiword token (`3-4`) whose words follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based line number.
    pub line: usize,
    /// Surface form.
    pub form: String,
    /// Universal POS tag (`_` on multiword rows).
    pub upos: String,
    /// MISC column.
    pub misc: String,
    /// For a multiword row, the number of words it spans; 0 for a word.
    pub spans_words: usize,
}

/// A word placed in the sentence text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'r> {
    /// Its row.
    pub row: &'r Row,
    /// Byte range in the sentence text.
    pub range: (usize, usize),
}

/// Parses a token line; `Ok(None)` for empty nodes (`5.1`), which hold no text.
pub fn parse_row(line: &str, number: usize) -> Result<Option<Row>, String> {
    let columns: Vec<&str> = line.split('\t').collect();
    if columns.len() != 10 {
        return Err(format!(
            "expected 10 tab-separated columns, found {}; token skipped",
            columns.len()
        ));
    }
    let id = columns[0];
    if id.contains('.') {
        return Ok(None);
    }
    let spans_words = match id.split_once('-') {
        Some((a, b)) => match (a.parse::<usize>(), b.parse::<usize>()) {
            (Ok(a), Ok(b)) if b >= a => b - a + 1,
            _ => return Err(format!("bad token id `{id}`; token skipped")),
        },
        None if id.parse::<usize>().is_ok() => 0,
        None => return Err(format!("bad token id `{id}`; token skipped")),
    };
    Ok(Some(Row {
        line: number,
        form: columns[1].to_owned(),
        upos: columns[3].to_owned(),
        misc: columns[9].to_owned(),
        spans_words,
    }))
}

/// A surface unit: a multiword row or a word not inside one, with its words.
struct Unit<'r> {
    row: &'r Row,
    words: &'r [Row],
}

fn units(rows: &[Row]) -> Vec<Unit<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(row) = rows.get(i) {
        if row.spans_words > 0 {
            let end = (i + 1 + row.spans_words).min(rows.len());
            out.push(Unit {
                row,
                words: &rows[i + 1..end],
            });
            i = end;
        } else {
            out.push(Unit {
                row,
                words: std::slice::from_ref(row),
            });
            i += 1;
        }
    }
    out
}

/// The sentence text and its words; `true` when `# text` did not fit the
/// tokens and the text was rebuilt from them.
pub fn align<'r>(text: Option<&str>, rows: &'r [Row]) -> (String, Vec<Word<'r>>, bool) {
    let units = units(rows);
    if let Some(text) = text
        && let Some(starts) = find_units(text, &units)
    {
        return (text.to_owned(), place(&units, &starts), false);
    }
    let mut rebuilt = String::new();
    let mut starts = Vec::with_capacity(units.len());
    for (i, unit) in units.iter().enumerate() {
        starts.push(rebuilt.len());
        rebuilt.push_str(&unit.row.form);
        let last = i + 1 == units.len();
        if !last && misc_value(&unit.row.misc, "SpaceAfter") != Some("No") {
            rebuilt.push(' ');
        }
    }
    let words = place(&units, &starts);
    (rebuilt, words, text.is_some())
}

/// Start of each unit's form in `text`, skipping whitespace between them.
fn find_units(text: &str, units: &[Unit<'_>]) -> Option<Vec<usize>> {
    let mut cursor = 0;
    let mut starts = Vec::with_capacity(units.len());
    for unit in units {
        let rest = text.get(cursor..)?;
        let skipped = rest.len() - rest.trim_start().len();
        cursor += skipped;
        if !text.get(cursor..)?.starts_with(unit.row.form.as_str()) {
            return None;
        }
        starts.push(cursor);
        cursor += unit.row.form.len();
    }
    Some(starts)
}

/// Word ranges: a multiword token's words split its form when their forms
/// spell it (`Trump` + `'s`), else each covers the whole token.
fn place<'r>(units: &[Unit<'r>], starts: &[usize]) -> Vec<Word<'r>> {
    let mut words = Vec::new();
    for (unit, &start) in units.iter().zip(starts) {
        let end = start + unit.row.form.len();
        let spelled: String = unit.words.iter().map(|w| w.form.as_str()).collect();
        let mut at = start;
        for word in unit.words {
            let range = if spelled == unit.row.form {
                (at, at + word.form.len())
            } else {
                (start, end)
            };
            at += word.form.len();
            words.push(Word { row: word, range });
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&str]) -> Vec<Row> {
        lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| parse_row(l, i + 1).unwrap())
            .collect()
    }

    fn texts<'t>(text: &'t str, words: &[Word<'_>]) -> Vec<&'t str> {
        words.iter().map(|w| &text[w.range.0..w.range.1]).collect()
    }

    const SENTENCE: [&str; 6] = [
        "1\t“\t“\tPUNCT\t``\t_\t2\tpunct\t_\tSpaceAfter=No",
        "2\tDíaz\tDíaz\tPROPN\tNNP\t_\t0\troot\t_\t_",
        "3-4\tMüller's\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No",
        "3\tMüller\tMüller\tPROPN\tNNP\t_\t2\tflat\t_\t_",
        "4\t's\t's\tPART\tPOS\t_\t3\tcase\t_\t_",
        "5\t北京\t北京\tPROPN\tNNP\t_\t2\tflat\t_\t_",
    ];

    #[test]
    fn aligns_words_to_the_sentence_text() {
        let rows = rows(&SENTENCE);
        let (text, words, rebuilt) = align(Some("“Díaz  Müller's北京"), &rows);
        assert!(!rebuilt);
        assert_eq!(texts(&text, &words), ["“", "Díaz", "Müller", "'s", "北京"]);
    }

    #[test]
    fn rebuilds_text_from_forms_when_it_does_not_fit() {
        let rows = rows(&SENTENCE);
        let (text, words, rebuilt) = align(Some("something else"), &rows);
        assert!(rebuilt);
        assert_eq!(text, "“Díaz Müller's北京");
        assert_eq!(words.len(), 5);
        let (text, _, rebuilt) = align(None, &rows);
        assert!(!rebuilt);
        assert_eq!(text, "“Díaz Müller's北京");
    }

    #[test]
    fn skips_empty_nodes_and_refuses_bad_rows() {
        assert_eq!(parse_row("5.1\tx\tx\tVERB\t_\t_\t_\t_\t_\t_", 1), Ok(None));
        assert!(parse_row("1\tonly\tthree", 2).is_err());
        assert!(parse_row("x\ta\ta\tX\t_\t_\t_\t_\t_\t_", 3).is_err());
    }
}
