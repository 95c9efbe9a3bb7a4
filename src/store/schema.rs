//! The layout of a project file, as the list of migrations that build it.
//!
//! A project is recognised by SQLite's `application_id` header field and
//! versioned by `user_version` (both live in the file header, readable without
//! knowing any table). `MIGRATIONS[n]` brings a file from version `n` to
//! `n + 1`; a migration, once released, is never edited — changes go in a new
//! one.
//!
//! Offsets (`start`, `end`, view `offset`) are Unicode code points, like every
//! file Byline writes, so other tools can read a project with `sqlite3` or
//! Python and slice the text directly.

/// "Byln": marks a SQLite file as a Byline project.
pub const APPLICATION_ID: i32 = 0x4279_6C6E;

/// The schema version this Byline writes; files above it are refused.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Forward migrations, oldest first.
pub const MIGRATIONS: &[&str] = &[
    V1_DOCUMENTS,
    V2_MEMORY,
    V3_HISTORY,
    V4_SUGGESTED,
    V5_SEARCH,
    V6_LEARNED_MODEL,
    V7_QUOTE_CLASS,
    V8_QUOTE_GROUP,
];

/// Version 1: documents and their annotations, labels, settings.
const V1_DOCUMENTS: &str = r#"
CREATE TABLE documents (
    key         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    source      TEXT,
    title       TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'done', 'skipped')),
    meta        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta)),
    boilerplate TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(boilerplate)),
    span_count  INTEGER NOT NULL DEFAULT 0,
    pending     INTEGER NOT NULL DEFAULT 0,
    view_offset INTEGER,
    view_scroll REAL
);

-- Texts apart from the document rows, so listing 10,000 documents reads no text.
CREATE TABLE texts (
    doc  INTEGER PRIMARY KEY REFERENCES documents (key) ON DELETE CASCADE,
    text TEXT NOT NULL
);

