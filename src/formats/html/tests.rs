//! The article extractor on pages with the usual clutter around the story.

use super::*;
use crate::model::OffsetIndex;

const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
  <title>Site | Müller’s plan</title>
  <meta name="author" content="Ana Díaz">
  <style>p { color: red }</style>
  <script>var x = "<p>not text</p>";</script>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
  <div class="cookie-banner">We use cookies.</div>
  <article>
    <header><h1>Müller’s   plan
      stalls</h1><p class="byline">By Ana Díaz</p></header>
    <p>BERLIN (Reuters) &ndash; &ldquo;Nein,&rdquo; said <b>Jürgen</b>
       <a href="/p/m">Müller</a> &amp; co.&nbsp;today.</p>
    <!-- an HTML comment: not text -->
    <p>Line one<br>line two 🚀</p>
    <p>&nbsp;</p>
    <ul><li>北京 reacted</li><li>Tokyo too</li></ul>
    <blockquote><p>“Quoted,” she wrote.</p></blockquote>
    <div class="share-tools">Share on X</div>
    <noscript>Enable JavaScript</noscript>
    <form><label>Email</label><input name="e"></form>
    <footer>Tags: politics</footer>
  </article>
  <aside><p>Related: other story</p></aside>
  <section id="comments"><p>First!</p></section>
  <footer>© Site</footer>
</body></html>"#;

fn read_page(html: &str) -> Loaded {
    read(html, "page.html").unwrap()
}

#[test]
fn extracts_the_article_and_nothing_around_it() {
    let doc = read_page(PAGE).documents.remove(0);
    assert_eq!(
        doc.text(),
        "Müller’s plan stalls\n\nBy Ana Díaz\n\n\
         BERLIN (Reuters) – “Nein,” said Jürgen Müller & co.\u{a0}today.\n\n\
         Line one\nline two 🚀\n\n北京 reacted\n\nTokyo too\n\n“Quoted,” she wrote."
    );
}

#[test]
fn records_headline_byline_and_dateline() {
    let doc = read_page(PAGE).documents.remove(0);
    assert_eq!(doc.meta["title"], "Müller’s plan stalls");
    assert_eq!(doc.meta["byline"], "Ana Díaz");
    assert_eq!(doc.meta["dateline"], "BERLIN (Reuters)");
}

#[test]
fn paragraph_starts_are_code_points() {
    let doc = read_page(PAGE).documents.remove(0);
    let index = OffsetIndex::new(doc.text());
    let starts = doc.meta["paragraphs"].as_array().unwrap();
    assert_eq!(starts.len(), 7);
    let start = |i: usize| {
        index
            .char_to_byte(starts[i].as_u64().unwrap() as usize)
            .unwrap()
    };
    assert!(doc.text()[start(4)..].starts_with("北京"));
    assert!(doc.text()[start(6)..].starts_with("“Quoted"));
}

#[test]
fn pages_without_article_markup_use_the_body() {
    let html = "<html><body><nav>Menu</nav><h1>Title here</h1><div>Loose <i>text</i><br>next</div>\
                <p>Para</p><script>x()</script></body></html>";
    let doc = read_page(html).documents.remove(0);
    assert_eq!(doc.text(), "Title here\n\nLoose text\nnext\n\nPara");
    assert_eq!(doc.meta["title"], "Title here");
}

#[test]
fn a_headline_outside_the_article_leads_the_text() {
    let html = "<h1>Outside headline</h1><main><p>Body text.</p></main>";
    let doc = read_page(html).documents.remove(0);
    assert_eq!(doc.text(), "Outside headline\n\nBody text.");
}

#[test]
fn a_page_without_text_is_a_warning() {
    let loaded =
        read_page("<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>");
    assert!(loaded.documents.is_empty());
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0].to_string().contains("no article text"));
}

#[test]
fn deeply_nested_markup_does_not_overflow() {
    let html = format!(
        "{}<p>deep</p>{}",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    let loaded = read_page(&html);
    assert_eq!(loaded.documents[0].text(), "deep");
}
