//! Long work the editor does in the background, as the window shows it:
//! what it is, how far it got, and (through [`crate::editor::Command::Cancel`])
//! a way to stop it. Reading and suggesting opened files, suggesting on a
//! document shown for the first time, and writing a large export all report
//! here.

/// A kind of background work, each cancelled on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// Reading opened files and suggesting on their articles.
    Reading,
    /// Suggesting on the article shown.
    Suggesting,
    /// Writing an export.
    Exporting,
}

/// One piece of work under way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Work {
    /// What it is.
    pub task: Task,
    /// Units done so far (files, documents).
    pub done: usize,
    /// Units in all; 0 while unknown.
    pub total: usize,
    /// What it works on, in a few words.
    pub about: String,
}

impl Work {
    /// The line the status bar shows.
    pub fn describe(&self) -> String {
        match self.task {
            Task::Reading => format!(
                "Reading and suggesting: {} of {} files",
                self.done, self.total
            ),
            Task::Suggesting => format!("Suggesting on “{}”", self.about),
            Task::Exporting => format!(
                "Exporting {} of {} documents to {}",
                self.done, self.total, self.about
            ),
        }
    }

    /// How far it got, 0 to 1; `None` while the total is unknown.
    pub fn fraction(&self) -> Option<f32> {
        (self.total > 0).then(|| self.done as f32 / self.total as f32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_says_what_it_does_and_how_far() {
        let reading = Work {
            task: Task::Reading,
            done: 3,
            total: 12,
            about: String::new(),
        };
        assert_eq!(reading.describe(), "Reading and suggesting: 3 of 12 files");
        assert_eq!(reading.fraction(), Some(0.25));
        let suggesting = Work {
            task: Task::Suggesting,
            done: 0,
            total: 0,
            about: "Heat alert for Zürich".into(),
        };
        assert_eq!(
            suggesting.describe(),
            "Suggesting on “Heat alert for Zürich”"
        );
        assert_eq!(suggesting.fraction(), None);
    }
}
