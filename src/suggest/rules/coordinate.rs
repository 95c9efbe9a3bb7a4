//! Coordinated cues: a reported clause ends where the same subject reports
//! again — `X said A, adding B`, `X said A and warned B` — so each cue gets
//! its own attribution; it ends too where a clause with a subject of its
//! own reports (`X said A, though she acknowledged B`).

use super::cues::{self, CueClass, Form};
use super::lexicon;
use super::para::Para;
use super::speakers::{self, Phrase};
use super::verbs::{self, Before};
use super::words::{Kind, Tok};

/// At most this many adverbs between a comma or `and` and its cue.
const MAX_ADVERBS: usize = 2;

/// The first token before `at` once lowercase adverbs (`even`, `also`) are
/// skipped, not reaching before `lo`.
pub fn adverbs_before(text: &str, toks: &[Tok], at: usize, lo: usize) -> usize {
    let mut j = at;
    while j > lo
        && at - j < MAX_ADVERBS
        && toks[j - 1].kind == Kind::Word
        && !toks[j - 1].cap
        && lexicon::is_between(toks[j - 1].text(text))
    {
        j -= 1;
    }
    j
}

/// True for a cue that opens a second report of the same subject at token
/// `i`: `, (also) adding`, `and (later) warned`.
pub fn starts_report(text: &str, p: &Para, i: usize, lo: usize) -> bool {
    let toks = &p.toks;
    let Some(t) = toks.get(i).filter(|t| t.kind == Kind::Word && !t.cap) else {
        return false;
    };
    let Some((class, form)) = cues::word_form(t.text(text)) else {
        return false;
    };
    if !matches!(
        class,
        CueClass::Speech | CueClass::Commit | CueClass::Tell | CueClass::Write
    ) {
        return false;
    }
    let j = adverbs_before(text, toks, i, lo);
    let Some(prev) = j.checked_sub(1).filter(|&j| j >= lo).map(|j| &toks[j]) else {
        return false;
    };
    match form {
        Form::Ing => prev.is(text, ','),
        Form::Past | Form::Third => {
            prev.kind == Kind::Word && matches!(prev.text(text), "and" | "but")
        }
        Form::Base | Form::Adj => false,
    }
}

/// True when a new clause with a subject of its own reports at token `i`:
/// a pronoun (`, though she acknowledged`, `— and he noted`) or a name after
/// a conjunction (`and Democrats accused`); returns where it starts (its
/// conjunction, comma or dash).
fn own_subject_report(text: &str, p: &Para, i: usize, lo: usize) -> Option<usize> {
    let toks = &p.toks;
    let t = toks.get(i).filter(|t| t.kind == Kind::Word && !t.cap)?;
    let (class, form) = cues::word_form(t.text(text))?;
    let reports = matches!(
        class,
        CueClass::Speech | CueClass::Commit | CueClass::Tell | CueClass::Write
    ) && matches!(form, Form::Past | Form::Third);
    let subject = adverbs_before(text, toks, i, lo).checked_sub(1)?;
    if subject <= lo {
        return None;
    }
    let mut from = subject;
    if toks[from - 1].kind == Kind::Word
        && matches!(
            toks[from - 1].text(text),
            "and" | "but" | "though" | "although" | "while"
        )
    {
        from -= 1;
    }
    // `… and Democrats accused …`: a name after a conjunction, whatever the cue.
    let pronoun = reports && is_subject_pronoun(toks[subject].text(text));
    let name = from < subject && toks[subject].cap && toks[subject].kind == Kind::Word;
    if !(pronoun || name) {
        return None;
    }
    let opened = from > lo
        && (toks[from - 1].is(text, ',')
            || toks[from - 1].is(text, '—')
            || toks[from - 1].is(text, '–')
            || toks[from - 1].is(text, ';'));
    let joined = from < subject;
    match (opened, joined) {
        (true, _) => Some(from - 1),
        // `… and he said …`: a conjunction alone opens it too.
        (false, true) => Some(from),
        (false, false) => None,
    }
}

fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "we" | "I")
}

/// End of the reported clause `[start, b)`: the comma or `and` before the
/// first coordinated cue outside quotation marks, or before a clause that
/// reports with a subject of its own (`, though she acknowledged …`), or `b`.
pub fn clause_end(text: &str, p: &Para, start: usize, b: usize) -> usize {
    let mut segs = p.segs[p.segs_in(start + 1, b)].iter().peekable();
    let mut i = start + 1;
    while i < b {
        if let Some(seg) = segs.next_if(|s| s.open == i) {
            i = seg.end(&p.toks).max(i + 1);
            continue;
        }
        if let Some(j) = own_subject_report(text, p, i, start) {
            return j;
        }
        if starts_report(text, p, i, start) {
            let mut j = adverbs_before(text, &p.toks, i, start) - 1;
            // `…, and said`: the comma goes too.
            if j > start && p.toks[j - 1].is(text, ',') {
                j -= 1;
            }
            return j;
        }
        i += 1;
    }
    b
}

/// `I laughed and said`, `When she asked, Díaz frowned and said`: the
/// subject of the verb at most four words before the conjunction at token
/// `and`, which a coordinated cue without a subject of its own shares. The
/// verb is a past (an `-s` word is as often a plural noun) and its subject
/// opens the sentence or follows a comma, so it is no clause's inside a
/// reported one (`said she thinks the video should be released but said`).
pub fn joined_subject(text: &str, toks: &[Tok], and: usize, lo: usize) -> Option<Phrase> {
    (lo..and)
        .rev()
        .take(4)
        .take_while(|&j| toks[j].kind == Kind::Word)
        .filter(|&j| {
            let w = toks[j].text(text);
            !toks[j].cap && !w.ends_with('s') && verbs::is_finite(w, || Before::Name, || false)
        })
        .find_map(|v| speakers::before(text, toks, v, lo))
        .filter(|s| s.start == lo || toks[s.start - 1].is(text, ','))
}
