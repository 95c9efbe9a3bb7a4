//! `byline engine --project P [--cmd "CMD ARGS" | --clear]`: the external
//! engine the window runs on every article it opens in that project (README,
//! "External engines"). Without `--cmd` or `--clear` it prints the one set.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use crate::store::Project;
use crate::suggest::external::EngineCommand;

/// Arguments of `byline engine`.
#[derive(Debug, clap::Args)]
pub struct EngineArgs {
    /// The project file.
    #[arg(long)]
    project: PathBuf,
    /// Command line of the external engine, split like a shell line.
    #[arg(long, value_name = "CMD", conflicts_with = "clear")]
    cmd: Option<String>,
    /// Remove the project's external engine.
    #[arg(long)]
    clear: bool,
}

/// Sets, clears or prints the project's external engine.
pub fn run(args: &EngineArgs, out: &mut dyn Write, _err: &mut dyn Write) -> anyhow::Result<u8> {
    let mut project = Project::open(&args.project).context("cannot open the project")?;
    if let Some(line) = &args.cmd {
        EngineCommand::parse(line)?;
        project
            .set_engine_command(Some(line))
            .context("cannot set the engine")?;
    } else if args.clear {
        project
            .set_engine_command(None)
            .context("cannot clear the engine")?;
    }
    match project.engine_command().context("cannot read the engine")? {
        Some(line) => writeln!(out, "external engine: {line}")?,
        None => writeln!(out, "no external engine")?,
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use crate::store::Project;
    use crate::tests::support::byline;

    #[test]
    fn sets_prints_and_clears_the_engine_and_refuses_a_broken_command() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.byline");
        Project::create(&path).unwrap();
        let project = path.to_str().unwrap();
        let set = byline([
            "engine",
            "--project",
            project,
            "--cmd",
            "python3 'nér v2.py'",
        ]);
        assert_eq!(
            (set.code, set.out.as_str()),
            (0, "external engine: python3 'nér v2.py'\n"),
            "{}",
            set.err
        );
        let shown = byline(["engine", "--project", project]);
        assert_eq!(shown.out, set.out);
        let broken = byline(["engine", "--project", project, "--cmd", "python3 'ner.py"]);
        assert_eq!(broken.code, 1);
        assert!(broken.err.contains("unclosed quote"), "{}", broken.err);
        assert_eq!(
            byline(["engine", "--project", project]).out,
            set.out,
            "unchanged"
        );
        let cleared = byline(["engine", "--project", project, "--clear"]);
        assert_eq!(cleared.out, "no external engine\n");
    }
}
