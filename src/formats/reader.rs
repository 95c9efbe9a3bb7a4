//! Reading one input: choose the reader by format, run the input checks,
//! handle empty files and brat's text/annotation pairs.

use std::path::Path;

use crate::formats::brat::files::{ann_beside, text_for};
use crate::formats::input::InputFormat;
use crate::formats::input::checks::{decode, read_file, read_limited};
use crate::formats::{
    Loaded, ReadError, ReadOptions, Warning, brat, byline, conll, conllu, html, labelstudio, md,
    txt,
};

/// Reads one input: a file (format by extension; a `.txt` with an `.ann`
/// beside it is brat) or `-` for stdin (format by content).
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<Loaded, ReadError> {
    if path == Path::new("-") {
        let bytes = read_limited(std::io::stdin().lock(), path)?;
        return read_bytes(&bytes, "-", InputFormat::sniff(&bytes), opts);
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
            None => read_bytes(&read_file(path)?, &path.display().to_string(), format, opts),
        },
        _ => read_bytes(&read_file(path)?, &path.display().to_string(), format, opts),
    }
}

/// Reads bytes already in memory as `format`; `source` names them in
/// documents, warnings and errors. brat needs two files: use [`read_path`].
pub fn read_bytes(
    bytes: &[u8],
    source: &str,
    format: InputFormat,
    opts: &ReadOptions,
) -> Result<Loaded, ReadError> {
    let path = Path::new(source);
    let decoded = decode(bytes, path, opts)?;
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
/// knows (Prodigy, doccano, byline).
fn read_json(text: &str, source: &str) -> Result<Loaded, ReadError> {
    let records = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(records)) => records,
        Ok(one @ serde_json::Value::Object(_)) => vec![one],
        _ => return byline::read_json(text, source),
    };
    if labelstudio::is_export(&records) {
        labelstudio::read(records, source)
    } else {
        byline::read_json(text, source)
    }
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}
