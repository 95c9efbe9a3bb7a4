//! Files the benchmarks that run `byline` as a child process need: the
//! `byline` program to run, and temporary folders for its inputs.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::BenchError;

/// The `byline` program to time: the running program, unless it is a test
/// or `cargo bench` program (in `target/<profile>/deps/`), then the `byline`
/// cargo built in the folder above.
pub fn byline_exe() -> Result<PathBuf, BenchError> {
    let this = std::env::current_exe()?;
    let Some(target) = (this.parent())
        .filter(|dir| dir.file_name().is_some_and(|n| n == "deps"))
        .and_then(|deps| deps.parent())
    else {
        return Ok(this);
    };
    let byline = target.join(format!("byline{}", std::env::consts::EXE_SUFFIX));
    if byline.is_file() {
        Ok(byline)
    } else {
        Err(BenchError::Check(format!(
            "no {} built to run as a child process",
            byline.display()
        )))
    }
}

/// A folder under the system's temporary directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Makes a fresh, empty folder.
    pub fn new() -> std::io::Result<Self> {
        static MADE: AtomicUsize = AtomicUsize::new(0);
        let n = MADE.fetch_add(1, Ordering::Relaxed);
        let name = format!("byline-bench-{}-{n}", std::process::id());
        let path = std::env::temp_dir().join(name);
        fs::create_dir_all(&path)?;
        Ok(Self(path))
    }

    /// Where the folder is.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_folder_is_removed_when_dropped() {
        let dir = TempDir::new().unwrap();
        let path = dir.path().to_path_buf();
        assert!(path.is_dir());
        drop(dir);
        assert!(!path.exists());
    }
}
