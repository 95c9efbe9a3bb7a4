//! Turning the paths a user gives (files, folders, `-`) into the inputs to
//! read: folders are walked recursively, in sorted order, skipping hidden
//! entries, files of no known format and a folder's own notes (`README.md`,
//! `LICENSE.txt`, …); a brat document counts once.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::format::InputFormat;
use crate::formats::Warning;
use crate::formats::brat::files::text_for;

/// The inputs named by `paths`, in order: files and `-` as given (a missing
/// file is kept, so reading it reports the error), folders expanded to the
/// files of known formats inside them. In a folder, a brat document is its
/// `.ann`; the `.txt` it annotates is not listed again.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Warning>) {
    let mut inputs = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files, &mut warnings);
            let (known, unknown): (Vec<PathBuf>, Vec<PathBuf>) = files
                .into_iter()
                .partition(|f| InputFormat::of_path(f).is_some());
            if !unknown.is_empty() {
                warnings.push(Warning::new(
                    path.display().to_string(),
                    skipped_message(path, &unknown),
                ));
            }
            inputs.extend(without_brat_texts(known));
        } else {
            inputs.push(path.clone());
        }
    }
    (inputs, warnings)
}

/// How many files a folder walk skipped, naming the first few (relative to
/// the folder) so a stray `metadata.tsv` is recognised at a glance.
fn skipped_message(dir: &Path, unknown: &[PathBuf]) -> String {
    const NAMED: usize = 5;
    let mut names: Vec<String> = unknown
        .iter()
        .take(NAMED)
        .map(|f| f.strip_prefix(dir).unwrap_or(f).display().to_string())
        .collect();
    if unknown.len() > NAMED {
        names.push(format!("{} more", unknown.len() - NAMED));
    }
    format!(
        "skipped {} file(s) of no known format ({}); they are not read",
        unknown.len(),
        names.join(", ")
    )
}

/// Every non-hidden file under `dir`, sorted within each folder.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, warnings: &mut Vec<Warning>) {
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) => {
                warnings.push(Warning::new(
                    dir.display().to_string(),
                    format!("cannot list folder: {err}"),
                ));
                continue;
            }
        };
        let mut children: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| !is_hidden_or_notes(&e.file_name().to_string_lossy()))
            .map(|e| e.path())
            .collect();
        children.sort();
        let (dirs, here): (Vec<PathBuf>, Vec<PathBuf>) =
            children.into_iter().partition(|p| p.is_dir());
        files.extend(here);
        pending.extend(dirs.into_iter().rev());
    }
    files.sort();
}

/// Hidden entries, and the notes that come with a folder of articles.
fn is_hidden_or_notes(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    name.starts_with('.')
        || matches!(
            stem.as_str(),
            "README" | "LICENSE" | "LICENCE" | "CHANGELOG" | "NOTICE"
        )
}

/// Drops the `.txt` files that an `.ann` in the list annotates.
fn without_brat_texts(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let annotated: BTreeSet<PathBuf> = files
        .iter()
        .filter(|f| InputFormat::of_path(f) == Some(InputFormat::Brat))
        .filter_map(|ann| text_for(ann))
        .collect();
    files
        .into_iter()
        .filter(|f| !annotated.contains(f))
        .collect()
}
