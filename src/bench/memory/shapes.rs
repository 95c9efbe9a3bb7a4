//! The input shapes `byline bench memory` reads: for each reader, the shape
//! that made it hold the most memory per input byte (many short lines or
//! cells, dense annotations), built from the corpus pools and written to a
//! folder as the files a user would hand to `byline convert`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::bench::corpus::{PEOPLE, PLACES};

/// One worst-case input of a reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Plain text in short paragraphs.
    Text,
    /// One paragraph without a newline.
    Paragraph,
    /// Markdown with headings, emphasis and links.
    Markdown,
    /// An HTML page holding one table of many rows.
    HtmlTable,
    /// brat: a `.txt` and an `.ann` with a quote event on every line.
    Brat,
    /// CoNLL with an entity and an attribution column, a token per line.
    Conll,
    /// JSONL records with spans (Prodigy style).
    Jsonl,
    /// A Label Studio export: a task per sentence, its regions and the
    /// relations making them a quote.
    LabelStudio,
}

impl Shape {
    /// Every shape, in the order the rows are printed.
    pub const ALL: [Self; 8] = [
        Self::Text,
        Self::Paragraph,
        Self::Markdown,
        Self::HtmlTable,
        Self::Brat,
        Self::Conll,
        Self::Jsonl,
        Self::LabelStudio,
    ];

    /// What the row is called.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text, short paragraphs",
            Self::Paragraph => "text, one paragraph",
            Self::Markdown => "Markdown",
            Self::HtmlTable => "HTML table",
            Self::Brat => "brat .txt + .ann",
            Self::Conll => "CoNLL, 3 columns",
            Self::Jsonl => "JSONL with spans",
            Self::LabelStudio => "Label Studio JSON",
        }
    }

    /// Writes the input of about `bytes` bytes into `dir`; returns the path
    /// to read and the bytes of input written (both brat files).
    pub fn write(self, dir: &Path, bytes: usize) -> std::io::Result<(PathBuf, usize)> {
        let (name, content) = match self {
            Self::Text => ("text.txt", repeat(bytes, |i, s| paragraph(i, s, "\n\n"))),
            Self::Paragraph => ("paragraph.txt", repeat(bytes, |i, s| paragraph(i, s, " "))),
            Self::Markdown => ("story.md", repeat(bytes, markdown)),
            Self::HtmlTable => ("table.html", html_table(bytes)),
            Self::Brat => return brat(dir, bytes),
            Self::Conll => ("tokens.conll", repeat(bytes, conll)),
            Self::Jsonl => ("records.jsonl", repeat(bytes, jsonl)),
            Self::LabelStudio => ("tasks.json", label_studio(bytes)),
        };
        let path = dir.join(name);
        fs::write(&path, &content)?;
        Ok((path, content.len()))
    }
}

/// One sentence `i` of the generated text and the code point ranges of its
/// quote, speaker, cue and place.
struct Sentence {
    text: String,
    quote: [usize; 2],
    speaker: [usize; 2],
    cue: [usize; 2],
    place: [usize; 2],
}

fn sentence(i: usize) -> Sentence {
    let person = PEOPLE[i % PEOPLE.len()];
    let place = PLACES[i % PLACES.len()];
    let quote = format!("“We will rebuild bridge {i},”");
    let text = format!("{quote} {person} said in {place} on Monday.");
    let chars = |s: &str| s.chars().count();
    let speaker = chars(&quote) + 1;
    let cue = speaker + chars(person) + 1;
    let at = cue + "said in ".len();
    Sentence {
        quote: [0, chars(&quote)],
        speaker: [speaker, speaker + chars(person)],
        cue: [cue, cue + 4],
        place: [at, at + chars(place)],
        text,
    }
}

/// Calls `piece` with 0, 1, 2… until the text it appended reaches `bytes`.
fn repeat(bytes: usize, piece: impl Fn(usize, &mut String)) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut i = 0;
    while out.len() < bytes {
        piece(i, &mut out);
        i += 1;
    }
    out
}

fn paragraph(i: usize, out: &mut String, end: &str) {
    out.push_str(&sentence(i).text);
    out.push_str(end);
}

fn markdown(i: usize, out: &mut String) {
    if i.is_multiple_of(50) {
        let _ = write!(out, "## Part {i}\n\n");
    }
    let _ = write!(
        out,
        "{} *Really* [so](https://example.org).\n\n",
        sentence(i).text
    );
}

fn html_table(bytes: usize) -> String {
    let mut page = String::from("<!DOCTYPE html><html><body><article><h1>Results</h1><table>\n");
    let rows = repeat(bytes, |i, out| {
        let person = PEOPLE[i % PEOPLE.len()];
        let _ = writeln!(
            out,
            "<tr><td>{i}</td><td>{person}</td><td>{}</td></tr>",
            sentence(i).text
        );
    });
    page.push_str(&rows);
    page.push_str("</table></article></body></html>\n");
    page
}

