//! The settings of the project's rules engine chosen in the window: which
//! attribution classes are suggested (speech and writing unless the project
//! wants beliefs, stances or findings too), and how an interrupted quote
//! (`“A,” she said. “B.”`) is suggested — one quote with several content
//! parts, or one quote per segment, the segments linked. Each choice is kept
//! in the project (when this window may write it) and applies to
//! suggestions made after it: quotes already suggested stay as they are.

use super::Editor;
use crate::model::{ClassSet, Interrupted};
use crate::store::StoreError;
use crate::suggest::rules::RulesConfig;

impl Editor {
    /// How the project's rules engine writes an interrupted quote.
    pub fn interrupted_quotes(&self) -> Interrupted {
        self.loads.rules().interrupted
    }

    /// The attribution classes the project's engines suggest.
    pub fn quote_classes(&self) -> ClassSet {
        self.loads.rules().classes
    }

    /// Has the engines suggest the attributions of `classes` from now on,
    /// and keeps the choice in the project; an empty set is refused (a
    /// project that wants no quotes suggested would get none ever).
    pub(super) fn set_quote_classes(&mut self, classes: ClassSet) {
        if classes.is_empty() {
            (self.workspace).notify("Keep at least one quote class suggested");
            return;
        }
        let rules = self.loads.rules();
        self.loads.set_rules(RulesConfig { classes, ..rules });
        let said = format!(
            "Quote classes suggested: {}, for suggestions made from now on",
            classes.names().replace(',', ", ")
        );
        let kept = self.session.set_quote_classes(classes);
        self.say_setting(said, kept);
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
        let kept = self.session.set_interrupted_quotes(how);
        self.say_setting(said, kept);
    }

    /// Says what a setting now is: in the status bar once the project keeps
    /// it, as a notice saying why not when it applies to this window only.
    fn say_setting(&mut self, said: String, kept: Result<(), StoreError>) {
        match kept {
            Ok(()) => self.workspace.last_action = Some(said),
            Err(err) => (self.workspace).notify(format!("{said}, in this window only: {err}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::editor::{Command, Editor, Workspace};
    use crate::model::{AttributionClass, ClassSet, Document, Interrupted, LabelSet};
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

    #[test]
    fn the_classes_chosen_change_the_suggestions_made_after_them() {
        let mut editor = Editor::new(Workspace::new(LabelSet::builtin()));
        (editor.loads).use_builtin(RulesConfig::default());
        let classes = |editor: &Editor| {
            let mut doc = Document::new(
                None,
                "Zoë Ødegård said the bridge would open. Analysts expect the toll to rise.",
            );
            editor.loads.engines().suggest(&mut doc).unwrap();
            doc.quotes_sorted()
                .iter()
                .map(|q| q.class)
                .collect::<Vec<_>>()
        };
        assert_eq!(classes(&editor), [AttributionClass::Speech]);
        let with_belief = ClassSet::default().toggled(AttributionClass::Belief);
        editor.run(Command::SetQuoteClasses(with_belief));
        assert_eq!(editor.quote_classes(), with_belief);
        assert_eq!(
            classes(&editor),
            [AttributionClass::Speech, AttributionClass::Belief]
        );
        editor.run(Command::SetQuoteClasses(ClassSet::NONE));
        assert_eq!(editor.quote_classes(), with_belief);
        assert!(!editor.workspace().notices.is_empty());
    }
}
