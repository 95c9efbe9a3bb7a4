//! A CoNLL file too big to hold whole (over
//! [`MAX_FILE_BYTES`](crate::formats::MAX_FILE_BYTES)), such as a
//! big project's `--to conll` export: read in parts of several megabytes
//! cut at `-DOCSTART-` lines, each part read as a file of its own (its
//! columns judged on their own) with its warnings' line numbers those of the
//! whole file. A line that cannot be read (too long, not UTF-8) is named
//! and read as a blank line, so the lines after it keep their numbers.

use std::io::BufRead;

use super::read::read;
use crate::formats::input::numbered::for_each_file_batch;
use crate::formats::{Loaded, ReadError, ReadOptions, Warning};

/// Text gathered before a part is cut at the next `-DOCSTART-`.
const PART_BYTES: usize = 8 * 1024 * 1024;

/// Reads CoNLL from `input`, named `source` in documents and warnings.
pub fn read_stream(
    input: &mut dyn BufRead,
    source: &str,
    opts: &ReadOptions,
) -> Result<Loaded, ReadError> {
    let mut loaded = Loaded::default();
    let mut part = Part::default();
    for_each_file_batch(input, source, opts, |batch| {
        for numbered in batch {
            loaded.warnings.extend(numbered.warnings);
            let text = numbered.text.unwrap_or_else(|why| {
                let message = format!("{why}; read as a blank line");
                loaded
                    .warnings
                    .push(Warning::at_line(source, numbered.line, message));
                String::new()
            });
            if text.starts_with("-DOCSTART-") && part.text.len() >= PART_BYTES {
                part.read_into(source, &mut loaded)?;
                part.first_line = numbered.line;
            }
            part.text.push_str(&text);
            part.text.push('\n');
        }
        Ok(())
    })?;
    part.read_into(source, &mut loaded)?;
    Ok(loaded)
}

/// The lines gathered since the last cut.
struct Part {
    text: String,
    /// The file's number of the part's first line.
    first_line: usize,
}

impl Default for Part {
    fn default() -> Self {
        Self {
            text: String::new(),
            first_line: 1,
        }
    }
}

impl Part {
    /// Reads the part into `loaded` and empties it.
    fn read_into(&mut self, source: &str, loaded: &mut Loaded) -> Result<(), ReadError> {
        let mut read = read(&std::mem::take(&mut self.text), source)?;
        for warning in &mut read.warnings {
            if let Some(line) = warning.line.as_mut() {
                *line += self.first_line - 1;
            }
        }
        loaded.documents.append(&mut read.documents);
        loaded.warnings.append(&mut read.warnings);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_cut_at_docstart_give_the_documents_and_line_numbers_of_the_whole() {
        let doc = "-DOCSTART- -X- O O\n\nZoë\t-\tO\tB-PERSON\nà\t-\tO\tO\n北京\t-\tO\tB-GPE\n\n";
        let many = doc.repeat(PART_BYTES / doc.len() + 2);
        let bad_line = many.lines().count() + doc.lines().count() + 1;
        let input = format!("{many}{doc}\u{1}\t-\tO\tZ-NOPE\n");
        let mut bytes = input.as_bytes();
        let loaded = read_stream(&mut bytes, "big.conll", &ReadOptions::default()).unwrap();
        assert_eq!(loaded.documents.len(), PART_BYTES / doc.len() + 3);
        let last = loaded.documents.last().unwrap();
        assert_eq!(last.text(), "Zoë à 北京\n\u{1}");
        let spans: Vec<&str> = last.spans().map(|s| s.text(last.text())).collect();
        assert_eq!(spans, ["Zoë", "北京"]);
        assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
        assert_eq!(loaded.warnings[0].line, Some(bad_line));
        assert!(loaded.warnings[0].message.contains("Z-NOPE"));
    }
}
