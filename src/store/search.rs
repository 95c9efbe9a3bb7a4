//! Searching the full text of every document of a project, through the
//! SQLite FTS5 index `texts_fts` (kept by triggers on `texts`, see
//! `schema`): words are matched without case or accents, each typed word as
//! a prefix ("fent" finds "fentanyl"), and a document matches when it holds
//! every word.

use super::error::StoreError;
use super::project::Project;
use super::rows::Res;
use crate::model::DocId;

/// The FTS5 query for what the editor typed: each run of letters and digits
/// as a quoted prefix term (so nothing typed is read as FTS syntax), all of
/// them required. `None` when nothing searchable was typed.
pub fn fts_query(typed: &str) -> Option<String> {
    let terms: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

impl Project {
    /// The documents whose text holds every word typed in `query`, in
    /// import order; none when nothing searchable was typed.
    pub fn search_text(&self, query: &str) -> Result<Vec<DocId>, StoreError> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let read = || -> Res<Vec<DocId>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT d.id FROM texts_fts f JOIN documents d ON d.key = f.rowid
                 WHERE texts_fts MATCH ?1 ORDER BY d.key",
            )?;
            let ids = stmt.query_map([fts], |r| r.get::<_, String>(0))?;
            Ok(ids
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .map(DocId)
                .collect())
        };
        read().map_err(|e| e.at("search the documents", self.path()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    #[test]
    fn typed_words_become_quoted_prefix_terms() {
        assert_eq!(fts_query("fentanyl"), Some("\"fentanyl\"*".into()));
        assert_eq!(
            fts_query("  Zürich AND \"near\" -x"),
            Some("\"Zürich\"* \"AND\"* \"near\"* \"x\"*".into())
        );
        assert_eq!(fts_query(" “—” "), None);
    }

    #[test]
    fn every_word_must_occur_in_any_case_and_without_accents() {
        let dir = tempfile::tempdir().unwrap();
        let mut project = Project::create(&dir.path().join("p.byline")).unwrap();
        let docs = [
            Document::new(Some("a.txt".into()), "Fentanyl seizures rose in Zürich."),
            Document::new(
                Some("b.txt".into()),
                "Police in 北京 said little about fentanyl.",
            ),
            Document::new(Some("c.txt".into()), "Rain in Zurich."),
        ];
        project.add_documents(&docs).unwrap();
        let ids = |q: &str| project.search_text(q).unwrap();
        assert_eq!(ids("FENTANYL"), [docs[0].id.clone(), docs[1].id.clone()]);
        assert_eq!(ids("fent zurich"), [docs[0].id.clone()]);
        assert_eq!(ids("zurich"), [docs[0].id.clone(), docs[2].id.clone()]);
        assert_eq!(ids("北京"), [docs[1].id.clone()]);
        assert!(ids("heroin").is_empty());
        assert!(ids("“”").is_empty());
    }
}
