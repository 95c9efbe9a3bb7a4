//! The attributions one sentence holds: its cues (`say` and `tell` first),
//! a frame tried around each, and further attributions kept when they share
//! no words with the ones already found (`X said A, adding B`).

use crate::model::QuoteKind;

use super::cues::{self, CueClass};
use super::frames;
use super::lexicon;
use super::para::{Found, Para, Who};
use super::reported;
use super::verbs;
use super::words::Kind;

/// Cues tried per sentence.
const MAX_CUES: usize = 8;

/// Attributions of sentence `[a, b)`, appended to `found`; marks the quotes
/// they use in `used`. A sentence may hold several (`X said A, adding B`,
/// `X said A and warned B`): after the first, each further cue outside the
/// words already claimed adds one that shares none of their words.
pub fn sentence(
    text: &str,
    p: &Para,
    (a, b): (usize, usize),
    para: usize,
    used: &mut [bool],
    found: &mut Vec<Found>,
) {
    let mut cues = Vec::new();
    let mut segs = p.segs[p.segs_in(a, b)].iter().peekable();
    let mut i = a;
    while i < b {
        if let Some(seg) = segs.next_if(|s| s.open == i) {
            i = seg.end(&p.toks).max(i + 1);
            continue;
        }
        cues.extend(cue_at(text, p, i, a).map(|c| Cue {
            closing: closes(text, p, &c, (a, b)),
            ..c
        }));
        i += 1;
    }
    // A cue right after its quotation first (`“…,” she said` beats an earlier
    // `X said` in the sentence), then `say`, `tell` and `according to`:
    // `Patriot signaled …, Barrett said, …`.
    // One closing the sentence after a comma comes next (`A told B that C,
    // the source added`); a cue in a relative clause comes after the
    // sentence's own of its strength: `“…,” Ortiz, who has said A, said`.
    cues.sort_by_key(|c| (!c.attached, !c.closing, !c.strong, c.relative));
    let first = found.len();
    // A bounded number of tries keeps a megabyte-long "sentence" linear.
    for cue in cues.into_iter().take(MAX_CUES) {
        let at = p.toks[cue.at].start;
        let mine = &found[first..];
        if mine.iter().any(|f| claims(f, at)) {
            continue;
        }
        let prev = (!mine.is_empty()).then_some(first);
        let Some((mut f, mut segs)) = frames::frame(text, p, (a, b), cue, para, prev) else {
            continue;
        };
        // `X said A because “B,” she said`: A stops where B's attribution starts.
        if let Some(limit) = mine
            .iter()
            .filter(|g| clashes(g, &f))
            .filter_map(start_of)
            .min()
            && let Some((g, s)) = trim_to(text, p, &f, &segs, limit)
        {
            (f, segs) = (g, s);
        }
        // `X said:` closing the paragraph stays alone (its quote is the next paragraph).
        if !mine.is_empty() && (f.content.is_empty() || mine.iter().any(|g| clashes(g, &f))) {
            continue;
        }
        for s in segs {
            if let Some(u) = used.get_mut(s) {
                *u = true;
            }
        }
        let alone = f.content.is_empty();
        found.push(f);
        if alone {
            break;
        }
    }
    in_text_order(found, first);
}

/// Sorts the attributions from `first` on by where they start, so speaker
/// resolution reads them in text order; `Who::Same` links follow.
fn in_text_order(found: &mut [Found], first: usize) {
    let Some(mine) = found.get_mut(first..) else {
        return;
    };
    if mine.len() < 2 || mine.is_sorted_by_key(start_of) {
        return;
    }
    let mut order: Vec<usize> = (0..mine.len()).collect();
    order.sort_by_key(|&k| start_of(&mine[k]));
    let mut new_index = vec![0; mine.len()];
    for (to, &from) in order.iter().enumerate() {
        new_index[from] = first + to;
    }
    let sorted: Vec<Found> = order.iter().map(|&k| mine[k].clone()).collect();
    for (slot, mut f) in mine.iter_mut().zip(sorted) {
        if let Who::Same(n) = f.who
            && let Some(&m) = n.checked_sub(first).and_then(|k| new_index.get(k))
        {
            f.who = Who::Same(m);
        }
        *slot = f;
    }
}

/// First byte of what attribution `g` covers.
fn start_of(g: &Found) -> Option<usize> {
    let speaker = match g.who {
        Who::Here(s) => Some(s.range.0),
        _ => None,
    };
    g.content
        .iter()
        .map(|r| r.0)
        .chain(g.cue.map(|r| r.0))
        .chain(speaker)
        .min()
}

/// `f` with its one reported clause cut before byte `limit` (and the words
/// left dangling: `because`, `and`), if at least three words stay and the
/// cut leaves the speaker and cue whole.
fn trim_to(
    text: &str,
    p: &Para,
    f: &Found,
    segs: &[usize],
    limit: usize,
) -> Option<(Found, Vec<usize>)> {
    let [(from, to)] = f.content[..] else {
        return None;
    };
    if f.kind == QuoteKind::Direct || !(from < limit && limit < to) {
        return None;
    }
    if f.cue.is_some_and(|c| c.1 > limit) || matches!(f.who, Who::Here(s) if s.range.1 > limit) {
        return None;
    }
    let toks = &p.toks;
    let a = toks.partition_point(|t| t.start < from);
    let mut b = toks.partition_point(|t| t.start < limit);
    // A closing quotation mark stays with the words it closes.
    while b > a
        && ((toks[b - 1].kind != Kind::Word && p.seg_closing_at(b - 1).is_none())
            || matches!(
                toks[b - 1].text(text),
                "because" | "and" | "but" | "that" | "as" | "while" | "when" | "saying"
            ))
    {
        b -= 1;
    }
    if p.word_count(a, b) < 3 {
        return None;
    }
    let mut g = f.clone();
    g.content = vec![p.bytes(a, b)?];
    let kept: Vec<usize> = segs
        .iter()
        .copied()
        .filter(|&s| p.segs.get(s).is_some_and(|seg| seg.end(toks) <= b))
        .collect();
    if kept.is_empty() {
        g.kind = QuoteKind::Indirect;
    }
    Some((g, kept))
}

