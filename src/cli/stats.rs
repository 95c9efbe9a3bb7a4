//! `byline stats --project P`: documents by status, spans by label and state,
//! quotes by kind, how often each engine's suggestions were accepted, the
//! settings of the rules engine (quote classes, interrupted quotes), and
//! the learned model: what it learned from, when, and its held-out score.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::learned;
use crate::model::DocStatus;
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
    let project = Project::open_to_read(&args.project).context("cannot read the statistics")?;
    let stats = stats::compute(&project).context("cannot read the statistics")?;
    write!(out, "{stats}")?;
    let classes = project
        .quote_classes()
        .context("cannot read the statistics")?;
    let interrupted = project
        .interrupted_quotes()
        .context("cannot read the statistics")?;
    writeln!(
        out,
        "\nsuggested: quote classes {}; interrupted quotes {}",
        classes.names(),
        interrupted.as_str()
    )?;
    let model = project.model_info().context("cannot read the statistics")?;
    let reviewed = stats.documents.get(&DocStatus::Done).copied().unwrap_or(0);
    write!(out, "\n{}", learned::describe(model.as_ref(), reviewed))?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use crate::model::markup;
    use crate::store::Project;
    use crate::tests::support::byline;

    #[test]
    fn prints_the_statistics_or_says_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.byline");
        let doc = markup::document("[“Ja,”|QUOTE:1] [Olaf|SPEAKER:1] [sagte|CUE:1].").unwrap();
        Project::create(&path)
            .unwrap()
            .add_documents(&[doc])
            .unwrap();
        let stats = byline(["stats", "--project", path.to_str().unwrap()]);
        assert_eq!(stats.code, 0, "{}", stats.err);
        assert!(
            stats
                .out
                .starts_with("documents: 1 (new 1, in_progress 0, done 0, skipped 0)"),
            "{}",
            stats.out
        );
        assert!(
            stats.out.contains("\nquotes: 1 (direct 1)\n"),
            "{}",
            stats.out
        );
        let settings = "\nsuggested: quote classes speech,writing; interrupted quotes one-record\n";
        assert!(stats.out.contains(settings), "{}", stats.out);

        let missing = dir.path().join("missing.byline");
        let refused = byline(["stats", "--project", missing.to_str().unwrap()]);
        assert_eq!(refused.code, 1);
        assert_eq!(
            refused.err,
            format!(
                "byline: cannot read the statistics: no project file here: {}\n",
                missing.display()
            )
        );
    }
}
