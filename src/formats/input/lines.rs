//! Reading a stream line by line as bytes, with a size limit per line: a
//! line over the limit is drained without being kept, so one runaway line
//! costs no more memory than the limit, and the lines after it are still
//! read. Decoding is left to the caller, a line at a time (see
//! [`super::checks::decode_utf8`]), so one bad byte spoils one line only.

use std::io::{self, BufRead};

/// One line of a stream, as [`next_line`] found it.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A line within the limit: its bytes, without the line end (`\n` or `\r\n`).
    Bytes(Vec<u8>),
    /// A line over the limit, drained unread: its length in bytes (without
    /// the line end).
    TooLong(u64),
}

/// Reads the next line of `input`; `None` at the end of input. The last line
/// counts even without a final `\n`. A line longer than `limit` bytes comes
/// back as [`Line::TooLong`]; at most `limit + 1` of its bytes are ever held.
pub fn next_line(input: &mut dyn BufRead, limit: u64) -> io::Result<Option<Line>> {
    let mut kept = Vec::new();
    let mut length: u64 = 0;
    let mut last = None;
    let mut started = false;
    loop {
        let available = match input.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            if !started {
                return Ok(None);
            }
            return Ok(Some(finish(kept, length, last, limit)));
        }
        started = true;
        let (part, ends) = match memchr::memchr(b'\n', available) {
            Some(at) => (&available[..at], true),
            None => (available, false),
        };
        length += part.len() as u64;
        last = part.last().copied().or(last);
        // One byte over the limit is still kept: it may be the `\r` of `\r\n`.
        if length <= limit.saturating_add(1) {
            kept.extend_from_slice(part);
        } else if !kept.is_empty() {
            kept = Vec::new();
        }
        let used = part.len() + usize::from(ends);
        input.consume(used);
        if ends {
            return Ok(Some(finish(kept, length, last, limit)));
        }
    }
}

/// The line read, once its end is known: `\r` before the `\n` dropped, and
/// the limit applied to what is left.
fn finish(mut kept: Vec<u8>, mut length: u64, last: Option<u8>, limit: u64) -> Line {
    if last == Some(b'\r') {
        length -= 1;
        kept.pop();
    }
    if length > limit {
        Line::TooLong(length)
    } else {
        Line::Bytes(kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: u64) -> Vec<Line> {
        // A small buffer, so lines span several reads.
        let mut input = io::BufReader::with_capacity(3, input);
        std::iter::from_fn(|| next_line(&mut input, limit).unwrap()).collect()
    }

    fn bytes(s: &str) -> Line {
        Line::Bytes(s.as_bytes().to_vec())
    }

    #[test]
    fn lines_end_with_lf_or_crlf_and_the_last_needs_no_end() {
        let got = lines("a\r\nβγ\n\n“x”\r\nlast".as_bytes(), 100);
        assert_eq!(
            got,
            [
                bytes("a"),
                bytes("βγ"),
                bytes(""),
                bytes("“x”"),
                bytes("last")
            ]
        );
        assert_eq!(lines(b"", 100), []);
        assert_eq!(lines(b"\n", 100), [bytes("")]);
    }

    #[test]
    fn a_line_over_the_limit_is_drained_and_the_next_lines_still_come() {
        let got = lines(b"12345\nabcdefgh\r\n123456\nok\r\nxyzxyzxyz", 6);
        assert_eq!(
            got,
            [
                bytes("12345"),
                Line::TooLong(8),
                bytes("123456"),
                bytes("ok"),
                Line::TooLong(9),
            ]
        );
    }

    #[test]
    fn a_crlf_line_exactly_at_the_limit_is_kept() {
        assert_eq!(lines(b"abc\r\n", 3), [bytes("abc")]);
        assert_eq!(lines(b"abcd\r\n", 3), [Line::TooLong(4)]);
    }

    #[test]
    fn invalid_utf8_is_left_to_the_caller() {
        assert_eq!(lines(b"a\xffb\n", 10), [Line::Bytes(b"a\xffb".to_vec())]);
    }
}
