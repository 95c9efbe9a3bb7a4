//! brat offsets count code points of the `.txt` as it is on disk (brat does not
//! translate line ends), while a [`Document`] holds normalized text (BOM
//! stripped, CRLF → LF). This maps file offsets to document ranges and gives
//! the file's text at them, for the `T` line text check.

use crate::model::{ByteRange, CharRange, OffsetError, OffsetIndex};

/// Offsets of one `.txt` file and the document made from it.
pub struct RawText<'t> {
    raw: OffsetIndex<'t>,
    doc: OffsetIndex<'t>,
    /// File code point offsets of the characters normalization removed, ascending.
    removed: Vec<usize>,
}

impl<'t> RawText<'t> {
    /// Indexes the file text and the text of the document built from it.
    pub fn new(raw: &'t str, doc_text: &'t str) -> Self {
        let mut removed = Vec::new();
        let mut previous_cr = false;
        for (i, c) in raw.chars().enumerate() {
            if (i == 0 && c == '\u{feff}') || (c == '\n' && previous_cr) {
                removed.push(if c == '\n' { i - 1 } else { i });
            }
            previous_cr = c == '\r';
        }
        Self {
            raw: OffsetIndex::new(raw),
            doc: OffsetIndex::new(doc_text),
            removed,
        }
    }

    /// The file's text at code points `[start, end)`.
    pub fn slice(&self, [start, end]: [usize; 2]) -> Result<&'t str, OffsetError> {
        let range = self.raw.to_bytes(CharRange::new(start, end))?;
        Ok(self.raw.text().get(range.start..range.end).unwrap_or(""))
    }

    /// The document code point offsets of file fragment `[start, end)`,
    /// checked to be in the document.
    pub fn to_doc(&self, [start, end]: [usize; 2]) -> Result<[usize; 2], OffsetError> {
        self.raw.to_bytes(CharRange::new(start, end))?;
        let shift = |offset: usize| offset - self.removed.partition_point(|&r| r < offset);
        let chars = [shift(start), shift(end)];
        self.doc_bytes(chars)?;
        Ok(chars)
    }

    /// The index of the document's text, for code point offsets into it.
    pub fn doc_index(&self) -> &OffsetIndex<'t> {
        &self.doc
    }

    /// The document byte range of document code points `[start, end)`.
    pub fn doc_bytes(&self, [start, end]: [usize; 2]) -> Result<ByteRange, OffsetError> {
        self.doc.to_bytes(CharRange::new(start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    #[test]
    fn maps_crlf_and_bom_offsets_to_the_normalized_text() {
        let raw = "\u{feff}“Hi”\r\nsaid Ana";
        let doc = Document::new(None, raw);
        let text = RawText::new(raw, doc.text());
        assert_eq!(text.slice([12, 15]), Ok("Ana"));
        let chars = text.to_doc([12, 15]).unwrap();
        assert_eq!(chars, [10, 13]);
        let range = text.doc_bytes(chars).unwrap();
        assert_eq!(range.slice(doc.text()), Some("Ana"));
        assert!(text.to_doc([7, 99]).is_err());
    }

    #[test]
    fn plain_text_maps_to_itself() {
        let raw = "北京 e\u{301} 👋 ok";
        let doc = Document::new(None, raw);
        let text = RawText::new(raw, doc.text());
        let chars = text.to_doc([8, 10]).unwrap();
        assert_eq!(chars, [8, 10]);
        let range = text.doc_bytes(chars).unwrap();
        assert_eq!(range.slice(doc.text()), Some("ok"));
    }
}
