//! Frame-time benchmark of the window: a 100,000-character article with 5,000
//! spans ([`long_article`]: entities, quotes with speakers and cues, half of
//! them pending) shown in a headless `egui::Context` — no GPU, no display — at 1280×800. Measures
//! the CPU time of a whole frame (the app's `ui` plus egui's tessellation) at
//! rest and while a selection is dragged across the text. Budget: < 4 ms.

use std::time::{Duration, Instant};

use egui::{Context, Event, Modifiers, PointerButton, Pos2, RawInput, Rect, Vec2};

use super::corpus::wire::long_article;
use crate::app::BylineApp;
use crate::editor::{Editor, Workspace};
use crate::model::LabelSet;

/// Frame times of one scenario, in milliseconds.
#[derive(Clone, Debug)]
pub struct Timing {
    /// Median frame.
    pub median_ms: f64,
    /// 95th percentile frame.
    pub p95_ms: f64,
    /// Slowest frame.
    pub max_ms: f64,
}

/// What the benchmark measured.
#[derive(Clone, Debug)]
pub struct Report {
    /// Characters in the article.
    pub chars: usize,
    /// Spans in the article.
    pub spans: usize,
    /// The first frame, which lays out the visible paragraphs.
    pub first_frame_ms: f64,
    /// Frames with no input.
    pub at_rest: Timing,
    /// Frames while a drag selection moves over the text.
    pub dragging: Timing,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "article: {} chars, {} spans, 1280x800, headless",
            self.chars, self.spans
        )?;
        writeln!(f, "first frame: {:.2} ms", self.first_frame_ms)?;
        for (name, t) in [("at rest", &self.at_rest), ("dragging", &self.dragging)] {
            writeln!(
                f,
                "{name:>9}: median {:.2} ms, p95 {:.2} ms, max {:.2} ms per frame",
                t.median_ms, t.p95_ms, t.max_ms
            )?;
        }
        Ok(())
    }
}

fn input(events: Vec<Event>, time: f64) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 800.0))),
        time: Some(time),
        events,
        ..RawInput::default()
    }
}

fn frame(ctx: &Context, app: &mut BylineApp, events: Vec<Event>, time: f64) -> Duration {
    let started = Instant::now();
    let mut out = ctx.run_ui(input(events, time), |ui| app.ui(ui));
    let _ = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
    let spent = started.elapsed();
    out.textures_delta.clear();
    spent
}

fn timing(mut frames: Vec<Duration>) -> Timing {
    frames.sort_unstable();
    let ms = |d: Option<&Duration>| d.map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    let at = |q: f64| frames.get(((frames.len() as f64 - 1.0) * q).round() as usize);
    Timing {
        median_ms: ms(at(0.5)),
        p95_ms: ms(at(0.95)),
        max_ms: ms(frames.last()),
    }
}

/// A window over the long article in a headless context.
fn scene() -> (Context, BylineApp) {
    let mut ws = Workspace::new(LabelSet::builtin());
    ws.add_documents([long_article(100_000)]);
    let ctx = Context::default();
    crate::app::fonts::install(&ctx);
    (ctx, BylineApp::new(Editor::new(ws)))
}

/// Runs the benchmark with `frames` measured frames per scenario.
pub fn run(frames: usize) -> Report {
    let (ctx, mut app) = scene();
    let (chars, spans) = app.editor().workspace().current().map_or((0, 0), |o| {
        (o.doc.text().chars().count(), o.doc.span_count())
    });
    let mut time = 0.0;
    let first = frame(&ctx, &mut app, Vec::new(), time);
    for _ in 0..5 {
        time += 1.0 / 60.0;
        frame(&ctx, &mut app, Vec::new(), time);
    }
    let at_rest = (0..frames)
        .map(|_| {
            time += 1.0 / 60.0;
            frame(&ctx, &mut app, Vec::new(), time)
        })
        .collect();
    let dragging = drag_frames(&ctx, &mut app, frames, &mut time);
    Report {
        chars,
        spans,
        first_frame_ms: first.as_secs_f64() * 1000.0,
        at_rest: timing(at_rest),
        dragging: timing(dragging),
    }
}

/// Presses on a glyph near the top of the article and drags down over the
/// text, one step per frame, back and forth.
fn drag_frames(ctx: &Context, app: &mut BylineApp, frames: usize, time: &mut f64) -> Vec<Duration> {
    let start = (app.editor().workspace().current())
        .and_then(|o| o.doc.text().find("met"))
        .and_then(|at| app.glyph_rect(at))
        .map_or(Pos2::new(500.0, 120.0), |r| r.center());
    let button = |pos, pressed| Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    *time += 1.0 / 60.0;
    let press = vec![Event::PointerMoved(start), button(start, true)];
    frame(ctx, app, press, *time);
    let mut out = Vec::with_capacity(frames);
    let mut pos = start;
    for i in 0..frames {
        let step = (i % 40 + 1) as f32;
        pos = start + Vec2::new(step * 7.0, step * 12.0);
        *time += 1.0 / 60.0;
        out.push(frame(ctx, app, vec![Event::PointerMoved(pos)], *time));
    }
    *time += 1.0 / 60.0;
    frame(ctx, app, vec![button(pos, false)], *time);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drag_frames_select_a_range_of_the_article() {
        let (ctx, mut app) = scene();
        let mut time = 0.0;
        frame(&ctx, &mut app, Vec::new(), time);
        let frames = drag_frames(&ctx, &mut app, 10, &mut time);
        assert_eq!(frames.len(), 10);
        frame(&ctx, &mut app, Vec::new(), time + 1.0);
        assert!(matches!(
            app.editor().workspace().selection,
            crate::editor::Selection::Range(_)
        ));
        let done = app
            .editor()
            .workspace()
            .current()
            .map(|o| o.doc.span_count());
        assert!(done >= Some(5_000));
    }
}
