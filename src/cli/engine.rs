//! `byline engine --project P [--cmd "CMD ARGS" | --trust | --clear]`: the
//! external engine the window runs on every article it opens in that project
//! (README, "External engines"). A project file can come from anyone, so the
//! window runs the command only if this machine trusts it for that project:
//! `--cmd` sets and trusts it, `--trust` trusts the one the project already
//! names. Without an option it prints the one set and whether it runs here.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use crate::store::{Places, Project, trust_command};
use crate::suggest::external::EngineCommand;

/// Arguments of `byline engine`.
#[derive(Debug, clap::Args)]
pub struct EngineArgs {
    /// The project file.
    #[arg(long)]
    project: PathBuf,
    /// Command line of the external engine, split like a shell line; it is
    /// also allowed to run on this machine.
    #[arg(long, value_name = "CMD", conflicts_with_all = ["clear", "trust"])]
    cmd: Option<String>,
    /// Allow the command the project names to run on this machine (it is printed).
    #[arg(long, conflicts_with = "clear")]
    trust: bool,
    /// Remove the project's external engine.
    #[arg(long)]
    clear: bool,
}

/// Sets, trusts, clears or prints the project's external engine.
pub fn run(args: &EngineArgs, out: &mut dyn Write, _err: &mut dyn Write) -> anyhow::Result<u8> {
    let places = Places::platform().context("cannot find this machine's config folder")?;
    execute(args, &places, out)
}

/// [`run`] with this machine's folders given.
fn execute(args: &EngineArgs, places: &Places, out: &mut dyn Write) -> anyhow::Result<u8> {
    let mut project = Project::open(&args.project).context("cannot open the project")?;
    if let Some(line) = &args.cmd {
        EngineCommand::parse(line)?;
        project
            .set_engine_command(Some(line))
            .context("cannot set the engine")?;
        places
            .trust_engine(&args.project, line)
            .context("cannot trust the engine")?;
    } else if args.clear {
        project
            .set_engine_command(None)
            .context("cannot clear the engine")?;
    }
    let Some(line) = project.engine_command().context("cannot read the engine")? else {
        anyhow::ensure!(!args.trust, "the project names no external engine to trust");
        writeln!(out, "no external engine")?;
        return Ok(0);
    };
    if args.trust {
        places
            .trust_engine(&args.project, &line)
            .context("cannot trust the engine")?;
    }
    writeln!(out, "external engine: {line}")?;
    if places.trusts_engine(&args.project, &line) {
        writeln!(out, "it runs on this machine")?;
    } else {
        writeln!(
            out,
            "it does not run on this machine until allowed with: {}",
            trust_command(&args.project)
        )?;
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::tests::support::byline;

    /// `byline engine --project PROJECT [--cmd CMD] [--trust] [--clear]` on
    /// this machine's folders `places`: the exit code or error, and stdout.
    fn engine(places: &Places, project: &Path, cmd: Option<&str>, trust: bool) -> (String, String) {
        let args = EngineArgs {
            project: project.to_path_buf(),
            cmd: cmd.map(str::to_owned),
            trust,
            clear: false,
        };
        let mut out = Vec::new();
        let code = match execute(&args, places, &mut out) {
            Ok(code) => code.to_string(),
            Err(e) => format!("{e:#}"),
        };
        (code, String::from_utf8(out).unwrap())
    }

    fn denied(project: &Path) -> String {
        format!(
            "it does not run on this machine until allowed with: {}\n",
            trust_command(project)
        )
    }

    #[test]
    fn setting_the_engine_also_trusts_it_on_this_machine_and_clearing_removes_it() {
        let dir = tempfile::tempdir().unwrap();
        let places = Places::under(&dir.path().join("home"));
        let path = dir.path().join("p.byline");
        Project::create(&path).unwrap();
        let set = engine(&places, &path, Some("python3 'nér v2.py'"), false);
        let trusted = "external engine: python3 'nér v2.py'\nit runs on this machine\n";
        assert_eq!(set, ("0".into(), trusted.into()));
        assert!(places.trusts_engine(&path, "python3 'nér v2.py'"));
        assert_eq!(engine(&places, &path, None, false).1, trusted);
        let broken = engine(&places, &path, Some("python3 'ner.py"), false);
        assert!(broken.0.contains("unclosed quote"), "{}", broken.0);
        assert_eq!(engine(&places, &path, None, false).1, trusted, "unchanged");
        let elsewhere = Places::under(&dir.path().join("other machine"));
        assert_eq!(
            engine(&elsewhere, &path, None, false).1,
            format!("external engine: python3 'nér v2.py'\n{}", denied(&path))
        );
        let args = EngineArgs {
            project: path.clone(),
            cmd: None,
            trust: false,
            clear: true,
        };
        let mut out = Vec::new();
        execute(&args, &places, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "no external engine\n");
    }

    #[test]
    fn trust_allows_the_command_a_received_project_names_and_prints_it() {
        let dir = tempfile::tempdir().unwrap();
        let places = Places::under(&dir.path().join("home"));
        let path = dir.path().join("received café.byline");
        let command = "sh -c 'echo {}'";
        Project::create(&path)
            .unwrap()
            .set_engine_command(Some(command))
            .unwrap();
        let before = engine(&places, &path, None, false);
        assert_eq!(
            before.1,
            format!("external engine: {command}\n{}", denied(&path))
        );
        assert!(!places.trusts_engine(&path, command));
        let trusted = engine(&places, &path, None, true);
        assert_eq!(
            trusted,
            (
                "0".into(),
                format!("external engine: {command}\nit runs on this machine\n")
            )
        );
        assert!(places.trusts_engine(&path, command));
    }

    #[test]
    fn trust_without_an_engine_fails_and_trust_with_cmd_is_a_usage_error() {
        let dir = tempfile::tempdir().unwrap();
        let places = Places::under(&dir.path().join("home"));
        let path = dir.path().join("p.byline");
        Project::create(&path).unwrap();
        let (error, out) = engine(&places, &path, None, true);
        assert_eq!(error, "the project names no external engine to trust");
        assert_eq!(out, "");
        let project = path.to_str().unwrap();
        let both = byline(["engine", "--project", project, "--cmd", "x", "--trust"]);
        assert_eq!(both.code, 2, "{}", both.err);
    }
}
