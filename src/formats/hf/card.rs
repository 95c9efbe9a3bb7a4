//! The dataset card (`README.md`) of a Hugging Face export: YAML front
//! matter that `datasets` reads — the features, both tag columns as
//! `Sequence(ClassLabel)` with their names, and the one data file as the
//! `train` split — then a few lines for people.

use std::fmt::Write;

use super::TagNames;

/// The name of the rows file in the folder.
pub const ROWS: &str = "train.jsonl";

/// The card of a folder whose rows have these tag names.
pub fn card(names: &TagNames) -> String {
    let mut card = String::from("---\ntask_categories:\n- token-classification\n");
    card.push_str("dataset_info:\n  features:\n  - name: id\n    dtype: string\n");
    card.push_str("  - name: tokens\n    sequence: string\n");
    for (column, names) in [
        ("ner_tags", &names.ner),
        ("attribution_tags", &names.attribution),
    ] {
        let _ = write!(
            card,
            "  - name: {column}\n    sequence:\n      class_label:\n        names:\n"
        );
        for (i, name) in names.iter().enumerate() {
            let _ = writeln!(card, "          '{i}': '{}'", name.replace('\'', "''"));
        }
    }
    let _ = write!(
        card,
        "configs:\n- config_name: default\n  data_files:\n  - split: train\n    path: {ROWS}\n---\n"
    );
    card.push_str(concat!(
        "\n# Byline export\n\n",
        "Token classification rows written by Byline from reviewed annotations only\n",
        "(suggestions nobody accepted are not in it): one row per sentence with\n",
        "`tokens`, `ner_tags` (entities: PERSON, ORG, GPE, …) and `attribution_tags`\n",
        "(who said what: QUOTE, SPEAKER, CUE), both IOB2.\n\n",
        "```python\n",
        "from datasets import load_dataset\n",
        "ds = load_dataset(\"path/to/this/folder\")\n",
        "names = ds[\"train\"].features[\"ner_tags\"].feature.names\n",
        "```\n",
    ));
    card
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declares_both_tag_columns_with_quoted_names() {
        let names = TagNames {
            ner: vec!["O".into(), "B-O'BRIEN".into()],
            attribution: vec!["O".into()],
        };
        let card = card(&names);
        assert!(card.starts_with("---\n"), "{card}");
        assert!(
            card.contains("  - name: ner_tags\n    sequence:\n      class_label:\n        names:\n          '0': 'O'\n          '1': 'B-O''BRIEN'\n"),
            "{card}"
        );
        assert!(card.contains("  - name: attribution_tags\n"), "{card}");
        assert!(card.contains("    path: train.jsonl\n---\n"), "{card}");
    }
}
