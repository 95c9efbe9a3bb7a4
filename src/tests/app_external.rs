//! The window runs the project's external engine (`byline engine --project P
//! --cmd …`) on every article it opens, once this machine trusts it for that
//! project; an untrusted or broken engine costs a notice, not the article.

use egui_kittest::Harness;

use super::app_project::{project_with, settle};
use super::app_review::window;
use crate::app::BylineApp;
use crate::editor::Command;
use crate::model::{Origin, SpanState};
use crate::store::{Places, Project, trust_command};

/// The spans of the article opened last: text, label, engine/rule.
fn opened(
    h: &egui_kittest::Harness<'static, crate::app::BylineApp>,
) -> Vec<(String, String, String)> {
    let ws = h.state().editor().workspace();
    let doc = &ws.loaded(ws.entries().len() - 1).unwrap().doc;
    doc.spans()
        .map(|s| {
            assert_eq!(s.state, SpanState::Pending);
            let engine = match &s.origin {
                Origin::Suggested { engine, rule, .. } => format!("{engine}/{rule}"),
                Origin::Manual => String::new(),
            };
            (s.text(doc.text()).to_owned(), s.label.clone(), engine)
        })
        .collect()
}

/// A window on a new project whose engine is `engine` (trusted on the
/// window's machine if `trusted`), after opening one article; the folder
/// holding both comes back with it.
fn open_article(engine: &str, trusted: bool) -> (Harness<'static, BylineApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), "x.byline", &[]);
    Project::open(&path)
        .unwrap()
        .set_engine_command(Some(engine))
        .unwrap();
    let places = Places::under(&dir.path().join("home"));
    if trusted {
        places.trust_engine(&path, engine).unwrap();
    }
    let mut h = window(Vec::new());
    h.state_mut().editor_mut().set_places(Some(places));
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::OpenProject(path.clone()));
    settle(&mut h, |app| app.editor().session().path().is_some());
    let article = dir.path().join("later.txt");
    std::fs::write(&article, "Later, Søren Ødegård sold the café.\n").unwrap();
    h.state_mut()
        .run_command(&ctx, Command::OpenPaths(vec![article]));
    settle(&mut h, |app| !app.editor().workspace().entries().is_empty());
    (h, dir)
}

#[test]
fn the_projects_engine_suggests_in_every_article_opened() {
    let line =
        r#"{"spans":[{"start":7,"end":20,"label":"PERSON","rule":"ner","text":"Søren Ødegård"}]}"#;
    let engine = shlex::try_join([
        "sh",
        "-c",
        "cat >/dev/null; printf '%s\\n' \"$1\"",
        "fx",
        line,
    ])
    .unwrap();
    let (h, _dir) = open_article(&engine, true);
    assert_eq!(
        opened(&h),
        [(
            "Søren Ødegård".into(),
            "PERSON".into(),
            "external/ner".into()
        )]
    );
}

#[test]
fn a_missing_engine_is_a_notice_and_the_article_still_opens() {
    let (h, _dir) = open_article("byline-no-such-engine", true);
    assert!(opened(&h).is_empty());
    let notices = h.state().editor().workspace().notices.join("\n");
    assert!(
        notices.contains("external engine `byline-no-such-engine`: command not found"),
        "{notices}"
    );
}

#[test]
fn an_engine_not_trusted_on_this_machine_does_not_run_and_says_how_to_allow_it() {
    let dir = tempfile::tempdir().unwrap();
    let ran = dir.path().join("ran");
    let engine = shlex::try_join(["sh", "-c", "cat >/dev/null; touch \"$1\"", "fx"])
        .map(|cmd| format!("{cmd} {}", shlex::try_quote(ran.to_str().unwrap()).unwrap()))
        .unwrap();
    let (h, project_dir) = open_article(&engine, false);
    assert!(opened(&h).is_empty());
    assert!(!ran.exists(), "the engine ran");
    let notices = h.state().editor().workspace().notices.join("\n");
    let project = project_dir.path().join("x.byline");
    assert_eq!(
        notices,
        format!(
            "This project names an external engine (`{engine}`) that was not set up on this \
             machine, so it does not run. To allow it: {}",
            trust_command(&project)
        )
    );
}
