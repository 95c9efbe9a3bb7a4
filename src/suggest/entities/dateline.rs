//! Datelines: the all-caps place and the agency that open a wire story,
//! `BEIJING (Reuters) –` or `WASHINGTON, D.C. —`. The place is a GPE (its
//! canonical name title-cased), the agency an ORG, and the story starts after
//! the dash.

use std::sync::LazyLock;

use regex::Regex;

use super::classify::Candidate;
use super::{EntityLabel, title_case};
use crate::model::ByteRange;

static DATELINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(\p{Lu}[\p{Lu}.'’\- ]*\p{Lu}\.?)(?:, (\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?))?(?: ?\(([^()\n]{2,40})\))? ?[-–—]+ ",
    )
    .ok()
});

/// A dateline at the start of a paragraph.
pub struct Dateline {
    /// The place and agency mentions.
    pub candidates: Vec<Candidate>,
    /// Where the story text starts, after the dash.
    pub body_start: usize,
}

/// The dateline opening `text[para]`, if there is one.
pub fn find(text: &str, para: ByteRange) -> Option<Dateline> {
    let body = para.slice(text)?;
    // A dateline is short: look at the paragraph's opening only.
    let mut end = body.len().min(120);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let caps = DATELINE.as_ref()?.captures(&body[..end])?;
    let place = caps.get(1)?;
    let agency = caps.get(3);
    let letters = place.as_str().chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 && agency.is_none() {
        return None;
    }
    let at = |m: regex::Match| ByteRange::new(para.start + m.start(), para.start + m.end());
    let mut place_mention = Candidate::new(at(place), EntityLabel::Gpe, 0.9, "dateline");
    place_mention.canonical = Some(title_case(place.as_str()));
    let mut candidates = vec![place_mention];
    if let Some(region) = caps.get(2) {
        candidates.push(Candidate::new(
            at(region),
            EntityLabel::Gpe,
            0.8,
            "dateline",
        ));
    }
    if let Some(agency) = agency {
        let trimmed = agency.as_str().trim();
        let offset = agency.as_str().len() - agency.as_str().trim_start().len();
        let start = para.start + agency.start() + offset;
        let range = ByteRange::new(start, start + trimmed.len());
        candidates.push(Candidate::new(range, EntityLabel::Org, 0.9, "dateline"));
    }
    Some(Dateline {
        candidates,
        body_start: para.start + caps.get(0)?.end(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(Vec<(&str, EntityLabel)>, &str)> {
        let d = find(text, ByteRange::new(0, text.len()))?;
        let found = d
            .candidates
            .iter()
            .map(|c| (c.range.slice(text).unwrap_or(""), c.label))
            .collect();
        Some((found, &text[d.body_start..]))
    }

    #[test]
    fn reads_place_agency_and_body() {
        let (found, body) = parts("SEOUL (Yonhap) – The talks resumed.").unwrap();
        assert_eq!(
            found,
            [("SEOUL", EntityLabel::Gpe), ("Yonhap", EntityLabel::Org)]
        );
        assert_eq!(body, "The talks resumed.");
        let (found, _) = parts("SAN JOSÉ, Costa Rica — Rain fell.").unwrap();
        assert_eq!(
            found,
            [
                ("SAN JOSÉ", EntityLabel::Gpe),
                ("Costa Rica", EntityLabel::Gpe)
            ]
        );
    }

    #[test]
    fn canonical_name_is_title_cased() {
        let d = find("NEW DELHI - Rain.", ByteRange::new(0, 17)).unwrap();
        assert_eq!(d.candidates[0].canonical.as_deref(), Some("New Delhi"));
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert!(parts("The US - China talks ended.").is_none());
        assert!(parts("US - China talks ended.").is_none());
        assert!(parts("Officials said - again - no.").is_none());
    }
}
