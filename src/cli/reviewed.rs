//! `byline import --project P --done FILES`: annotated files come in as
//! reviewed gold — their pending suggestions accepted (spans and quotes; a
//! rejection stays a rejection, which the learned engine takes as negative
//! evidence), every document marked done — and once they are in, the
//! project's learned model is trained on all its reviewed documents, once.

use std::io::Write;

use anyhow::Context;

use super::learned;
use crate::editor::edits::accept_all;
use crate::editor::learning::reviewed::retrain;
use crate::model::{DocStatus, Document, Edit, EditError, Transaction};
use crate::store::Project;

/// `doc` as reviewed gold: what is pending accepted, the document done.
pub fn as_reviewed(doc: &mut Document) -> Result<(), EditError> {
    let mut tx = accept_all(doc).unwrap_or_else(|| Transaction::new("Import as reviewed"));
    if doc.status() != DocStatus::Done {
        tx.push(Edit::SetStatus(DocStatus::Done));
    }
    if !tx.is_empty() {
        doc.apply(&tx)?;
    }
    Ok(())
}

/// Makes `docs` reviewed gold (see [`as_reviewed`]); a document
/// that cannot be comes in as it is, and a message says which.
pub fn as_reviewed_all(docs: &mut [Document]) -> Vec<String> {
    let mut refused = Vec::new();
    for doc in docs {
        if let Err(e) = as_reviewed(doc) {
            let name = doc.source.clone().unwrap_or_else(|| doc.id.to_string());
            refused.push(format!("not marked reviewed ({e}): {name}"));
        }
    }
    refused
}

/// Trains the project's learned model on its reviewed documents and says
/// what came of it.
pub fn train(project: &mut Project, out: &mut dyn Write) -> anyhow::Result<()> {
    let retrained = retrain(project).context("cannot train the learned model")?;
    writeln!(out, "{}", learned::describe_retrained(&retrained))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SpanState;
    use crate::tests::support::{byline, suggested};

    #[test]
    fn pending_suggestions_are_accepted_and_rejections_kept() {
        let mut doc = suggested("[Ana Díaz|PERSON] met [Leeds|GPE] fans.");
        let mut rejected = doc.spans_sorted()[1].clone();
        rejected.state = SpanState::Rejected;
        doc.apply(&Transaction::new("reject").with(Edit::ReplaceSpan(rejected)))
            .unwrap();
        as_reviewed(&mut doc).unwrap();
        let states: Vec<SpanState> = doc.spans_sorted().iter().map(|s| s.state).collect();
        assert_eq!(states, [SpanState::Accepted, SpanState::Rejected]);
        assert_eq!(doc.status(), DocStatus::Done);
    }

    #[test]
    fn import_done_brings_gold_in_reviewed_and_trains_once() {
        let dir = tempfile::tempdir().unwrap();
        let gold = dir.path().join("gold.jsonl");
        let line = |i: usize| {
            let text = format!("Leeds beat Bristol {i}-1. Ana Díaz praised Leeds.");
            let spans =
                r#"[{"start":0,"end":5,"label":"ORG"},{"start":11,"end":18,"label":"ORG"}]"#;
            format!("{{\"text\":\"{text}\",\"spans\":{spans}}}\n")
        };
        let few: String = (0..3).map(line).collect();
        std::fs::write(&gold, few).unwrap();
        let project = dir.path().join("p.byline");
        let run = || {
            let args = ["import", "--project", project.to_str().unwrap(), "--done"];
            byline(args.into_iter().chain([gold.to_str().unwrap()]))
        };
        let first = run();
        assert_eq!(first.code, 0, "{}", first.err);
        assert!(
            first
                .out
                .ends_with("learned model: no model yet: 3 of 20 reviewed documents\n"),
            "{}",
            first.out
        );
        let many: String = (0..24).map(line).collect();
        std::fs::write(&gold, many).unwrap();
        let second = run();
        assert_eq!(second.code, 0, "{}", second.err);
        assert!(
            second
                .out
                .contains("learned model: trained on 24 reviewed documents in "),
            "{}",
            second.out
        );
        assert!(second.out.contains("held-out F1 (5-fold"), "{}", second.out);
        let stored = Project::open_to_read(&project).unwrap();
        assert_eq!(stored.model_info().unwrap().unwrap().documents, 24);
        let docs = stored.load_documents().unwrap();
        assert!(docs.iter().all(|d| d.status() == DocStatus::Done));
        let stats = byline(["stats", "--project", project.to_str().unwrap()]);
        assert!(
            stats
                .out
                .contains("\nlearned model: learned from 24 reviewed documents, trained "),
            "{}",
            stats.out
        );
    }
}
