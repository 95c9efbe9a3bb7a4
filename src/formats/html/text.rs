//! Text extraction from an HTML element: one paragraph per block element
//! (`p`, headings, `li`, `blockquote`, `div`, …), whitespace inside a
//! paragraph collapsed as a browser does, `<br>` kept as a line break, and
//! the parts of a page that are not the story dropped. The walk is iterative,
//! so deeply nested markup cannot overflow the stack.

use super::dom::{Data, Dom, Edge, NodeId};

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
pub fn paragraphs(dom: &Dom, root: NodeId, keep_header: bool) -> Paragraphs {
    let mut out = Paragraphs::default();
    let mut skipping = None;
    for edge in dom.edges(root) {
        match edge {
            Edge::Open(node) if skipping.is_none() => match dom.data(node) {
                Data::Text(text) => out.push_text(text),
                Data::Element { .. } => {
                    let name = dom.name(node);
                    let header = name == "header" && !keep_header;
                    if header || is_dropped(dom, node) {
                        skipping = Some(node);
                    } else if name == "br" {
                        out.line_break();
                    } else if !INLINE.contains(&name) {
                        out.end_paragraph();
                    }
                }
                _ => {}
            },
            Edge::Close(node) if skipping == Some(node) => skipping = None,
            Edge::Close(node)
                if skipping.is_none()
                    && matches!(dom.data(node), Data::Element { .. })
                    && !INLINE.contains(&dom.name(node)) =>
            {
                out.end_paragraph();
            }
            _ => {}
        }
    }
    out.end_paragraph();
    out
}

/// The text of an element on one line, whitespace collapsed.
pub fn inline_text(dom: &Dom, element: NodeId) -> String {
    collapse(&dom.text(element))
}

/// Collapses runs of HTML whitespace into single spaces and trims.
pub fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_dropped(dom: &Dom, element: NodeId) -> bool {
    if DROPPED.contains(&dom.name(element)) || dom.attr(element, "hidden").is_some() {
        return true;
    }
    let marks = dom
        .attr(element, "id")
        .into_iter()
        .chain(dom.classes(element));
    marks
        .flat_map(|mark| mark.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|word| {
            AROUND_THE_STORY
                .iter()
                .any(|w| w.eq_ignore_ascii_case(word))
        })
}

/// Paragraphs being collected, joined by blank lines as they end: one
/// string, not one per paragraph (a table of many short cells made each
/// cell a paragraph and an allocation).
#[derive(Default)]
pub struct Paragraphs {
    done: String,
    /// Byte range of each paragraph in `done`.
    ranges: Vec<(usize, usize)>,
    current: String,
    pending_space: bool,
}

impl Paragraphs {
    /// True when no paragraph was found.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// True when one of the paragraphs is `text`.
    pub fn contains(&self, text: &str) -> bool {
        (self.ranges.iter()).any(|&(start, end)| self.done.get(start..end) == Some(text))
    }

    /// Puts `text` before the first paragraph, as a paragraph of its own.
    pub fn prepend(&mut self, text: &str) {
        let separator = if self.done.is_empty() { "" } else { "\n\n" };
        self.done.insert_str(0, &format!("{text}{separator}"));
        let shift = text.len() + separator.len();
        for range in &mut self.ranges {
            *range = (range.0 + shift, range.1 + shift);
        }
        self.ranges.insert(0, (0, text.len()));
    }

    /// The paragraphs, joined by blank lines.
    pub fn into_text(self) -> String {
        self.done
    }

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
            if !self.done.is_empty() {
                self.done.push_str("\n\n");
            }
            let start = self.done.len();
            self.done.push_str(text);
            self.ranges.push((start, self.done.len()));
        }
        self.current.clear();
        self.pending_space = false;
    }
}
