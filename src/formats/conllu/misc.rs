//! The MISC column of CoNLL-U as GUM fills it: `SpaceAfter=No`, nested entity
//! mentions in `Entity=` and XML markup in `XML=`.

/// One mark of an `Entity=` value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntityMark {
    /// `(<id>-<etype>-…-<identity>` opens a mention; `closes` when a `)` ends it on the same word.
    Open {
        /// Entity (coreference group) id.
        id: String,
        /// Entity type: person, organization, place, …
        etype: String,
        /// Wikification identity (8th field), empty when none.
        identity: String,
        /// True for a one-word mention.
        closes: bool,
    },
    /// `<id>)` closes the innermost open mention of that entity.
    Close {
        /// Entity id.
        id: String,
    },
}

/// The value of `key` in a MISC column (`_` or `Key=Value|Key=Value`).
pub fn misc_value<'m>(misc: &'m str, key: &str) -> Option<&'m str> {
    misc.split('|').find_map(|pair| {
        pair.split_once('=')
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| v)
    })
}

/// The marks of an `Entity=` value, in order.
pub fn entity_marks(value: &str) -> Vec<EntityMark> {
    let mut marks = Vec::new();
    let mut rest = value;
    while !rest.is_empty() {
        if let Some(open) = rest.strip_prefix('(') {
            let end = open.find(['(', ')']).unwrap_or(open.len());
            let body = &open[..end];
            let closes = open[end..].starts_with(')');
            let fields: Vec<&str> = body.splitn(8, '-').collect();
            marks.push(EntityMark::Open {
                id: fields.first().copied().unwrap_or_default().to_owned(),
                etype: fields.get(1).copied().unwrap_or_default().to_owned(),
                identity: fields.get(7).copied().unwrap_or_default().to_owned(),
                closes,
            });
            rest = &open[end + usize::from(closes)..];
        } else {
            let end = rest.find(')').unwrap_or(rest.len());
            marks.push(EntityMark::Close {
                id: rest[..end].to_owned(),
            });
            rest = rest.get(end + 1..).unwrap_or("");
        }
    }
    marks
}

/// The `<quote>` tags of an `XML=` value: `true` for an opening tag, `false` for a closing one.
pub fn quote_tags(value: &str) -> Vec<bool> {
    value
        .split('<')
        .filter_map(|tag| {
            let name = tag.split(['>', ' ']).next()?;
            match name {
                "quote" => Some(true),
                "/quote" => Some(false),
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(id: &str, etype: &str, identity: &str, closes: bool) -> EntityMark {
        EntityMark::Open {
            id: id.into(),
            etype: etype.into(),
            identity: identity.into(),
            closes,
        }
    }

    #[test]
    fn parses_nested_and_one_word_mentions() {
        assert_eq!(
            entity_marks("(1-event-new-snsnn-cf2-2-sgl(2-abstract-new-snsnn-cf5-1-coref)"),
            [
                open("1", "event", "", false),
                open("2", "abstract", "", true)
            ]
        );
        assert_eq!(
            entity_marks("(8-time-new-nnnnn-cf2-1-coref)7)"),
            [
                open("8", "time", "", true),
                EntityMark::Close { id: "7".into() }
            ]
        );
        assert_eq!(
            entity_marks("(22-person-new-ssnsn-cf5-1,2,3,4-coref-Donald_Trump"),
            [open("22", "person", "Donald_Trump", false)]
        );
        assert_eq!(entity_marks("3)"), [EntityMark::Close { id: "3".into() }]);
    }

    #[test]
    fn reads_misc_values_and_quote_tags() {
        let misc = "Entity=1)|SpaceAfter=No|XML=</w></quote>";
        assert_eq!(misc_value(misc, "SpaceAfter"), Some("No"));
        assert_eq!(misc_value(misc, "Entity"), Some("1)"));
        assert_eq!(misc_value("_", "Entity"), None);
        assert_eq!(quote_tags("</w></quote>"), [false]);
        assert_eq!(quote_tags("<quote><q>"), [true]);
        assert_eq!(quote_tags("<ref target:::\"x\">"), Vec::<bool>::new());
    }
}
