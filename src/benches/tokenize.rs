//! `cargo bench --bench tokenize`: tokenizer throughput on wire text (the
//! articles in `samples/`, repeated to 20 MB) and on 1 MB chunks without a
//! space that would make a naive affix loop quadratic.

use std::time::Instant;

use byline::model::tokenize;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut text = String::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for path in files {
        text.push_str(&std::fs::read_to_string(path).unwrap_or_default());
        text.push_str("\n\n");
    }
    let started = Instant::now();
    tokenize("warm up: tables and the URL regex are built on first use");
    println!("first call: {:.1?}", started.elapsed());
    if !text.is_empty() {
        let news = text.repeat(20_000_000 / text.len() + 1);
        let started = Instant::now();
        let tokens = tokenize(&news).len();
        let took = started.elapsed();
        let rate = news.len() as f64 / took.as_secs_f64() / 1e6;
        println!(
            "wire text: {} MB, {tokens} tokens in {took:.1?}: {rate:.0} MB/s",
            news.len() / 1_000_000
        );
    }
    for unit in ["word", "(", "a-", "'s", "Mr.", ":)", "a.b", "x@y.", "😀"] {
        let line = unit.repeat(1_000_000 / unit.len());
        let started = Instant::now();
        let tokens = tokenize(&line).len();
        println!(
            "1 MB of {unit:?} without spaces: {tokens} tokens in {:.1?}",
            started.elapsed()
        );
    }
}
