//! Offsets and their units. Inside Byline every range is a [`ByteRange`] into the
//! document's UTF-8 text, always on char boundaries. Every file Byline reads or
//! writes uses Unicode code points ([`CharRange`], Python `str` indices); the JS
//! world uses UTF-16 units. [`OffsetIndex`] converts between the three.
//!
//! Ranges are half-open, `start..end`:
//! ```text
//! text   “Hi,” said Ana
//! chars  0123456789…        “ is one char,
//! bytes  0  3 4 5 6 7 …     but three bytes
//! ```

use std::fmt;

/// A half-open range of byte offsets into a document's text, on char boundaries.
///
/// It is the only range type the model stores; convert to [`CharRange`] at file
/// boundaries with an [`OffsetIndex`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ByteRange {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl ByteRange {
    /// Builds a range; callers that take offsets from outside use [`ByteRange::checked`].
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Builds a range after checking it is non-empty, inside `text` and on char boundaries.
    pub fn checked(text: &str, start: usize, end: usize) -> Result<Self, OffsetError> {
        if start >= end {
            return Err(OffsetError::Empty { start, end });
        }
        if end > text.len() {
            return Err(OffsetError::OutOfBounds {
                offset: end,
                len: text.len(),
            });
        }
        for offset in [start, end] {
            if !text.is_char_boundary(offset) {
                return Err(OffsetError::InsideChar { offset });
            }
        }
        Ok(Self { start, end })
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the range covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// True when the two ranges share at least one byte.
    pub const fn overlaps(&self, other: &Self) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: &Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The slice of `text` this range covers, or `None` if it does not fit the text.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
}

impl fmt::Display for ByteRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{} (bytes)", self.start, self.end)
    }
}

/// A half-open range of Unicode code point offsets: the unit of every file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CharRange {
    /// First code point of the range.
    pub start: usize,
    /// One past the last code point of the range.
    pub end: usize,
}

impl CharRange {
    /// Builds a code point range.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
}

impl fmt::Display for CharRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Why an offset taken from outside cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OffsetError {
    /// The offset lies past the end of the text.
    #[error("offset {offset} is past the end of the text ({len})")]
    OutOfBounds {
        /// The offending offset.
        offset: usize,
        /// The text length in the same unit.
        len: usize,
    },
    /// The offset falls inside a multi-byte character or a surrogate pair.
    #[error("offset {offset} falls inside a character")]
    InsideChar {
        /// The offending offset.
        offset: usize,
    },
    /// Start is not before end.
    #[error("empty or reversed range {start}..{end}")]
    Empty {
        /// Range start.
        start: usize,
        /// Range end.
        end: usize,
    },
}

/// Chars between two checkpoints: lookups walk at most this many chars.
const STRIDE: usize = 64;

/// Converts offsets between bytes, code points and UTF-16 units for one text.
///
/// Built in O(n); each lookup is a binary search plus a walk of at most
/// [`STRIDE`] chars, so converting every span of a 1 MB article stays linear.
/// Pure-ASCII texts take a shortcut where all three units coincide.
pub struct OffsetIndex<'t> {
    text: &'t str,
    ascii: bool,
    char_len: usize,
    utf16_len: usize,
    /// `(byte, utf16)` offset of every `STRIDE`-th char.
    checkpoints: Vec<(usize, usize)>,
}

