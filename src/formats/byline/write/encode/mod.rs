//! Writes one task line in serde_json's compact form, key by key, with no
//! value built per token or span: the token list (most of a task's bytes)
//! straight from the [`Layout`], spans, relations and quotes from their parts.
//! The bytes are exactly what serde_json writes for the same keys in the same
//! order (pinned by the golden tests); `meta` and engine origins go through
//! serde itself. A line is built whole in a buffer ([`write_task`]), or for a
//! big document handed to the output as it grows ([`stream_task`]), so that
//! memory does not grow with the line (about 20 times the text).

use std::io::Write;

use serde::Serialize;

use super::task::{Layout, QuoteOut, QuotePart, RelationOut, SpanOut, SpanRef, Task};
use crate::formats::ExportError;
use crate::model::Origin;

/// Bytes gathered before they are handed on when streaming a line.
const SPILL_BYTES: usize = 64 * 1024;

/// Appends `task` as one JSON object (no newline) to `out`.
pub(super) fn write_task(
    out: &mut Vec<u8>,
    task: &Task<'_>,
    layout: &Layout<'_>,
) -> Result<(), ExportError> {
    Json::new(out, None).task(task, layout)
}

/// Writes `task` as one JSON object (no newline) to `sink` a part at a time,
/// holding no more than a small buffer (and the text once) in memory.
pub(super) fn stream_task(
    sink: &mut dyn Write,
    task: &Task<'_>,
    layout: &Layout<'_>,
) -> Result<(), ExportError> {
    let mut buffer = Vec::with_capacity(2 * SPILL_BYTES);
    let mut w = Json::new(&mut buffer, Some(sink));
    w.task(task, layout)?;
    w.spill(0)
}

/// The output buffer, a scratch buffer for numbers, and when streaming the
/// output the buffer is handed on to.
struct Json<'o> {
    out: &'o mut Vec<u8>,
    numbers: itoa::Buffer,
    sink: Option<&'o mut dyn Write>,
}

impl<'o> Json<'o> {
    fn new(out: &'o mut Vec<u8>, sink: Option<&'o mut dyn Write>) -> Self {
        Self {
            out,
            numbers: itoa::Buffer::new(),
            sink,
        }
    }
}

