//! HTML pages (parsed with html5ever's tree builder into a compact tree of
//! our own, [`dom`], never with regexes; nesting capped, [`nesting`]): the
//! article's text, paragraph by paragraph, without the page around it. The
//! article is `[itemprop=articleBody]`, `<article>` or `<main>` when there is
//! one; scripts, navigation, forms, asides, footers and comment/share/related
//! sections are dropped (see `html::text`). The headline (`h1`) is
//! `meta.title`; the byline comes from `meta[name=author]`, `[rel=author]` or
//! `.byline`; the dateline from `.dateline` or the first paragraph.

mod dom;
mod nesting;
mod text;

use crate::formats::input::article::ArticleMeta;
use crate::formats::{Loaded, ReadError, Warning};
use crate::model::Document;
use dom::{Dom, NodeId};

/// Reads the article of one HTML page. A page without article text gives a
/// warning and no document; markup nested too deep is flattened with one.
pub fn read(html: &str, source: &str) -> Result<Loaded, ReadError> {
    let (page, flattened) = nesting::parse(html);
    let mut warnings = Vec::new();
    if flattened > 0 {
        let message = format!(
            "{flattened} element(s) nested deeper than {} were flattened (their text is kept)",
            nesting::MAX_DEPTH
        );
        warnings.push(Warning::new(source, message));
    }
    let root = article_root(&page);
    let mut paragraphs = text::paragraphs(&page, root, page.name(root) != "body");
    let title = headline(&page, root);
    if let Some(title) = &title
        && !paragraphs.contains(title)
    {
        paragraphs.prepend(title);
    }
    if paragraphs.is_empty() {
        warnings.push(Warning::new(
            source,
            "no article text found in the page; skipped",
        ));
        return Ok(Loaded {
            documents: Vec::new(),
            warnings,
            skipped: 0,
        });
    }
    let meta = ArticleMeta {
        title,
        byline: byline(&page),
        dateline: first_text(&page, Css::class("dateline")),
    };
    // The tree is freed before the document is made; the document keeps the
    // paragraphs' text without a copy.
    drop(page);
    let mut doc = Document::from_string(Some(source.to_owned()), paragraphs.into_text());
    meta.or_from_text(doc.text(), false).write(&mut doc);
    Ok(Loaded {
        documents: vec![doc],
        warnings,
        skipped: 0,
    })
}

/// A CSS selector of the few shapes the reader needs: a tag name, an
/// attribute value (`[rel=…]` matched in any case on HTML elements, as
/// browsers do), a class, or a tag with an attribute value.
#[derive(Clone, Copy)]
struct Css {
    tag: Option<&'static str>,
    attr: Option<(&'static str, &'static str)>,
    class: Option<&'static str>,
}

impl Css {
    const fn tag(tag: &'static str) -> Self {
        Self {
            tag: Some(tag),
            attr: None,
            class: None,
        }
    }

    const fn attr(name: &'static str, value: &'static str) -> Self {
        Self {
            tag: None,
            attr: Some((name, value)),
            class: None,
        }
    }

    const fn class(class: &'static str) -> Self {
        Self {
            tag: None,
            attr: None,
            class: Some(class),
        }
    }

    const fn tag_attr(tag: &'static str, name: &'static str, value: &'static str) -> Self {
        Self {
            tag: Some(tag),
            attr: Some((name, value)),
            class: None,
        }
    }

    fn matches(&self, page: &Dom, id: NodeId) -> bool {
        let value_matches = |(name, value): (&str, &str)| {
            page.attr(id, name).is_some_and(|v| {
                v == value || (name == "rel" && page.is_html(id) && v.eq_ignore_ascii_case(value))
            })
        };
        self.tag.is_none_or(|tag| page.name(id) == tag)
            && self.attr.is_none_or(value_matches)
            && self.class.is_none_or(|c| page.classes(id).any(|x| x == c))
    }
}

/// Elements matching `css`, in document order.
fn select(page: &Dom, css: Css) -> impl Iterator<Item = NodeId> + '_ {
    page.elements().filter(move |&id| css.matches(page, id))
}

/// The element holding the story: the marked-up article body, else the
/// `<article>` with the most text, else `<main>`, else the whole body.
fn article_root(page: &Dom) -> NodeId {
    [
        Css::attr("itemprop", "articleBody"),
        Css::tag("article"),
        Css::tag("main"),
        Css::attr("role", "main"),
        Css::tag("body"),
    ]
    .into_iter()
    .find_map(|css| select(page, css).max_by_key(|&e| page.text_len(e)))
    .unwrap_or_else(|| page.root_element())
}

/// The headline: the first `h1` of the article, else of the page, else the
/// page's `og:title` or `<title>`.
fn headline(page: &Dom, root: NodeId) -> Option<String> {
    let h1 = Css::tag("h1");
    let in_root = page
        .descendants(root)
        .skip(1)
        .find(|&id| h1.matches(page, id))
        .map(|e| text::inline_text(page, e));
    in_root
        .filter(|t| !t.is_empty())
        .or_else(|| first_text(page, h1))
        .or_else(|| {
            first_attr(
                page,
                Css::tag_attr("meta", "property", "og:title"),
                "content",
            )
        })
        .or_else(|| first_text(page, Css::tag("title")))
}

/// The byline, from the page's author metadata or its byline element.
fn byline(page: &Dom) -> Option<String> {
    first_attr(page, Css::tag_attr("meta", "name", "author"), "content")
        .or_else(|| first_text(page, Css::attr("rel", "author")))
        .or_else(|| first_text(page, Css::class("byline")))
        .or_else(|| first_text(page, Css::attr("itemprop", "author")))
        .map(|b| {
            b.strip_prefix("By ")
                .or_else(|| b.strip_prefix("BY "))
                .unwrap_or(&b)
                .trim()
                .to_owned()
        })
        .filter(|b| !b.is_empty())
}

fn first_text(page: &Dom, css: Css) -> Option<String> {
    select(page, css)
        .map(|e| text::inline_text(page, e))
        .find(|t| !t.is_empty())
}

fn first_attr(page: &Dom, css: Css, attr: &str) -> Option<String> {
    select(page, css)
        .filter_map(|e| page.attr(e, attr))
        .map(text::collapse)
        .find(|t| !t.is_empty())
}

#[cfg(test)]
mod tests;