impl<'t> OffsetIndex<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> Self {
        let ascii = text.is_ascii();
        if ascii {
            return Self {
                text,
                ascii,
                char_len: text.len(),
                utf16_len: text.len(),
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut utf16 = 0;
        let mut chars = 0;
        for (byte, c) in text.char_indices() {
            if chars % STRIDE == 0 {
                checkpoints.push((byte, utf16));
            }
            utf16 += c.len_utf16();
            chars += 1;
        }
        Self {
            text,
            ascii,
            char_len: chars,
            utf16_len: utf16,
            checkpoints,
        }
    }

    /// The text this index was built for.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Length of the text in UTF-16 units.
    pub fn utf16_len(&self) -> usize {
        self.utf16_len
    }

    /// Byte offset of code point `char_offset` (which may equal the char length).
    pub fn char_to_byte(&self, char_offset: usize) -> Result<usize, OffsetError> {
        if char_offset > self.char_len {
            return Err(OffsetError::OutOfBounds {
                offset: char_offset,
                len: self.char_len,
            });
        }
        if self.ascii {
            return Ok(char_offset);
        }
        if char_offset == self.char_len {
            return Ok(self.text.len());
        }
        let (byte, _) = self.checkpoints[char_offset / STRIDE];
        let skip = char_offset % STRIDE;
        Ok(self.text[byte..]
            .char_indices()
            .nth(skip)
            .map_or(self.text.len(), |(i, _)| byte + i))
    }

    /// Code point offset of byte `byte_offset`, which must be a char boundary.
    pub fn byte_to_char(&self, byte_offset: usize) -> Result<usize, OffsetError> {
        self.check_byte(byte_offset)?;
        if self.ascii {
            return Ok(byte_offset);
        }
        let slot = self
            .checkpoints
            .partition_point(|&(b, _)| b <= byte_offset)
            .saturating_sub(1);
        let (byte, _) = self.checkpoints.get(slot).copied().unwrap_or((0, 0));
        Ok(slot * STRIDE + self.text[byte..byte_offset].chars().count())
    }

    /// UTF-16 offset of code point `char_offset`.
    pub fn char_to_utf16(&self, char_offset: usize) -> Result<usize, OffsetError> {
        let byte_offset = self.char_to_byte(char_offset)?;
        if self.ascii {
            return Ok(char_offset);
        }
        let slot = char_offset / STRIDE;
        let Some(&(byte, utf16)) = self.checkpoints.get(slot) else {
            return Ok(self.utf16_len);
        };
        Ok(utf16
            + self.text[byte..byte_offset]
                .chars()
                .map(char::len_utf16)
                .sum::<usize>())
    }

    /// Code point offset of UTF-16 offset `utf16_offset`, refusing the middle of a surrogate pair.
    pub fn utf16_to_char(&self, utf16_offset: usize) -> Result<usize, OffsetError> {
        if utf16_offset > self.utf16_len {
            return Err(OffsetError::OutOfBounds {
                offset: utf16_offset,
                len: self.utf16_len,
            });
        }
        if self.ascii {
            return Ok(utf16_offset);
        }
        let slot = self
            .checkpoints
            .partition_point(|&(_, u)| u <= utf16_offset)
            .saturating_sub(1);
        let (byte, mut utf16) = self.checkpoints.get(slot).copied().unwrap_or((0, 0));
        let mut chars = slot * STRIDE;
        for c in self.text[byte..].chars() {
            if utf16 >= utf16_offset {
                break;
            }
            utf16 += c.len_utf16();
            chars += 1;
        }
        if utf16 == utf16_offset {
            Ok(chars)
        } else {
            Err(OffsetError::InsideChar {
                offset: utf16_offset,
            })
        }
    }

    /// Converts a byte range to code points.
    pub fn to_chars(&self, range: ByteRange) -> Result<CharRange, OffsetError> {
        Ok(CharRange::new(
            self.byte_to_char(range.start)?,
            self.byte_to_char(range.end)?,
        ))
    }

    /// Converts a code point range to bytes, refusing empty or out-of-text ranges.
    pub fn to_bytes(&self, range: CharRange) -> Result<ByteRange, OffsetError> {
        if range.start >= range.end {
            return Err(OffsetError::Empty {
                start: range.start,
                end: range.end,
            });
        }
        Ok(ByteRange::new(
            self.char_to_byte(range.start)?,
            self.char_to_byte(range.end)?,
        ))
    }

    fn check_byte(&self, byte_offset: usize) -> Result<(), OffsetError> {
        if byte_offset > self.text.len() {
            Err(OffsetError::OutOfBounds {
                offset: byte_offset,
                len: self.text.len(),
            })
        } else if !self.text.is_char_boundary(byte_offset) {
            Err(OffsetError::InsideChar {
                offset: byte_offset,
            })
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIXED: &str = "“Hi,” said Ana Díaz 👋 — 北京 e\u{301}!";

    #[test]
    fn every_char_converts_both_ways() {
        let index = OffsetIndex::new(MIXED);
        let mut utf16 = 0;
        for (chars, (byte, c)) in MIXED.char_indices().enumerate() {
            assert_eq!(index.char_to_byte(chars), Ok(byte));
            assert_eq!(index.byte_to_char(byte), Ok(chars));
            assert_eq!(index.char_to_utf16(chars), Ok(utf16));
            assert_eq!(index.utf16_to_char(utf16), Ok(chars));
            utf16 += c.len_utf16();
        }
        let n = MIXED.chars().count();
        assert_eq!(index.char_len(), n);
        assert_eq!(index.char_to_byte(n), Ok(MIXED.len()));
        assert_eq!(index.byte_to_char(MIXED.len()), Ok(n));
        assert_eq!(index.utf16_len(), MIXED.encode_utf16().count());
    }

    #[test]
    fn long_text_crosses_checkpoints() {
        let text = "é😀a".repeat(500);
        let index = OffsetIndex::new(&text);
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        for (c, &b) in bytes.iter().enumerate().step_by(7) {
            assert_eq!(index.char_to_byte(c), Ok(b));
            assert_eq!(index.byte_to_char(b), Ok(c));
        }
    }

    #[test]
    fn refuses_offsets_inside_chars_and_past_the_end() {
        let index = OffsetIndex::new(MIXED);
        assert_eq!(
            index.byte_to_char(1),
            Err(OffsetError::InsideChar { offset: 1 })
        );
        assert!(matches!(
            index.char_to_byte(999),
            Err(OffsetError::OutOfBounds { .. })
        ));
        let emoji_utf16 = MIXED.split('👋').next().unwrap().encode_utf16().count();
        assert!(index.utf16_to_char(emoji_utf16 + 1).is_err());
    }

    #[test]
    fn ranges_round_trip_and_slice() {
        let index = OffsetIndex::new(MIXED);
        let start = MIXED.find("Ana").unwrap();
        let range = ByteRange::checked(MIXED, start, start + "Ana Díaz".len()).unwrap();
        let chars = index.to_chars(range).unwrap();
        let sliced: String = MIXED
            .chars()
            .skip(chars.start)
            .take(chars.end - chars.start)
            .collect();
        assert_eq!(sliced, "Ana Díaz");
        assert_eq!(index.to_bytes(chars), Ok(range));
        assert!(ByteRange::checked(MIXED, 1, 4).is_err());
        assert!(ByteRange::checked(MIXED, 4, 4).is_err());
    }

    #[test]
    fn ascii_shortcut_matches() {
        let index = OffsetIndex::new("plain text");
        assert_eq!(index.char_to_byte(5), Ok(5));
        assert_eq!(index.utf16_to_char(10), Ok(10));
        assert!(index.char_to_byte(11).is_err());
    }
}
