//! The document side of the store's interface: add, list, load, and save each
//! applied transaction. It takes and returns model values only, so another
//! backend (PostgreSQL for a shared project) can offer the same methods.

use std::fmt;

use super::error::StoreError;
use super::history::{Step, encode, record};
use super::load::{Selection, read_documents};
use super::memory::write_delta;
use super::project::Project;
use super::rows::{Bad, Res, parse_status};
use super::save::{find_key, insert_document, save_changes, stored_source, title_of};
use crate::model::memory::{observe, observe_document};
use crate::model::{Applied, DocId, DocStatus, Document, OffsetIndex};

/// One line of the document list: enough to show 10,000 documents without
/// reading any text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocSummary {
    /// Document id.
    pub id: DocId,
    /// `meta.title`, or the first line of the text.
    pub title: String,
    /// Where it came from.
    pub source: Option<String>,
    /// Review status.
    pub status: DocStatus,
    /// Number of spans.
    pub spans: usize,
    /// Spans still waiting for review.
    pub pending: usize,
}

impl DocSummary {
    /// The summary of a document in hand, exactly as [`Project::list_documents`]
    /// would give it once stored, so a list can hold summaries of loaded and
    /// unloaded documents alike.
    pub fn of(doc: &Document) -> Self {
        Self {
            id: doc.id.clone(),
            title: title_of(doc),
            source: doc.source.clone(),
            status: doc.status(),
            spans: doc.span_count(),
            pending: doc.pending_count(),
        }
    }
}

/// A document that was not added because the project already holds its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The shared id.
    pub id: DocId,
    /// Where the refused copy came from.
    pub source: Option<String>,
    /// Where the copy already in the project came from.
    pub existing: Option<String>,
}

/// What [`Project::add_documents`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddReport {
    /// Ids added, in input order.
    pub added: Vec<DocId>,
    /// Documents refused as already present.
    pub duplicates: Vec<Duplicate>,
}

impl fmt::Display for AddReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} documents added", self.added.len())?;
        for d in &self.duplicates {
            let name = |s: &Option<String>| s.clone().unwrap_or_else(|| d.id.to_string());
            write!(
                f,
                "; already in the project (same text as {}): {}",
                name(&d.existing),
                name(&d.source)
            )?;
        }
        Ok(())
    }
}

impl Project {
    /// Adds documents with their annotations in one commit. A document whose
    /// id (hash of its text) is already in the project, or earlier in `docs`,
    /// is reported, not stored twice. Accepted and rejected annotations they
    /// bring teach the stored memory; a running `MemoryEngine` picks them up
    /// from [`Project::load_memory`].
    pub fn add_documents(&mut self, docs: &[Document]) -> Result<AddReport, StoreError> {
        self.write("add documents", |tx| {
            let mut report = AddReport::default();
            for doc in docs {
                if insert_document(tx, doc)?.is_some() {
                    write_delta(tx, &observe_document(doc))?;
                    report.added.push(doc.id.clone());
                } else {
                    report.duplicates.push(Duplicate {
                        id: doc.id.clone(),
                        source: doc.source.clone(),
                        existing: stored_source(tx, &doc.id)?,
                    });
                }
            }
            Ok(report)
        })
    }

    /// Saves what `applied` changed in `doc` (already applied to it) as one
    /// commit, with what the `memory` engine learns from it. On error nothing
    /// is saved; the caller undoes the edit in memory (`doc.apply(&applied.inverse)`).
    /// Edits the editor can undo go through [`Project::apply_step`] instead.
    pub fn apply(&mut self, doc: &Document, applied: &Applied) -> Result<(), StoreError> {
        self.commit(doc, applied, None)
    }

    /// One commit for an applied transaction, moving the stored history when
    /// `step` says how.
    pub(super) fn commit(
        &mut self,
        doc: &Document,
        applied: &Applied,
        step: Option<Step>,
    ) -> Result<(), StoreError> {
        let delta = observe(applied, doc);
        let inverse = step.map(|step| {
            (
                step,
                encode(&applied.inverse, &OffsetIndex::new(doc.text())),
            )
        });
        self.write("save the edit", |tx| {
            let key = find_key(tx, &doc.id)?.ok_or_else(|| Bad::Missing(doc.id.0.clone()))?;
            save_changes(tx, key, doc, applied)?;
            write_delta(tx, &delta)?;
            if let Some((step, json)) = inverse {
                record(tx, key, step, &applied.inverse.label, &json?)?;
            }
            Ok(())
        })
    }

    /// Summaries of every document, in import order.
    pub fn list_documents(&self) -> Result<Vec<DocSummary>, StoreError> {
        let read = || -> Res<Vec<DocSummary>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, title, source, status, span_count, pending FROM documents ORDER BY key",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, i64>(5)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, title, source, status, spans, pending) = row?;
                out.push(DocSummary {
                    id: DocId(id),
                    title,
                    source,
                    status: parse_status(&status)?,
                    spans: usize::try_from(spans).unwrap_or(0),
                    pending: usize::try_from(pending).unwrap_or(0),
                });
            }
            Ok(out)
        };
        read().map_err(|e| e.at("list the documents", self.path()))
    }

    /// One document with all its annotations.
    pub fn load_document(&self, id: &DocId) -> Result<Document, StoreError> {
        let read = || -> Res<Document> {
            let tx = self.conn.unchecked_transaction()?;
            let key = find_key(&tx, id)?.ok_or_else(|| Bad::Missing(id.0.clone()))?;
            let mut found = None;
            read_documents(&tx, Selection::one(key), |doc| {
                found = Some(doc);
                Ok(false)
            })?;
            found.ok_or_else(|| Bad::Missing(id.0.clone()))
        };
        read().map_err(|e| e.at("load the document", self.path()))
    }

    /// Every document, in import order.
    pub fn load_documents(&self) -> Result<Vec<Document>, StoreError> {
        let mut docs = Vec::new();
        self.for_each_document(None, |doc| {
            docs.push(doc);
            true
        })?;
        Ok(docs)
    }

    /// Streams documents in import order (only those with status `only`, if
    /// given) without holding them all; `each` returns `false` to stop.
    pub fn for_each_document(
        &self,
        only: Option<DocStatus>,
        mut each: impl FnMut(Document) -> bool,
    ) -> Result<(), StoreError> {
        let mut read = || -> Res<()> {
            let tx = self.conn.unchecked_transaction()?;
            let selection = Selection {
                status: only.map(DocStatus::as_str),
                ..Selection::ALL
            };
            read_documents(&tx, selection, |doc| Ok(each(doc)))
        };
        read().map_err(|e| e.at("load the documents", self.path()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;

    #[test]
    fn a_summary_in_hand_is_the_one_the_store_lists() {
        let dir = tempfile::tempdir().unwrap();
        let mut project = Project::create(&dir.path().join("p.byline")).unwrap();
        let mut titled =
            markup::document("\n  “Ça va,” dit [Zoë|PERSON]. 😀\nSecond line.").unwrap();
        titled.source = Some("zoë.txt".into());
        let mut named = Document::new(None, "北京 talks.");
        named
            .meta
            .insert("title".into(), serde_json::json!("  Talks in 北京 "));
        project
            .add_documents(&[titled.clone(), named.clone()])
            .unwrap();
        let listed = project.list_documents().unwrap();
        assert_eq!(listed, [DocSummary::of(&titled), DocSummary::of(&named)]);
        assert_eq!(listed[0].title, "“Ça va,” dit Zoë. 😀");
        assert_eq!(listed[1].title, "Talks in 北京");
    }
}
