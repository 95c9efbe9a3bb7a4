//! Text extraction from an HTML element: one paragraph per block element
//! (`p`, headings, `li`, `blockquote`, `div`, …), whitespace inside a
//! paragraph collapsed as a browser does, `<br>` kept as a line break, and
//! the parts of a page that are not the story dropped. The walk is iterative,
//! so deeply nested markup cannot overflow the stack.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Node};

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "nav", "aside", "form",
    "footer", "button", "select", "textarea", "object", "embed", "canvas", "video", "audio",
    "head",
];

/// Words in an `id` or `class` that mark a section around the story.
const AROUND_THE_STORY: &[&str] = &[
    "comment",
    "comments",
    "disqus",
    "share",
    "sharing",
    "related",
    "newsletter",
    "newsletters",
    "cookie",
    "cookies",
];

/// Elements that do not break a paragraph (`br` breaks a line instead).
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub",
    "sup", "time", "u", "var", "wbr",
];

/// The paragraphs of `root`, in document order. `keep_header` keeps
/// `<header>` elements (an article's own header holds its headline and byline;
/// a page's header is site navigation).
pub fn paragraphs(root: ElementRef<'_>, keep_header: bool) -> Vec<String> {
    let mut out = Paragraphs::default();
    let mut skipping = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => out.push_text(text),
                Node::Element(element) => {
                    let name = element.name();
                    let header = name == "header" && !keep_header;
                    if header || is_dropped(element) {
                        skipping = Some(node.id());
                    } else if name == "br" {
                        out.line_break();
                    } else if !INLINE.contains(&name) {
                        out.end_paragraph();
                    }
                }
                _ => {}
            },
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            Edge::Close(node) if skipping.is_none() => {
                if let Node::Element(element) = node.value()
                    && !INLINE.contains(&element.name())
                {
                    out.end_paragraph();
                }
            }
            _ => {}
        }
    }
    out.end_paragraph();
    out.done
}

/// The text of an element on one line, whitespace collapsed.
pub fn inline_text(element: ElementRef<'_>) -> String {
    collapse(&element.text().collect::<String>())
}

/// Collapses runs of HTML whitespace into single spaces and trims.
pub fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_dropped(element: &scraper::node::Element) -> bool {
    if DROPPED.contains(&element.name()) || element.attr("hidden").is_some() {
        return true;
    }
    let marks = element.id().into_iter().chain(element.classes());
    marks
        .flat_map(|mark| mark.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|word| {
            AROUND_THE_STORY
                .iter()
                .any(|w| w.eq_ignore_ascii_case(word))
        })
}

/// Paragraphs being collected.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    pending_space: bool,
}

impl Paragraphs {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                self.pending_space = !self.current.is_empty() && !self.current.ends_with('\n');
            } else {
                if self.pending_space {
                    self.current.push(' ');
                    self.pending_space = false;
                }
                self.current.push(c);
            }
        }
    }

    fn line_break(&mut self) {
        self.current.push('\n');
        self.pending_space = false;
    }

    fn end_paragraph(&mut self) {
        let text = self.current.trim_matches(|c: char| c == '\n' || c == ' ');
        // `<p>&nbsp;</p>` spacers are no paragraphs.
        if !text.trim().is_empty() {
            self.done.push(text.to_owned());
        }
        self.current.clear();
        self.pending_space = false;
    }
}
