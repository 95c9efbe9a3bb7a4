//! Attribution frames inside one sentence: around a cue, the speaker by
//! position and the content — a quotation before or after it (`“…,” X said`,
//! `X said: “…”`, split quotes), the reported clause (`X said (that) …`,
//! `X told Y …`), the clause before it (`CLAUSE, X said.`) or around
//! `according to X`. The quotation a cue follows is found by [`attached`].

use crate::model::QuoteKind;
use crate::suggest::AttributionClass;

use super::according;
use super::agree::{agrees, plausible_subject};
use super::attached;
use super::attribution;
use super::claims::Cue;
use super::complement::{self, Complement};
use super::content;
use super::coordinate;
use super::cues::{self, CueClass, Form};
use super::ends;
use super::para::{Found, Para, Speaker, Who};
use super::reported;
use super::speakers::{self, Head, Phrase};

use super::words::{Kind, Tok};

/// The speaker a phrase of `p` names, in byte offsets of the text.
pub(super) fn speaker(p: &Para, ph: Phrase) -> Option<Speaker> {
    Some(Speaker {
        range: p.bytes(ph.start, ph.end)?,
        head: p.bytes(ph.head, ph.head + 1)?,
        kind: ph.kind,
    })
}

/// One attribution around `cue`; `prev` is the attribution found first in
/// this sentence, whose speaker a participle without a subject of its own
/// takes (`“…,” she said, adding that …`). A quotation is what someone said
/// or wrote whatever the cue (`“We will win,” she vowed`).
pub fn frame(
    text: &str,
    p: &Para,
    sentence: (usize, usize),
    cue: Cue,
    para: usize,
    prev: Option<usize>,
) -> Option<(Found, Vec<usize>)> {
    let (mut f, used) = around(text, p, sentence, cue, para, prev)?;
    // Quoted words are someone's words: `blasted the media as “dishonest”`.
    let direct = f.kind == QuoteKind::Direct;
    let quoted = f.kind != QuoteKind::Indirect;
    if let Some(class) = cue
        .class
        .filter(|&c| direct || (quoted && c != CueClass::Belief))
    {
        f.class = attribution::direct_class(class);
    }
    if let Who::Here(s) = f.who
        && s.kind == Head::Role
        && f.class == AttributionClass::Speech
        && let Some(class) = text
            .get(s.head.0..s.head.1)
            .and_then(|h| attribution::source_class(h, direct))
    {
        f.class = class;
    }
    Some((f, used))
}

