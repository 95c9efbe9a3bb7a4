//! What each open brought (a dialog, the path field, a drop, the command
//! line): the first article it holds — added now, or already in the project
//! — is shown as soon as it arrives, so the editor sees what they opened;
//! when the open finishes the status line says how many articles were added
//! and how many the project had already.

use std::collections::BTreeMap;

/// The counts of one open so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Articles added to the project.
    pub added: usize,
    /// Articles the project held already.
    pub already: usize,
    /// True once an article of it was shown.
    pub shown: bool,
    /// True once it delivered everything.
    pub finished: bool,
}

impl Tally {
    /// What the status line says once the open finished.
    pub fn summary(&self) -> String {
        let articles = |n: usize| {
            if n == 1 {
                "1 article".to_owned()
            } else {
                format!("{n} articles")
            }
        };
        match (self.added, self.already) {
            (0, 0) => "No article found to open".to_owned(),
            (added, 0) => format!("Opened {}", articles(added)),
            (0, already) => format!("Already in the project: {}", articles(already)),
            (added, already) => format!(
                "Opened {}; {} already in the project",
                articles(added),
                articles(already)
            ),
        }
    }
}

/// The tallies of the opens under way, by load number.
#[derive(Debug, Default)]
pub struct Opens {
    tallies: BTreeMap<u64, Tally>,
}

impl Opens {
    /// The tally of load `load`, started at nothing when new.
    pub fn tally(&mut self, load: u64) -> &mut Tally {
        self.tallies.entry(load).or_default()
    }

    /// Takes the summaries of the opens that finished, oldest first.
    pub fn take_finished(&mut self) -> Vec<String> {
        let done: Vec<u64> = (self.tallies.iter())
            .filter(|(_, t)| t.finished)
            .map(|(&k, _)| k)
            .collect();
        done.into_iter()
            .filter_map(|k| self.tallies.remove(&k))
            .map(|t| t.summary())
            .collect()
    }

    /// Counts every open as finished: their loads were dropped for another
    /// project, and what they delivered is being added.
    pub fn finish_all(&mut self) {
        for tally in self.tallies.values_mut() {
            tally.finished = true;
        }
    }

    /// Stops counting: the loads were cancelled.
    pub fn clear(&mut self) -> Vec<String> {
        let out = (self.tallies.values())
            .filter(|t| t.added + t.already > 0)
            .map(|t| format!("Stopped reading files. {}", t.summary()))
            .collect();
        self.tallies.clear();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_open_says_what_it_added_and_found() {
        let tally = |added, already| Tally {
            added,
            already,
            ..Tally::default()
        };
        assert_eq!(tally(1, 0).summary(), "Opened 1 article");
        assert_eq!(
            tally(3, 2).summary(),
            "Opened 3 articles; 2 articles already in the project"
        );
        assert_eq!(tally(0, 1).summary(), "Already in the project: 1 article");
        assert_eq!(tally(0, 0).summary(), "No article found to open");

        let mut opens = Opens::default();
        opens.tally(4).added = 2;
        opens.tally(7).already = 1;
        opens.tally(7).finished = true;
        assert_eq!(opens.take_finished(), ["Already in the project: 1 article"]);
        assert_eq!(opens.clear(), ["Stopped reading files. Opened 2 articles"]);
        assert!(opens.take_finished().is_empty());
    }
}
