//! "Next article" by how unsure the learned model is: with a ranking (the
//! model's uncertainty per document still to review, see
//! `suggest::learned::Prediction::uncertainty`), the next document is the
//! least sure one rather than the next in project order, so the editor's
//! corrections go where they teach the model most.

use std::collections::HashMap;

use super::Workspace;
use crate::model::{DocId, DocStatus};

impl Workspace {
    /// Sets the model's uncertainty per document still to review; `None`
    /// goes back to project order.
    pub fn set_ranking(&mut self, ranking: Option<HashMap<DocId, f32>>) {
        self.ranking = ranking;
    }

    /// True when "next article" follows a ranking.
    pub fn ranked(&self) -> bool {
        self.ranking.is_some()
    }

    /// The document to review next by the ranking: neither done nor
    /// skipped, not the one shown, the least sure first; documents it does
    /// not rank (added since) come after, and ties go in project order.
    pub fn least_sure(&self) -> Option<usize> {
        let ranking = self.ranking.as_ref()?;
        let open =
            |e: &super::Entry| !matches!(e.summary.status, DocStatus::Done | DocStatus::Skipped);
        let candidates = (self.entries.iter().enumerate())
            .filter(|&(i, e)| Some(i) != self.current && open(e))
            .map(|(i, e)| (i, ranking.get(&e.summary.id).copied()));
        let mut best: Option<(usize, Option<f32>)> = None;
        for (i, unsure) in candidates {
            let better = match (best, unsure) {
                (None, _) => true,
                (Some((_, Some(b))), Some(u)) => u > b,
                (Some((_, None)), Some(_)) => true,
                (Some(_), None) => false,
            };
            if better {
                best = Some((i, unsure));
            }
        }
        best.map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Edit, LabelSet, Transaction};

    #[test]
    fn the_least_sure_document_still_to_review_comes_next() {
        let mut ws = Workspace::new(LabelSet::builtin());
        let docs: Vec<Document> = (0..5)
            .map(|i| Document::new(None, &format!("Story {i} from Zürich.")))
            .collect();
        let ids: Vec<DocId> = docs.iter().map(|d| d.id.clone()).collect();
        ws.add_documents(docs);
        assert_eq!(ws.least_sure(), None, "no ranking: project order");
        let ranking = [(0, 0.9), (1, 0.2), (2, 0.7), (3, 0.7)]
            .map(|(i, u)| (ids[i].clone(), u))
            .into();
        ws.set_ranking(Some(ranking));
        assert!(ws.ranked());
        assert_eq!(ws.least_sure(), Some(2), "0 is shown; 2 and 3 tie");
        ws.show(2);
        ws.apply(Transaction::new("Done").with(Edit::SetStatus(DocStatus::Done)))
            .unwrap();
        assert_eq!(ws.least_sure(), Some(0));
        ws.show(0);
        assert_eq!(ws.least_sure(), Some(3));
        ws.set_ranking(Some(HashMap::new()));
        assert_eq!(ws.least_sure(), Some(1), "unranked: project order");
    }
}
