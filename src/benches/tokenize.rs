//! `cargo bench --features bench --bench tokenize`: tokenizer throughput on
//! wire text (the plain-text sample articles bundled in
//! `byline::formats::samples`, repeated to 20 MB) and on 1 MB chunks without a
//! space that would make a naive affix loop quadratic.

use std::time::Instant;

use byline::formats::samples::SAMPLES;
use byline::model::tokenize;

fn main() {
    let mut text = String::new();
    for sample in SAMPLES.iter().filter(|s| s.name.ends_with(".txt")) {
        text.push_str(&String::from_utf8_lossy(sample.bytes));
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
