//! Where the editor was (per-document view position, last document viewed)
//! and the project's label set.

use rusqlite::{Connection, OptionalExtension, params};

use super::error::StoreError;
use super::project::Project;
use super::rows::{Res, parse_layer, sql_offset};
use crate::model::{DocId, Document, LabelDef, LabelSet, OffsetIndex};

/// Where the editor was in a document, to reopen it there.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ViewPosition {
    /// Byte offset of the caret (or the first visible character).
    pub offset: usize,
    /// Vertical scroll in points, exact when the layout has not changed.
    pub scroll: f32,
}

impl Project {
    /// Remembers where the editor is in `doc`, and that `doc` was the last
    /// one viewed.
    pub fn set_view(&mut self, doc: &Document, view: ViewPosition) -> Result<(), StoreError> {
        let index = OffsetIndex::new(doc.text());
        let offset = index.byte_to_char(view.offset).unwrap_or(0);
        self.write("save the view position", |tx| {
            let changed = tx
                .prepare_cached(
                    "UPDATE documents SET view_offset = ?2, view_scroll = ?3 WHERE id = ?1",
                )?
                .execute(params![
                    doc.id.0,
                    sql_offset(offset)?,
                    f64::from(view.scroll)
                ])?;
            if changed > 0 {
                tx.prepare_cached(
                    "INSERT INTO settings (name, value) VALUES ('last_document', ?1)
                     ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                )?
                .execute([&doc.id.0])?;
            }
            Ok(())
        })
    }

    /// Where the editor last was in `doc`, if it was ever viewed.
    pub fn view(&self, doc: &Document) -> Result<Option<ViewPosition>, StoreError> {
        let read = || -> Res<Option<ViewPosition>> {
            let row: Option<(Option<i64>, Option<f64>)> = self
                .conn
                .prepare_cached("SELECT view_offset, view_scroll FROM documents WHERE id = ?1")?
                .query_row([&doc.id.0], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((Some(offset), scroll)) = row else {
                return Ok(None);
            };
            let index = OffsetIndex::new(doc.text());
            let chars = usize::try_from(offset).unwrap_or(0);
            Ok(Some(ViewPosition {
                offset: index.char_to_byte(chars).unwrap_or(doc.text().len()),
                scroll: scroll.unwrap_or_default() as f32,
            }))
        };
        read().map_err(|e| e.at("read the view position", self.path()))
    }

    /// The document the editor viewed last, to reopen on start.
    pub fn last_document(&self) -> Result<Option<DocId>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT s.value FROM settings s JOIN documents d ON d.id = s.value
                 WHERE s.name = 'last_document'",
            )
            .and_then(|mut stmt| stmt.query_row([], |r| r.get(0)).optional())
            .map(|id| id.map(DocId))
            .map_err(|e| self.error("read the last document", e))
    }

    /// The project's labels, in palette order.
    pub fn labels(&self) -> Result<LabelSet, StoreError> {
        read_labels(&self.conn).map_err(|e| e.at("read the label set", self.path()))
    }

    /// Replaces the project's label set.
    pub fn set_labels(&mut self, labels: &LabelSet) -> Result<(), StoreError> {
        self.write("save the label set", |tx| {
            tx.execute("DELETE FROM labels", [])?;
            write_labels(tx, labels)
        })
    }
}

/// A new project starts with the built-in label set.
pub(super) fn seed_labels(conn: &Connection) -> Res<()> {
    write_labels(conn, &LabelSet::builtin())
}

fn write_labels(conn: &Connection, labels: &LabelSet) -> Res<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO labels (pos, name, layer, color, key, description)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (pos, label) in labels.labels.iter().enumerate() {
        insert.execute(params![
            sql_offset(pos)?,
            label.name,
            label.layer.as_str(),
            label.color,
            label.key,
            label.description,
        ])?;
    }
    Ok(())
}

fn read_labels(conn: &Connection) -> Res<LabelSet> {
    let mut stmt = conn
        .prepare_cached("SELECT name, layer, color, key, description FROM labels ORDER BY pos")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut labels = Vec::new();
    for row in rows {
        let (name, layer, color, key, description) = row?;
        labels.push(LabelDef {
            name,
            layer: parse_layer(&layer)?,
            color,
            key,
            description,
        });
    }
    Ok(LabelSet { labels })
}
