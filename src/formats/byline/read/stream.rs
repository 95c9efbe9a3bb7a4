//! A JSONL file too big to hold whole (over
//! [`MAX_FILE_BYTES`](crate::formats::MAX_FILE_BYTES)): read line
//! by line, each line held only while its batch is read, with the limit on
//! each line instead (the documents of a big suggestions file, 20 times
//! their text with tokens, are what stays). A line that cannot be read —
//! too long, not UTF-8, not a record — is skipped with its number, as in a
//! file read whole.

use std::io::BufRead;

use rayon::prelude::*;

use super::{Tally, record_outcome};
use crate::formats::input::numbered::for_each_file_batch;
use crate::formats::{Loaded, ReadError, ReadOptions};

/// Reads JSON Lines from `input`, named `source`; fails only when there
/// were records and none of them could be read.
pub fn read_stream(
    input: &mut dyn BufRead,
    source: &str,
    opts: &ReadOptions,
) -> Result<Loaded, ReadError> {
    let mut tally = Tally::new(source, "lines");
    for_each_file_batch(input, source, opts, |batch| {
        let outcomes: Vec<_> = batch
            .par_iter()
            .map(|numbered| match &numbered.text {
                Ok(text) if text.trim().is_empty() => None,
                Ok(text) => Some(
                    record_outcome(text, source, numbered.line, true)
                        .map_err(|why| format!("{why}; line skipped")),
                ),
                Err(why) => Some(Err(format!("{why}; line skipped"))),
            })
            .collect();
        for (numbered, outcome) in batch.into_iter().zip(outcomes) {
            tally.loaded.warnings.extend(numbered.warnings);
            match outcome {
                None => {}
                Some(Ok((doc, warnings))) => tally.record(doc, warnings),
                Some(Err(message)) => tally.skip(numbered.line, message),
            }
        }
        Ok(())
    })?;
    tally.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_lines_load_and_bad_ones_are_named() {
        let input = "{\"text\": \"Zoë Ødegård a parlé à 北京.\", \"spans\": [{\"start\": 0, \"end\": 11, \"label\": \"PERSON\"}]}\n\nnot json\n{\"text\": \"👋 again\"}\n";
        let mut bytes = input.as_bytes();
        let loaded = read_stream(&mut bytes, "big.jsonl", &ReadOptions::default()).unwrap();
        assert_eq!(loaded.documents.len(), 2);
        let doc = &loaded.documents[0];
        let span = doc.spans().next().unwrap();
        assert_eq!(span.text(doc.text()), "Zoë Ødegård");
        assert_eq!(loaded.skipped, 1);
        assert_eq!(loaded.warnings[0].line, Some(3));
        assert!(loaded.warnings[0].message.contains("line skipped"));
        let mut nothing = "not json\n".as_bytes();
        assert!(read_stream(&mut nothing, "big.jsonl", &ReadOptions::default()).is_err());
    }
}
