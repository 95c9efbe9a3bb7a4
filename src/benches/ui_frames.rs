//! `cargo bench --features bench --bench ui_frames`: CPU time per frame of
//! the annotator window on a 100,000-character article with 5,000 spans,
//! headless.

fn main() {
    let frames = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(200);
    print!("{}", byline::bench::frames::run(frames));
}