impl Json<'_> {
    fn task(&mut self, task: &Task<'_>, layout: &Layout<'_>) -> Result<(), ExportError> {
        self.raw(b"{\"text\":");
        self.text(task.text)?;
        self.raw(b",\"meta\":");
        self.value(&task.meta)?;
        self.raw(b",\"_input_hash\":");
        self.number(task.input_hash);
        self.raw(b",\"_task_hash\":");
        self.number(task.task_hash);
        self.raw(b",\"tokens\":");
        self.tokens(layout)?;
        self.raw(b",\"spans\":");
        self.list(&task.spans, Json::span)?;
        if !task.rejected_spans.is_empty() {
            self.raw(b",\"rejected_spans\":");
            self.list(&task.rejected_spans, Json::span)?;
        }
        self.raw(b",\"relations\":");
        self.list(&task.relations, Json::relation)?;
        self.raw(b",\"answer\":");
        self.string(task.answer)?;
        if let Some(quotes) = &task.quotes {
            self.raw(b",\"quotes\":");
            self.list(quotes, Json::quote)?;
        }
        if let Some(suggestions) = &task.suggestions {
            self.raw(b",\"suggestions\":");
            self.list(&suggestions.spans, Json::span)?;
            self.raw(b",\"suggested_relations\":");
            self.list(&suggestions.relations, Json::relation)?;
        }
        self.raw(b"}");
        Ok(())
    }

    /// When streaming, hands the buffer on once it holds `at_least` bytes.
    #[inline]
    fn spill(&mut self, at_least: usize) -> Result<(), ExportError> {
        if let Some(sink) = self.sink.as_mut()
            && self.out.len() >= at_least
        {
            sink.write_all(self.out)?;
            self.out.clear();
        }
        Ok(())
    }

    /// The document's text: when streaming, written straight to the output
    /// rather than copied into the buffer.
    fn text(&mut self, text: &str) -> Result<(), ExportError> {
        self.spill(0)?;
        match self.sink.as_mut() {
            Some(sink) if is_plain(text) => {
                sink.write_all(b"\"")?;
                sink.write_all(text.as_bytes())?;
                sink.write_all(b"\"")?;
                Ok(())
            }
            Some(sink) => Ok(serde_json::to_writer(&mut **sink, text)?),
            None => self.string(text),
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    fn number(&mut self, n: impl itoa::Integer) {
        self.out
            .extend_from_slice(self.numbers.format(n).as_bytes());
    }

    /// A JSON string; the common case with nothing to escape is copied as is
    /// (serde_json escapes only `"`, `\` and control characters).
    fn string(&mut self, s: &str) -> Result<(), ExportError> {
        if is_plain(s) {
            self.out.reserve(s.len() + 2);
            self.out.push(b'"');
            self.out.extend_from_slice(s.as_bytes());
            self.out.push(b'"');
            Ok(())
        } else {
            self.value(s)
        }
    }

    fn value(&mut self, v: &(impl Serialize + ?Sized)) -> Result<(), ExportError> {
        serde_json::to_writer(&mut *self.out, v)?;
        Ok(())
    }

    fn list<T>(
        &mut self,
        items: &[T],
        mut item: impl FnMut(&mut Self, &T) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        self.out.push(b'[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            item(self, x)?;
            self.spill(SPILL_BYTES)?;
        }
        self.out.push(b']');
        Ok(())
    }

    /// Prodigy's token list: `[{"text","start","end","id","ws"}, …]`, most
    /// of a task's bytes. Each token's keys and numbers are put together in
    /// a small [`Tail`] and appended at once.
    fn tokens(&mut self, layout: &Layout<'_>) -> Result<(), ExportError> {
        self.out.push(b'[');
        let mut tail = Tail::default();
        for (id, token) in layout.tokens.iter().enumerate() {
            let chars = layout.token_chars(id)?;
            self.raw(if id > 0 {
                b",{\"text\":"
            } else {
                b"{\"text\":"
            });
            self.string(token.range.slice(layout.text).unwrap_or(""))?;
            tail.clear();
            tail.push(b",\"start\":");
            tail.number(&mut self.numbers, chars.start);
            tail.push(b",\"end\":");
            tail.number(&mut self.numbers, chars.end);
            tail.push(b",\"id\":");
            tail.number(&mut self.numbers, id);
            tail.push(if token.ws {
                b",\"ws\":true}"
            } else {
                b",\"ws\":false}"
            });
            self.raw(tail.bytes());
            self.spill(SPILL_BYTES)?;
        }
        self.out.push(b']');
        Ok(())
    }

    /// `{start, end, token_start, token_end, label` — the keys a span and a
    /// relation's span share — without the closing brace.
    fn span_keys(&mut self, s: &SpanRef<'_>) -> Result<(), ExportError> {
        self.raw(b"{\"start\":");
        self.number(s.start);
        self.raw(b",\"end\":");
        self.number(s.end);
        self.raw(b",\"token_start\":");
        self.number(s.token_start);
        self.raw(b",\"token_end\":");
        self.number(s.token_end);
        self.raw(b",\"label\":");
        self.string(s.label)
    }

    fn span(&mut self, s: &SpanOut<'_>) -> Result<(), ExportError> {
        self.span_keys(&s.span)?;
        self.raw(b",\"text\":");
        self.string(s.text)?;
        if let Some(id) = s.id {
            self.raw(b",\"id\":");
            self.number(id);
        }
        if let Some(layer) = s.layer {
            self.raw(b",\"layer\":");
            self.string(layer.as_str())?;
        }
        if let Some(state) = s.state {
            self.raw(b",\"state\":");
            self.string(state.as_str())?;
        }
        if let Some(origin) = s.origin {
            self.raw(b",\"origin\":");
            self.origin(origin)?;
        }
        if let Some(target) = s.refers_to {
            self.raw(b",\"refers_to\":");
            self.number(target);
        }
        if let Some(Origin::Suggested {
            engine,
            rule,
            score,
        }) = s.scored
        {
            self.raw(b",\"score\":");
            self.value(score)?;
            self.raw(b",\"engine\":");
            self.string(engine)?;
            self.raw(b",\"rule\":");
            self.string(rule)?;
        }
        self.raw(b"}");
        Ok(())
    }

    fn origin(&mut self, origin: &Origin) -> Result<(), ExportError> {
        match origin {
            Origin::Manual => {
                self.raw(b"{\"kind\":\"manual\"}");
                Ok(())
            }
            Origin::Suggested { .. } => self.value(origin),
        }
    }

    fn relation(&mut self, r: &RelationOut<'_>) -> Result<(), ExportError> {
        self.raw(b"{\"head\":");
        self.number(r.head);
        self.raw(b",\"child\":");
        self.number(r.child);
        self.raw(b",\"head_span\":");
        self.span_keys(&r.head_span)?;
        self.raw(b"},\"child_span\":");
        self.span_keys(&r.child_span)?;
        self.raw(b"},\"label\":");
        self.string(r.label)?;
        self.raw(b"}");
        Ok(())
    }

    fn quote_part(&mut self, p: &QuotePart<'_>) -> Result<(), ExportError> {
        self.raw(b"{\"start\":");
        self.number(p.start);
        self.raw(b",\"end\":");
        self.number(p.end);
        self.raw(b",\"text\":");
        self.string(p.text)?;
        self.raw(b",\"id\":");
        self.number(p.id);
        self.raw(b"}");
        Ok(())
    }

    fn optional_part(&mut self, p: Option<&QuotePart<'_>>) -> Result<(), ExportError> {
        match p {
            Some(p) => self.quote_part(p),
            None => {
                self.raw(b"null");
                Ok(())
            }
        }
    }

    fn quote(&mut self, q: &QuoteOut<'_>) -> Result<(), ExportError> {
        self.raw(b"{\"id\":");
        self.number(q.id);
        self.raw(b",\"content\":");
        self.list(&q.content, Json::quote_part)?;
        self.raw(b",\"speaker\":");
        self.optional_part(q.speaker.as_ref())?;
        self.raw(b",\"cue\":");
        self.optional_part(q.cue.as_ref())?;
        self.raw(b",\"kind\":");
        self.string(q.kind.as_str())?;
        self.raw(b",\"class\":");
        self.string(q.class.as_str())?;
        if let Some(group) = q.group {
            self.raw(b",\"group\":");
            self.number(group);
        }
        self.raw(b",\"speaker_entity\":");
        match q.speaker_entity {
            Some(name) => self.string(name)?,
            None => self.raw(b"null"),
        }
        self.raw(b",\"state\":");
        self.string(q.state.as_str())?;
        self.raw(b",\"origin\":");
        self.origin(q.origin)?;
        self.raw(b"}");
        Ok(())
    }
}

/// True when `s` needs no escaping in JSON (serde_json escapes only `"`,
/// `\` and control characters).
#[inline]
fn is_plain(s: &str) -> bool {
    s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\')
}

/// The keys and numbers after a token's text, gathered on the stack so the
/// output grows once per token rather than once per key. Its room holds the
/// longest tail (three 20-digit numbers and every key) with margin.
struct Tail {
    room: [u8; 128],
    len: usize,
}

impl Default for Tail {
    fn default() -> Self {
        Self {
            room: [0; 128],
            len: 0,
        }
    }
}

impl Tail {
    fn clear(&mut self) {
        self.len = 0;
    }

    fn push(&mut self, bytes: &[u8]) {
        let end = self.len + bytes.len();
        if let Some(room) = self.room.get_mut(self.len..end) {
            room.copy_from_slice(bytes);
            self.len = end;
        }
    }

    fn number(&mut self, numbers: &mut itoa::Buffer, n: usize) {
        self.push(numbers.format(n).as_bytes());
    }

    fn bytes(&self) -> &[u8] {
        self.room.get(..self.len).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
