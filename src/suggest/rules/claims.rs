//! The attributions one sentence holds: its cues (`say` and `tell` first),
//! a frame tried around each, and further attributions kept when they share
//! no words with the ones already found (`X said A, adding B`).

use super::cues::{self, CueClass};
use super::frames;
use super::lexicon;
use super::para::{Found, Para, Who};
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
    let mut i = a;
    while i < b {
        if let Some((_, seg)) = p.seg_at(i) {
            i = seg.end(&p.toks).max(i + 1);
            continue;
        }
        cues.extend(cue_at(text, p, i, a));
        i += 1;
    }
    // `say`, `tell` and `according to` first: `Patriot signaled …, Barrett said, …`.
    cues.sort_by_key(|c| !c.strong);
    let first = found.len();
    // A bounded number of tries keeps a megabyte-long "sentence" linear.
    for cue in cues.into_iter().take(MAX_CUES) {
        let at = p.toks[cue.at].start;
        let mine = &found[first..];
        if mine.iter().any(|f| claims(f, at)) {
            continue;
        }
        let prev = (!mine.is_empty()).then_some(first);
        let Some((f, segs)) = frames::frame(text, p, (a, b), cue, para, prev) else {
            continue;
        };
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
        });
    }
    let class = cues::word_class(w)?;
    // `Said Ellis: “…”` is the one place a cue is capitalised.
    if t.cap && i != a {
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
    (!after_det).then_some(Cue {
        at: i,
        len: 1,
        class: Some(class),
        strong: matches!(
            w.to_ascii_lowercase().as_str(),
            "say" | "says" | "said" | "saying" | "tell" | "tells" | "told" | "telling"
        ),
    })
}
