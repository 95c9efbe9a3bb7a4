//! The command line of an external engine as the user wrote it: split into
//! argv the way a POSIX shell splits words (quotes and backslashes), without
//! running a shell — `sh -c '…'` is written out when one is wanted.

use std::path::Path;

/// Why a command line cannot be run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    /// Nothing to run.
    #[error("the engine command is empty")]
    Empty,
    /// A quote is opened and never closed, or the line ends in a backslash.
    #[error("the engine command has an unclosed quote or a trailing backslash: {0}")]
    Unbalanced(String),
}

/// A program and its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineCommand {
    /// Program, then arguments.
    argv: Vec<String>,
}

impl EngineCommand {
    /// Splits `line` into words like a shell would (no expansion, no pipes).
    pub fn parse(line: &str) -> Result<Self, CommandError> {
        let argv = shlex::split(line).ok_or_else(|| CommandError::Unbalanced(line.to_owned()))?;
        Self::from_argv(argv)
    }

    /// Takes words that are already split.
    pub fn from_argv(argv: Vec<String>) -> Result<Self, CommandError> {
        if argv.first().is_none_or(|p| p.is_empty()) {
            return Err(CommandError::Empty);
        }
        Ok(Self { argv })
    }

    /// The program to start.
    pub fn program(&self) -> &str {
        self.argv.first().map_or("", String::as_str)
    }

    /// The arguments after the program.
    pub fn args(&self) -> &[String] {
        self.argv.get(1..).unwrap_or_default()
    }

    /// A short name for messages and the default `rule` of suggestions: the
    /// program's file name, followed by the file name of its first argument
    /// when that is not an option (`python3 ner.py`, not `python3`).
    pub fn short_name(&self) -> String {
        let base = |word: &str| {
            Path::new(word)
                .file_name()
                .map_or_else(|| word.to_owned(), |n| n.to_string_lossy().into_owned())
        };
        let mut name = base(self.program());
        if let Some(first) = self.args().first().filter(|a| !a.starts_with('-')) {
            name.push(' ');
            name.push_str(&base(first));
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_a_shell_without_running_one() {
        let cmd = EngineCommand::parse(r#"sh -c 'printf "%s\n" "a b" | cat' "x y""#).unwrap();
        assert_eq!(cmd.program(), "sh");
        assert_eq!(cmd.args(), ["-c", r#"printf "%s\n" "a b" | cat"#, "x y"]);
    }

    #[test]
    fn short_name_keeps_the_script_and_drops_folders_and_options() {
        let name = |line: &str| EngineCommand::parse(line).unwrap().short_name();
        assert_eq!(
            name("/usr/bin/python3 models/ner.py --gpu"),
            "python3 ner.py"
        );
        assert_eq!(name("./tag-quotes --batch 8"), "tag-quotes");
        assert_eq!(name("café-ner"), "café-ner");
    }

    #[test]
    fn empty_or_unbalanced_lines_are_refused() {
        assert_eq!(EngineCommand::parse("   "), Err(CommandError::Empty));
        assert_eq!(
            EngineCommand::parse("python3 'ner.py"),
            Err(CommandError::Unbalanced("python3 'ner.py".into()))
        );
    }
}
