//! The labeling config a Label Studio project needs for Byline's tasks: one
//! `Labels` control over the `text` object with every label the tasks use
//! (the built-in ones first, in palette order, with their colours), the
//! per-region choice of a quote's attribution class, and the relation labels
//! of quotes, coreference and the segments of interrupted quotes.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::{CLASS_NAME, FROM_NAME, TO_NAME};
use crate::formats::json::{REFERS_TO, SEGMENT};
use crate::model::{AttributionClass, CUE, LabelSet, QUOTE, SPEAKER};

/// The config for tasks using `used` labels (the built-in ones are always declared).
pub fn labeling_config(used: &BTreeSet<String>) -> String {
    let builtin = LabelSet::builtin();
    let mut config = String::from("<View>\n");
    let _ = writeln!(
        config,
        "  <Labels name=\"{FROM_NAME}\" toName=\"{TO_NAME}\">"
    );
    for def in &builtin.labels {
        let _ = writeln!(
            config,
            "    <Label value=\"{}\" background=\"{}\"/>",
            escape(&def.name),
            escape(&def.color)
        );
    }
    for label in used.iter().filter(|l| builtin.get(l).is_none()) {
        let _ = writeln!(config, "    <Label value=\"{}\"/>", escape(label));
    }
    config.push_str("  </Labels>\n");
    let _ = writeln!(config, "  <Text name=\"{TO_NAME}\" value=\"${TO_NAME}\"/>");
    let _ = writeln!(
        config,
        "  <Choices name=\"{CLASS_NAME}\" toName=\"{TO_NAME}\" perRegion=\"true\" visibleWhen=\"region-selected\" whenTagName=\"{FROM_NAME}\" whenLabelValue=\"{QUOTE}\">"
    );
    for class in AttributionClass::ALL {
        let _ = writeln!(config, "    <Choice value=\"{}\"/>", class.as_str());
    }
    config.push_str("  </Choices>\n");
    config.push_str("  <Relations>\n");
    for relation in [SPEAKER, CUE, REFERS_TO, SEGMENT] {
        let _ = writeln!(config, "    <Relation value=\"{relation}\"/>");
    }
    config.push_str("  </Relations>\n</View>\n");
    config
}

/// Text as an XML attribute value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declares_builtin_and_used_labels_and_the_relations() {
        let used = BTreeSet::from(["PERSON".to_owned(), "R&D <LAB>".to_owned()]);
        let config = labeling_config(&used);
        assert!(config.starts_with("<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"PERSON\" background=\"#"), "{config}");
        assert!(config.contains("<Label value=\"CUE\""), "{config}");
        assert!(
            config.contains("    <Label value=\"R&amp;D &lt;LAB&gt;\"/>\n"),
            "{config}"
        );
        assert!(
            config.contains("<Text name=\"text\" value=\"$text\"/>"),
            "{config}"
        );
        assert!(
            config.contains(
                "  <Choices name=\"class\" toName=\"text\" perRegion=\"true\" visibleWhen=\"region-selected\" whenTagName=\"label\" whenLabelValue=\"QUOTE\">\n    <Choice value=\"speech\"/>\n"
            ),
            "{config}"
        );
        assert!(
            config.ends_with(
                "    <Relation value=\"REFERS_TO\"/>\n    <Relation value=\"segment\"/>\n  </Relations>\n</View>\n"
            ),
            "{config}"
        );
    }
}
