//! The model as bytes, for the project file: versioned, compact and
//! byte-identical for the same model. Layout (integers little-endian):
//!
//! ```text
//! "BYLM" version:u8=1 documents_seen:u32 scale:f32
//! labels:  count:u16 (len:u16 utf8)*      the tag set, in order
//! refused: count:u16 (len:u16 utf8)*
//! rows:    count:u32 (hash_delta:varint nonzero:u8 (tag:u8 weight:f32)*)*
//! transitions: count:u32 f32*
//! ```
//!
//! Rows are sorted by feature hash, which is stored as the difference to the
//! previous one (LEB128), and only a row's non-zero weights are written.

use super::tags::TagSet;
use super::{Model, Parts};

const MAGIC: &[u8; 4] = b"BYLM";
/// The version of the layout above that [`Model::to_bytes`] writes.
pub const FORMAT_VERSION: u8 = 1;

/// Why bytes are not a model.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// They do not start like a model.
    #[error("not a byline model")]
    NotAModel,
    /// A model from a newer Byline.
    #[error("model format version {0} is newer than this Byline reads ({FORMAT_VERSION})")]
    Version(u8),
    /// They end too early.
    #[error("the model is cut short")]
    Truncated,
    /// A field holds an impossible value.
    #[error("the model is damaged: {0}")]
    Damaged(&'static str),
}

impl Model {
    /// The model as bytes (see the module doc).
    pub fn to_bytes(&self) -> Vec<u8> {
        let n = self.tags.len();
        let mut out = Vec::with_capacity(16 + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.push(FORMAT_VERSION);
        out.extend_from_slice(
            &u32::try_from(self.documents_seen)
                .unwrap_or(u32::MAX)
                .to_le_bytes(),
        );
        out.extend_from_slice(&self.scale.to_le_bytes());
        for names in [self.tags.labels(), &self.refused[..]] {
            out.extend_from_slice(&u16::try_from(names.len()).unwrap_or(u16::MAX).to_le_bytes());
            for name in names {
                out.extend_from_slice(&u16::try_from(name.len()).unwrap_or(u16::MAX).to_le_bytes());
                out.extend_from_slice(name.as_bytes());
            }
        }
        let mut rows: Vec<(u64, u32)> = self.index.iter().map(|(&h, &r)| (h, r)).collect();
        rows.sort_unstable();
        out.extend_from_slice(&u32::try_from(rows.len()).unwrap_or(u32::MAX).to_le_bytes());
        let mut prev = 0;
        for (hash, row) in rows {
            write_varint(&mut out, hash - prev);
            prev = hash;
            let base = row as usize * n;
            let weights = self.weights.get(base..base + n).unwrap_or(&[]);
            let nonzero: Vec<(usize, f32)> = weights
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, w)| *w != 0.0)
                .collect();
            out.push(u8::try_from(nonzero.len()).unwrap_or(u8::MAX));
            for (tag, w) in nonzero {
                out.push(u8::try_from(tag).unwrap_or(u8::MAX));
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out.extend_from_slice(
            &u32::try_from(self.transitions.len())
                .unwrap_or(u32::MAX)
                .to_le_bytes(),
        );
        for w in &self.transitions {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads a model kept somewhere that records its format version beside
    /// its bytes (the project file's `learned_model` row): a version this
    /// Byline does not write is reported, not guessed at.
    pub fn from_stored(format: i64, bytes: &[u8]) -> Result<Self, ModelError> {
        match u8::try_from(format) {
            Ok(FORMAT_VERSION) => Self::from_bytes(bytes),
            Ok(other) => Err(ModelError::Version(other)),
            Err(_) => Err(ModelError::Damaged("format version out of range")),
        }
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut r = Reader { bytes };
        if r.take(4).ok() != Some(&MAGIC[..]) {
            return Err(ModelError::NotAModel);
        }
        let version = r.u8()?;
        if version != FORMAT_VERSION {
            return Err(ModelError::Version(version));
        }
        let documents_seen = r.u32()? as usize;
        let scale = f32::from_le_bytes(r.array()?);
        let labels = r.names()?;
        let refused = r.names()?;
        let tags = TagSet::new(labels);
        let n = tags.len();
        let count = r.u32()? as usize;
        let mut rows = Vec::with_capacity(count.min(bytes.len()));
        let mut hash = 0u64;
        for i in 0..count {
            let delta = r.varint()?;
            if i > 0 && delta == 0 {
                return Err(ModelError::Damaged("feature rows out of order"));
            }
            hash = hash
                .checked_add(delta)
                .ok_or(ModelError::Damaged("feature hash overflows"))?;
            let mut row = vec![0.0; n];
            for _ in 0..r.u8()? {
                let tag = r.u8()? as usize;
                let w = f32::from_le_bytes(r.array()?);
                *row.get_mut(tag)
                    .ok_or(ModelError::Damaged("weight of an unknown tag"))? = w;
            }
            rows.push((hash, row));
        }
        let count = r.u32()? as usize;
        if count != (n + 1) * n {
            return Err(ModelError::Damaged("transition table of the wrong size"));
        }
        let transitions = (0..count)
            .map(|_| r.array().map(f32::from_le_bytes))
            .collect::<Result<Vec<f32>, _>>()?;
        if !r.bytes.is_empty() {
            return Err(ModelError::Damaged("bytes after the end"));
        }
        Ok(Self::from_parts(Parts {
            tags,
            refused,
            rows,
            transitions,
            documents_seen,
            scale,
        }))
    }
}

fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A cursor over the bytes still to read.
struct Reader<'b> {
    bytes: &'b [u8],
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], ModelError> {
        if self.bytes.len() < n {
            return Err(ModelError::Truncated);
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        self.take(N)?.try_into().map_err(|_| ModelError::Truncated)
    }

    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.array::<1>()?[0])
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Damaged("varint too long"))
    }

    fn names(&mut self) -> Result<Vec<String>, ModelError> {
        let count = u16::from_le_bytes(self.array()?);
        (0..count)
            .map(|_| {
                let len = u16::from_le_bytes(self.array()?) as usize;
                String::from_utf8(self.take(len)?.to_vec())
                    .map_err(|_| ModelError::Damaged("label is not UTF-8"))
            })
            .collect()
    }
}
