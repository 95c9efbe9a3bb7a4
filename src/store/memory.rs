//! The `memory` engine's verdicts in the project file: counts that each edit
//! adjusts in the same commit as the edit itself, so memory and annotations
//! never disagree after a crash.

use rusqlite::{Connection, params};

use super::error::StoreError;
use super::load::{Selection, read_documents};
use super::project::Project;
use super::rows::Res;
use crate::model::memory::{Delta, Memory, PhraseDelta, SpeakerDelta, observe_document};

impl Project {
    /// Everything the `memory` engine has learned in this project.
    pub fn load_memory(&self) -> Result<Memory, StoreError> {
        read_memory(&self.conn).map_err(|e| e.at("read the suggestion memory", self.path()))
    }
}

/// Reads both memory tables.
pub(super) fn read_memory(conn: &Connection) -> Res<Memory> {
    let mut delta = Delta::default();
    let mut stmt =
        conn.prepare_cached("SELECT label, phrase, accepted, rejected FROM memory_phrases")?;
    for row in stmt.query_map([], |r| {
        Ok(PhraseDelta {
            label: r.get(0)?,
            phrase: r.get(1)?,
            accepted: r.get(2)?,
            rejected: r.get(3)?,
        })
    })? {
        delta.phrases.push(row?);
    }
    let mut stmt = conn.prepare_cached("SELECT mention, entity, count FROM memory_speakers")?;
    for row in stmt.query_map([], |r| {
        Ok(SpeakerDelta {
            mention: r.get(0)?,
            entity: r.get(1)?,
            count: r.get(2)?,
        })
    })? {
        delta.speakers.push(row?);
    }
    let mut memory = Memory::new();
    memory.apply(&delta);
    Ok(memory)
}

/// Adds a delta to the stored counts; rows that fall to zero are removed.
pub(super) fn write_delta(conn: &Connection, delta: &Delta) -> Res<()> {
    for d in &delta.phrases {
        conn.prepare_cached(
            "INSERT INTO memory_phrases (label, phrase, accepted, rejected) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (label, phrase) DO UPDATE SET
               accepted = accepted + excluded.accepted, rejected = rejected + excluded.rejected",
        )?
        .execute(params![d.label, d.phrase, d.accepted, d.rejected])?;
        conn.prepare_cached(
            "DELETE FROM memory_phrases
             WHERE label = ?1 AND phrase = ?2 AND accepted <= 0 AND rejected <= 0",
        )?
        .execute(params![d.label, d.phrase])?;
    }
    for d in &delta.speakers {
        conn.prepare_cached(
            "INSERT INTO memory_speakers (mention, entity, count) VALUES (?1, ?2, ?3)
             ON CONFLICT (mention, entity) DO UPDATE SET count = count + excluded.count",
        )?
        .execute(params![d.mention, d.entity, d.count])?;
        conn.prepare_cached(
            "DELETE FROM memory_speakers WHERE mention = ?1 AND entity = ?2 AND count <= 0",
        )?
        .execute(params![d.mention, d.entity])?;
    }
    Ok(())
}

/// Migration data step: learn from every document already in the project.
pub(super) fn backfill(conn: &Connection) -> Res<()> {
    let mut deltas = Vec::new();
    read_documents(conn, Selection::ALL, |doc| {
        let delta = observe_document(&doc);
        if !delta.is_empty() {
            deltas.push(delta);
        }
        Ok(true)
    })?;
    for delta in &deltas {
        write_delta(conn, delta)?;
    }
    Ok(())
}
