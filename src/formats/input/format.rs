//! Which reader an input needs: by extension for files, by content for stdin.

use std::path::Path;

/// The input formats Byline reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Plain text, one document per file.
    Text,
    /// Markdown, one document per file.
    Markdown,
    /// An HTML page; the article's text is extracted.
    Html,
    /// JSON Lines: one record per line (Prodigy, doccano, byline).
    Jsonl,
    /// A JSON array of records, or one record.
    Json,
    /// brat standoff: a `.txt` and its `.ann`.
    Brat,
    /// CoNLL IOB2 columns.
    Conll,
    /// CoNLL-U (GUM-style entity and quote markup).
    Conllu,
}

impl InputFormat {
    /// The format a file extension (without dot, any case) stands for.
    pub fn from_extension(ext: &str) -> Option<Self> {
        let format = match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Self::Text,
            "md" | "markdown" => Self::Markdown,
            "html" | "htm" | "xhtml" => Self::Html,
            "jsonl" | "ndjson" => Self::Jsonl,
            "json" => Self::Json,
            "ann" => Self::Brat,
            "conll" | "iob" | "iob2" | "bio" => Self::Conll,
            "conllu" => Self::Conllu,
            _ => return None,
        };
        Some(format)
    }

    /// The format of a file, by its extension.
    pub fn of_path(path: &Path) -> Option<Self> {
        Self::from_extension(path.extension()?.to_str()?)
    }

    /// Guesses the format of unnamed input (stdin) from its first bytes:
    /// JSON object lines are JSONL, a `[` starts JSON, markup is HTML, CoNLL-U
    /// comments are CoNLL-U; anything else is plain text.
    pub fn sniff(bytes: &[u8]) -> Self {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        let head = head.trim_start_matches('\u{feff}').trim_start();
        let first_line = head.lines().next().unwrap_or_default().trim();
        if first_line.starts_with('{') {
            let whole_line = bytes.len() <= 4096 || head.lines().nth(1).is_some();
            let is_object = serde_json::from_str::<serde_json::Map<_, _>>(first_line).is_ok();
            return if is_object || !whole_line {
                Self::Jsonl
            } else {
                Self::Json
            };
        }
        if first_line.starts_with('[') {
            return Self::Json;
        }
        let lower = head
            .get(..head.len().min(512))
            .unwrap_or(head)
            .to_lowercase();
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || lower.starts_with("<p")
        {
            return Self::Html;
        }
        if head.starts_with("# sent_id")
            || head.starts_with("# text =")
            || head.starts_with("# newdoc")
        {
            return Self::Conllu;
        }
        Self::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats_by_extension_in_any_case() {
        let of = |name: &str| InputFormat::of_path(Path::new(name));
        assert_eq!(of("a/story.TXT"), Some(InputFormat::Text));
        assert_eq!(of("story.md"), Some(InputFormat::Markdown));
        assert_eq!(of("page.htm"), Some(InputFormat::Html));
        assert_eq!(of("tasks.jsonl"), Some(InputFormat::Jsonl));
        assert_eq!(of("tasks.json"), Some(InputFormat::Json));
        assert_eq!(of("doc.ann"), Some(InputFormat::Brat));
        assert_eq!(of("gold.conll"), Some(InputFormat::Conll));
        assert_eq!(of("gold.conllu"), Some(InputFormat::Conllu));
        assert_eq!(of("photo.png"), None);
        assert_eq!(of("README"), None);
    }

    #[test]
    fn sniffs_stdin_content() {
        let sniff = |s: &str| InputFormat::sniff(s.as_bytes());
        assert_eq!(
            sniff("{\"text\": \"Hi\"}\n{\"text\": \"Yo\"}\n"),
            InputFormat::Jsonl
        );
        assert_eq!(sniff("\u{feff}{\"text\": \"Hi\"}"), InputFormat::Jsonl);
        assert_eq!(sniff("{\n  \"text\": \"Hi\"\n}\n"), InputFormat::Json);
        assert_eq!(sniff("[{\"text\": \"Hi\"}]"), InputFormat::Json);
        assert_eq!(sniff("<!DOCTYPE html><html></html>"), InputFormat::Html);
        assert_eq!(
            sniff("# newdoc id = a\n# text = Hi\n1\tHi"),
            InputFormat::Conllu
        );
        assert_eq!(
            sniff("BEIJING (Reuters) – “No,” he said."),
            InputFormat::Text
        );
        assert_eq!(sniff(""), InputFormat::Text);
    }
}
