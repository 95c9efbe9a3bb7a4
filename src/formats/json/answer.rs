//! Prodigy's `answer` and what it means for review state: the answer byline
//! writes for a document, and the status and span states a record read with
//! an answer gets when it does not say its own.

use crate::model::{DocStatus, SpanState};

/// Prodigy's verdict on a task. Byline writes `accept` for a document marked
/// done and `ignore` for the others, which Prodigy does not train on (always
/// written: `prodigy db-in` takes a missing answer for `accept`); on reading
/// it sets the default review state of spans that carry none of their own,
/// and the status when `meta` has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The annotations are right (Prodigy trains on them).
    Accept,
    /// The annotations are wrong: their spans are read as rejected.
    Reject,
    /// Skipped by the annotator: spans stay pending, the document is skipped.
    Ignore,
}

impl Answer {
    /// Parses Prodigy's spelling.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "accept" => Some(Self::Accept),
            "reject" => Some(Self::Reject),
            "ignore" => Some(Self::Ignore),
            _ => None,
        }
    }

    /// Prodigy's spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Accept => "accept",
            Self::Reject => "reject",
            Self::Ignore => "ignore",
        }
    }

    /// The answer written for a document: only finished documents are
    /// training data.
    pub fn of_status(status: DocStatus) -> Self {
        if status == DocStatus::Done {
            Self::Accept
        } else {
            Self::Ignore
        }
    }

    /// The status of a document read with this answer and no `meta.status`.
    pub fn status(self) -> DocStatus {
        match self {
            Self::Accept | Self::Reject => DocStatus::Done,
            Self::Ignore => DocStatus::Skipped,
        }
    }

    /// The state of a span read with this answer and no `state` of its own.
    pub fn span_state(self) -> SpanState {
        match self {
            Self::Accept => SpanState::Accepted,
            Self::Reject => SpanState::Rejected,
            Self::Ignore => SpanState::Pending,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_map_both_ways() {
        for status in DocStatus::ALL {
            let answer = Answer::of_status(status);
            assert_eq!(Answer::parse(answer.as_str()), Some(answer));
            assert_eq!(answer == Answer::Accept, status == DocStatus::Done);
        }
        assert_eq!(Answer::Reject.span_state(), SpanState::Rejected);
        assert_eq!(Answer::parse("Accept"), None);
    }
}
