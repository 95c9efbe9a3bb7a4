//! A JSONL stream read in batches of numbered lines, each decoded on its
//! own: a line over the size limit is drained unread and a line of invalid
//! UTF-8 (unless lossy) is one bad line, not the end of the stream. `byline
//! suggest -` answers each line from it; the JSONL reader reads a file too
//! big to hold whole from it.

use std::io::{self, BufRead};

use super::checks::decode_utf8;
use super::lines::{Line, next_line};
use crate::formats::{MAX_FILE_BYTES, ReadError, ReadOptions, Warning};

/// Lines read together: enough to keep every core busy, few enough that
/// output follows input closely.
const BATCH_LINES: usize = 256;
/// Bytes of text after which a batch is closed early, so a run of long lines
/// is not held all at once: a batch holds at most this plus one line.
const BATCH_BYTES: usize = 16 * 1024 * 1024;

/// One input line, decoded, or why it could not be.
pub struct Numbered {
    /// 1-based line number.
    pub line: usize,
    /// The line's text, or why there is none.
    pub text: Result<String, String>,
    /// Lossy replacements, naming the line.
    pub warnings: Vec<Warning>,
}

/// Reads numbered lines from a stream, batch by batch.
pub struct NumberedLines<'i> {
    input: &'i mut dyn BufRead,
    source: &'i str,
    read: ReadOptions,
    max_line_bytes: u64,
    line_no: usize,
}

impl<'i> NumberedLines<'i> {
    /// Lines of `input`, named `source` in warnings, decoded as `read` says;
    /// a line over `max_line_bytes` bytes is one bad line.
    pub fn new(
        input: &'i mut dyn BufRead,
        source: &'i str,
        read: ReadOptions,
        max_line_bytes: u64,
    ) -> Self {
        Self {
            input,
            source,
            read,
            max_line_bytes,
            line_no: 0,
        }
    }

    /// The number of the last line read.
    pub fn line_no(&self) -> usize {
        self.line_no
    }

    /// The next lines (empty at the end of the stream): up to
    /// [`BATCH_LINES`], fewer once [`BATCH_BYTES`] of text are held.
    pub fn next_batch(&mut self) -> io::Result<Vec<Numbered>> {
        let mut batch = Vec::with_capacity(BATCH_LINES);
        let mut held = 0;
        while batch.len() < BATCH_LINES && held < BATCH_BYTES {
            let Some(line) = next_line(self.input, self.max_line_bytes)? else {
                break;
            };
            self.line_no += 1;
            let numbered = self.decode(line);
            held += numbered.text.as_ref().map_or(0, String::len);
            batch.push(numbered);
        }
        Ok(batch)
    }

    /// Decodes one line on its own: the first may start with a byte-order mark.
    fn decode(&self, line: Line) -> Numbered {
        let (line_no, limit) = (self.line_no, self.max_line_bytes);
        let mut bytes = match line {
            Line::Bytes(bytes) => bytes,
            Line::TooLong(size) => {
                return Numbered {
                    line: line_no,
                    text: Err(format!(
                        "line too large ({size} bytes; the limit is {limit} bytes)"
                    )),
                    warnings: Vec::new(),
                };
            }
        };
        if line_no == 1 && bytes.starts_with(b"\xef\xbb\xbf") {
            bytes.drain(..3);
        }
        let (text, warnings) = match decode_utf8(bytes, self.source, &self.read) {
            Ok(decoded) => (Ok(decoded.text), decoded.warnings),
            Err(ReadError::InvalidUtf8 { offset, .. }) => (
                Err(format!(
                    "invalid UTF-8 at byte {offset} (use --lossy to replace bad bytes)"
                )),
                Vec::new(),
            ),
            Err(e) => (Err(e.to_string()), Vec::new()),
        };
        let warnings = warnings
            .into_iter()
            .map(|w| Warning::at_line(w.source, line_no, w.message))
            .collect();
        Numbered {
            line: line_no,
            text,
            warnings,
        }
    }
}

/// Calls `each` with every batch of lines of a file over the size limit
/// (each line held to [`MAX_FILE_BYTES`] instead), named `source`; a read
/// error names the file and ends the reading, as does an error of `each`.
pub fn for_each_file_batch(
    input: &mut dyn BufRead,
    source: &str,
    read: &ReadOptions,
    mut each: impl FnMut(Vec<Numbered>) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    let mut lines = NumberedLines::new(input, source, *read, MAX_FILE_BYTES);
    loop {
        let batch = lines.next_batch().map_err(|e| ReadError::Io {
            path: source.into(),
            source: e,
        })?;
        if batch.is_empty() {
            return Ok(());
        }
        each(batch)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_decoded_on_its_own_and_numbered() {
        let input =
            b"\xef\xbb\xbf{\"text\": \"Zo\xc3\xab\"}\n\xff bad\n\n{\"text\": \"\xe5\x8c\x97\"}\n";
        let mut input = &input[..];
        let mut lines = NumberedLines::new(&mut input, "big.jsonl", ReadOptions::default(), 64);
        let batch = lines.next_batch().unwrap();
        let texts: Vec<Result<&str, bool>> = batch
            .iter()
            .map(|n| {
                n.text
                    .as_deref()
                    .map_err(|why| why.contains("invalid UTF-8"))
            })
            .collect();
        assert_eq!(
            texts,
            [
                Ok("{\"text\": \"Zoë\"}"),
                Err(true),
                Ok(""),
                Ok("{\"text\": \"北\"}")
            ]
        );
        assert_eq!(
            batch.iter().map(|n| n.line).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
        assert_eq!(lines.line_no(), 4);
        assert!(lines.next_batch().unwrap().is_empty());
        let mut long = &b"{\"text\": \"a very long line\"}\nok\n"[..];
        let mut lines = NumberedLines::new(&mut long, "big.jsonl", ReadOptions::default(), 8);
        let batch = lines.next_batch().unwrap();
        assert!(
            batch[0]
                .text
                .as_ref()
                .is_err_and(|why| why.contains("too large"))
        );
        assert_eq!(batch[1].text.as_deref(), Ok("ok"));
    }
}
