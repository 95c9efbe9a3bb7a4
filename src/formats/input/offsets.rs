//! Offsets in a record point into its text as written (code points), but the
//! document holds the normalized text (BOM stripped, `\r\n` → `\n`). This maps
//! one onto the other in O(log n) per lookup, so Windows-made doccano exports
//! keep their spans on the right words. Shared by the JSON readers (byline,
//! Prodigy, doccano, Label Studio).

use crate::model::{ByteRange, CharRange, OffsetIndex};

/// Converts code-point ranges of a record's raw text to byte ranges of the
/// normalized text.
pub struct FileOffsets<'t> {
    raw: OffsetIndex<'t>,
    normalized: &'t str,
    /// Raw byte positions where normalization removed bytes, ascending.
    removed_at: Vec<usize>,
    /// `removed_before[i]`: bytes removed at `removed_at[..i]`.
    removed_before: Vec<usize>,
}

impl<'t> FileOffsets<'t> {
    /// Indexes `raw`, whose normalized form is `normalized`.
    pub fn new(raw: &'t str, normalized: &'t str) -> Self {
        let mut removed_at = Vec::new();
        let mut removed_before = vec![0];
        let mut total = 0;
        if raw.starts_with('\u{feff}') {
            removed_at.push(0);
            total += '\u{feff}'.len_utf8();
            removed_before.push(total);
        }
        if raw.len() != normalized.len() + total {
            for (at, _) in raw.match_indices("\r\n") {
                removed_at.push(at);
                total += 1;
                removed_before.push(total);
            }
        }
        Self {
            raw: OffsetIndex::new(raw),
            normalized,
            removed_at,
            removed_before,
        }
    }

    /// The normalized text the byte ranges point into.
    pub fn normalized(&self) -> &'t str {
        self.normalized
    }

    /// Length of the raw text in code points, for messages.
    pub fn char_len(&self) -> usize {
        self.raw.char_len()
    }

    /// The byte range of the normalized text that `range` (code points of the
    /// raw text) covers, or why there is none.
    pub fn to_bytes(&self, range: CharRange) -> Result<ByteRange, String> {
        if range.start >= range.end {
            return Err(format!("empty or reversed range {range}"));
        }
        let end = self.raw.char_to_byte(range.end).map_err(|_| {
            format!(
                "end {} is past the end of the text ({} code points)",
                range.end,
                self.char_len()
            )
        })?;
        let start = self
            .raw
            .char_to_byte(range.start)
            .map_err(|e| e.to_string())?;
        ByteRange::checked(self.normalized, self.normalize(start), self.normalize(end))
            .map_err(|e| format!("range {range} does not fit the normalized text: {e}"))
    }

    fn normalize(&self, raw_byte: usize) -> usize {
        let i = self.removed_at.partition_point(|&at| at < raw_byte);
        let removed = self.removed_before.get(i).copied().unwrap_or(0);
        raw_byte.saturating_sub(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::normalize_text;

    fn map(raw: &str, start: usize, end: usize) -> Result<String, String> {
        let normalized = normalize_text(raw);
        let offsets = FileOffsets::new(raw, &normalized);
        let range = offsets.to_bytes(CharRange::new(start, end))?;
        Ok(normalized[range.start..range.end].to_owned())
    }

    #[test]
    fn maps_offsets_across_crlf_and_bom() {
        let raw = "\u{feff}“Hi”\r\nDíaz said\r\n\r\n北京 ok";
        let chars: Vec<char> = raw.chars().collect();
        let find = |s: &str| {
            let needle: Vec<char> = s.chars().collect();
            chars
                .windows(needle.len())
                .position(|w| w == needle.as_slice())
                .unwrap()
        };
        let at = find("Díaz");
        assert_eq!(map(raw, at, at + 4).unwrap(), "Díaz");
        let at = find("北京");
        assert_eq!(map(raw, at, at + 5).unwrap(), "北京 ok");
        assert_eq!(map(raw, 1, 5).unwrap(), "“Hi”");
        assert_eq!(map(raw, 4, 8).unwrap(), "”\nD");
    }

    #[test]
    fn refuses_bad_ranges_with_reasons() {
        assert!(map("abc", 2, 1).unwrap_err().contains("reversed"));
        assert!(map("abc", 1, 1).unwrap_err().contains("empty"));
        assert!(
            map("abc", 1, 9)
                .unwrap_err()
                .contains("past the end of the text (3")
        );
        assert!(map("a\r\nb", 1, 2).is_err(), "covers only a removed \\r");
    }
}
