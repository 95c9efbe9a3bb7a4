//! How the command line speaks of a project's learned model: what it
//! learned from, when, and how it scores on held-out reviewed documents
//! (`byline stats`), and what training it just did (`byline import --done`).

use std::fmt::Write as _;

use crate::editor::learning::reviewed::Retrained;
use crate::store::{HeldOut, ModelInfo};
use crate::suggest::learned::TRUST_AFTER;

fn f1(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
}

/// The held-out scores, one line.
fn scores(held_out: &HeldOut) -> String {
    format!(
        "held-out F1 ({}-fold, entity spans, exact): learned {}, rules {}, combined {}",
        held_out.folds,
        f1(held_out.learned),
        f1(held_out.rules),
        f1(held_out.combined)
    )
}

/// The model of a project with `reviewed` documents done, for `byline stats`.
pub fn describe(info: Option<&ModelInfo>, reviewed: usize) -> String {
    let Some(info) = info else {
        return format!(
            "learned model: no model yet: {reviewed} of {TRUST_AFTER} reviewed documents\n"
        );
    };
    let mut out = format!(
        "learned model: learned from {} reviewed documents, trained {} UTC ({} KiB)\n",
        info.documents,
        info.trained_at,
        info.bytes.div_ceil(1024)
    );
    match &info.held_out {
        Some(held_out) => {
            let _ = writeln!(out, "{}", scores(held_out));
        }
        None => out.push_str("held-out score not measured yet\n"),
    }
    if info.documents != reviewed {
        let _ = writeln!(
            out,
            "{reviewed} documents are reviewed now: the editor trains the model again when it opens the project"
        );
    }
    out
}

/// What [`crate::editor::learning::reviewed::retrain`] did, for `byline import --done`.
pub fn describe_retrained(retrained: &Retrained) -> String {
    match retrained {
        Retrained::TooFew { reviewed } => {
            format!("learned model: no model yet: {reviewed} of {TRUST_AFTER} reviewed documents")
        }
        Retrained::Trained {
            documents,
            seconds,
            held_out,
        } => {
            let mut out = format!(
                "learned model: trained on {documents} reviewed documents in {seconds:.2} s ({:.2} s per 100)",
                seconds * 100.0 / (*documents).max(1) as f64
            );
            if let Some(held_out) = held_out {
                let _ = write!(out, "\n{}", scores(held_out));
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_is_described_with_its_scores_and_age() {
        assert_eq!(
            describe(None, 7),
            "learned model: no model yet: 7 of 20 reviewed documents\n"
        );
        let info = ModelInfo {
            documents: 24,
            reviewed: "24:00".into(),
            held_out: Some(HeldOut {
                folds: 5,
                learned: Some(0.8123),
                rules: Some(0.6),
                combined: None,
            }),
            trained_at: "2026-03-01 09:30:00".into(),
            bytes: 4097,
        };
        assert_eq!(
            describe(Some(&info), 26),
            "learned model: learned from 24 reviewed documents, trained 2026-03-01 09:30:00 UTC (5 KiB)\n\
             held-out F1 (5-fold, entity spans, exact): learned 0.812, rules 0.600, combined –\n\
             26 documents are reviewed now: the editor trains the model again when it opens the project\n"
        );
    }
}