fn conll(i: usize, out: &mut String) {
    if i.is_multiple_of(2_000) {
        out.push_str("-DOCSTART- O O\n\n");
    }
    let s = sentence(i);
    let mut quote_open = true;
    for (k, word) in s.text.split(' ').enumerate() {
        let attribution = if quote_open {
            quote_open = !word.ends_with('”');
            if k == 0 { "B-QUOTE" } else { "I-QUOTE" }
        } else if word == "said" {
            "B-CUE"
        } else {
            "O"
        };
        let _ = writeln!(out, "{word}\tO\t{attribution}");
    }
    out.push('\n');
}

fn jsonl(i: usize, out: &mut String) {
    let s = sentence(i);
    let span = |[start, end]: [usize; 2], label: &str| {
        format!(r#"{{"start": {start}, "end": {end}, "label": "{label}"}}"#)
    };
    let _ = writeln!(
        out,
        r#"{{"text": "{}", "spans": [{}, {}, {}, {}]}}"#,
        s.text.replace('"', "\\\""),
        span(s.quote, "QUOTE"),
        span(s.speaker, "SPEAKER"),
        span(s.cue, "CUE"),
        span(s.place, "GPE"),
    );
}

/// A Label Studio export (a JSON list) of one task per sentence.
fn label_studio(bytes: usize) -> String {
    let mut out = repeat(bytes, |i, out| {
        let s = sentence(i);
        let region = |id: &str, [start, end]: [usize; 2], label: &str| {
            format!(
                r#"{{"id": "{id}", "from_name": "label", "to_name": "text", "type": "labels", "value": {{"start": {start}, "end": {end}, "labels": ["{label}"]}}}}"#
            )
        };
        let relation = |to: &str, label: &str| {
            format!(
                r#"{{"from_id": "q", "to_id": "{to}", "type": "relation", "direction": "right", "labels": ["{label}"]}}"#
            )
        };
        let _ = writeln!(
            out,
            r#"{}{{"data": {{"text": "{}"}}, "annotations": [{{"result": [{}, {}, {}, {}, {}, {}]}}]}}"#,
            if i == 0 { "[" } else { "," },
            s.text,
            region("q", s.quote, "QUOTE"),
            region("s", s.speaker, "SPEAKER"),
            region("c", s.cue, "CUE"),
            region("p", s.place, "GPE"),
            relation("s", "SPEAKER"),
            relation("c", "CUE"),
        );
    });
    out.push(']');
    out
}

/// One brat document: a sentence per line, each with its quote event and a
/// `RefersTo` from its speaker to the one before.
fn brat(dir: &Path, bytes: usize) -> std::io::Result<(PathBuf, usize)> {
    let (mut text, mut ann) = (String::new(), String::new());
    let (mut at, mut i) = (0, 0);
    while text.len() + ann.len() < bytes {
        let s = sentence(i);
        let shift = |[start, end]: [usize; 2]| format!("{} {}", at + start, at + end);
        let slice = |[start, end]: [usize; 2]| -> String {
            s.text.chars().skip(start).take(end - start).collect()
        };
        let t = 5 * i;
        let _ = writeln!(
            ann,
            "T{}\tContent {}\t{}",
            t + 1,
            shift(s.quote),
            slice(s.quote)
        );
        let _ = writeln!(
            ann,
            "T{}\tSource {}\t{}",
            t + 2,
            shift(s.speaker),
            slice(s.speaker)
        );
        let _ = writeln!(ann, "T{}\tCue {}\tsaid", t + 3, shift(s.cue));
        let _ = writeln!(ann, "T{}\tAttribution {}\tsaid", t + 4, shift(s.cue));
        let _ = writeln!(
            ann,
            "T{}\tGPE {}\t{}",
            t + 5,
            shift(s.place),
            slice(s.place)
        );
        let _ = writeln!(
            ann,
            "E{}\tAttribution:T{} Content:T{} Cue:T{} Source:T{}",
            i + 1,
            t + 4,
            t + 1,
            t + 3,
            t + 2
        );
        if i > 0 {
            let _ = writeln!(ann, "R{i}\tRefersTo Arg1:T{} Arg2:T{}", t + 2, t - 3);
        }
        text.push_str(&s.text);
        text.push('\n');
        at += s.text.chars().count() + 1;
        i += 1;
    }
    let ann_path = dir.join("story.ann");
    fs::write(dir.join("story.txt"), &text)?;
    fs::write(&ann_path, &ann)?;
    Ok((ann_path, text.len() + ann.len()))
}
