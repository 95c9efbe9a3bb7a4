//! Turning the paths a user gives (files, folders, `-`) into the inputs to
//! read: folders are walked recursively, in sorted order, skipping hidden
//! entries, files of no known format and a folder's own notes (`README.md`,
//! `LICENSE.txt`, …); a brat document counts once.
//!
//! Links are followed, and a walk always ends: a folder or file reached a
//! second time (the same file on disk: device and inode), through a link
//! loop such as `d/self -> .` or two names for one file, is read once, with a
//! note. An entry that cannot be listed or looked at (a folder one may not
//! read, a dangling link, a file removed during the walk) is an error of its
//! own; the rest of the walk goes on.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use super::format::InputFormat;
use crate::formats::Warning;
use crate::formats::brat::files::text_for;

/// What [`collect_inputs`] found.
#[derive(Debug, Default)]
pub struct Collected {
    /// The inputs to read, in order.
    pub inputs: Vec<PathBuf>,
    /// What was passed over on purpose: files of no known format, entries
    /// reached a second time.
    pub notes: Vec<Warning>,
    /// Entries that could not be listed or looked at: each is an input lost,
    /// so a command counts it as one that could not be read.
    pub unreadable: Vec<Warning>,
}

/// The inputs named by `paths`, in order: files and `-` as given (a missing
/// file is kept, so reading it reports the error), folders expanded to the
/// files of known formats inside them. In a folder, a brat document is its
/// `.ann`; the `.txt` it annotates is not listed again.
pub fn collect_inputs(paths: &[PathBuf]) -> Collected {
    let mut collected = Collected::default();
    for path in paths {
        if !path.is_dir() {
            collected.inputs.push(path.clone());
            continue;
        }
        let walk = walk(path);
        collected.unreadable.extend(walk.unreadable);
        let (known, unknown): (Vec<PathBuf>, Vec<PathBuf>) = walk
            .files
            .into_iter()
            .partition(|f| InputFormat::of_path(f).is_some());
        if !unknown.is_empty() {
            let message = format!(
                "skipped {} file(s) of no known format ({}); they are not read",
                unknown.len(),
                listing(path, &unknown)
            );
            collected
                .notes
                .push(Warning::new(path.display().to_string(), message));
        }
        if !walk.repeats.is_empty() {
            let message = format!(
                "{} folder(s) or file(s) reached again through links ({}); each is read once",
                walk.repeats.len(),
                listing(path, &walk.repeats)
            );
            collected
                .notes
                .push(Warning::new(path.display().to_string(), message));
        }
        collected.inputs.extend(without_brat_texts(known));
    }
    collected
}

/// The first few of `paths` (relative to the folder), so a stray
/// `metadata.tsv` is recognised at a glance.
fn listing(dir: &Path, paths: &[PathBuf]) -> String {
    const NAMED: usize = 5;
    let mut names: Vec<String> = paths
        .iter()
        .take(NAMED)
        .map(|f| f.strip_prefix(dir).unwrap_or(f).display().to_string())
        .collect();
    if paths.len() > NAMED {
        names.push(format!("{} more", paths.len() - NAMED));
    }
    names.join(", ")
}

/// A file on disk, whatever the path that reached it.
#[cfg(unix)]
type FileId = (u64, u64);
/// A file on disk, whatever the path that reached it.
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn file_id(_: &Path, meta: &fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path, _: &fs::Metadata) -> Option<FileId> {
    fs::canonicalize(path).ok()
}

/// What walking one folder found.
#[derive(Default)]
struct Walk {
    /// Every non-hidden file, sorted, each file on disk once.
    files: Vec<PathBuf>,
    /// Folders and files reached a second time, not walked or listed again.
    repeats: Vec<PathBuf>,
    /// Entries that could not be listed or looked at.
    unreadable: Vec<Warning>,
}

/// Walks `root`, sorted within each folder, following links but entering
/// each folder once.
fn walk(root: &Path) -> Walk {
    let mut out = Walk::default();
    let mut seen: HashSet<FileId> = HashSet::new();
    let mut files: Vec<(PathBuf, Option<FileId>)> = Vec::new();
    if let Some(id) = fs::metadata(root).ok().and_then(|m| file_id(root, &m)) {
        seen.insert(id);
    }
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let mut folders = Vec::new();
        for child in list(&dir, &mut out.unreadable) {
            match fs::metadata(&child) {
                Err(err) => out.unreadable.push(Warning::new(
                    child.display().to_string(),
                    format!("cannot read: {err}"),
                )),
                Ok(meta) if meta.is_dir() => match file_id(&child, &meta) {
                    Some(id) if !seen.insert(id) => out.repeats.push(child),
                    _ => folders.push(child),
                },
                Ok(meta) => {
                    let id = file_id(&child, &meta);
                    files.push((child, id));
                }
            }
        }
        pending.extend(folders.into_iter().rev());
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, id) in files {
        match id {
            Some(id) if !seen.insert(id) => out.repeats.push(path),
            _ => out.files.push(path),
        }
    }
    out.repeats.sort();
    out
}

/// The non-hidden entries of `dir`, sorted; a folder or entry that cannot
/// be listed is reported in `unreadable`.
fn list(dir: &Path, unreadable: &mut Vec<Warning>) -> Vec<PathBuf> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            unreadable.push(Warning::new(
                dir.display().to_string(),
                format!("cannot list folder: {err}"),
            ));
            return Vec::new();
        }
    };
    let mut children = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) if is_hidden_or_notes(&entry.file_name().to_string_lossy()) => {}
            Ok(entry) => children.push(entry.path()),
            Err(err) => unreadable.push(Warning::new(
                dir.display().to_string(),
                format!("cannot list folder: {err}"),
            )),
        }
    }
    children.sort();
    children
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
