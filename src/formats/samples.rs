//! The sample articles bundled with Byline, embedded in the binary with
//! `include_bytes!` so they travel with it: the editor's first run fills the
//! default project with them (a release binary moved to another machine has
//! no `samples/` folder beside it), and tests and benchmarks read them as
//! `byline` reads their files.

use super::{InputFormat, Loaded, ReadError, ReadOptions, read_bytes};
use crate::model::Document;

/// One bundled sample file: its name (the extension picks the reader) and content.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// The file name in `samples/`.
    pub name: &'static str,
    /// The file's bytes.
    pub bytes: &'static [u8],
}

impl Sample {
    /// Reads the sample as `byline` reads a file of that name.
    pub fn read(&self, options: &ReadOptions) -> Result<Loaded, ReadError> {
        let ext = self.name.rsplit('.').next().unwrap_or_default();
        let format = InputFormat::from_extension(ext).unwrap_or(InputFormat::Text);
        read_bytes(self.bytes, self.name, format, options)
    }
}

/// Every bundled sample article (not the README, not the gold in `annotated/`).
pub const SAMPLES: [Sample; 14] = [
    Sample {
        name: "batch.jsonl",
        bytes: include_bytes!("../../samples/batch.jsonl"),
    },
    Sample {
        name: "central-bank.md",
        bytes: include_bytes!("../../samples/central-bank.md"),
    },
    Sample {
        name: "city-council-budget.txt",
        bytes: include_bytes!("../../samples/city-council-budget.txt"),
    },
    Sample {
        name: "climate-summit.txt",
        bytes: include_bytes!("../../samples/climate-summit.txt"),
    },
    Sample {
        name: "court-ruling.txt",
        bytes: include_bytes!("../../samples/court-ruling.txt"),
    },
    Sample {
        name: "diplomatic-visit.md",
        bytes: include_bytes!("../../samples/diplomatic-visit.md"),
    },
    Sample {
        name: "election-count.txt",
        bytes: include_bytes!("../../samples/election-count.txt"),
    },
    Sample {
        name: "flood.txt",
        bytes: include_bytes!("../../samples/flood.txt"),
    },
    Sample {
        name: "football-transfer.txt",
        bytes: include_bytes!("../../samples/football-transfer.txt"),
    },
    Sample {
        name: "mining-dispute.html",
        bytes: include_bytes!("../../samples/mining-dispute.html"),
    },
    Sample {
        name: "museum-restitution.html",
        bytes: include_bytes!("../../samples/museum-restitution.html"),
    },
    Sample {
        name: "port-strike.txt",
        bytes: include_bytes!("../../samples/port-strike.txt"),
    },
    Sample {
        name: "tech-layoffs.txt",
        bytes: include_bytes!("../../samples/tech-layoffs.txt"),
    },
    Sample {
        name: "vaccine-trial.html",
        bytes: include_bytes!("../../samples/vaccine-trial.html"),
    },
];

/// The bundled sample articles, read as `byline` reads their files.
pub fn articles() -> Result<Vec<Document>, ReadError> {
    let options = ReadOptions::default();
    let mut docs = Vec::new();
    for sample in SAMPLES {
        docs.extend(sample.read(&options)?.documents);
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn the_embedded_samples_are_the_article_files_of_samples() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .filter(|name| name != "README.md")
            .collect();
        files.sort();
        let embedded: Vec<&str> = SAMPLES.iter().map(|s| s.name).collect();
        assert_eq!(embedded, files);
        for sample in SAMPLES {
            let on_disk = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("samples")
                .join(sample.name);
            assert_eq!(
                std::fs::read(on_disk).unwrap(),
                sample.bytes,
                "{}",
                sample.name
            );
        }
    }

    #[test]
    fn every_sample_reads_into_documents() {
        let docs = articles().unwrap();
        assert!(docs.len() > SAMPLES.len(), "{}", docs.len());
        assert!(docs.iter().all(|d| !d.text().is_empty()));
    }
}
