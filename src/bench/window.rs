//! Memory benchmark of the window on a large project: the real
//! [`BylineApp`] in a headless `egui::Context` (no GPU, no display) opens a
//! project the way `byline --project FILE` does, draws frames until the first
//! document is shown, then pages through documents, reviewing some and
//! marking some done, as an editor would. Reports the open time (budget 1 s)
//! and the resident memory (budget 200 MB with 10,000 articles), read from
//! `/proc/self/status`, so run it in a fresh process: `cargo bench --bench
//! store` does.

use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Context, Pos2, RawInput, Rect, Vec2};

use super::{peak_mb, resident_mb};
use crate::app::BylineApp;
use crate::editor::{Command, Editor, Workspace};
use crate::model::LabelSet;

/// What the benchmark measured.
#[derive(Clone, Debug)]
pub struct Report {
    /// Documents in the project.
    pub documents: usize,
    /// From asking to open the project to the first document drawn.
    pub open: Duration,
    /// Resident memory once the first document is drawn, in MB.
    pub opened_mb: f64,
    /// Documents shown while paging.
    pub shown: usize,
    /// Suggestions accepted while paging.
    pub accepted: usize,
    /// Documents marked done while paging.
    pub done: usize,
    /// Documents loaded at the end.
    pub loaded: usize,
    /// Resident memory after paging, in MB.
    pub resident_mb: f64,
    /// Peak resident memory of the process, in MB.
    pub peak_mb: f64,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "window open {:>8.3} s  ({} documents listed, first one drawn; budget 1 s)",
            self.open.as_secs_f64(),
            self.documents
        )?;
        writeln!(
            f,
            "resident    {:>8.1} MB in the window after opening",
            self.opened_mb
        )?;
        writeln!(
            f,
            "resident    {:>8.1} MB in the window after showing {} documents \
             ({} suggestions accepted, {} marked done; {} loaded now; budget 200 MB; peak {:.1} MB)",
            self.resident_mb, self.shown, self.accepted, self.done, self.loaded, self.peak_mb
        )
    }
}

/// One frame at 1280×800.
fn frame(ctx: &Context, app: &mut BylineApp, time: &mut f64) {
    *time += 1.0 / 60.0;
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 800.0))),
        time: Some(*time),
        ..RawInput::default()
    };
    let mut out = ctx.run_ui(input, |ui| app.ui(ui));
    let _ = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
    out.textures_delta.clear();
}

/// Opens the project at `path` in a headless window and shows `steps`
/// documents one after another: every document gets one suggestion
/// accepted, every tenth is marked done (which moves on to the next undone).
pub fn run(path: &Path, steps: usize) -> anyhow::Result<Report> {
    let ctx = Context::default();
    crate::app::fonts::install(&ctx);
    let mut app = BylineApp::new(Editor::new(Workspace::new(LabelSet::builtin())));
    let mut time = 0.0;
    let started = Instant::now();
    app.run_command(&ctx, Command::OpenProject(path.to_path_buf()));
    while app.editor().busy() || app.view_position().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            anyhow::bail!(
                "the project did not open: {}",
                app.editor().workspace().notices.join("; ")
            );
        }
        frame(&ctx, &mut app, &mut time);
        std::thread::sleep(Duration::from_millis(1));
    }
    let open = started.elapsed();
    let opened_mb = resident_mb();
    let (mut accepted, mut done) = (0, 0);
    for step in 0..steps {
        app.run_command(&ctx, Command::NextPending);
        let pending = app.editor().workspace().current().map_or(0, |o| o.pending);
        app.run_command(&ctx, Command::Accept);
        if app.editor().workspace().current().map_or(0, |o| o.pending) < pending {
            accepted += 1;
        }
        if step % 10 == 9 {
            app.run_command(&ctx, Command::DoneAndNext);
            done += 1;
        } else {
            app.run_command(&ctx, Command::NextDocument);
        }
        frame(&ctx, &mut app, &mut time);
    }
    let ws = app.editor().workspace();
    Ok(Report {
        documents: ws.entries().len(),
        open,
        opened_mb,
        shown: steps,
        accepted,
        done,
        loaded: ws.loaded_count(),
        resident_mb: resident_mb(),
        peak_mb: peak_mb(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Project;
    use crate::tests::support::suggested;

    #[test]
    fn pages_through_a_project_keeping_few_documents_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.byline");
        let docs: Vec<_> = (0..25)
            .map(|i| suggested(&format!("Story {i}: [Zoë Ødegård|PERSON] in [Zürich|GPE].")))
            .collect();
        Project::create(&path)
            .unwrap()
            .add_documents(&docs)
            .unwrap();
        let report = run(&path, 20).unwrap();
        assert_eq!((report.documents, report.shown), (25, 20));
        assert_eq!((report.accepted, report.done), (20, 2));
        assert!(report.loaded <= crate::editor::KEEP_LOADED);
        let stored = Project::open(&path).unwrap().list_documents().unwrap();
        let done = stored
            .iter()
            .filter(|s| s.status == crate::model::DocStatus::Done);
        assert_eq!(done.count(), 2);
    }
}
