//! `byline import --project P FILES...`: adds articles (files or folders, any
//! input format) to a project, creating it if needed, with the project's
//! suggestions (built-in engines, its memory, and its external engine when
//! this machine trusts it) unless `--no-suggest` leaves them to the window;
//! with `--done`, as reviewed gold (no suggestions) that trains the project's
//! learned model (see `reviewed`). `--quote-classes` sets which attribution
//! classes the project's rules engine suggests, and `--interrupted` how it
//! writes an interrupted quote, here and in the window.
//! Documents already in the project are reported, not doubled; one bad file
//! is reported and skipped.

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::{inputs, reviewed};
use crate::editor::import;
use crate::formats::{self, ReadOptions};
use crate::model::{ClassSet, Interrupted};
use crate::store::Project;

/// Arguments of `byline import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The project file (created when missing).
    #[arg(long)]
    project: PathBuf,
    /// Files or folders to add.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of refusing the file.
    #[arg(long)]
    lossy: bool,
    /// Store the articles without suggestions; the window suggests on each
    /// when it first shows it.
    #[arg(long)]
    no_suggest: bool,
    /// Attribution classes the project's rules engine suggests from now on,
    /// comma-separated: speech, writing, belief, stance, evidence, or all.
    /// Kept in the project (the window uses them too); without it, the
    /// project's own (speech,writing unless set).
    #[arg(long, value_name = "LIST", value_parser = ClassSet::parse)]
    quote_classes: Option<ClassSet>,
    /// How the project's rules engine writes an interrupted quote (`“A,” she
    /// said. “B.”`) from now on: one record with several content parts, or
    /// one record per segment, the segments linked by a group. Kept in the
    /// project (the window uses it too); without it, the project's own
    /// (one-record unless set).
    #[arg(long, value_name = "HOW",
          value_parser = |s: &str| Interrupted::parse(s).ok_or("one-record or per-segment"))]
    interrupted: Option<Interrupted>,
    /// The files are reviewed gold: accept what they hold, mark every
    /// document done (no suggestions added), then train the project's
    /// learned model once.
    #[arg(long)]
    done: bool,
}

/// Runs the import; the exit code says what was left out (see
/// [`inputs::exit_code`]).
pub fn run(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let options = ReadOptions { lossy: args.lossy };
    let collected = formats::collect_inputs(&args.inputs);
    for warning in &collected.notes {
        writeln!(err, "byline: warning: {warning}")?;
    }
    for problem in &collected.unreadable {
        writeln!(err, "byline: {problem}")?;
    }
    let mut project = Project::open_or_create(&args.project).context("cannot import")?;
    if let Some(classes) = args.quote_classes {
        (project.set_quote_classes(classes)).context("cannot set the quote classes")?;
    }
    if let Some(how) = args.interrupted {
        (project.set_interrupted_quotes(how))
            .context("cannot set how interrupted quotes are written")?;
    }
    let skipped = Cell::new(0);
    let refused = RefCell::new(Vec::new());
    let read = |path: &Path| {
        let mut loaded = formats::read_path(path, &options);
        if let Ok(loaded) = &mut loaded {
            skipped.set(skipped.get() + loaded.skipped);
            if args.done {
                refused
                    .borrow_mut()
                    .extend(reviewed::as_reviewed_all(&mut loaded.documents));
            }
        }
        loaded
    };
    let engines = if args.no_suggest || args.done {
        None
    } else {
        let (external, note) = import::trusted_external(&project);
        if let Some(note) = note {
            writeln!(err, "byline: warning: {note}")?;
        }
        Some(import::project_engines(&project, external).context("cannot import")?)
    };
    let report = import::import_files(&mut project, &collected.inputs, read, engines.as_ref())
        .context("cannot import")?;
    writeln!(out, "{report}")?;
    for message in refused.borrow().iter() {
        writeln!(err, "byline: warning: {message}")?;
    }
    if args.done {
        reviewed::train(&mut project, out)?;
    }
    let failed = report.failed.len() + collected.unreadable.len();
    Ok(inputs::exit_code(failed, skipped.get(), err))
}

#[cfg(test)]
mod tests {
    use crate::model::{AttributionClass, ClassSet};
    use crate::store::Project;
    use crate::tests::support::byline;

    #[test]
    fn imports_folders_once_and_reports_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        let articles = dir.path().join("articles");
        std::fs::create_dir(&articles).unwrap();
        std::fs::write(articles.join("a.txt"), "“Oui,” dit Zoë.\n").unwrap();
        std::fs::write(articles.join("b.md"), "# Título\n\nTexto.\n").unwrap();
        let bad = dir.path().join("bad.txt");
        std::fs::write(&bad, b"binary\0\0\0data").unwrap();
        let project = dir.path().join("p.byline");
        let args = |extra: &[&std::path::Path]| {
            let mut args = vec!["import".into(), "--project".into()];
            args.push(project.clone().into_os_string());
            args.extend(extra.iter().map(|p| p.as_os_str().to_owned()));
            args
        };
        let first = byline(args(&[&articles, &bad]));
        assert_eq!(first.code, 1, "{}", first.out);
        assert!(
            first
                .out
                .starts_with("2 files read: 2 documents added, 0 already"),
            "{}",
            first.out
        );
        assert!(
            first.out.contains("skipped: not a text file"),
            "{}",
            first.out
        );

        let again = byline(args(&[&articles]));
        assert_eq!(again.code, 0, "{}", again.err);
        assert!(
            again
                .out
                .starts_with("2 files read: 0 documents added, 2 already"),
            "{}",
            again.out
        );
        assert_eq!(
            Project::open(&project)
                .unwrap()
                .list_documents()
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn quote_classes_are_kept_in_the_project_and_chosen_for_its_suggestions() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("vote.txt");
        std::fs::write(
            &article,
            "Ortiz believes the vote in the valley will be close.\n",
        )
        .unwrap();
        let project = dir.path().join("p.byline");
        let (project_arg, article_arg) = (project.to_str().unwrap(), article.to_str().unwrap());
        let classes = |extra: &[&str]| {
            let mut args = vec!["import", "--project", project_arg, article_arg];
            args.extend(extra);
            let run = byline(args);
            assert_eq!(run.code, 0, "{}", run.err);
            let opened = Project::open(&project).unwrap();
            let docs = opened.list_documents().unwrap();
            let doc = opened.load_document(&docs[0].id).unwrap();
            let found: Vec<AttributionClass> = doc.quotes().map(|q| q.class).collect();
            (opened.quote_classes().unwrap(), found)
        };
        assert_eq!(classes(&[]), (ClassSet::default(), vec![]));
        std::fs::remove_file(&project).unwrap();
        assert_eq!(
            classes(&["--quote-classes", "speech,belief"]),
            (
                ClassSet::parse("speech,belief").unwrap(),
                vec![AttributionClass::Belief]
            )
        );
        let bad = byline([
            "import",
            "--project",
            project_arg,
            "--quote-classes",
            "gossip",
            article_arg,
        ]);
        assert_eq!(bad.code, 2, "{}", bad.err);
    }
}
