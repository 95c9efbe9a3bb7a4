//! Crash safety, for real: a child process (this test binary, re-run in child
//! mode) applies edits in a loop and reports each one committed; the parent
//! kills it with SIGKILL at random moments, then checks the project opens, is
//! sound, and holds every edit reported — exactly those, or one more that was
//! committed but not yet reported.
//!
//! Nothing here is timed: how long a child takes to start or to commit
//! depends on the machine's load, so the parent waits for the child's own
//! reports (or its death) and only a hang guard bounds the wait.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::model::{
    AttributionClass, ByteRange, DocStatus, Document, Edit, Layer, Origin, Quote, QuoteId,
    QuoteKind, Span, SpanId, SpanState, Transaction,
};
use crate::store::{Access, Project, ReadOnlyReason};

/// Set (to the project path) in the child's environment.
const CHILD: &str = "BYLINE_TEST_CRASH_CHILD";
/// The number of the first edit the child applies.
const FIRST_EDIT: &str = "BYLINE_TEST_CRASH_FIRST_EDIT";
/// This test's name, for re-running only it.
const NAME: &str = "tests::store_crash::killed_at_random_moments_loses_no_committed_edit";
/// Kill-and-check rounds.
const ROUNDS: usize = 24;
/// Only against a child that hangs: far beyond any start-up or commit time,
/// however loaded the machine.
const HANG_GUARD: Duration = Duration::from_secs(300);

fn article() -> Document {
    let mut text = String::new();
    for i in 0..120 {
        text.push_str(&format!("“Grüße {i},” sagte Zoë 李{i} 👍 am Montag. "));
    }
    Document::new(Some("crash.txt".into()), &text)
}

/// Edit number `n`: a pure function of `n` and the document, so the parent
/// can replay what the child did. Inserts, reviews, links, deletes (which
/// cascades into quotes) and status changes all take part.
fn edit(doc: &Document, n: u64) -> Transaction {
    let words: Vec<ByteRange> = crate::model::tokenize(doc.text())
        .iter()
        .map(|t| t.range)
        .collect();
    let range = words[(n as usize * 7) % words.len()];
    let label = ["PERSON", "GPE", "DATE"][n as usize % 3];
    let origin = Origin::suggested("rules", format!("r{}", n % 4), (n % 10) as f32 / 10.0);
    let mut tx = Transaction::new(format!("edit {n}")).with(Edit::InsertSpan(Span::suggested(
        SpanId(n),
        range,
        label,
        Layer::Entity,
        origin,
    )));
    if let Some(previous) = doc.span(SpanId(n - 1)) {
        let mut reviewed = previous.clone();
        reviewed.state = [SpanState::Accepted, SpanState::Rejected][n as usize % 2];
        tx.push(Edit::ReplaceSpan(reviewed));
        if n.is_multiple_of(4) && doc.span(SpanId(n - 2)).is_some() {
            tx.push(Edit::InsertQuote(Quote {
                id: QuoteId(1_000_000 + n),
                content: vec![SpanId(n - 1)],
                speaker: Some(SpanId(n - 2)),
                cue: None,
                kind: QuoteKind::Indirect,
                class: AttributionClass::ALL[n as usize % AttributionClass::ALL.len()],
                speaker_entity: Some(format!("Zoë {n}")),
                state: SpanState::Pending,
                origin: Origin::Manual,
                group: None,
            }));
        }
    }
    if n.is_multiple_of(5) && doc.span(SpanId(n - 3)).is_some() {
        tx.push(Edit::DeleteSpan(SpanId(n - 3)));
    }
    if n.is_multiple_of(7) {
        tx.push(Edit::SetStatus(DocStatus::ALL[n as usize % 4]));
    }
    tx
}

