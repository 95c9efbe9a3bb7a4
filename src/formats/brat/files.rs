//! Where a brat document's two files are: the `.ann` beside a `.txt`, and
//! the `.txt` an `.ann` annotates (beside it, or in PolNeAR's sibling
//! `text/` folder). Used when reading a path and when walking a folder, so a
//! brat document is read once.

use std::path::{Path, PathBuf};

/// The `.ann` beside a `.txt` (same folder, same stem), if there is one.
pub fn ann_beside(txt: &Path) -> Option<PathBuf> {
    let ann = txt.with_extension("ann");
    ann.is_file().then_some(ann)
}

/// The text of a brat `.ann`: `stem.txt` beside it, or — for corpora that keep
/// one `.ann` per annotator (`stem_<annotator>.ann`) and texts in a sibling
/// `text/` folder, as PolNeAR does — `stem.txt` there.
pub fn text_for(ann: &Path) -> Option<PathBuf> {
    let stem = ann.file_stem()?.to_str()?;
    let short = stem.rsplit_once('_').map(|(s, _)| s);
    let dir = ann.parent()?;
    let dirs = [
        Some(dir.to_path_buf()),
        dir.parent().map(|p| p.join("text")),
    ];
    dirs.into_iter()
        .flatten()
        .flat_map(|d| {
            [Some(stem), short]
                .into_iter()
                .flatten()
                .map(move |s| d.join(format!("{s}.txt")))
        })
        .find(|p| p.is_file())
}
