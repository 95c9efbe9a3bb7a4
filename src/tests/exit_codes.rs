//! Exit codes of the commands that read many inputs (`convert`, `suggest`,
//! `import`), as the README's table gives them: 0 when everything was read,
//! 3 when malformed lines or records were skipped and the rest written, 1 when
//! an input could not be read at all (which wins over 3).

use std::fs;
use std::path::Path;

use super::support::{Run, byline};

const GOOD: &str = "{\"text\": \"“Wir kommen wieder,” sagte Zoë Müller.\"}\n";
const ONE_BAD_LINE: &str = concat!(
    "{\"text\": \"北京 👍: Ana Díaz said the port would reopen.\"}\r\n",
    "{\"text\": \"cut off\n",
    "{\"text\": \"“We will rebuild,” Mayor José Nuñez said.\"}\n",
);

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Runs `command` (with `extra` arguments first) on `inputs`.
fn run(command: &str, extra: &[&str], inputs: &[&Path]) -> Run {
    let mut args = vec![command];
    args.extend(extra);
    args.extend(inputs.iter().map(|p| arg(p)));
    byline(args)
}

#[test]
fn a_skipped_line_gives_3_an_unreadable_file_1_and_a_clean_run_0() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.jsonl");
    fs::write(&good, GOOD).unwrap();
    let partly = dir.path().join("partly.jsonl");
    fs::write(&partly, ONE_BAD_LINE).unwrap();
    let binary = dir.path().join("binary.txt");
    fs::write(&binary, b"\0\0\0not text").unwrap();
    let project = dir.path().join("p.byline");
    let commands: [(&str, Vec<&str>); 3] = [
        ("convert", vec![]),
        ("suggest", vec![]),
        ("import", vec!["--project", arg(&project)]),
    ];
    for (command, extra) in &commands {
        let clean = run(command, extra, &[&good]);
        assert_eq!(clean.code, 0, "{command}: {}", clean.err);

        let skipped = run(command, extra, &[&good, &partly]);
        assert_eq!(skipped.code, 3, "{command}: {}", skipped.err);
        // `import` lists what it skipped in its report on stdout.
        let said = format!("{}{}", skipped.out, skipped.err);
        assert!(said.contains("line 2: not valid JSON"), "{command}: {said}");
        assert!(
            skipped
                .err
                .contains("byline: 1 malformed line(s) or record(s) skipped"),
            "{command}: {}",
            skipped.err
        );

        let failed = run(command, extra, &[&partly, &binary]);
        assert_eq!(
            failed.code, 1,
            "{command}: a failed input wins: {}",
            failed.err
        );
    }
    // What was not skipped was written.
    let converted = run("convert", &[], &[&good, &partly]);
    assert_eq!(converted.out.lines().count(), 3, "{}", converted.out);
}
