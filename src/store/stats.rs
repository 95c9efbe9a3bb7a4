//! Project statistics for `byline stats`: documents by status, spans by label
//! and state, quotes by kind, and how often each engine's rules were accepted —
//! how good the suggestions are on this project. Counted by SQLite, without
//! loading any document.

use std::collections::BTreeMap;
use std::fmt;

use rusqlite::Connection;

use super::error::StoreError;
use super::project::Project;
use super::rows::{Res, parse_kind, parse_state, parse_status};
use crate::model::{DocStatus, QuoteKind, SpanState};

/// Counts by review state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StateCounts {
    /// Not reviewed yet.
    pub pending: usize,
    /// Accepted (or made by hand).
    pub accepted: usize,
    /// Rejected.
    pub rejected: usize,
}

impl StateCounts {
    fn add(&mut self, state: SpanState, n: usize) {
        match state {
            SpanState::Pending => self.pending += n,
            SpanState::Accepted => self.accepted += n,
            SpanState::Rejected => self.rejected += n,
        }
    }

    /// All states together.
    pub fn total(&self) -> usize {
        self.pending + self.accepted + self.rejected
    }

    /// Accepted among those reviewed; `None` before any review.
    pub fn acceptance_rate(&self) -> Option<f64> {
        let reviewed = self.accepted + self.rejected;
        (reviewed > 0).then(|| self.accepted as f64 / reviewed as f64)
    }
}

/// What a project holds and how the review is going.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Documents per status (every status present, zero or not).
    pub documents: BTreeMap<DocStatus, usize>,
    /// Spans per label.
    pub spans: BTreeMap<String, StateCounts>,
    /// Quotes per kind.
    pub quotes: BTreeMap<QuoteKind, usize>,
    /// Suggested spans and quotes per `(engine, rule)`, by what the editor made of them.
    pub suggestions: BTreeMap<(String, String), StateCounts>,
}

/// Counts everything in `project`.
pub fn compute(project: &Project) -> Result<Stats, StoreError> {
    count(&project.conn).map_err(|e| e.at("count the project", project.path()))
}

fn count(conn: &Connection) -> Res<Stats> {
    let tx = conn.unchecked_transaction()?;
    let mut stats = Stats::default();
    for status in DocStatus::ALL {
        stats.documents.insert(status, 0);
    }
    for (status, n) in groups(
        &tx,
        "SELECT status, '', '', count(*) FROM documents GROUP BY 1",
    )? {
        stats.documents.insert(parse_status(&status.0)?, n);
    }
    for (key, n) in groups(
        &tx,
        "SELECT label, state, '', count(*) FROM spans GROUP BY 1, 2",
    )? {
        let state = parse_state(&key.1)?;
        stats.spans.entry(key.0).or_default().add(state, n);
    }
    for (kind, n) in groups(&tx, "SELECT kind, '', '', count(*) FROM quotes GROUP BY 1")? {
        stats.quotes.insert(parse_kind(&kind.0)?, n);
    }
    let suggested = "SELECT engine, rule, state, count(*) FROM (
            SELECT engine, rule, state FROM spans WHERE engine IS NOT NULL
            UNION ALL SELECT engine, rule, state FROM quotes WHERE engine IS NOT NULL)
        GROUP BY 1, 2, 3";
    for ((engine, rule, state), n) in groups(&tx, suggested)? {
        let state = parse_state(&state)?;
        stats
            .suggestions
            .entry((engine, rule))
            .or_default()
            .add(state, n);
    }
    Ok(stats)
}

/// Up to three grouping columns.
type Key = (String, String, String);

/// Rows of `(text, text, text, count)`.
fn groups(conn: &Connection, sql: &str) -> Res<Vec<(Key, usize)>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| {
        Ok((
            (
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                r.get::<_, Option<String>>(2)?.unwrap_or_default(),
            ),
            usize::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let docs: usize = self.documents.values().sum();
        let by_status: Vec<String> = self
            .documents
            .iter()
            .map(|(s, n)| format!("{} {n}", s.as_str()))
            .collect();
        writeln!(f, "documents: {docs} ({})", by_status.join(", "))?;
        writeln!(
            f,
            "\n{:<16} {:>8} {:>8} {:>8} {:>8}",
            "spans", "total", "pending", "accepted", "rejected"
        )?;
        for (label, c) in &self.spans {
            writeln!(
                f,
                "{label:<16} {:>8} {:>8} {:>8} {:>8}",
                c.total(),
                c.pending,
                c.accepted,
                c.rejected
            )?;
        }
        let quotes: usize = self.quotes.values().sum();
        let by_kind: Vec<String> = self
            .quotes
            .iter()
            .map(|(k, n)| format!("{} {n}", k.as_str()))
            .collect();
        if by_kind.is_empty() {
            writeln!(f, "\nquotes: 0")?;
        } else {
            writeln!(f, "\nquotes: {quotes} ({})", by_kind.join(", "))?;
        }
        writeln!(
            f,
            "\n{:<24} {:>8} {:>8} {:>8} {:>9}",
            "suggestions", "pending", "accepted", "rejected", "accepted%"
        )?;
        for ((engine, rule), c) in &self.suggestions {
            let rate = c
                .acceptance_rate()
                .map_or_else(|| "-".to_owned(), |r| format!("{:.1}", r * 100.0));
            writeln!(
                f,
                "{:<24} {:>8} {:>8} {:>8} {rate:>9}",
                format!("{engine}/{rule}"),
                c.pending,
                c.accepted,
                c.rejected
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Origin, Transaction, markup};

    #[test]
    fn counts_and_prints_the_review() {
        let dir = tempfile::tempdir().unwrap();
        let mut project = Project::create(&dir.path().join("p.byline")).unwrap();
        let mut doc = markup::document(
            "[“Yes,”|QUOTE:1] [Ana Díaz|SPEAKER:1] [said|CUE:1] in [Zürich|GPE] and [Bern|GPE].",
        )
        .unwrap();
        let mut tx = Transaction::new("review").with(Edit::SetStatus(DocStatus::Done));
        let reviews = [
            (3, SpanState::Accepted, "gpe"),
            (4, SpanState::Rejected, "gpe"),
            (1, SpanState::Pending, "speaker"),
        ];
        for (at, state, rule) in reviews {
            let mut span = doc.spans_sorted()[at].clone();
            span.origin = Origin::suggested("rules", rule, 0.5);
            span.state = state;
            tx.push(Edit::ReplaceSpan(span));
        }
        doc.apply(&tx).unwrap();
        project
            .add_documents(&[doc, crate::model::Document::new(None, "Empty.")])
            .unwrap();
        assert_eq!(
            compute(&project).unwrap().to_string(),
            "documents: 2 (new 1, in_progress 0, done 1, skipped 0)

spans               total  pending accepted rejected
CUE                     1        0        1        0
GPE                     2        0        1        1
QUOTE                   1        0        1        0
SPEAKER                 1        1        0        0

quotes: 1 (direct 1)

suggestions               pending accepted rejected accepted%
rules/gpe                       0        1        1      50.0
rules/speaker                   1        0        0         -
"
        );
    }
}
