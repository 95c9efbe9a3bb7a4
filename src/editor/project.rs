//! Taking over a project that finished opening (see `session::opening`):
//! its labels (the built-in ones when it has none), its memory, the
//! document viewed last, the settings of its rules engine (the attribution
//! classes it suggests, how it writes interrupted quotes), and its external
//! engine — which runs only if this machine trusts it for
//! this project.

use std::path::Path;

use crate::editor::navigate::{ensure_loaded, trim_loaded};
use crate::editor::session::Session;
use crate::editor::session::opening::Opened;
use crate::editor::workspace::Workspace;
use crate::model::{ClassSet, Interrupted, LabelSet};
use crate::store::{Places, Project, trust_command};
use crate::suggest::external::{EngineCommand, ExternalEngine};
use crate::suggest::rules::RulesConfig;

/// What replaces the editor's documents and session.
pub struct TakenOver {
    /// The project's documents, the one viewed last shown.
    pub workspace: Workspace,
    /// The session on the project.
    pub session: Session,
    /// The project's external engine, if it may run here.
    pub external: Option<ExternalEngine>,
    /// The project's settings of its rules engine.
    pub rules: RulesConfig,
}

/// The window title naming the project at `path`.
pub fn title(path: &Path) -> String {
    path.file_name()
        .map(|n| format!("{} — Byline", n.to_string_lossy()))
        .unwrap_or_else(|| "Byline".into())
}

/// A workspace and session on `opened`, keeping `keep` documents loaded and
/// carrying `notices` over; `places` decides whether its engine may run.
pub fn take_over(
    opened: Opened,
    mut notices: Vec<String>,
    keep: usize,
    places: Option<&Places>,
) -> TakenOver {
    let labels = if opened.labels.labels.is_empty() {
        LabelSet::builtin()
    } else {
        opened.labels
    };
    let (external, note) = external_engine(&opened.project, &labels, places);
    notices.extend(note);
    let quote_classes = opened.project.quote_classes().unwrap_or_else(|e| {
        notices.push(format!(
            "Quote classes not read ({e}); speech and writing suggested"
        ));
        ClassSet::default()
    });
    let interrupted = opened.project.interrupted_quotes().unwrap_or_else(|e| {
        notices.push(format!(
            "How interrupted quotes are written not read ({e}); one record suggested"
        ));
        Interrupted::default()
    });
    let mut session = Session::new(opened.project, opened.memory, places.cloned());
    let mut workspace = Workspace::new(labels);
    workspace.set_keep_loaded(keep);
    workspace.notices = notices;
    workspace.add_summaries(opened.summaries);
    let first = opened.first.and_then(|id| workspace.find(&id));
    if let Some(index) = first {
        match opened.shown {
            Some((doc, history)) => {
                workspace.load(index, doc, history);
                workspace.show(index);
            }
            None => {
                if ensure_loaded(&mut workspace, &mut session, index) {
                    workspace.show(index);
                    trim_loaded(&mut workspace, &session);
                }
            }
        }
    }
    TakenOver {
        workspace,
        session,
        external,
        rules: RulesConfig {
            classes: quote_classes,
            interrupted,
        },
    }
}

/// The project's external engine (`byline engine --project P --cmd …`),
/// checking labels against the project's; a note when it cannot be used. A
/// project file can come from anyone, so its command runs only if this
/// machine's `places` trust it for this project (none in tests: nothing is).
pub(crate) fn external_engine(
    project: &Project,
    labels: &LabelSet,
    places: Option<&Places>,
) -> (Option<ExternalEngine>, Option<String>) {
    let line = match project.engine_command() {
        Ok(Some(line)) => line,
        Ok(None) => return (None, None),
        Err(e) => return (None, Some(format!("External engine not run: {e}"))),
    };
    if !places.is_some_and(|p| p.trusts_engine(project.path(), &line)) {
        return (
            None,
            Some(format!(
                "This project names an external engine (`{line}`) that was not set up on \
                 this machine, so it does not run. To allow it: {}",
                trust_command(project.path())
            )),
        );
    }
    match EngineCommand::parse(&line) {
        Ok(command) => (
            Some(ExternalEngine::new(command).with_labels(labels.clone())),
            None,
        ),
        Err(e) => (None, Some(format!("External engine not run: {e}"))),
    }
}
