//! The settings of the project's rules engine chosen in the window: how an
//! interrupted quote (`“A,” she said. “B.”`) is suggested — one quote with
//! several content parts, or one quote per segment, the segments linked.
//! The choice is kept in the project (when this window may write it) and
//! applies to suggestions made after it: quotes already suggested stay as
//! they are.

use super::Editor;
use crate::model::Interrupted;
use crate::suggest::rules::RulesConfig;

impl Editor {
    /// How the project's rules engine writes an interrupted quote.
    pub fn interrupted_quotes(&self) -> Interrupted {
        self.loads.rules().interrupted
    }

    /// Has the rules engine write interrupted quotes `how` from now on, and
    /// keeps the choice in the project.
    pub(super) fn set_interrupted_quotes(&mut self, how: Interrupted) {
        let rules = self.loads.rules();
        self.loads.set_rules(RulesConfig {
            interrupted: how,
            ..rules
        });
        let said = format!(
            "Interrupted quotes: {}, for suggestions made from now on",
            how.describe().to_lowercase()
        );
        match self.session.set_interrupted_quotes(how) {
            Ok(()) => self.workspace.last_action = Some(said),
            Err(err) => (self.workspace).notify(format!("{said}, in this window only: {err}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::editor::{Command, Editor, Workspace};
    use crate::model::{Document, Interrupted, LabelSet};
    use crate::suggest::rules::RulesConfig;

    #[test]
    fn the_choice_changes_the_suggestions_made_after_it() {
        let mut editor = Editor::new(Workspace::new(LabelSet::builtin()));
        (editor.loads).use_builtin(RulesConfig::default());
        let groups = |editor: &Editor| {
            let mut doc = Document::new(
                None,
                "“We will stay,” said Zoë Ødegård. “Whatever happens.”",
            );
            editor.loads.engines().suggest(&mut doc).unwrap();
            doc.quotes_sorted()
                .iter()
                .map(|q| (q.content.len(), q.group.is_some()))
                .collect::<Vec<_>>()
        };
        assert_eq!(editor.interrupted_quotes(), Interrupted::OneRecord);
        assert_eq!(groups(&editor), [(2, false)]);
        editor.run(Command::SetInterruptedQuotes(Interrupted::PerSegment));
        assert_eq!(editor.interrupted_quotes(), Interrupted::PerSegment);
        assert_eq!(groups(&editor), [(1, true), (1, true)]);
        let said = editor.workspace().last_action.clone().unwrap_or_default();
        assert!(said.contains("from now on"), "{said}");
    }
}