fn around(
    text: &str,
    p: &Para,
    (a, b): (usize, usize),
    cue: Cue,
    para: usize,
    prev: Option<usize>,
) -> Option<(Found, Vec<usize>)> {
    let toks = &p.toks;
    let cue_range = p.bytes(cue.at, cue.at + cue.len)?;
    let Some(class) = cue.class else {
        return according::frame(text, p, (a, b), cue, cue_range, para);
    };
    let subject = speakers::before(text, toks, cue.at, a)
        .filter(|s| agrees(text, toks, s, cue.at) && plausible_subject(text, toks, s, cue.at));
    // `neither X nor Y commented` reports nothing; in `the island which
    // China claims as its own` the content is the noun before `which`
    // (but `which he said were …` reports the clause after the cue).
    let before_subject = subject
        .and_then(|s| s.start.checked_sub(1).filter(|&j| j >= a))
        .map_or("", |j| toks[j].text(text));
    // (`To which she said, “…”` reports the quotation.)
    let quoted = toks
        .get(cue.at + 1)
        .is_some_and(|t| t.is(text, ',') || t.is(text, ':'))
        && p.seg_at(cue.at + 2).is_some();
    let no_clause = !quoted
        && toks.get(cue.at + 1).is_none_or(|t| {
            t.kind != Kind::Word
                || matches!(
                    t.text(text),
                    "as" | "to" | "in" | "on" | "at" | "for" | "with" | "from" | "by" | "of"
                )
        });
    // `what Trump says`, `everything she said`: the cue's object is a noun
    // phrase of the reporter's sentence, not what was said.
    // (`what he called a “rant”` still names someone's words.)
    let object_words = [
        "what",
        "whatever",
        "everything",
        "anything",
        "nothing",
        "something",
    ];
    let object_before = !reported::is_naming(text, &toks[cue.at])
        && (object_words
            .iter()
            .any(|w| before_subject.eq_ignore_ascii_case(w))
            || subject
                .is_some_and(|s| toks[s.start].text(text).eq_ignore_ascii_case("everything")));
    if object_before
        || matches!(before_subject, "nor" | "neither" | "Neither")
        || (matches!(before_subject, "which" | "whom") && no_clause)
    {
        return None;
    }
    // `are afraid that …`: an adjective needs its subject.
    let adjective = cues::word_form(toks[cue.at].text(text)).is_some_and(|(_, f)| f == Form::Adj);
    let (who, rest, mode) = match subject {
        Some(s) => (Some(s), cue.at + 1, Mode::Subject),
        None if adjective => return None,
        None => {
            // `… and state troopers`, `…, state Del. Price`: a base form is a
            // verb with a subject of its own (`…, say analysts` aside).
            let form = cues::word_form(toks[cue.at].text(text)).map(|(_, f)| f);
            if form == Some(Form::Base) && !toks[cue.at].text(text).eq_ignore_ascii_case("say") {
                return None;
            }
            let lead = coordinate::adverbs_before(text, toks, cue.at, a);
            let after_comma = lead > a && toks[lead - 1].is(text, ',');
            let joined = lead > a
                && matches!(toks[lead - 1].text(text), "and" | "but")
                && toks[lead - 1].kind == Kind::Word;
            // `began by saying …`, `aside from saying …`.
            let after_preposition = lead > a
                && toks[lead - 1].kind == Kind::Word
                && matches!(
                    toks[lead - 1].text(text),
                    "by" | "from" | "after" | "before" | "while" | "without"
                );
            let ing = toks[cue.at].text(text).ends_with("ing");
            if ((after_comma || after_preposition) && ing) || joined {
                // `He defended it, saying …`, `X bemoaned it and said …`: the
                // sentence's subject speaks, or the speaker of the sentence's
                // first attribution.
                // `remained but found …` reports nothing: a person's verb does.
                let spoken = matches!(class, CueClass::Speech | CueClass::Tell | CueClass::Write);
                let s = (joined && spoken)
                    .then(|| coordinate::joined_subject(text, toks, lead - 1, a))
                    .flatten()
                    .or_else(|| speakers::after(text, toks, a, lead).filter(|s| s.end < lead));
                if s.is_none() && prev.is_none() {
                    return None;
                }
                (s, cue.at + 1, Mode::Participle)
            } else if cue.at == a || after_comma || p.seg_closing_at(cue.at - 1).is_some() {
                let s = speakers::after(text, toks, cue.at + 1, b)?;
                (Some(s), s.end, Mode::Inverted)
            } else {
                return None;
            }
        }
    };
    // `worried about how …`: the content is what the belief is about.
    let rest = if adjective
        && toks
            .get(rest)
            .is_some_and(|t| matches!(t.text(text), "about" | "of" | "over"))
    {
        rest + 1
    } else {
        rest
    };
    let inverted = mode == Mode::Inverted;
    // `…, Ana Díaz, who said the plan failed`: a relative clause reports
    // only what follows its cue; the quotation or the comma before its
    // antecedent belongs to the sentence around it.
    let relative = who.is_some_and(|w| {
        (w.end..cue.at).any(|j| toks[j].kind == Kind::Word && toks[j].text(text) == "who")
    });
    // `Ortiz, who has said he would resign, said …`: a relative clause set
    // off by commas ends at the next one.
    let set_off = relative && who.is_some_and(|w| toks.get(w.end).is_some_and(|t| t.is(text, ',')));
    let b = if set_off {
        (cue.at + 1..b)
            .find(|&j| toks[j].is(text, ','))
            .unwrap_or(b)
    } else {
        who.map_or(b, |w| {
            ends::lead_clause_end(text, p, (a, b), w.start, cue.at)
        })
    };
    let mut found = Found {
        content: Vec::new(),
        who: match who {
            Some(ph) => Who::Here(speaker(p, ph)?),
            None => Who::Same(prev?),
        },
        cue: Some(cue_range),
        kind: QuoteKind::Indirect,
        class: class.attribution(),
        rule: "",
        score: class.score(),
        para,
    };
    let mut used = Vec::new();
    let before = match (mode, who) {
        (Mode::Subject, Some(w)) => w.start,
        _ => cue.at,
    };
    // `“…,” X said` / `“…,” said X`: a quote ends right before the speaker
    // (lowercase modifiers such as `retired` may sit between).
    if let Some((si, lead)) = attached::quote_before(text, p, before, a).filter(|_| !relative) {
        let seg = &p.segs[si];
        if let Some(w) = who.filter(|w| {
            mode == Mode::Subject && lead < w.start && !matches!(w.kind, Head::Pronoun(_))
        }) {
            found.who = Who::Here(speaker(p, Phrase { start: lead, ..w })?);
        }
        let (from, to) = seg.outer(toks)?;
        // `With a thousand systems, “there is no single point of failure,”
        // he said`: the words the lowercase quotation continues are said too.
        let from = match content::lead_in(text, p, a, seg) {
            Some(lead) => {
                found.kind = QuoteKind::Mixed;
                toks[lead].start
            }
            None => {
                found.kind = QuoteKind::Direct;
                from
            }
        };
        found.content.push((from, to));
        used.push(si);
        found.rule = if inverted {
            "quote-said-x"
        } else {
            "quote-x-said"
        };
        let mut after = reported::skip_time(text, toks, rest, b);
        if toks
            .get(after)
            .is_some_and(|t| t.is(text, ',') || t.is(text, ':'))
        {
            after += 1;
        }
        if let Some((si, seg)) = p.seg_at(after) {
            found.content.push(seg.outer(toks)?);
            used.push(si);
            found.rule = "split-quote";
        }
        return Some((found, used));
    }
    if inverted {
        // `Said Ellis: “…”`
        let mut after = rest;
        if toks
            .get(after)
            .is_some_and(|t| t.is(text, ',') || t.is(text, ':'))
        {
            after += 1;
        }
        if let Some((si, seg)) = p.seg_at(after) {
            found.content.push(seg.outer(toks)?);
            used.push(si);
            found.kind = QuoteKind::Direct;
            found.rule = "said-x-quote";
            return Some((found, used));
        }
        return content::before_inverted(text, p, (a, b), cue.at, rest, found, used);
    }
    let start = reported::clause_start(text, toks, rest, b, class == CueClass::Tell);
    let subject_start = who.filter(|_| !relative).map_or(a, |w| w.start);
    if subject_start > a + 1
        && toks[subject_start - 1].is(text, ',')
        && parenthetical_cue(text, toks, rest, start, b)
        && mode == Mode::Subject
        && !reported::is_lead_in(text, toks, a)
    {
        // `A, X said, B.`, `A, X said in a report, B.`, `A, X noted, that B.`
        let (mut f, u) = content::clause(
            p,
            (a, subject_start - 1),
            found,
            "clause-x-said-clause",
            used,
        )?;
        let tail = reported::trim(text, toks, start, b);
        f.content.push(p.bytes(start, tail)?);
        let mut u = u;
        u.extend(p.segs_in(start, tail));
        if u.is_empty() {
            f.kind = QuoteKind::Indirect;
        } else if f.kind != QuoteKind::Direct {
            f.kind = QuoteKind::Mixed;
        }
        return Some((f, u));
    }
    // `X said: “…”`
    if let Some((si, seg)) = p.seg_at(start) {
        let end = seg.end(toks);
        if p.word_count(end, b) <= 1 {
            found.content.push(seg.outer(toks)?);
            used.push(si);
            found.kind = QuoteKind::Direct;
            found.rule = "x-said-quote";
            return Some((found, used));
        }
    }
    if reported::only_stops(text, toks, start, b) && toks[b - 1].is(text, ':') {
        // `He said:` closing the paragraph: the quote follows in the next one.
        found.rule = "x-said-colon-next";
        return (b == p.toks.len()).then_some((found, used));
    }
    if mode != Mode::Subject {
        return content::clause_after(text, p, (start, b), found, used, class);
    }
    if reported::only_stops(text, toks, start, b) {
        // `CLAUSE, X said.`
        let comma = subject_start
            .checked_sub(1)
            .filter(|&c| c > a && toks[c].is(text, ','))?;
        return content::clause(p, (a, comma), found, "clause-x-said", used);
    }
    let comma = subject_start
        .checked_sub(1)
        .filter(|&c| c > a && toks[c].is(text, ','));
    let spoken = matches!(class, CueClass::Speech | CueClass::Tell | CueClass::Write);
    let before = found.clone();
    let after = content::clause_after(text, p, (start, b), found, used.clone(), class);
    let reported = after
        .as_ref()
        .is_some_and(|(f, _)| f.class != AttributionClass::Stance);
    match comma {
        // `CLAUSE, X said Friday, as they …`: nothing is reported after the
        // cue, so the clause before it is what was said.
        Some(c)
            if spoken
                && !reported
                && complement::read(text, toks, a, a, c) == Complement::Clause =>
        {
            content::clause(p, (a, c), before, "clause-x-said", used)
        }
        _ => after,
    }
}

/// True when the cue ending at token `rest` is set off by a comma before
/// the content starting at `start` (`A, X said, B`), maybe after a time or
/// venue phrase (`said in a report,`) and with `that` after it.
fn parenthetical_cue(text: &str, toks: &[Tok], rest: usize, start: usize, b: usize) -> bool {
    let comma = reported::skip_time(text, toks, rest, b);
    let that = toks
        .get(comma + 1)
        .is_some_and(|t| t.kind == Kind::Word && t.text(text) == "that");
    // `A, X said Friday, as they bristled`: B is the reporter's.
    let adjunct = toks.get(start).is_some_and(|t| {
        t.kind == Kind::Word && matches!(t.text(text), "as" | "while" | "when" | "before" | "after")
    });
    toks.get(comma).is_some_and(|t| t.is(text, ','))
        && !adjunct
        && (start == comma + 1 || (that && start == comma + 2))
}

/// Where the speaker stands relative to the cue.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `X said`.
    Subject,
    /// `said X`.
    Inverted,
    /// `X …, saying`.
    Participle,
}
