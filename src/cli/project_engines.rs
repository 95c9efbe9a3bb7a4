//! `byline suggest --project P`: suggest with a project's engines — the
//! rules, refined by and followed by the project's memory, and its learned
//! model in the rules' place once trusted — reading the project and never
//! writing it (`Project::open_to_read`), so any number of `byline suggest`
//! processes can share one project file under `parallel --pipe`. The
//! project's external engine does not run here (its command is trusted per
//! machine, in the window); `--engine-cmd` adds one.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;

use crate::store::Project;
use crate::suggest::engines::Engines;
use crate::suggest::learned::{Model, TRUST_AFTER};
use crate::suggest::memory::MemoryEngine;

/// `engines` with the memory and the learned model of the project at
/// `path`; says on `err` which engines run.
pub fn with_project(
    engines: &Engines,
    path: &Path,
    err: &mut dyn Write,
) -> anyhow::Result<Engines> {
    let fail = || format!("cannot suggest with the project {}", path.display());
    let project = Project::open_to_read(path).with_context(fail)?;
    let memory = project.load_memory().with_context(fail)?;
    let stored = project.load_model().with_context(fail)?;
    let model = match stored.map(|s| Model::from_stored(s.format, &s.bytes)) {
        Some(Ok(model)) if model.documents_seen() >= TRUST_AFTER => {
            writeln!(
                err,
                "byline: learned model of {} reviewed documents in the rules' place",
                model.documents_seen()
            )?;
            Some(Arc::new(model))
        }
        Some(Ok(model)) => {
            writeln!(
                err,
                "byline: learned model not used: it learned from {} of {TRUST_AFTER} reviewed documents",
                model.documents_seen()
            )?;
            None
        }
        Some(Err(e)) => {
            writeln!(
                err,
                "byline: warning: learned model not used ({e}): {}",
                path.display()
            )?;
            None
        }
        None => None,
    };
    Ok(engines
        .with_memory(Arc::new(MemoryEngine::new(memory)))
        .with_learned(model))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::learned::TRUST_AFTER;
    use crate::tests::suggest_project::{REPORT, trained_project};

    #[test]
    fn stdin_is_suggested_with_the_project_while_a_window_writes_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = trained_project(dir.path(), TRUST_AFTER);
        let _window = Project::open(&path).unwrap();
        let mut err = Vec::new();
        let engines =
            with_project(&Engines::new(crate::suggest::builtin()), &path, &mut err).unwrap();
        assert_eq!(engines.names(), ["learned", "memory"]);
        let line = serde_json::json!({ "text": REPORT }).to_string() + "\n";
        let mut out = Vec::new();
        let code =
            super::super::suggest::stream(&engines, &mut line.as_bytes(), &mut out, &mut err);
        assert_eq!(code.unwrap(), 0);
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out.lines().count(), 1);
        assert!(out.contains(r#""engine":"learned""#), "{out}");
    }
}