/// Child mode: apply edits from `first` on, print each one once committed,
/// until the parent kills it (or is gone: the report cannot be written).
fn child(path: &Path, first: u64) {
    let mut project = Project::open(path).unwrap();
    assert_eq!(project.access(), Access::ReadWrite);
    let mut doc = project.load_document(&article().id).unwrap();
    let deadline = Instant::now() + HANG_GUARD;
    let mut out = std::io::stdout();
    for n in first.. {
        let applied = doc.apply(&edit(&doc, n)).unwrap();
        project.apply(&doc, &applied).unwrap();
        if writeln!(out, "committed {n}")
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the parent should have killed me"
        );
    }
}

/// When the parent kills the child.
#[derive(Clone, Copy, PartialEq)]
enum KillAfter {
    /// `delay` after starting it: during start-up, opening, recovery or editing.
    Start,
    /// `delay` after its first commit: always while editing.
    FirstCommit,
    /// Like `FirstCommit`, opening the project a second time first.
    Peeking,
}

/// Starts a child, kills it as `kill` says, returns the last edit it reported.
fn run_child(path: &Path, first: u64, delay: Duration, kill: KillAfter) -> Option<u64> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([NAME, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, path)
        .env(FIRST_EDIT, first.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, committed) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            // The harness may print "test NAME ... " ahead of the first line.
            let number = line.rsplit_once("committed ").map(|(_, n)| n);
            if let Some(n) = number.and_then(|n| n.parse::<u64>().ok()) {
                let _ = sender.send(n);
            }
        }
    });
    let mut last = None;
    if kill != KillAfter::Start {
        // A child that dies first closes the channel (the reader ends), so
        // this waits only as long as the child takes, however long that is.
        match committed.recv_timeout(HANG_GUARD) {
            Ok(n) => last = Some(n),
            Err(RecvTimeoutError::Disconnected) => {
                panic!("the child exited before committing an edit (its stderr is above)")
            }
            Err(RecvTimeoutError::Timeout) => panic!("the child hangs: no edit in {HANG_GUARD:?}"),
        }
    }
    if kill == KillAfter::Peeking {
        // A second opener while the child writes: read-only, and it reads a sound file.
        let second = Project::open(path).unwrap();
        assert_eq!(
            second.access(),
            Access::ReadOnly(ReadOnlyReason::OpenElsewhere)
        );
        assert!(second.load_document(&article().id).is_ok());
    }
    std::thread::sleep(delay);
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    reader.join().unwrap();
    committed.try_iter().last().or(last)
}

/// A tiny deterministic generator, seeded from the clock (printed on failure).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn killed_at_random_moments_loses_no_committed_edit() {
    if let Some(path) = std::env::var_os(CHILD) {
        let first = std::env::var(FIRST_EDIT).unwrap().parse().unwrap();
        child(&PathBuf::from(path), first);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.byline");
    let mut expected = article();
    Project::create(&path)
        .unwrap()
        .add_documents(std::slice::from_ref(&expected))
        .unwrap();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rng = Rng(seed);
    let mut done = 0; // edits known to be in the file
    for round in 0..ROUNDS {
        let delay = Duration::from_millis(5 + rng.below(60));
        let kill = [KillAfter::Start, KillAfter::FirstCommit, KillAfter::Peeking][round % 3];
        let reported = run_child(&path, done + 1, delay, kill);
        let project = Project::open(&path).unwrap();
        assert_eq!(
            project.access(),
            Access::ReadWrite,
            "the lock died with the child"
        );
        assert_eq!(project.integrity_problems().unwrap(), Vec::<String>::new());
        let stored = project.load_document(&expected.id).unwrap();
        // Replay up to the last reported edit, then allow one more.
        let last = reported.unwrap_or(done);
        assert!(last >= done, "seed {seed}: reported {last} < known {done}");
        for n in done + 1..=last {
            expected.apply(&edit(&expected, n)).unwrap();
        }
        done = last;
        if stored != expected {
            expected.apply(&edit(&expected, done + 1)).unwrap();
            done += 1;
            assert!(
                stored == expected,
                "seed {seed}, round {round}: the file holds neither edit {last} nor {done}"
            );
        }
    }
    assert!(
        done >= ROUNDS as u64 / 2,
        "seed {seed}: only {done} edits in all"
    );
}
