//! Running the find and search commands: finding text in the shown article
//! (see [`find`](super::find)) and searching the full text of every document
//! of the project for the document list (the project's full-text index; in
//! a window without a project, the documents it holds).

use std::collections::HashSet;

use super::find::{self, find_all};
use super::{Command, Editor, Effect};
use crate::editor::session::Change;
use crate::model::DocId;

/// The document list's full-text search: what was asked and which
/// documents hold it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextSearch {
    /// The words searched for, as typed.
    pub query: String,
    /// The documents whose text holds every word; `None` when nothing
    /// searchable was typed.
    pub hits: Option<HashSet<DocId>>,
}

impl Editor {
    /// The find state of the shown article.
    pub fn find(&self) -> &find::Find {
        &self.find
    }

    /// The document list's full-text search.
    pub fn text_search(&self) -> &TextSearch {
        &self.search
    }

    /// Runs a find or search command.
    pub(super) fn lookup(&mut self, cmd: Command) -> Option<Effect> {
        let ws = &mut self.workspace;
        match cmd {
            Command::OpenFind => return Some(Effect::OpenFind),
            Command::Find(query) => {
                let doc = &ws.current()?.doc;
                let from = ws.selected_span().and_then(|id| doc.span(id));
                let from = from.map_or(0, |s| s.range.start);
                self.find.search(doc, &query, from);
                return self.find.current().map(Effect::Reveal);
            }
            Command::FindNext | Command::FindPrevious => {
                return self.find.step(cmd == Command::FindNext).map(Effect::Reveal);
            }
            Command::LabelAllFound(label) => {
                let index = ws.current_index()?;
                let doc = &ws.current()?.doc;
                let tx = find::label_all(doc, &ws.labels, self.find.matches(), &label);
                let Some(tx) = tx else {
                    ws.last_action = Some(format!("Nothing left to label as {label}"));
                    return None;
                };
                if let Some(refusal) = self.session.refusal() {
                    ws.notify(refusal);
                    return None;
                }
                let count = tx.edits.len();
                match ws.apply(tx) {
                    Ok(Some(applied)) => {
                        self.session.commit(ws, index, applied, Change::Edit);
                        ws.last_action =
                            Some(format!("{count} found labelled {label}, pending review"));
                    }
                    Ok(None) => {}
                    Err(err) => ws.notify(format!("Edit refused: {err}")),
                }
            }
            Command::CloseFind => {
                self.find.clear();
                return Some(Effect::CloseFind);
            }
            Command::SearchDocuments(query) => self.search_documents(query),
            _ => {}
        }
        None
    }

    /// Finds the documents whose text holds every word of `query`.
    fn search_documents(&mut self, query: String) {
        let words: Vec<&str> = query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let hits = if words.is_empty() {
            None
        } else {
            match self.session.search_text(&query) {
                Some(Ok(ids)) => Some(ids.into_iter().collect()),
                Some(Err(err)) => {
                    self.workspace.notify(format!("Search failed: {err}"));
                    None
                }
                None => Some(self.search_loaded(&words)),
            }
        };
        self.search = TextSearch { query, hits };
    }

    /// The loaded documents holding every word (a window without a project
    /// holds all of its documents loaded).
    fn search_loaded(&self, words: &[&str]) -> HashSet<DocId> {
        let ws = &self.workspace;
        (0..ws.entries().len())
            .filter_map(|i| ws.loaded(i))
            .filter(|o| words.iter().all(|w| !find_all(o.doc.text(), w).is_empty()))
            .map(|o| o.doc.id.clone())
            .collect()
    }
}
