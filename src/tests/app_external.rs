//! The window runs the project's external engine (`byline engine --project P
//! --cmd …`) on every article it opens; a broken engine costs a notice, not
//! the article.

use egui_kittest::Harness;

use super::app_project::{project_window, project_with, settle};
use crate::app::BylineApp;
use crate::model::{Origin, SpanState};
use crate::store::Project;

/// The spans of the article opened last: text, label, engine/rule.
fn opened(
    h: &egui_kittest::Harness<'static, crate::app::BylineApp>,
) -> Vec<(String, String, String)> {
    let ws = h.state().workspace();
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

/// A window on a new project whose engine is `engine`, after opening one
/// article; the folder holding both comes back with it.
fn open_article(engine: &str) -> (Harness<'static, BylineApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = project_with(dir.path(), "x.byline", &[]);
    Project::open(&path)
        .unwrap()
        .set_engine_command(Some(engine))
        .unwrap();
    let mut h = project_window(&path);
    let article = dir.path().join("later.txt");
    std::fs::write(&article, "Later, Søren Ødegård sold the café.\n").unwrap();
    let ctx = h.ctx.clone();
    h.state_mut().opener_mut().load(vec![article], &ctx);
    settle(&mut h, |app| !app.workspace().entries().is_empty());
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
    let (h, _dir) = open_article(&engine);
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
    let (h, _dir) = open_article("byline-no-such-engine");
    assert!(opened(&h).is_empty());
    let notices = h.state().workspace().notices.join("\n");
    assert!(
        notices.contains("external engine `byline-no-such-engine`: command not found"),
        "{notices}"
    );
}
