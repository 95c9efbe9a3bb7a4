//! Loads the documents of either side of an evaluation from a path: a brat
//! folder in PolNeAR layout (`text/*.txt` + `attributions/*.ann`; of several
//! annotators' files `<stem>_<id>.ann`, the lexicographically first), a folder
//! or file of brat `.ann` (with the `.txt` beside), CoNLL IOB2 (`.conll`,
//! `.iob`, `.bio`), CoNLL-U (`.conllu`), or byline / Prodigy / doccano
//! `.jsonl` and `.json` (what `byline suggest` writes). PolNeAR's `Discard` and `Discuss`
//! spans mark text the annotators set aside, not attributions: they are dropped.

use std::fs;
use std::path::{Path, PathBuf};

use crate::formats::{
    Loaded, MAX_FILE_BYTES, ReadError, ReadOptions, Warning, brat, byline, conll, conllu, read_path,
};
use crate::model::{CUE, Edit, QUOTE, SPEAKER, Transaction};

/// Why one side of an evaluation could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or folder could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// Nothing the evaluation can read was found.
    #[error("no documents found (expected a PolNeAR folder, brat .ann + .txt, .conll, .conllu, .jsonl or .json): {}", path.display())]
    Empty {
        /// The path given.
        path: PathBuf,
    },
}

/// Labels PolNeAR gold keeps; the others are not attributions.
const POLNEAR_LABELS: [&str; 3] = [QUOTE, SPEAKER, CUE];

/// Loads every document under `path`.
pub fn load(path: &Path) -> Result<Loaded, EvalError> {
    let mut loaded = Loaded::default();
    if path.join("text").is_dir() && path.join("attributions").is_dir() {
        load_polnear(path, &mut loaded)?;
    } else if path.is_dir() {
        for file in files_under(path)? {
            load_file(&file, &mut loaded)?;
        }
    } else {
        load_file(path, &mut loaded)?;
    }
    if loaded.documents.is_empty() {
        return Err(EvalError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(loaded)
}

fn io_error(path: &Path, source: std::io::Error) -> ReadError {
    ReadError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Reads a text file, refusing oversized and non-UTF-8 files.
fn read_text(path: &Path) -> Result<String, ReadError> {
    let size = fs::metadata(path).map_err(|e| io_error(path, e))?.len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = fs::read(path).map_err(|e| io_error(path, e))?;
    String::from_utf8(bytes).map_err(|e| ReadError::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Every file under `dir`, recursively, in path order.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, ReadError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).map_err(|e| io_error(&folder, e))? {
            let path = entry.map_err(|e| io_error(&folder, e))?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Reads one file by its extension; other extensions are skipped.
fn load_file(path: &Path, loaded: &mut Loaded) -> Result<(), ReadError> {
    let source = path.display().to_string();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let read = match extension.as_str() {
        "ann" => {
            let txt = read_text(&path.with_extension("txt"))?;
            brat::read(&txt, &read_text(path)?, &source)?
        }
        "conll" | "iob" | "bio" => conll::read(&read_text(path)?, &source)?,
        "conllu" => conllu::read(&read_text(path)?, &source)?,
        // What `byline suggest` writes can outgrow the size limit: read as
        // every input is, line by line when it does.
        "jsonl" => read_path(path, &ReadOptions::default())?,
        "json" => byline::read_json(&read_text(path)?, &source)?,
        _ => return Ok(()),
    };
    loaded.documents.extend(read.documents);
    loaded.warnings.extend(read.warnings);
    Ok(())
}

/// PolNeAR layout: each text with its first annotator's attributions.
fn load_polnear(root: &Path, loaded: &mut Loaded) -> Result<(), ReadError> {
    let anns = files_under(&root.join("attributions"))?;
    for txt_path in files_under(&root.join("text"))? {
        let Some(stem) = txt_path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if txt_path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let first = anns.iter().find(|a| {
            a.file_stem().and_then(|s| s.to_str()).is_some_and(|s| {
                s == stem
                    || s.strip_prefix(stem)
                        .is_some_and(|rest| rest.starts_with('_'))
            })
        });
        let Some(ann_path) = first else {
            loaded.warnings.push(Warning::new(
                txt_path.display().to_string(),
                "no attributions file; text skipped",
            ));
            continue;
        };
        let read = brat::read(
            &read_text(&txt_path)?,
            &read_text(ann_path)?,
            &ann_path.display().to_string(),
        )?;
        loaded.warnings.extend(read.warnings);
        for mut doc in read.documents {
            let mut tx = Transaction::new("Keep attributions");
            for span in doc
                .spans()
                .filter(|s| !POLNEAR_LABELS.contains(&s.label.as_str()))
            {
                tx.push(Edit::DeleteSpan(span.id));
            }
            if let Err(err) = doc.apply(&tx) {
                loaded.warnings.push(Warning::new(
                    ann_path.display().to_string(),
                    format!("spans kept as read: {err}"),
                ));
            }
            loaded.documents.push(doc);
        }
    }
    Ok(())
}
