//! Encoding documents on all cores while writing them in input order: the
//! line-per-document writers encode a window of documents in parallel, each
//! into its own reused buffer, then write the buffers in order. Output bytes
//! are the same as encoding one document after the other.

use std::io::{BufWriter, Write};

use rayon::prelude::*;

use super::check_alignment;
use crate::formats::{ExportError, ExportReport};
use crate::model::Document;

/// Documents encoded per parallel step: enough to keep every core busy, few
/// enough that the buffers stay small (about 30 MB for wire articles).
const WINDOW: usize = 256;

/// Checks every document's alignment on all cores; the error is the first
/// misaligned document's in input order.
pub fn check_all(docs: &[Document]) -> Result<(), ExportError> {
    docs.par_iter()
        .map(check_alignment)
        .find_first(Result::is_err)
        .unwrap_or(Ok(()))
}

/// Encodes each document with `encode` (which appends one document's bytes to
/// the buffer it is given and reports on it) and writes the results to `out`
/// in input order. On an error, the documents before it are written.
pub fn write_ordered<F>(
    docs: &[Document],
    out: impl Write,
    encode: F,
) -> Result<ExportReport, ExportError>
where
    F: Fn(&Document, &mut Vec<u8>) -> Result<ExportReport, ExportError> + Sync,
{
    let mut out = BufWriter::new(out);
    let mut report = ExportReport::default();
    let mut buffers: Vec<Vec<u8>> = Vec::new();
    for window in docs.chunks(WINDOW) {
        buffers.resize_with(window.len(), Vec::new);
        let reports: Vec<Result<ExportReport, ExportError>> = buffers
            .par_iter_mut()
            .zip(window.par_iter())
            .map(|(buffer, doc)| {
                buffer.clear();
                encode(doc, buffer)
            })
            .collect();
        for (buffer, one) in buffers.iter().zip(reports) {
            report.merge(one?);
            out.write_all(buffer)?;
        }
    }
    out.flush()?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_come_out_in_input_order_across_windows() {
        let docs: Vec<Document> = (0..WINDOW * 2 + 3)
            .map(|i| Document::new(None, &format!("Doc {i} ✓")))
            .collect();
        let mut out = Vec::new();
        let report = write_ordered(&docs, &mut out, |doc, buffer| {
            buffer.extend_from_slice(doc.text().as_bytes());
            buffer.push(b'\n');
            Ok(ExportReport {
                documents: 1,
                ..ExportReport::default()
            })
        })
        .unwrap();
        let expected: String = docs.iter().map(|d| format!("{}\n", d.text())).collect();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
        assert_eq!(report.documents, docs.len());
        assert!(check_all(&docs).is_ok());
    }
}
