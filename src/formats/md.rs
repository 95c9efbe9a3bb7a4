//! Markdown articles (CommonMark, via `pulldown-cmark`): markup stripped, one
//! paragraph per block (heading, paragraph, list item, quote, code block)
//! separated by blank lines, links reduced to their text, images and raw HTML
//! dropped. The first heading is `meta.title`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::formats::input::article::ArticleMeta;
use crate::formats::{Loaded, ReadError};
use crate::model::Document;

/// Reads one Markdown article.
pub fn read(text: &str, source: &str) -> Result<Loaded, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Plain::default();
    let mut images = 0usize;
    for event in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES) {
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
    fn paragraph_starts_are_code_points() {
        let doc = read_one("# 🚀 Über\n\nÄ b\n");
        assert_eq!(doc.meta["paragraphs"], serde_json::json!([0, 8]));
        let chars: Vec<char> = doc.text().chars().collect();
        assert_eq!(chars[8], 'Ä');
    }
}
