//! Parsing a page with its nesting capped. html5ever's tree builder checks
//! "is there a `<p>` in scope" and the like by walking its stack of open
//! elements, so each tag costs time in proportion to how deep it sits:
//! 100,000 nested `<div>` take half a minute. Between the tokenizer and the
//! tree builder, [`Capped`] keeps an estimate of that stack and passes no
//! start tag that would open an element deeper than [`MAX_DEPTH`] (the
//! depth at which browsers stop nesting too), nor its end tag: the text
//! inside is kept, only those tags' paragraph breaks are lost.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    EndTag, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{LocalName, TokenizerResult};

use super::dom::{Dom, NodeId, Sink};

/// The deepest element opened; deeper start tags are passed over.
pub const MAX_DEPTH: usize = 512;

/// Parses `html` as a document, as `scraper` does, with nesting capped;
/// also returns how many start tags were passed over for being too deep.
pub fn parse(html: &str) -> (Dom, usize) {
    let capped = Capped {
        builder: TreeBuilder::new(Sink::new(), TreeBuilderOpts::default()),
        open: RefCell::new(Vec::new()),
        passed_over: RefCell::new(HashMap::new()),
        count: Cell::new(0),
    };
    let tokenizer = Tokenizer::new(capped, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let capped = &tokenizer.sink;
    (capped.builder.sink.take(), capped.count.get())
}

/// Elements that never hold others: they do not deepen the stack.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content the tokenizer reads as text once the tree builder
/// has seen their start tag: always passed on, and they cannot nest.
const RAW_TEXT: &[&str] = &[
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
];

/// Start tags that close an open `<p>` (the tree builder's "close a p
/// element"), up to the nearest element that scopes it.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "dd",
    "dt",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
];

/// Elements a `<p>`, `<li>` or table cell is never closed across.
const SCOPES: &[&str] = &[
    "applet", "button", "caption", "html", "marquee", "math", "object", "svg", "table", "td",
    "template", "th",
];

/// The tree builder behind a filter that estimates its stack of open
/// elements and passes over start tags (and their end tags) beyond
/// [`MAX_DEPTH`].
struct Capped {
    builder: TreeBuilder<NodeId, Sink>,
    /// Names of the elements open, by the estimate.
    open: RefCell<Vec<LocalName>>,
    /// Start tags passed over whose end tag is still to come, by name.
    passed_over: RefCell<HashMap<LocalName, usize>>,
    /// Start tags passed over in all.
    count: Cell<usize>,
}

impl Capped {
    /// Updates the estimate for `tag`; false when the tag is passed over.
    fn admit(&self, tag: &Tag) -> bool {
        let name = &*tag.name;
        let mut open = self.open.borrow_mut();
        if matches!(name, "html" | "head" | "body") {
            return true;
        }
        if tag.kind == EndTag {
            let mut passed_over = self.passed_over.borrow_mut();
            if let Some(n) = passed_over.get_mut(&tag.name).filter(|n| **n > 0) {
                *n -= 1;
                return false;
            }
            if let Some(at) = open.iter().rposition(|n| *n == tag.name) {
                open.truncate(at);
            }
            return true;
        }
        let foreign = open.iter().any(|n| matches!(&**n, "svg" | "math"));
        if VOID.contains(&name) || (tag.self_closing && foreign) {
            return true;
        }
        close_implied(&mut open, name);
        if open.len() >= MAX_DEPTH && !RAW_TEXT.contains(&name) {
            *self
                .passed_over
                .borrow_mut()
                .entry(tag.name.clone())
                .or_default() += 1;
            self.count.set(self.count.get() + 1);
            return false;
        }
        open.push(tag.name.clone());
        true
    }
}

/// Pops what a start tag `name` closes on its own: an open `<p>` before a
/// block, a list item before the next, a cell or row before the next (a row
/// also closes the cell open in the row before), an option before the next,
/// a link before the next.
fn close_implied(open: &mut Vec<LocalName>, name: &str) {
    let closes: &[&str] = match name {
        "li" => &["li"],
        "dd" | "dt" => &["dd", "dt"],
        "td" | "th" => &["td", "th"],
        "tr" => &["tr", "td", "th"],
        "tbody" | "thead" | "tfoot" => &["tbody", "thead", "tfoot", "tr", "td", "th"],
        "option" => &["option"],
        "optgroup" => &["option", "optgroup"],
        "a" => &["a"],
        _ => &[],
    };
    let p: &[&str] = if CLOSES_P.contains(&name) {
        &["p"]
    } else {
        &[]
    };
    for targets in [p, closes] {
        let found = open
            .iter()
            .rev()
            .take_while(|n| !SCOPES.contains(&&***n) || targets.contains(&&***n))
            .position(|n| targets.contains(&&**n));
        if let Some(from_top) = found {
            // A row closes its open cell and then the row it sits in.
            let mut keep = open.len() - from_top - 1;
            while keep > 0 && targets.contains(&&*open[keep - 1]) {
                keep -= 1;
            }
            open.truncate(keep);
        }
    }
}

impl TokenSink for Capped {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        if let TagToken(tag) = &token
            && matches!(tag.kind, StartTag | EndTag)
            && !self.admit(tag)
        {
            return TokenSinkResult::Continue;
        }
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::html::dom::{Data, Edge};

    fn depth(dom: &Dom) -> usize {
        let (mut depth, mut deepest) = (0, 0);
        for edge in dom.edges(0) {
            match edge {
                Edge::Open(_) => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                Edge::Close(_) => depth -= 1,
            }
        }
        deepest
    }

    #[test]
    fn nesting_past_the_cap_is_flattened_and_the_text_kept() {
        let n = 3 * MAX_DEPTH;
        let html = format!(
            "<body>{}deep{}</body>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let (dom, passed_over) = parse(&html);
        assert_eq!(passed_over, n - MAX_DEPTH);
        assert!(depth(&dom) <= MAX_DEPTH + 4, "{}", depth(&dom));
        assert_eq!(dom.text(0), "deep");
    }

    #[test]
    fn implied_ends_keep_ordinary_pages_far_from_the_cap() {
        let rows = "<tr><td>a<td>b".repeat(2 * MAX_DEPTH);
        let items = "<li><p>x".repeat(2 * MAX_DEPTH);
        let html = format!("<body><table>{rows}</table><ul>{items}</ul><p><a>1<a>2</body>");
        let (dom, passed_over) = parse(&html);
        assert_eq!(passed_over, 0);
        let texts = dom
            .descendants(0)
            .filter(|&id| matches!(dom.data(id), Data::Text(_)))
            .count();
        assert_eq!(texts, 6 * MAX_DEPTH + 2);
    }
}
