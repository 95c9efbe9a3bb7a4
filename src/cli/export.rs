//! `byline export --project P --to FORMAT [--only STATUS] [--with-suggestions]
//! [-o OUT]`: writes the gold of a project's documents (all, or those with one
//! status) in any export format, and their suggestions where asked for and
//! the format has a place for them. Works while the project is open in a
//! window (it only reads). The output replaces an earlier one only once complete.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use crate::formats::{BATCH, Destination, ExportFormat, ExportOptions, Exporter};
use crate::model::DocStatus;
use crate::store::Project;

/// Arguments of `byline export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The project file.
    #[arg(long)]
    project: PathBuf,
    /// Output format: byline, prodigy, doccano, doccano-rel, conll,
    /// conll-doccano, hf, brat, labelstudio.
    #[arg(long, value_parser = ExportFormat::parse, default_value = "byline")]
    to: ExportFormat,
    /// Only documents with this status: new, in_progress, done, skipped.
    #[arg(long, value_parser = parse_status)]
    only: Option<DocStatus>,
    /// Also write the suggestions nobody reviewed, marked as such where the
    /// format can (byline: every state; prodigy: a `suggestions` key;
    /// labelstudio: predictions); the other formats count them as left out.
    #[arg(long)]
    with_suggestions: bool,
    /// Output file (a folder for hf, brat, labelstudio); stdout when absent.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

fn parse_status(name: &str) -> Result<DocStatus, String> {
    DocStatus::parse(name).ok_or_else(|| {
        format!("unknown status {name:?}; expected new, in_progress, done or skipped")
    })
}

/// Runs the export; its report goes to `err`, like `convert`'s.
pub fn run(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let project = Project::open_to_read(&args.project).context("cannot export")?;
    let dest = match &args.output {
        Some(path) => Destination::Path(path),
        None => Destination::Stream(out),
    };
    let failed = || format!("cannot write {} output", args.to);
    let options = ExportOptions {
        with_suggestions: args.with_suggestions,
    };
    let mut exporter = Exporter::open_with(args.to, dest, options).with_context(failed)?;
    let mut batch = Vec::with_capacity(BATCH);
    let mut written = Ok(());
    project
        .for_each_document(args.only, |doc| {
            batch.push(doc);
            if batch.len() == BATCH {
                written = exporter.write_batch(&batch);
                batch.clear();
            }
            written.is_ok()
        })
        .context("cannot export")?;
    written.with_context(failed)?;
    exporter.write_batch(&batch).with_context(failed)?;
    let report = exporter.finish().with_context(failed)?;
    writeln!(err, "byline: {report}")?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::BATCH;
    use crate::formats::exporter::{self, Destination, ExportFormat};
    use crate::model::{DocStatus, Document, Edit, Transaction, markup};
    use crate::store::Project;
    use crate::tests::support::byline;

    #[test]
    fn exports_only_done_documents_while_a_window_has_the_project() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.byline");
        let mut window = Project::create(&path).unwrap();
        let mut done = markup::document("[Zoë Ñúñez|PERSON] won.").unwrap();
        done.apply(&Transaction::new("Done").with(Edit::SetStatus(DocStatus::Done)))
            .unwrap();
        let open = markup::document("[Genève|GPE] voted.").unwrap();
        window.add_documents(&[done, open]).unwrap();

        let project = path.to_str().unwrap();
        let exported = byline([
            "export",
            "--project",
            project,
            "--to",
            "prodigy",
            "--only",
            "done",
        ]);
        assert_eq!(exported.code, 0, "{}", exported.err);
        let lines: Vec<serde_json::Value> = exported
            .out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["text"], "Zoë Ñúñez won.");
        assert_eq!(lines[0]["spans"][0]["end"], 9, "code points, not bytes");

        let bad = byline(["export", "--project", project, "--only", "finished"]);
        assert_eq!(bad.code, 2);
        assert!(
            bad.err.contains("unknown status \"finished\""),
            "{}",
            bad.err
        );
    }

    #[test]
    fn a_project_larger_than_a_batch_exports_as_one_write_of_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.byline");
        let docs: Vec<Document> = (0..BATCH + 3)
            .map(|i| {
                markup::document(&format!(
                    "№{i}: [“Ja,”|QUOTE:1] [Zoë 北京|SPEAKER:1] [sagte|CUE:1] 👋 [Lab{}|LAB{}]",
                    6 - i % 7,
                    6 - i % 7
                ))
                .unwrap()
            })
            .collect();
        Project::create(&path)
            .unwrap()
            .add_documents(&docs)
            .unwrap();
        for format in [ExportFormat::Byline, ExportFormat::Hf] {
            let out = dir.path().join(format!("all.{format}"));
            let (project, to, output) =
                (path.to_str().unwrap(), format.name(), out.to_str().unwrap());
            let exported = byline(["export", "--project", project, "--to", to, "-o", output]);
            assert_eq!(exported.code, 0, "{}", exported.err);
            let expected = dir.path().join(format!("expected.{format}"));
            exporter::write(format, &docs, Destination::Path(&expected)).unwrap();
            assert!(contents(&out) == contents(&expected), "{format}");
        }
    }

    /// A file's bytes, or a folder's files' names and bytes.
    fn contents(path: &std::path::Path) -> Vec<(String, Vec<u8>)> {
        if path.is_file() {
            return vec![(String::new(), std::fs::read(path).unwrap())];
        }
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(&p).unwrap())
            })
            .collect();
        files.sort();
        files
    }
}
