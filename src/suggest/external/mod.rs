//! The `external` engine: any command that reads JSONL documents on stdin and
//! writes one JSONL suggestion line per document on stdout (a spaCy or
//! transformer model, a script), run once per batch of documents.
//!
//! Unlike the built-in [`Suggester`](super::Suggester)s it does I/O and works
//! on batches (a model loads once per batch, not per document), so it has its
//! own entry points, [`ExternalEngine::run`] and [`ExternalEngine::suggest`].
//! Nothing it does is fatal: a missing command, a crash, a timeout or a bad
//! line become warnings naming the command and the line or document, and the
//! documents keep whatever else was suggested.

pub mod command;
mod output;
pub mod process;
pub mod protocol;

#[cfg(test)]
mod tests;

use std::time::Duration;

pub use command::{CommandError, EngineCommand};
use process::{Limits, OutputLine};

use super::{Suggestions, to_transaction};
use crate::model::{Document, LabelSet};

/// How long one batch may take when the user sets no timeout.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Output allowed per input byte, and beyond that in any case: an engine's
/// answer lists spans of its input, so much more than the input means it is
/// not answering the protocol.
const OUTPUT_PER_INPUT_BYTE: usize = 4;
const OUTPUT_SLACK: usize = 1 << 20;
/// Output allowed per document beyond its share, for short documents.
const OUTPUT_PER_DOCUMENT: usize = 64 << 10;

/// Document names listed in a "no answer for" warning before "and N more".
const NAMES_LISTED: usize = 3;

/// A configured external engine.
#[derive(Clone, Debug)]
pub struct ExternalEngine {
    command: EngineCommand,
    name: String,
    timeout: Duration,
    labels: LabelSet,
}

/// What one batch gave: suggestions per document (empty where the engine
/// gave nothing usable), and warnings for the user.
#[derive(Debug, Default)]
pub struct Batch {
    /// One entry per document, in input order.
    pub suggestions: Vec<Suggestions>,
    /// Each starts with the engine's name and says which line or document.
    pub warnings: Vec<String>,
}

impl ExternalEngine {
    /// An engine running `command`, with [`DEFAULT_TIMEOUT`] and the built-in labels.
    pub fn new(command: EngineCommand) -> Self {
        Self {
            name: command.short_name(),
            command,
            timeout: DEFAULT_TIMEOUT,
            labels: LabelSet::builtin(),
        }
    }

    /// The same engine with another per-batch timeout.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The same engine checking labels against a project's label set.
    #[must_use]
    pub fn with_labels(mut self, labels: LabelSet) -> Self {
        self.labels = labels;
        self
    }

    /// Short name of the command: in messages, and the default `rule`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Runs the command once on `docs` and reads its answer. Never fails:
    /// problems are in [`Batch::warnings`].
    pub fn run(&self, docs: &[&Document]) -> Batch {
        let mut batch = Batch {
            suggestions: vec![Suggestions::default(); docs.len()],
            warnings: Vec::new(),
        };
        if docs.is_empty() {
            return batch;
        }
        let input: Vec<String> = docs.iter().map(|d| protocol::document_line(d)).collect();
        let limits = limits_for(&input);
        let input = input.concat().into_bytes();
        let run = process::run(&self.command, input, docs.len(), self.timeout, limits);
        if let Some(problem) = &run.problem {
            batch.warn(&self.name, &problem.to_string());
        }
        let lines = run.lines.iter().enumerate().filter(|(_, l)| !l.is_blank());
        let mut answered = 0;
        for ((i, line), doc) in lines.clone().zip(docs) {
            answered += 1;
            let at = format!("output line {} (document {})", i + 1, doc_name(doc));
            let parsed = match line {
                OutputLine::Text(line) => protocol::parse_line(line, doc, &self.labels, &self.name),
                OutputLine::TooLong { bytes, limit } => Err(format!(
                    "{bytes} bytes long, over the line limit of {limit} bytes"
                )),
            };
            match parsed {
                Ok(parsed) => {
                    for w in parsed.warnings {
                        batch.warn(&self.name, &format!("{at}: {w}"));
                    }
                    batch.suggestions[answered - 1] = parsed.suggestions;
                }
                Err(why) => batch.warn(&self.name, &format!("{at}: {why}; line skipped")),
            }
        }
        let total = lines.count();
        if total > docs.len() {
            let message = format!(
                "{total} output lines for {} documents; the extra lines are ignored",
                docs.len()
            );
            batch.warn(&self.name, &message);
        } else if answered < docs.len() && (run.problem.is_none() || answered > 0) {
            let message = format!(
                "{answered} output lines for {} documents; no suggestions for {}",
                docs.len(),
                names(docs.get(answered..).unwrap_or_default())
            );
            batch.warn(&self.name, &message);
        }
        batch
    }

    /// Runs the command on `docs` and adds what it proposes as pending
    /// suggestions (beside any already there). Returns the warnings.
    pub fn suggest(&self, docs: &mut [Document]) -> Vec<String> {
        let mut refs: Vec<&mut Document> = docs.iter_mut().collect();
        self.suggest_with(&mut refs, |_, _| {})
    }

    /// [`suggest`](Self::suggest) on documents picked from a larger list,
    /// passing each document's suggestions through `refine` first (the
    /// window's project memory drops what the editor rejected elsewhere).
    pub fn suggest_with(
        &self,
        docs: &mut [&mut Document],
        refine: impl Fn(&Document, &mut Suggestions),
    ) -> Vec<String> {
        let refs: Vec<&Document> = docs.iter().map(|d| &**d).collect();
        let mut batch = self.run(&refs);
        let suggestions = std::mem::take(&mut batch.suggestions);
        for (doc, mut suggestions) in docs.iter_mut().zip(suggestions) {
            refine(doc, &mut suggestions);
            let tx = to_transaction(doc, &suggestions);
            if tx.is_empty() {
                continue;
            }
            if let Err(e) = doc.apply(&tx) {
                let message = format!("document {}: suggestions refused ({e})", doc_name(doc));
                batch.warn(&self.name, &message);
            }
        }
        batch.warnings
    }
}

impl Batch {
    fn warn(&mut self, engine: &str, message: &str) {
        self.warnings
            .push(format!("external engine `{engine}`: {message}"));
    }
}

/// The output limits of a batch whose input lines are `input`: a few times
/// the input, in all and per line (the longest document's), plus slack for
/// small documents with many spans.
fn limits_for(input: &[String]) -> Limits {
    let longest = input.iter().map(String::len).max().unwrap_or(0);
    let total: usize = input.iter().map(String::len).sum();
    let scaled = |bytes: usize| {
        bytes
            .saturating_mul(OUTPUT_PER_INPUT_BYTE)
            .saturating_add(OUTPUT_SLACK)
    };
    Limits {
        output_bytes: scaled(total).saturating_add(input.len().saturating_mul(OUTPUT_PER_DOCUMENT)),
        line_bytes: scaled(longest),
    }
}

/// How messages name a document: its id, and the file it came from (many
/// documents share one JSONL file).
fn doc_name(doc: &Document) -> String {
    match &doc.source {
        Some(source) => format!("{} of {source}", doc.id),
        None => doc.id.to_string(),
    }
}

fn names(docs: &[&Document]) -> String {
    let listed: Vec<String> = docs
        .iter()
        .take(NAMES_LISTED)
        .map(|d| doc_name(d))
        .collect();
    match docs.len().saturating_sub(NAMES_LISTED) {
        0 => listed.join(", "),
        more => format!("{} and {more} more", listed.join(", ")),
    }
}
