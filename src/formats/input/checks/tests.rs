//! Decoding checks on bytes: every way a file can fail to be text.

use super::*;

fn strict(bytes: &[u8]) -> Result<Decoded, ReadError> {
    decode(bytes, Path::new("in.txt"), &ReadOptions::default())
}

fn lossy(bytes: &[u8]) -> Result<Decoded, ReadError> {
    decode(bytes, Path::new("in.txt"), &ReadOptions { lossy: true })
}

#[test]
fn utf8_with_curly_quotes_emoji_and_cjk_passes_unchanged() {
    let text = "“Ja,” sagte Müller 🚀 北京\r\n";
    let decoded = strict(text.as_bytes()).unwrap();
    assert_eq!(decoded.text, text);
    assert!(decoded.warnings.is_empty());
}

#[test]
fn invalid_utf8_is_refused_naming_the_byte_offset() {
    let err = strict(b"caf\xc3\xa9 \xff ok").unwrap_err();
    assert!(
        matches!(err, ReadError::InvalidUtf8 { offset: 6, .. }),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains("byte 6") && message.contains("--lossy") && message.ends_with("in.txt"),
        "{message}"
    );
}

#[test]
fn lossy_decoding_replaces_and_counts_bad_bytes() {
    let decoded = lossy(b"caf\xc3\xa9 \xff\xfe ok \xe2\x80").unwrap();
    assert_eq!(decoded.text, "café \u{fffd}\u{fffd} ok \u{fffd}");
    assert_eq!(decoded.warnings.len(), 1);
    let warning = decoded.warnings[0].to_string();
    assert!(
        warning.contains("4 byte(s) replaced") && warning.contains("byte 6"),
        "{warning}"
    );
}

#[test]
fn nul_bytes_are_not_text() {
    let err = strict(b"plain\0text").unwrap_err();
    assert!(err.to_string().contains("NUL byte at byte 5"), "{err}");
    assert!(
        lossy(b"plain\0text").is_err(),
        "lossy does not make binary files text"
    );
}

#[test]
fn binary_files_are_named_by_their_magic_number() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let err = strict(png).unwrap_err();
    assert!(
        matches!(&err, ReadError::NotText { reason, .. } if reason.contains("PNG image")),
        "{err:?}"
    );
    let err = strict(b"%PDF-1.7\n%\xe2\xe3").unwrap_err();
    assert!(err.to_string().contains("PDF"), "{err}");
}

#[test]
fn control_characters_without_nul_are_not_text() {
    let bytes: Vec<u8> = (0..200u8)
        .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
        .collect();
    let err = strict(&bytes).unwrap_err();
    assert!(err.to_string().contains("control characters"), "{err}");
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    let text = "“Hi” 🚀 北京";
    let mut le = vec![0xff, 0xfe];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xfe, 0xff];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(strict(&le).unwrap().text, text);
    assert_eq!(strict(&be).unwrap().text, text);
}

#[test]
fn broken_utf16_is_refused_or_replaced() {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend([0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]);
    let err = strict(&bytes).unwrap_err();
    assert!(
        err.to_string().contains("invalid UTF-16 at byte 4"),
        "{err}"
    );
    let decoded = lossy(&bytes).unwrap();
    assert_eq!(decoded.text, "A\u{fffd}B");
    assert_eq!(decoded.warnings.len(), 1);
}

#[test]
fn size_limit_is_checked_before_reading() {
    let file = tempfile::NamedTempFile::new().unwrap();
    file.as_file().set_len(MAX_FILE_BYTES + 1).unwrap();
    let err = read_file(file.path()).unwrap_err();
    assert!(
        matches!(err, ReadError::TooLarge { size, .. } if size == MAX_FILE_BYTES + 1),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains("too large") && message.ends_with(&file.path().display().to_string()));
}

#[test]
fn streams_over_the_limit_are_refused() {
    let endless = std::io::repeat(b'a');
    let err = read_limited(endless, Path::new("-")).unwrap_err();
    assert!(matches!(err, ReadError::TooLarge { .. }), "{err:?}");
}
