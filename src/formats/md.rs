//! Markdown articles (CommonMark, via `pulldown-cmark`): markup stripped, one
//! paragraph per block (heading, paragraph, list item, quote, code block)
//! separated by blank lines, links reduced to their text, images and raw HTML
//! dropped. The first heading is `meta.title`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::formats::input::article::ArticleMeta;
use crate::formats::{Loaded, ReadError};
use crate::model::Document;

/// Markdown longer than this is parsed a piece at a time where that reads
/// the same (see [`pieces`]): the parser holds a tree of the whole input,
/// several times its size.
const PIECE_BYTES: usize = 1 << 20;

/// Reads one Markdown article.
pub fn read(text: &str, source: &str) -> Result<Loaded, ReadError> {
    read_in_pieces(text, source, PIECE_BYTES)
}

fn read_in_pieces(text: &str, source: &str, piece_bytes: usize) -> Result<Loaded, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Plain::default();
    let mut images = 0usize;
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    for event in pieces(text, piece_bytes)
        .into_iter()
        .flat_map(|piece| Parser::new_ext(piece, options))
    {
        match event {
            Event::Start(Tag::Image { .. }) => images += 1,
            Event::End(TagEnd::Image) => images = images.saturating_sub(1),
            _ if images > 0 => {}
            Event::Start(Tag::Heading { .. }) => out.flush(),
            Event::End(TagEnd::Heading(_)) => {
                if out.title.is_none() {
                    out.title = Some(out.current.trim().to_owned());
                }
                out.flush();
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead,
            )
            | Event::Start(Tag::Item | Tag::Paragraph | Tag::BlockQuote(_)) => out.flush(),
            Event::End(TagEnd::TableCell) => out.current.push('\t'),
            Event::Text(t) | Event::Code(t) => out.current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.current.push('\n'),
            _ => {}
        }
    }
    out.flush();
    // The paragraphs are freed once joined; the document keeps the joined text.
    let text = out.paragraphs.join("\n\n");
    drop(out.paragraphs);
    let mut doc = Document::from_string(Some(source.to_owned()), text);
    let meta = ArticleMeta {
        title: out.title.filter(|t| !t.is_empty()),
        ..ArticleMeta::default()
    };
    meta.or_from_text(doc.text(), false).write(&mut doc);
    Ok(Loaded {
        documents: vec![doc],
        warnings: Vec::new(),
        skipped: 0,
    })
}

/// `text` cut into pieces of at least `piece_bytes` that parse as the
/// whole does: only after a blank line, before a line that can only start a
/// paragraph, outside fenced code; and not at all when a line may start a
/// link reference definition (`[`, used anywhere in the text) or an HTML
/// block (`<`, which may run on past blank lines).
fn pieces(text: &str, piece_bytes: usize) -> Vec<&str> {
    let splittable = text.len() > piece_bytes
        && !text
            .lines()
            .filter_map(unindented)
            .any(|l| l.starts_with('[') || l.starts_with('<'));
    if !splittable {
        return vec![text];
    }
    let mut pieces = Vec::new();
    let (mut start, mut at) = (0, 0);
    let (mut fence, mut after_blank) = (None, false);
    for line in text.split_inclusive('\n') {
        if after_blank && fence.is_none() && at - start >= piece_bytes && starts_a_paragraph(line) {
            pieces.extend(text.get(start..at));
            start = at;
        }
        if let Some(trimmed) = unindented(line) {
            for mark in ["```", "~~~"] {
                match fence {
                    None if trimmed.starts_with(mark) => fence = Some(mark),
                    Some(open) if open == mark && trimmed.starts_with(mark) => fence = None,
                    _ => {}
                }
            }
        }
        after_blank = line.trim().is_empty();
        at += line.len();
    }
    pieces.extend(text.get(start..));
    pieces
}

/// The line without its indent, unless it is indented as code (four spaces).
fn unindented(line: &str) -> Option<&str> {
    let trimmed = line.trim_start_matches(' ');
    (line.len() - trimmed.len() <= 3).then_some(trimmed)
}

/// True for a line that starts a paragraph and nothing else (no heading,
/// list, quote, table, code, rule or markup).
fn starts_a_paragraph(line: &str) -> bool {
    line.chars().next().is_some_and(|c| {
        !c.is_whitespace() && !c.is_ascii_digit() && !"#>-+*=_|`~<[!:\\&".contains(c)
    })
}

/// The plain text being built.
#[derive(Default)]
struct Plain {
    paragraphs: Vec<String>,
    current: String,
    title: Option<String>,
}

impl Plain {
    /// Ends the current block, if it holds any text.
    fn flush(&mut self) {
        let block = self
            .current
            .trim_matches(|c: char| c == '\n' || c == '\t' || c == ' ');
        if !block.trim().is_empty() {
            self.paragraphs.push(block.to_owned());
        }
        self.current.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_one(md: &str) -> Document {
        read(md, "story.md").unwrap().documents.remove(0)
    }

    #[test]
    fn strips_markup_and_keeps_link_text() {
        let doc = read_one(
            "# Müller’s plan stalls\n\nBy Ana Díaz\n\nBERLIN (Reuters) – “Nein,” said **Jürgen** _Müller_ \
             of [the SPD](https://spd.de).\n\n![photo](x.png)\n\n- first 🚀\n- second\n\n> quoted\n> line\n\n<div>raw</div>\n",
        );
        assert_eq!(
            doc.text(),
            "Müller’s plan stalls\n\nBy Ana Díaz\n\nBERLIN (Reuters) – “Nein,” said Jürgen Müller of the SPD.\n\n\
             first 🚀\n\nsecond\n\nquoted\nline"
        );
        assert_eq!(doc.meta["title"], "Müller’s plan stalls");
        assert_eq!(doc.meta["byline"], "Ana Díaz");
        assert_eq!(doc.meta["dateline"], "BERLIN (Reuters)");
    }

    #[test]
    fn first_heading_is_the_title_even_when_not_first() {
        let doc = read_one("Intro text.\n\n## Second-level 北京 heading\n\n# Later\n");
        assert_eq!(doc.meta["title"], "Second-level 北京 heading");
    }

    #[test]
    fn reads_in_pieces_as_in_one() {
        let mut md = String::from("# Zoë’s 🚀 story\n\n");
        for i in 0..40 {
            md.push_str(&format!(
                "“Line {i},” said Ana *Díaz*.\n\n- item\n\n  continued\n\n```\ncode\n\n“not split”\n```\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
            ));
        }
        let whole = read_in_pieces(&md, "a.md", usize::MAX).unwrap();
        assert_eq!(pieces(&md, 100).len(), 40);
        let pieced = read_in_pieces(&md, "a.md", 100).unwrap();
        assert_eq!(pieced.documents, whole.documents);
        let with_reference = format!("{md}[x]: https://example.org\n");
        assert_eq!(pieces(&with_reference, 100), [with_reference.as_str()]);
    }

    #[test]
    fn paragraph_starts_are_code_points() {
        let doc = read_one("# 🚀 Über\n\nÄ b\n");
        assert_eq!(doc.meta["paragraphs"], serde_json::json!([0, 8]));
        let chars: Vec<char> = doc.text().chars().collect();
        assert_eq!(chars[8], 'Ä');
    }
}
