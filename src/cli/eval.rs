//! `byline eval --gold PATH --pred PATH [--json]`: scores predictions against
//! gold annotations (see `crate::eval`); `byline eval --learning-curve GOLD
//! --steps 10,25,50,100` measures the learned engine as an editor reviews
//! (see `crate::eval::learning`).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::eval::learning::{CurveOptions, run_learning_curve};
use crate::suggest::learned::TrainOptions;

/// Arguments of `byline eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold annotations: a PolNeAR folder (text/ + attributions/), brat .ann
    /// files, .conll, .conllu (GUM), or byline .jsonl — a file or a folder.
    #[arg(long, required_unless_present = "learning_curve")]
    pub gold: Option<PathBuf>,
    /// Predictions on the same texts, in any of the same formats.
    #[arg(long, required_unless_present = "learning_curve")]
    pub pred: Option<PathBuf>,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Gold (any format `--gold` takes) to simulate an editor on: the first
    /// N documents are reviewed and learned from, the held-out rest scored
    /// (rules, learned, combined) for each N of `--steps`.
    #[arg(long, value_name = "GOLD", conflicts_with_all = ["gold", "pred", "json"])]
    pub learning_curve: Option<PathBuf>,
    /// Numbers of reviewed documents of the learning curve.
    #[arg(long, value_delimiter = ',', default_value = "10,25,50,100")]
    pub steps: Vec<usize>,
    /// Documents held out at the end of the gold and scored (default: a fifth).
    #[arg(long, requires = "learning_curve")]
    pub held_out: Option<usize>,
    /// Also print k-fold held-out scores over the whole gold.
    #[arg(long, value_name = "K", requires = "learning_curve")]
    pub folds: Option<usize>,
}

/// Runs `byline eval`; the report goes to `out`.
pub fn run(args: &EvalArgs, out: &mut dyn Write, _err: &mut dyn Write) -> anyhow::Result<u8> {
    match (&args.learning_curve, &args.gold, &args.pred) {
        (Some(gold), _, _) => {
            let options = CurveOptions {
                steps: args.steps.clone(),
                held_out: args.held_out,
                train: TrainOptions::default(),
            };
            run_learning_curve(gold, &options, args.folds, out)?;
        }
        (None, Some(gold), Some(pred)) => crate::eval::run_cli(gold, pred, args.json, out)?,
        _ => anyhow::bail!("give --gold and --pred, or --learning-curve"),
    }
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
        let curve = byline([
            "eval",
            "--learning-curve",
            path,
            "--steps",
            "0,5",
            "--folds",
            "2",
        ]);
        assert_eq!(curve.code, 0, "{}", curve.err);
        assert!(curve.out.contains("Note: step 5 skipped"), "{}", curve.out);
        assert!(curve.out.contains("No k-fold scores"), "{}", curve.out);
        let missing = byline(["eval", "--gold", path, "--pred", "/nonexistent/pred.jsonl"]);
        assert_eq!(missing.code, 1);
        assert!(
            missing.err.contains("cannot load the predictions"),
            "{}",
            missing.err
        );
    }
}
