//! Tools run by hand, not in CI: a dump of the mentions for scoring against
//! gold data kept outside the repository, and a throughput measurement.

use super::*;
use crate::model::Document;
use crate::suggest::Suggester;

/// Writes the mentions of every `text` in the JSONL file named by
/// `BYLINE_ENTITIES_IN` to `BYLINE_ENTITIES_OUT` as code point offsets, for
/// scoring against gold data kept outside the repository.
#[test]
#[ignore = "tool: run with BYLINE_ENTITIES_IN and BYLINE_ENTITIES_OUT set"]
fn dump_entities_for_scoring() {
    use crate::model::OffsetIndex;
    let (Ok(input), Ok(output)) = (
        std::env::var("BYLINE_ENTITIES_IN"),
        std::env::var("BYLINE_ENTITIES_OUT"),
    ) else {
        return;
    };
    let mut out = String::new();
    for line in std::fs::read_to_string(input).unwrap().lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = Document::new(None, record["text"].as_str().unwrap_or(""));
        let suggestions = EntitySuggester.suggest(&doc);
        let index = OffsetIndex::new(doc.text());
        let paragraphs = crate::model::document::paragraphs(doc.text());
        let mentions = find_entities(doc.text(), &paragraphs, &suggestions.boilerplate);
        let details: Vec<serde_json::Value> = mentions
            .iter()
            .map(|m| serde_json::json!([m.canonical, format!("{:?}", m.gender)]))
            .collect();
        let boilerplate: Vec<[usize; 2]> = suggestions
            .boilerplate
            .iter()
            .map(|b| index.to_chars(*b).map(|r| [r.start, r.end]).unwrap())
            .collect();
        let spans: Vec<serde_json::Value> = suggestions
            .spans
            .iter()
            .map(|s| {
                let r = index.to_chars(s.range).unwrap();
                let crate::model::Origin::Suggested { rule, score, .. } = &s.origin else {
                    unreachable!()
                };
                serde_json::json!([r.start, r.end, s.label, rule, score])
            })
            .collect();
        let record =
            serde_json::json!({ "spans": spans, "details": details, "boilerplate": boilerplate });
        out.push_str(&record.to_string());
        out.push('\n');
    }
    std::fs::write(output, out).unwrap();
}

/// Prints the entity engine's throughput on the shared seed article; run
/// with `cargo test --release --lib entity_throughput -- --ignored --nocapture`.
#[test]
#[ignore = "measurement: prints MB/s, asserts nothing about speed"]
fn entity_throughput() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/wire-article.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let docs: Vec<Document> = (0..2_000)
        .map(|i| Document::new(None, &format!("{text}\n\nRun {i}.")))
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    // Time on the CPU, not on the wall clock: the machine is shared.
    let cpu_ns = || {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
    };
    let _ = EntitySuggester.suggest(&docs[0]);
    let (wall, cpu) = (std::time::Instant::now(), cpu_ns());
    let spans: usize = docs
        .iter()
        .map(|d| EntitySuggester.suggest(d).spans.len())
        .sum();
    let secs = match (cpu, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) / 1e9,
        _ => wall.elapsed().as_secs_f64(),
    };
    println!(
        "{} docs, {:.1} MB, {spans} spans in {secs:.2} s of CPU: {:.1} MB/s on one core",
        docs.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
