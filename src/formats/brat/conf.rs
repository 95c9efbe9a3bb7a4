//! The `annotation.conf` of a brat export: the entity labels, event types and
//! their roles, the `RefersTo` and `Segment` relations and the `Kind` and `Class` attributes
//! the `.ann` files use, so brat opens the folder without complaint.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use super::plan::plan;
use super::schema::{ATTRIBUTE_CLASS, ATTRIBUTE_KIND, RELATION_REFERS_TO, RELATION_SEGMENT};
use crate::formats::output::check_alignment;
use crate::formats::{ExportError, ExportReport};
use crate::model::{AttributionClass, Document, QuoteKind};

/// Writes an `annotation.conf` declaring everything the documents' `.ann` files use.
pub fn write_conf(docs: &[Document], out: impl Write) -> Result<(), ExportError> {
    let mut labels = ConfLabels::default();
    for doc in docs {
        labels.add(doc)?;
    }
    labels.write(out)
}

/// The entity labels and event roles an export has used so far: gathered
/// document by document, so a folder written in batches declares the same
/// labels as one written at once.
#[derive(Debug, Default)]
pub struct ConfLabels {
    entities: BTreeSet<String>,
    events: BTreeMap<String, BTreeSet<String>>,
}

impl ConfLabels {
    /// Takes in the labels and events `doc`'s `.ann` file uses.
    pub fn add(&mut self, doc: &Document) -> Result<(), ExportError> {
        check_alignment(doc)?;
        let standoff = plan(&doc.gold(), &mut ExportReport::default())?;
        for planned in &standoff.events {
            let roles = self.events.entry(planned.event.kind.clone()).or_default();
            for arg in &planned.event.args {
                roles.insert(
                    arg.role
                        .trim_end_matches(|c: char| c.is_ascii_digit())
                        .to_owned(),
                );
            }
        }
        let triggers: BTreeSet<&str> = standoff
            .events
            .iter()
            .map(|e| e.event.kind.as_str())
            .collect();
        self.entities.extend(
            standoff
                .bounds
                .iter()
                .filter(|b| !triggers.contains(b.label.as_str()))
                .map(|b| b.label.clone()),
        );
        Ok(())
    }

    /// Writes the `annotation.conf` declaring every label taken in.
    pub fn write(&self, mut out: impl Write) -> Result<(), ExportError> {
        let Self { entities, events } = self;
        writeln!(out, "# Written by Byline: the labels of this export.")?;
        writeln!(out, "[entities]")?;
        for label in entities {
            writeln!(out, "{label}")?;
        }
        writeln!(out, "\n[relations]")?;
        for relation in [RELATION_REFERS_TO, RELATION_SEGMENT] {
            writeln!(out, "{relation} Arg1:<ENTITY>, Arg2:<ENTITY>")?;
        }
        writeln!(
            out,
            "<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>"
        )?;
        writeln!(out, "\n[events]")?;
        for (kind, roles) in events {
            let roles: Vec<String> = roles.iter().map(|r| format!("{r}*:<ENTITY>")).collect();
            writeln!(out, "{kind} {}", roles.join(", "))?;
        }
        let kinds: Vec<&str> = QuoteKind::ALL.iter().map(|k| k.as_str()).collect();
        writeln!(out, "\n[attributes]")?;
        writeln!(
            out,
            "{ATTRIBUTE_KIND} Arg:<EVENT>, Value:{}",
            kinds.join("|")
        )?;
        let classes: Vec<&str> = AttributionClass::ALL.iter().map(|c| c.as_str()).collect();
        writeln!(
            out,
            "{ATTRIBUTE_CLASS} Arg:<EVENT>, Value:{}",
            classes.join("|")
        )?;
        Ok(())
    }
}
