//! Bytes → text, with the checks every input goes through first: size limit
//! (before reading), binary content, UTF-16 with a byte-order mark (decoded),
//! and UTF-8 (strict, or lossy with a warning — never silently).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::formats::{MAX_FILE_BYTES, ReadError, ReadOptions, Warning};

/// Magic numbers of binary formats people drop on a text tool by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\0", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
];

/// How much of a file is inspected for control characters.
const SNIFF_BYTES: usize = 8192;

/// Reads a file's bytes, refusing files over [`MAX_FILE_BYTES`] before
/// reading them (and files that grow past it while being read).
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    check_size(size, path)?;
    // Room for the whole file at once: a growing vector is copied as it grows.
    let room = usize::try_from(size).unwrap_or(0).saturating_add(1);
    read_into(file, path, Vec::with_capacity(room))
}

/// A text file over [`MAX_FILE_BYTES`], opened to be read line by line
/// (`None` for a smaller file, and for UTF-16, which is only read whole);
/// its first bytes are checked as [`decode`] checks a whole file.
pub fn big_text_file(path: &Path) -> Result<Option<BufReader<File>>, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    if file.metadata().map_err(io)?.len() <= MAX_FILE_BYTES {
        return Ok(None);
    }
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let head = reader.fill_buf().map_err(io)?;
    let head = &head[..head.len().min(SNIFF_BYTES)];
    Ok(sniff(head, path)?.is_none().then_some(reader))
}

/// Reads a stream (stdin) up to the size limit.
pub fn read_limited(reader: impl Read, path: &Path) -> Result<Vec<u8>, ReadError> {
    read_into(reader, path, Vec::new())
}

fn read_into(reader: impl Read, path: &Path, mut bytes: Vec<u8>) -> Result<Vec<u8>, ReadError> {
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    check_size(bytes.len() as u64, path)?;
    Ok(bytes)
}

fn check_size(size: u64, path: &Path) -> Result<(), ReadError> {
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// Text decoded from an input, with what the user should know about it.
#[derive(Debug)]
pub struct Decoded {
    /// The text, as read (normalization is `Document::new`'s job).
    pub text: String,
    /// Lossy replacements and the like.
    pub warnings: Vec<Warning>,
}

/// Decodes bytes as text: UTF-16 with a BOM is decoded, binary content is
/// refused, and invalid UTF-8 is an error unless `opts.lossy` asks for U+FFFD
/// replacement (then a warning counts the bad bytes).
pub fn decode(bytes: &[u8], path: &Path, opts: &ReadOptions) -> Result<Decoded, ReadError> {
    if let Some(big_endian) = sniff(bytes, path)? {
        return decode_utf16(&bytes[2..], big_endian, path, opts);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            warnings: Vec::new(),
        }),
        Err(err) => not_utf8(bytes, err.valid_up_to(), &path.display().to_string(), opts),
    }
}

/// [`decode`], taking the bytes: UTF-8 text (most input) is not copied, so
/// a big file is held once rather than twice.
pub fn decode_owned(bytes: Vec<u8>, path: &Path, opts: &ReadOptions) -> Result<Decoded, ReadError> {
    if let Some(big_endian) = sniff(&bytes, path)? {
        return decode_utf16(&bytes[2..], big_endian, path, opts);
    }
    decode_utf8(bytes, &path.display().to_string(), opts)
}

/// Refuses binary content; `Some(big_endian)` for UTF-16 with a byte-order
/// mark, `None` for bytes to decode as UTF-8.
fn sniff(bytes: &[u8], path: &Path) -> Result<Option<bool>, ReadError> {
    let not_text = |reason: String| ReadError::NotText {
        path: path.to_path_buf(),
        reason,
    };
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(not_text(format!("it starts like a {kind}")));
    }
    if let Some(big_endian) = utf16_bom(bytes) {
        return Ok(Some(big_endian));
    }
    if let Some(at) = memchr::memchr(0, bytes) {
        return Err(not_text(format!("NUL byte at byte {at}")));
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
    if controls * 10 > head.len() {
        return Err(not_text(format!(
            "{controls} control characters in its first {} bytes",
            head.len()
        )));
    }
    Ok(None)
}

