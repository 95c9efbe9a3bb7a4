//! Reading one input: choose the reader by format, run the input checks,
//! handle empty files and brat's text/annotation pairs.

use std::path::Path;

use serde_json::value::RawValue;

use crate::formats::brat::files::{ann_beside, text_for};
use crate::formats::input::InputFormat;
use crate::formats::input::checks::{
    Decoded, big_text_file, decode, decode_owned, read_file, read_limited,
};
use crate::formats::{
    Loaded, ReadError, ReadOptions, Warning, brat, byline, conll, conllu, html, labelstudio, md,
    txt,
};

/// Reads one input: a file (format by extension; a `.txt` with an `.ann`
/// beside it is brat) or `-` for stdin (format by content).
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<Loaded, ReadError> {
    if path == Path::new("-") {
        let bytes = read_limited(std::io::stdin().lock(), path)?;
        let format = InputFormat::sniff(&bytes);
        return read_decoded(decode_owned(bytes, path, opts)?, "-", format);
    }
    let format = InputFormat::of_path(path).ok_or_else(|| ReadError::UnknownFormat {
        path: path.to_path_buf(),
    })?;
    match format {
        InputFormat::Brat => {
            let txt = text_for(path).ok_or_else(|| {
                ReadError::syntax(
                    path,
                    None,
                    "brat annotations without their text (no .txt found beside them)",
                )
            })?;
            read_brat(&txt, path, opts)
        }
        InputFormat::Text => match ann_beside(path) {
            Some(ann) => read_brat(path, &ann, opts),
            None => read_file_as(path, format, opts),
        },
        _ => read_file_as(path, format, opts),
    }
}

/// Reads a file as `format`, its bytes decoded in place; over the size
/// limit, a JSONL file is read line by line instead, a Label Studio export
/// task by task and a CoNLL file in parts cut between documents.
fn read_file_as(path: &Path, format: InputFormat, opts: &ReadOptions) -> Result<Loaded, ReadError> {
    let big = match format {
        InputFormat::Jsonl | InputFormat::Json | InputFormat::Conll => big_text_file(path)?,
        _ => None,
    };
    if let Some(mut input) = big {
        let source = path.display().to_string();
        return match format {
            InputFormat::Json => labelstudio::read_stream(input, &source),
            InputFormat::Conll => conll::read_stream(&mut input, &source, opts),
            _ => byline::read_stream(&mut input, &source, opts),
        };
    }
    let decoded = decode_owned(read_file(path)?, path, opts)?;
    read_decoded(decoded, &path.display().to_string(), format)
}

/// Reads bytes already in memory as `format`; `source` names them in
/// documents, warnings and errors. brat needs two files: use [`read_path`].
pub fn read_bytes(
    bytes: &[u8],
    source: &str,
    format: InputFormat,
    opts: &ReadOptions,
) -> Result<Loaded, ReadError> {
    read_decoded(decode(bytes, Path::new(source), opts)?, source, format)
}

/// Reads decoded text as `format`; the decoding's warnings come first.
fn read_decoded(decoded: Decoded, source: &str, format: InputFormat) -> Result<Loaded, ReadError> {
    let path = Path::new(source);
    // Every reader sees text without a byte-order mark (CoNLL's first token
    // would otherwise carry it).
    let text = decoded
        .text
        .strip_prefix('\u{feff}')
        .unwrap_or(&decoded.text);
    let mut loaded = if is_blank(text) {
        Loaded {
            documents: Vec::new(),
            warnings: vec![Warning::new(
                source,
                "empty file (nothing but whitespace); no document read",
            )],
            skipped: 0,
        }
    } else {
        match format {
            InputFormat::Text => txt::read(text, source)?,
            InputFormat::Markdown => md::read(text, source)?,
            InputFormat::Html => html::read(text, source)?,
            InputFormat::Jsonl => byline::read(text, source)?,
            InputFormat::Json => read_json(text, source)?,
            InputFormat::Conll => conll::read(text, source)?,
            InputFormat::Conllu => conllu::read(text, source)?,
            InputFormat::Brat => {
                return Err(ReadError::syntax(
                    path,
                    None,
                    "brat input needs its .txt and .ann files; read it by path",
                ));
            }
        }
    };
    loaded.warnings.splice(0..0, decoded.warnings);
    Ok(loaded)
}

fn read_brat(txt_path: &Path, ann_path: &Path, opts: &ReadOptions) -> Result<Loaded, ReadError> {
    let txt = decode(&read_file(txt_path)?, txt_path, opts)?;
    let ann = decode(&read_file(ann_path)?, ann_path, opts)?;
    let source = ann_path.display().to_string();
    let mut loaded = brat::read(&txt.text, &ann.text, &source)?;
    loaded
        .warnings
        .splice(0..0, txt.warnings.into_iter().chain(ann.warnings));
    Ok(loaded)
}

/// A `.json` file: a Label Studio export, or records byline's JSON reader
/// knows (Prodigy, doccano, byline); each record is kept as its slice of
/// the file until a reader takes it.
fn read_json(text: &str, source: &str) -> Result<Loaded, ReadError> {
    let records = match serde_json::from_str::<Vec<&RawValue>>(text) {
        Ok(records) => records,
        Err(_) => match serde_json::from_str::<&RawValue>(text) {
            Ok(one) if one.get().starts_with('{') => vec![one],
            _ => return byline::read_json(text, source),
        },
    };
    let first = records
        .first()
        .and_then(|r| serde_json::from_str(r.get()).ok());
    if first.is_some_and(|first| labelstudio::is_export(&first)) {
        labelstudio::read(&records, source)
    } else {
        byline::read_json(text, source)
    }
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}
