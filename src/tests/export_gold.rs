//! Only reviewed work is gold, in every format: a project where nothing was
//! reviewed exports no annotation in any format; `--with-suggestions` writes
//! the suggestions where the format can mark them (byline states, Prodigy's
//! `suggestions` key, Label Studio's predictions), and importing them back
//! keeps them pending.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::app_review::ARTICLE;
use super::support::{byline, suggested};
use crate::formats::{ExportFormat, ReadOptions, read_path};
use crate::model::{Document, SpanState};
use crate::store::Project;

/// A project of two articles whose every span and quote is a suggestion.
fn unreviewed(dir: &Path) -> PathBuf {
    let path = dir.join("wire.byline");
    let docs = [
        suggested(ARTICLE),
        suggested("[Zoë Ødegård|PERSON] flew to [北京|GPE] 👋 on [Monday|DATE]."),
    ];
    Project::create(&path)
        .unwrap()
        .add_documents(&docs)
        .unwrap();
    path
}

fn export(project: &Path, format: ExportFormat, out: &Path, extra: &[&str]) -> String {
    let mut args = vec!["export", "--project", project.to_str().unwrap()];
    args.extend(["--to", format.name(), "-o", out.to_str().unwrap()]);
    args.extend(extra);
    let run = byline(args);
    assert_eq!(run.code, 0, "{format}: {}", run.err);
    run.err
}

/// Every file under `path` (itself when a file), with its text.
fn texts(path: &Path) -> Vec<(String, String)> {
    if path.is_file() {
        return vec![(
            path.display().to_string(),
            fs::read_to_string(path).unwrap(),
        )];
    }
    let mut found: Vec<(String, String)> = fs::read_dir(path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), fs::read_to_string(&p).unwrap()))
        .collect();
    found.sort();
    found
}

/// The annotations a file of `format` holds, as (where, what) pairs.
fn annotations(format: ExportFormat, name: &str, text: &str) -> Vec<String> {
    let json_lists = |value: &Value, keys: &[&str]| -> Vec<String> {
        keys.iter()
            .flat_map(|k| value[*k].as_array().cloned().unwrap_or_default())
            .map(|v| v.to_string())
            .collect()
    };
    match format {
        // byline JSONL with suggestions says each state: gold is accepted.
        ExportFormat::Byline => (text.lines())
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .flat_map(|t| {
                let items = |key: &str| t[key].as_array().cloned().unwrap_or_default();
                let mut all = items("spans");
                all.extend(items("quotes"));
                all
            })
            .filter(|item| item["state"] == "accepted")
            .map(|item| item.to_string())
            .collect(),
        ExportFormat::Prodigy => (text.lines())
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .flat_map(|t| json_lists(&t, &["spans", "relations"]))
            .collect(),
        ExportFormat::Doccano | ExportFormat::DoccanoRelations => (text.lines())
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .flat_map(|t| json_lists(&t, &["label", "entities", "relations"]))
            .collect(),
        ExportFormat::Conll | ExportFormat::ConllDoccano => (text.lines())
            .filter(|l| !l.starts_with("-DOCSTART-"))
            .filter(|l| l.split('\t').skip(1).any(|tag| tag != "O" && tag != "-"))
            .map(str::to_owned)
            .collect(),
        ExportFormat::Hf if name.ends_with(".jsonl") => (text.lines())
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter(|row| {
                ["ner_tags", "attribution_tags"]
                    .iter()
                    .any(|c| row[*c].as_array().unwrap().iter().any(|t| t != 0))
            })
            .map(|row| row.to_string())
            .collect(),
        ExportFormat::Brat if name.ends_with(".ann") => text.lines().map(str::to_owned).collect(),
        ExportFormat::LabelStudio if name.ends_with(".json") => {
            let tasks: Vec<Value> = serde_json::from_str(text).unwrap();
            tasks
                .iter()
                .flat_map(|t| json_lists(t, &["annotations"]))
                .collect()
        }
        _ => Vec::new(),
    }
}

#[test]
fn a_project_where_nothing_was_reviewed_exports_no_gold_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let project = unreviewed(dir.path());
    for format in ExportFormat::ALL {
        for extra in [&[][..], &["--with-suggestions"][..]] {
            let out = dir.path().join(format!("out-{format}-{}", extra.len()));
            let report = export(&project, format, &out, extra);
            if extra.is_empty() {
                assert!(report.contains("8 pending spans"), "{format}: {report}");
            }
            for (name, text) in texts(&out) {
                let found = annotations(format, &name, &text);
                assert!(found.is_empty(), "{format} {extra:?} {name}: {found:?}");
            }
        }
    }
}

/// The documents a file or folder reads back as.
fn read_back(path: &Path) -> Vec<Document> {
    let (inputs, _) = crate::formats::collect_inputs(&[path.to_path_buf()]);
    let mut docs = Vec::new();
    for input in inputs {
        let loaded = read_path(&input, &ReadOptions::default()).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        docs.extend(loaded.documents);
    }
    docs
}

#[test]
fn suggestions_asked_for_are_marked_and_read_back_pending() {
    let dir = tempfile::tempdir().unwrap();
    let project = unreviewed(dir.path());
    let stored = Project::open(&project).unwrap().load_documents().unwrap();
    for format in [
        ExportFormat::Byline,
        ExportFormat::Prodigy,
        ExportFormat::LabelStudio,
    ] {
        let out = dir.path().join(format!("with-{format}.jsonl"));
        export(&project, format, &out, &["--with-suggestions"]);
        let back = if out.is_dir() {
            read_back(&out.join("tasks.json"))
        } else {
            read_back(&out)
        };
        assert_eq!(back.len(), stored.len(), "{format}");
        for (back, original) in back.iter().zip(&stored) {
            assert_eq!(back.span_count(), original.span_count(), "{format}");
            assert!(
                back.spans().all(|s| s.state == SpanState::Pending),
                "{format}: pending stays pending"
            );
            assert!(
                back.quotes().all(|q| q.state == SpanState::Pending),
                "{format}"
            );
            assert_eq!(back.quotes().count(), original.quotes().count(), "{format}");
        }
    }
}