CREATE TABLE spans (
    doc       INTEGER NOT NULL REFERENCES documents (key) ON DELETE CASCADE,
    id        INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL CHECK ("end" > start),
    label     TEXT NOT NULL,
    layer     TEXT NOT NULL CHECK (layer IN ('entity', 'attribution')),
    state     TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected')),
    engine    TEXT,
    rule      TEXT,
    score     REAL,
    refers_to INTEGER,
    PRIMARY KEY (doc, id),
    FOREIGN KEY (doc, refers_to) REFERENCES spans (doc, id) DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;
CREATE INDEX spans_refers_to ON spans (doc, refers_to) WHERE refers_to IS NOT NULL;

CREATE TABLE quotes (
    doc            INTEGER NOT NULL REFERENCES documents (key) ON DELETE CASCADE,
    id             INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'partial', 'mixed')),
    speaker        INTEGER,
    cue            INTEGER,
    speaker_entity TEXT,
    state          TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected')),
    engine         TEXT,
    rule           TEXT,
    score          REAL,
    PRIMARY KEY (doc, id),
    FOREIGN KEY (doc, speaker) REFERENCES spans (doc, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (doc, cue) REFERENCES spans (doc, id) DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes (doc, speaker) WHERE speaker IS NOT NULL;
CREATE INDEX quotes_cue ON quotes (doc, cue) WHERE cue IS NOT NULL;

-- The content spans of each quote, in text order.
CREATE TABLE quote_content (
    doc   INTEGER NOT NULL,
    quote INTEGER NOT NULL,
    pos   INTEGER NOT NULL,
    span  INTEGER NOT NULL,
    PRIMARY KEY (doc, quote, pos),
    FOREIGN KEY (doc, quote) REFERENCES quotes (doc, id) ON DELETE CASCADE,
    FOREIGN KEY (doc, span) REFERENCES spans (doc, id) DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;
CREATE INDEX quote_content_span ON quote_content (doc, span);

-- The project's label set, in palette order.
CREATE TABLE labels (
    pos         INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    layer       TEXT NOT NULL CHECK (layer IN ('entity', 'attribution')),
    color       TEXT NOT NULL,
    key         TEXT,
    description TEXT NOT NULL DEFAULT ''
);

-- Small project-wide values: the last document viewed, …
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
"#;

/// Version 2: the `memory` engine's verdicts.
const V2_MEMORY: &str = r#"
CREATE TABLE memory_phrases (
    label    TEXT NOT NULL,
    phrase   TEXT NOT NULL,
    accepted INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    PRIMARY KEY (label, phrase)
) WITHOUT ROWID;

CREATE TABLE memory_speakers (
    mention TEXT NOT NULL,
    entity  TEXT NOT NULL,
    count   INTEGER NOT NULL,
    PRIMARY KEY (mention, entity)
) WITHOUT ROWID;
"#;

/// Version 3: undo and redo stacks per document, so they survive restarts.
const V3_HISTORY: &str = r#"
CREATE TABLE history (
    doc   INTEGER NOT NULL REFERENCES documents (key) ON DELETE CASCADE,
    stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
    seq   INTEGER NOT NULL,
    label TEXT NOT NULL,
    edits TEXT NOT NULL CHECK (json_valid(edits)),
    PRIMARY KEY (doc, stack, seq)
) WITHOUT ROWID;
"#;

/// Version 4: which documents the project's suggestion engines have run on,
/// so each is suggested on once whichever way it came in (`byline import
/// --no-suggest` leaves it to the window). A document of an older project
/// counts as suggested when an engine other than the memory left a span on it.
const V4_SUGGESTED: &str = r#"
ALTER TABLE documents ADD COLUMN suggested INTEGER NOT NULL DEFAULT 0
    CHECK (suggested IN (0, 1));
UPDATE documents SET suggested = 1 WHERE EXISTS (
    SELECT 1 FROM spans s WHERE s.doc = documents.key
      AND s.engine IS NOT NULL AND s.engine <> 'memory');
"#;

/// Version 5: a full-text index of every document's text (FTS5, kept by
/// triggers; texts never change, so inserts and deletes are all there is),
/// for the document list's search. Words match without case or accents.
const V5_SEARCH: &str = r#"
CREATE VIRTUAL TABLE texts_fts USING fts5(
    text, content = 'texts', content_rowid = 'doc',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER texts_fts_insert AFTER INSERT ON texts BEGIN
    INSERT INTO texts_fts (rowid, text) VALUES (new.doc, new.text);
END;
CREATE TRIGGER texts_fts_delete AFTER DELETE ON texts BEGIN
    INSERT INTO texts_fts (texts_fts, rowid, text) VALUES ('delete', old.doc, old.text);
END;
INSERT INTO texts_fts (texts_fts) VALUES ('rebuild');
"#;

/// Version 6: the `learned` engine's model, trained on the reviewed documents
/// (one row): its bytes in the tagger's own format, how many reviewed
/// documents it learned from and which (a fingerprint of their ids), its
/// k-fold held-out F1 once measured, and when it was trained (UTC).
const V6_LEARNED_MODEL: &str = r#"
CREATE TABLE learned_model (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    format      INTEGER NOT NULL,
    model       BLOB NOT NULL,
    documents   INTEGER NOT NULL,
    reviewed    TEXT NOT NULL,
    folds       INTEGER,
    f1          REAL,
    rules_f1    REAL,
    combined_f1 REAL,
    trained_at  TEXT NOT NULL
);
"#;

/// Version 7: what each quote's attribution reports (speech, writing,
/// belief, stance, evidence); quotes made before are speech.
const V7_QUOTE_CLASS: &str = r#"
ALTER TABLE quotes ADD COLUMN class TEXT NOT NULL DEFAULT 'speech'
    CHECK (class IN ('speech', 'writing', 'belief', 'stance', 'evidence'));
"#;

/// Version 8: the group linking the segments of an interrupted quote written
/// one record per segment (the quotes sharing it are its parts); NULL for a
/// whole quote, as every quote made before is.
const V8_QUOTE_GROUP: &str = r#"
ALTER TABLE quotes ADD COLUMN group_id INTEGER CHECK (group_id IS NULL OR group_id >= 0);
"#;
