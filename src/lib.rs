//! Byline: annotate quotes, speakers and entities in news articles.
//!
//! Everything here works without a window: the desktop app in [`app`] is one
//! front end, the command line in [`cli`] another.

pub mod app;
pub mod bench;
pub mod cli;
pub mod eval;
pub mod export;
pub mod model;
pub mod read;
pub mod store;
pub mod suggest;

#[cfg(test)]
mod tests;
