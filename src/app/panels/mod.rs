//! The panels around the article, each a small struct or function with a
//! `ui` that reads the workspace and pushes commands.

pub mod banner;
pub mod documents;
pub mod drop_hint;
pub mod field;
pub mod find_bar;
pub mod inspector;
pub mod ledger;
pub mod menu;
pub mod notices;
pub mod palette;
pub mod row;
pub mod shortcuts;
pub mod status;
