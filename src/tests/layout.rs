//! The crate's layout holds: each top-level folder imports only what the
//! picture at the top of `src/lib.rs` allows (test-only code aside), the
//! folders import each other without circles, and no source file passes
//! 400 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

/// What each folder may use, as the picture in `src/lib.rs` draws it.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("formats", &["model"]),
    ("suggest", &["formats", "model"]),
    ("eval", &["suggest", "formats", "model"]),
    ("store", &["model"]),
    ("editor", &["store", "eval", "suggest", "formats", "model"]),
    ("app", &["editor", "model"]),
    (
        "cli",
        &["editor", "store", "eval", "suggest", "formats", "model"],
    ),
];

/// The longest a source file may be.
const MAX_LINES: usize = 400;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The `.rs` files under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src/ is readable") {
            let path = entry.expect("src/ is readable").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Files and folders of modules declared `#[cfg(test)] mod name;`: their
/// imports are the tests', not the folder's.
fn test_only(files: &[PathBuf]) -> Vec<PathBuf> {
    let declared =
        Regex::new(r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;").unwrap();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        let dir = match file.file_name().and_then(|n| n.to_str()) {
            Some("mod.rs" | "lib.rs" | "main.rs") => file.parent().unwrap().to_path_buf(),
            _ => file.with_extension(""),
        };
        for name in declared.captures_iter(&text) {
            out.push(dir.join(format!("{}.rs", &name[1])));
            out.push(dir.join(&name[1]));
        }
    }
    out
}

/// The code of `text` that ships: before its first `#[cfg(test)]`, without
/// comment lines.
fn shipped_code(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level folders `code` names: `crate::store::…` and the groups of
/// `use crate::{store::…, model};`.
fn named_folders(code: &str) -> Vec<String> {
    let single = Regex::new(r"crate::(\w+)").unwrap();
    let mut out: Vec<String> = single
        .captures_iter(code)
        .map(|c| c[1].to_owned())
        .collect();
    for (at, _) in code.match_indices("crate::{") {
        out.extend(group_heads(&code[at + "crate::".len()..]));
    }
    out
}

/// The first name of each item of the brace group `text` starts with
/// (`{store::{A, B}, model}` → store, model), nested groups skipped.
fn group_heads(text: &str) -> Vec<String> {
    let (mut depth, mut heads, mut want) = (0, Vec::new(), false);
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            if want && depth == 1 {
                word.push(c);
            }
            continue;
        }
        if !word.is_empty() {
            heads.push(std::mem::take(&mut word));
            want = false;
        }
        match c {
            '{' => {
                depth += 1;
                want = depth == 1;
            }
            '}' if depth == 1 => break,
            '}' => depth -= 1,
            ',' if depth == 1 => want = true,
            _ => {}
        }
    }
    heads
}

/// Top-level folder → the other top-level folders its shipped code names,
/// with one file that does, for the message.
fn imports() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let root = src();
    let files = rust_files(&root);
    let tests_only = test_only(&files);
    let mut out: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for file in &files {
        let rel = file.strip_prefix(&root).unwrap();
        let mut parts = rel.components();
        let top = parts
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .into_owned();
        if parts.next().is_none() || matches!(top.as_str(), "tests" | "benches" | "bench") {
            continue;
        }
        if tests_only.iter().any(|t| file.starts_with(t)) {
            continue;
        }
        let code = shipped_code(&std::fs::read_to_string(file).unwrap());
        for used in named_folders(&code) {
            if used != top {
                let uses = out.entry(top.clone()).or_default();
                uses.entry(used).or_insert_with(|| rel.to_path_buf());
            }
        }
    }
    out
}

#[test]
fn every_folder_imports_only_what_the_picture_allows() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut wrong = Vec::new();
    for (folder, uses) in imports() {
        let Some(may) = allowed.get(folder.as_str()) else {
            wrong.push(format!("{folder} is not in the picture"));
            continue;
        };
        for (used, file) in uses {
            if !(may.contains(&used.as_str()) || (folder == "cli" && used == "bench")) {
                wrong.push(format!("{folder} -> {used} ({})", file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against src/lib.rs: {wrong:#?}");
}

#[test]
fn the_folders_import_each_other_without_circles() {
    let graph: BTreeMap<String, BTreeSet<String>> = (imports().into_iter())
        .map(|(folder, uses)| (folder, uses.into_keys().collect()))
        .collect();
    let mut done = BTreeSet::new();
    for start in graph.keys() {
        let mut path = vec![start.clone()];
        assert_no_circle(&graph, &mut path, &mut done);
    }
    assert!(
        done.contains("editor") && done.contains("model"),
        "{done:?}"
    );
}

/// Depth-first walk; `path` is the chain of folders being followed.
fn assert_no_circle(
    graph: &BTreeMap<String, BTreeSet<String>>,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) {
    let here = path.last().unwrap().clone();
    if done.contains(&here) {
        return;
    }
    for next in graph.get(&here).into_iter().flatten() {
        assert!(
            !path.contains(next),
            "circle: {} -> {next}",
            path.join(" -> ")
        );
        path.push(next.clone());
        assert_no_circle(graph, path, done);
        path.pop();
    }
    done.insert(here);
}

#[test]
fn no_source_file_passes_400_lines() {
    let long: Vec<String> = rust_files(&src())
        .into_iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(&f).unwrap().lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:#?}");
}

#[test]
fn the_checks_see_a_wrong_import_and_skip_test_code() {
    let text = "use crate::model::Document;\n// crate::app in a comment\nfn f() {}\n\
                #[cfg(test)]\nmod tests { use crate::tests::support; }\n";
    let code = shipped_code(text);
    assert!(code.contains("crate::model"));
    let grouped =
        named_folders("use crate::{\n    model::Document,\n    store::{Project, StoreError},\n};");
    assert_eq!(grouped, ["model", "store"], "grouped imports count");
    assert!(!code.contains("crate::app") && !code.contains("crate::tests"));
    let graph = imports();
    assert!(
        graph["editor"].contains_key("store"),
        "the scan finds real imports"
    );
    let model = graph.get("model").cloned().unwrap_or_default();
    assert!(
        !model.contains_key("suggest"),
        "doc comments are not imports"
    );
}
