//! HTML pages (parsed with `scraper`/html5ever, never with regexes): the
//! article's text, paragraph by paragraph, without the page around it. The
//! article is `[itemprop=articleBody]`, `<article>` or `<main>` when there is
//! one; scripts, navigation, forms, asides, footers and comment/share/related
//! sections are dropped (see `html::text`). The headline (`h1`) is
//! `meta.title`; the byline comes from `meta[name=author]`, `[rel=author]` or
//! `.byline`; the dateline from `.dateline` or the first paragraph.

mod text;

use scraper::{ElementRef, Html, Selector};

use crate::formats::input::article::ArticleMeta;
use crate::formats::{Loaded, ReadError, Warning};
use crate::model::Document;

/// Reads the article of one HTML page. A page without article text gives a
/// warning and no document.
pub fn read(html: &str, source: &str) -> Result<Loaded, ReadError> {
    let page = Html::parse_document(html);
    let root = article_root(&page);
    let mut paragraphs = text::paragraphs(root, root.value().name() != "body");
    let title = headline(&page, root);
    if let Some(title) = &title
        && !paragraphs.iter().any(|p| p == title)
    {
        paragraphs.insert(0, title.clone());
    }
    if paragraphs.is_empty() {
        return Ok(Loaded {
            documents: Vec::new(),
            warnings: vec![Warning::new(
                source,
                "no article text found in the page; skipped",
            )],
            skipped: 0,
        });
    }
    let mut doc = Document::new(Some(source.to_owned()), &paragraphs.join("\n\n"));
    let meta = ArticleMeta {
        title,
        byline: byline(&page),
        dateline: first_text(&page, ".dateline"),
    };
    meta.or_from_text(doc.text(), false).write(&mut doc);
    Ok(Loaded {
        documents: vec![doc],
        warnings: Vec::new(),
        skipped: 0,
    })
}

/// Elements matching a CSS selector written in this file (always valid).
fn select<'a>(page: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    Selector::parse(css).map_or_else(|_| Vec::new(), |sel| page.select(&sel).collect())
}

/// The element holding the story: the marked-up article body, else the
/// `<article>` with the most text, else `<main>`, else the whole body.
fn article_root(page: &Html) -> ElementRef<'_> {
    let longest = |css: &str| {
        select(page, css)
            .into_iter()
            .max_by_key(|e| e.text().map(str::len).sum::<usize>())
    };
    [
        "[itemprop=articleBody]",
        "article",
        "main",
        "[role=main]",
        "body",
    ]
    .into_iter()
    .find_map(longest)
    .unwrap_or_else(|| page.root_element())
}

/// The headline: the first `h1` of the article, else of the page, else the
/// page's `og:title` or `<title>`.
fn headline(page: &Html, root: ElementRef<'_>) -> Option<String> {
    let in_root = Selector::parse("h1")
        .ok()
        .and_then(|h1| root.select(&h1).next())
        .map(|e| text::inline_text(e));
    in_root
        .filter(|t| !t.is_empty())
        .or_else(|| first_text(page, "h1"))
        .or_else(|| first_attr(page, "meta[property='og:title']", "content"))
        .or_else(|| first_text(page, "title"))
}

/// The byline, from the page's author metadata or its byline element.
fn byline(page: &Html) -> Option<String> {
    first_attr(page, "meta[name=author]", "content")
        .or_else(|| first_text(page, "[rel=author]"))
        .or_else(|| first_text(page, ".byline"))
        .or_else(|| first_text(page, "[itemprop=author]"))
        .map(|b| {
            b.strip_prefix("By ")
                .or_else(|| b.strip_prefix("BY "))
                .unwrap_or(&b)
                .trim()
                .to_owned()
        })
        .filter(|b| !b.is_empty())
}

fn first_text(page: &Html, css: &str) -> Option<String> {
    select(page, css)
        .into_iter()
        .map(text::inline_text)
        .find(|t| !t.is_empty())
}

fn first_attr(page: &Html, css: &str, attr: &str) -> Option<String> {
    select(page, css)
        .into_iter()
        .filter_map(|e| e.attr(attr))
        .map(text::collapse)
        .find(|t| !t.is_empty())
}

#[cfg(test)]
mod tests;