/// Decodes bytes that should be UTF-8 and nothing else (one line of a JSONL
/// stream), without copying them when they are: strict, or lossy with a
/// warning, as [`decode`] treats UTF-8.
pub fn decode_utf8(bytes: Vec<u8>, source: &str, opts: &ReadOptions) -> Result<Decoded, ReadError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            warnings: Vec::new(),
        }),
        Err(err) => {
            let valid_up_to = err.utf8_error().valid_up_to();
            not_utf8(err.as_bytes(), valid_up_to, source, opts)
        }
    }
}

/// Invalid UTF-8 from `valid_up_to` on: refused, or with `opts.lossy`
/// replaced with U+FFFD and counted in a warning.
fn not_utf8(
    bytes: &[u8],
    valid_up_to: usize,
    source: &str,
    opts: &ReadOptions,
) -> Result<Decoded, ReadError> {
    if !opts.lossy {
        return Err(ReadError::InvalidUtf8 {
            path: source.into(),
            offset: valid_up_to,
        });
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    let bad = bad_utf8_bytes(bytes);
    let message =
        format!("invalid UTF-8 (first at byte {valid_up_to}): {bad} byte(s) replaced with U+FFFD");
    Ok(Decoded {
        text,
        warnings: vec![Warning::new(source, message)],
    })
}

/// `Some(big_endian)` when the bytes start with a UTF-16 byte-order mark.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xfe, 0xff, ..] => Some(true),
        [0xff, 0xfe, rest @ ..] if !rest.starts_with(&[0, 0]) => Some(false),
        _ => None,
    }
}

fn decode_utf16(
    body: &[u8],
    big_endian: bool,
    path: &Path,
    opts: &ReadOptions,
) -> Result<Decoded, ReadError> {
    let units = body.chunks(2).map(|pair| match (pair, big_endian) {
        ([hi, lo], true) | ([lo, hi], false) => u16::from_be_bytes([*hi, *lo]),
        _ => 0xfffd,
    });
    let mut text = String::with_capacity(body.len());
    let mut bad = 0;
    let mut first_bad = None;
    let mut at = 2;
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => {
                at += 2 * c.len_utf16();
                text.push(c);
            }
            Err(_) => {
                first_bad.get_or_insert(at);
                at += 2;
                bad += 1;
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    let odd = body.len() % 2 == 1;
    let mut warnings = Vec::new();
    if let Some(offset) = first_bad.or(odd.then_some(body.len() + 1)) {
        if !opts.lossy {
            return Err(ReadError::NotText {
                path: path.to_path_buf(),
                reason: format!("invalid UTF-16 at byte {offset}"),
            });
        }
        let message = format!(
            "invalid UTF-16 (first at byte {offset}): {} code unit(s) replaced with U+FFFD",
            bad + usize::from(odd)
        );
        warnings.push(Warning::new(path.display().to_string(), message));
    }
    Ok(Decoded { text, warnings })
}

/// C0 controls other than tab, line feed, vertical tab, form feed, carriage
/// return and escape: a text file has almost none of them.
fn is_binary_control(byte: u8) -> bool {
    byte < 0x20 && !matches!(byte, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1b)
}

/// Number of bytes a lossy UTF-8 decode replaces.
fn bad_utf8_bytes(mut bytes: &[u8]) -> usize {
    let mut bad = 0;
    while !bytes.is_empty() {
        match std::str::from_utf8(bytes) {
            Ok(_) => break,
            Err(err) => {
                let skip = err.error_len().unwrap_or(bytes.len() - err.valid_up_to());
                bad += skip;
                bytes = &bytes[err.valid_up_to() + skip..];
            }
        }
    }
    bad
}

#[cfg(test)]
mod tests;
