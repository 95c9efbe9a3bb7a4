//! Where a reported clause ends (`X said A, who …`): at a semicolon, before
//! a coordinated cue or a clause reporting with its own subject
//! ([`coordinate`]), before a contrast (`, although …`), a trailing relative
//! clause and a trailing noun phrase of the reporter's; each cut is kept
//! only when at least three words of the clause stay. A cue in a leading
//! subordinate clause reports up to the main clause.

use super::complement::{self, Complement};
use super::coordinate;
use super::para::Para;
use super::reported;
use super::words::Kind;

/// End of the reported clause that starts at token `start` and may run to
/// `b` (exclusive), trailing punctuation left out.
pub fn reported_end(text: &str, p: &Para, start: usize, b: usize) -> usize {
    let toks = &p.toks;
    // `…; they only learned on Friday …`: a semicolon ends the clause.
    let b = (start..b)
        .find(|&j| toks[j].is(text, ';'))
        .filter(|&j| !p.segs.iter().any(|s| s.open < j && j < s.end(toks)))
        .unwrap_or(b);
    let keep = |end: usize, at: usize| {
        if p.word_count(start, at) >= 3 {
            at
        } else {
            end
        }
    };
    let mut end = reported::trim(text, toks, start, b);
    end = keep(end, coordinate::clause_end(text, p, start, end));
    end = keep(end, before_contrast(text, p, start, end));
    end = keep(end, before_relative(text, p, start, end));
    end = keep(end, before_trailer(text, p, start, end));
    end
}

/// Words that open a subordinate clause before the main one.
const SUBORDINATORS: &[&str] = &[
    "when", "whenever", "after", "before", "while", "if", "because", "since", "although", "though",
    "once", "until", "unless",
];

/// `When my mother mentioned the devil, I laughed`: a cue whose subject
/// (from token `subject`) follows a subordinating word that opens the
/// sentence starting at token `a` (or follows a comma, an opening quotation mark,
/// `and` or `but`) reports only up to
/// the first comma outside quotation marks past the one right after the cue
/// at token `cue`, where the main clause begins; `b` otherwise.
pub fn lead_clause_end(
    text: &str,
    p: &Para,
    (a, b): (usize, usize),
    subject: usize,
    cue: usize,
) -> usize {
    let toks = &p.toks;
    let Some(sub) = subject.checked_sub(1).filter(|&j| j >= a) else {
        return b;
    };
    let before = &toks[sub.max(1) - 1];
    let leading = sub == a
        || before.is(text, ',')
        || (sub > 0 && p.seg_at(sub - 1).is_some())
        || (before.kind == Kind::Word && matches!(before.text(text), "and" | "but"));
    let opens = toks[sub].kind == Kind::Word
        && SUBORDINATORS
            .iter()
            .any(|w| toks[sub].text(text).eq_ignore_ascii_case(w));
    if !(leading && opens) {
        return b;
    }
    let mut i = cue + 2;
    while i < b {
        if let Some((_, seg)) = p.seg_at(i) {
            i = seg.end(toks).max(i + 1);
            continue;
        }
        if toks[i].is(text, ',') {
            return i;
        }
        i += 1;
    }
    b
}

/// Words after a comma that open a clause of the reporter's: a contrast or
/// a time clause (`…, although he again refused …`, `…, and when pressed …`).
const CONTRASTS: &[&str] = &["although", "though", "while", "whereas", "but"];

/// End of the reported clause `[start, end)` at the first comma outside
/// quotation marks that a contrast (`, although`, `, while`, `, but`) or a
/// conjunction and a time clause (`, and when pressed …`) follows.
fn before_contrast(text: &str, p: &Para, start: usize, end: usize) -> usize {
    let toks = &p.toks;
    let word = |j: usize| {
        toks.get(j)
            .filter(|t| t.kind == Kind::Word && j < end)
            .map_or("", |t| t.text(text))
    };
    let mut segs = p.segs[p.segs_in(start + 1, end)].iter().peekable();
    let mut i = start + 1;
    while i + 1 < end {
        if let Some(seg) = segs.next_if(|s| s.open == i) {
            i = seg.end(toks).max(i + 1);
            continue;
        }
        if toks[i].is(text, ',') {
            let next = word(i + 1);
            let contrast = CONTRASTS.contains(&next);
            let timed = matches!(next, "and" | "but")
                && matches!(
                    word(i + 2),
                    "when" | "while" | "after" | "as" | "once" | "if"
                );
            if contrast || timed {
                return i;
            }
        }
        i += 1;
    }
    end
}

/// End of the reported clause `[start, end)` before a relative clause that
/// runs to its end (`…, who leads the council.`); one closed by a further
/// comma stays (`the plan, which the council passed, was a mistake`).
fn before_relative(text: &str, p: &Para, start: usize, end: usize) -> usize {
    let toks = &p.toks;
    let mut i = start + 1;
    while i + 1 < end {
        if let Some((_, seg)) = p.seg_at(i) {
            i = seg.end(toks).max(i + 1);
            continue;
        }
        let relative = toks[i].is(text, ',')
            && toks[i + 1].kind == Kind::Word
            && ["who", "whom", "whose", "which"]
                .iter()
                .any(|w| toks[i + 1].text(text).eq_ignore_ascii_case(w));
        if relative && !(i + 2..end).any(|j| toks[j].is(text, ',')) {
            return i;
        }
        i += 1;
    }
    end
}

/// End of the reported clause `[start, end)` before a trailing noun phrase
/// of the reporter's, set off by a comma and running to its end with no
/// verb of its own (`…, the council’s favourite`) and not the last items of
/// a list (`tax fairness, the closure of loopholes and …`).
fn before_trailer(text: &str, p: &Para, start: usize, end: usize) -> usize {
    let toks = &p.toks;
    let Some(comma) = (start + 3..end)
        .filter(|&i| toks[i].is(text, ','))
        .find(|&i| !p.segs.iter().any(|s| s.open < i && i < s.end(toks)))
    else {
        return end;
    };
    let next = comma + 1;
    let article = toks
        .get(next)
        .is_some_and(|t| t.kind == Kind::Word && matches!(t.text(text), "a" | "an" | "the"));
    let last = !(next..end).any(|j| {
        toks[j].is(text, ',')
            || (toks[j].kind == Kind::Word && matches!(toks[j].text(text), "and" | "or"))
    });
    let phrase =
        article && last && complement::read(text, toks, comma, next, end) == Complement::Object;
    if phrase { comma } else { end }
}
