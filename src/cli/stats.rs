//! `byline stats --project P`: documents by status, spans by label and state,
//! quotes by kind, and how often each engine's suggestions were accepted.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use crate::store::{Project, stats};

/// Arguments of `byline stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// The project file.
    #[arg(long)]
    project: PathBuf,
}

/// Prints the project's statistics to `out`.
pub fn run(args: &StatsArgs, out: &mut dyn Write, _err: &mut dyn Write) -> anyhow::Result<u8> {
    let project = Project::open(&args.project).context("cannot read the statistics")?;
    let stats = stats::compute(&project).context("cannot read the statistics")?;
    write!(out, "{stats}")?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use crate::cli::{Outcome, run};
    use crate::model::markup;
    use crate::store::Project;

    #[test]
    fn prints_the_statistics_or_says_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.byline");
        let doc = markup::document("[“Ja,”|QUOTE:1] [Olaf|SPEAKER:1] [sagte|CUE:1].").unwrap();
        Project::create(&path)
            .unwrap()
            .add_documents(&[doc])
            .unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let project = path.to_str().unwrap();
        assert_eq!(
            run(
                ["byline", "stats", "--project", project],
                &mut out,
                &mut err
            ),
            Outcome::Exit(0)
        );
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("documents: 1 (new 1, in_progress 0, done 0, skipped 0)"),
            "{text}"
        );
        assert!(text.contains("\nquotes: 1 (direct 1)\n"), "{text}");

        let missing = dir.path().join("missing.byline");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let outcome = run(
            ["byline", "stats", "--project", missing.to_str().unwrap()],
            &mut out,
            &mut err,
        );
        assert_eq!(outcome, Outcome::Exit(1));
        assert_eq!(
            String::from_utf8(err).unwrap(),
            format!(
                "byline: cannot read the statistics: no project file here: {}\n",
                missing.display()
            )
        );
    }
}
