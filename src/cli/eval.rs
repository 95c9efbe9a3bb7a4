//! `byline eval --gold PATH --pred PATH [--json]`: scores predictions against
//! gold annotations (see `crate::eval`).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

/// Arguments of `byline eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold annotations: a PolNeAR folder (text/ + attributions/), brat .ann
    /// files, .conll, .conllu (GUM), or byline .jsonl — a file or a folder.
    #[arg(long)]
    pub gold: PathBuf,
    /// Predictions on the same texts, in any of the same formats.
    #[arg(long)]
    pub pred: PathBuf,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs `byline eval`; the report goes to `out`.
pub fn run(args: &EvalArgs, out: &mut dyn Write, _err: &mut dyn Write) -> anyhow::Result<u8> {
    crate::eval::run_cli(&args.gold, &args.pred, args.json, out)?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use crate::tests::support::byline;

    #[test]
    fn eval_subcommand_prints_the_report() {
        let dir = tempfile::tempdir().unwrap();
        let text = "“We will rebuild,” Díaz said.";
        std::fs::write(dir.path().join("a.txt"), text).unwrap();
        std::fs::write(
            dir.path().join("a.ann"),
            "T1\tContent 0 18\t“We will rebuild,”\nT2\tSource 19 23\tDíaz\nT3\tCue 24 28\tsaid\nT4\tAttribution 24 28\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n",
        )
        .unwrap();
        let path = dir.path().to_str().unwrap();
        let scored = byline(["eval", "--gold", path, "--pred", path, "--json"]);
        assert_eq!(scored.code, 0, "{}", scored.err);
        let json: serde_json::Value = serde_json::from_str(&scored.out).unwrap();
        assert_eq!(json["quotes"][0]["loose"]["quotes"]["f1"], 1.0);
        let missing = byline(["eval", "--gold", path, "--pred", "/nonexistent/pred.jsonl"]);
        assert_eq!(missing.code, 1);
        assert!(
            missing.err.contains("cannot load the predictions"),
            "{}",
            missing.err
        );
    }
}