fn inside(r: (usize, usize), at: usize) -> bool {
    r.0 <= at && at < r.1
}

fn meets(x: (usize, usize), y: (usize, usize)) -> bool {
    x.0 < y.1 && y.0 < x.1
}

/// True when byte `at` lies in the content, cue or speaker of `f`.
fn claims(f: &Found, at: usize) -> bool {
    f.content.iter().any(|&r| inside(r, at))
        || f.cue.is_some_and(|r| inside(r, at))
        || matches!(f.who, Who::Here(s) if inside(s.range, at))
}

/// True when a second attribution `f` shares words with `g` (a shared
/// speaker is fine: `X said A and warned B`).
fn clashes(g: &Found, f: &Found) -> bool {
    let speaker = |w: Who| match w {
        Who::Here(s) => Some(s.range),
        _ => None,
    };
    let claimed = || g.content.iter().copied().chain(g.cue);
    f.content
        .iter()
        .any(|&r| claimed().chain(speaker(g.who)).any(|t| meets(r, t)))
        || f.cue
            .into_iter()
            .chain(speaker(f.who))
            .any(|r| claimed().any(|t| meets(r, t)))
}

/// A cue starting at token `i`: its class (None for `according to`) and token length.
#[derive(Clone, Copy)]
pub struct Cue {
    /// First token.
    pub at: usize,
    /// Number of tokens.
    pub len: usize,
    /// How it reports (`None` for `according to`).
    pub class: Option<CueClass>,
    /// `say`, `tell` or `according to`, tried first.
    pub strong: bool,
    /// It follows a closing quotation mark within a few words (`“…,” she
    /// said`), so the quotation is most likely its own.
    pub attached: bool,
    /// It follows a relative `who` (`Ortiz, who said …`): it is never the
    /// cue of a quotation before it, and is tried after the sentence's own.
    pub relative: bool,
    /// It closes its sentence after a comma and a speaker (`…, the source
    /// added.`), so the clause before is most likely its own.
    pub closing: bool,
}

/// True when only a time phrase and stops follow cue `c` in sentence
/// `[a, b)` and a comma stands at most six tokens before it.
fn closes(text: &str, p: &Para, c: &Cue, (a, b): (usize, usize)) -> bool {
    let after = reported::skip_time(text, &p.toks, c.at + c.len, b);
    reported::only_stops(text, &p.toks, after, b)
        && (a..c.at).rev().take(6).any(|j| p.toks[j].is(text, ','))
}

/// True when a closing quotation mark stands at most five words before the
/// cue at token `i` (past a comma and a speaker), not before sentence start `a`.
fn attached(text: &str, p: &Para, i: usize, a: usize) -> bool {
    (a..i)
        .rev()
        .take(6)
        .take_while(|&j| p.toks[j].kind != Kind::Punct || p.toks[j].is(text, ','))
        .find(|&j| matches!(p.toks[j].kind, Kind::Double | Kind::Single))
        .is_some_and(|j| p.seg_closing_at(j).is_some())
}

fn cue_at(text: &str, p: &Para, i: usize, a: usize) -> Option<Cue> {
    let t = p.toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.text(text);
    if w.eq_ignore_ascii_case("according") && cues::phrase_len(text, &p.toks, i) == 2 {
        return Some(Cue {
            at: i,
            len: 2,
            class: None,
            strong: true,
            attached: false,
            relative: false,
            closing: false,
        });
    }
    // `Said Ellis: “…”` is the one place a cue is capitalised.
    if t.cap && i != a {
        return None;
    }
    let class = cues::word_class(w)?;
    // `Having said that, …`: the reporter's phrase.
    if i > 0 && p.toks[i - 1].text(text).eq_ignore_ascii_case("having") {
        return None;
    }
    // `the claims`, `his remarks`, `the senator’s claims`: a noun, not a
    // verb (but `Some suggested` is a subject and its verb).
    let after_det = i > 0 && p.toks[i - 1].kind == Kind::Word && {
        let before = p.toks[i - 1].text(text);
        let quantified = lexicon::is_quantifier(before)
            && cues::word_form(w).is_some_and(|(_, f)| f == cues::Form::Past);
        (lexicon::is_determiner(before) && !quantified) || verbs::is_possessive(before)
    };
    // `with low hopes of a deal`, `claims of fraud`: a plural noun before
    // `of` (no verb takes `of` there).
    let noun_of = cues::is_noun_form(w)
        && p.toks
            .get(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && n.text(text).eq_ignore_ascii_case("of"));
    let relative = (a..i)
        .rev()
        .take(3)
        .find(|&j| !lexicon::is_between(p.toks[j].text(text)))
        .is_some_and(|j| p.toks[j].text(text) == "who");
    (!after_det && !noun_of).then_some(Cue {
        at: i,
        len: 1,
        class: Some(class),
        strong: matches!(
            w.to_ascii_lowercase().as_str(),
            "say" | "says" | "said" | "saying" | "tell" | "tells" | "told" | "telling"
        ),
        attached: attached(text, p, i, a) && !relative,
        relative,
        closing: false,
    })
}
