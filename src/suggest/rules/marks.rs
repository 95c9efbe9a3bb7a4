//! Quotation-mark pairing inside one paragraph. Straight and typographic
//! double marks (`" “ ” « » „`) are paired by their flanks, single marks
//! (`‘ ’ '`) only at the top level; apostrophes never reach here because the
//! word tokenizer keeps them inside words. A quote left open at the end of a
//! paragraph is reported so the next paragraph can continue it (news
//! convention); an unmatched mark never reaches beyond its paragraph.

use super::words::{Kind, Tok};

/// One quoted stretch of a paragraph, by token index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seg {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the paragraph ends first.
    pub close: Option<usize>,
    /// True when this paragraph opens by continuing a quote left open before.
    pub continues: bool,
}

impl Seg {
    /// Token index one past the quote (its closing mark included).
    pub fn end(&self, toks: &[Tok]) -> usize {
        self.close.map_or(toks.len(), |c| c + 1)
    }

    /// Byte range of the quote including its marks.
    pub fn outer(&self, toks: &[Tok]) -> Option<(usize, usize)> {
        let first = toks.get(self.open)?;
        let last = toks.get(self.end(toks).checked_sub(1)?)?;
        Some((first.start, last.end))
    }

    /// Number of word tokens inside the marks.
    pub fn words(&self, toks: &[Tok]) -> usize {
        toks.get(self.open + 1..self.end(toks)).map_or(0, |inner| {
            inner.iter().filter(|t| t.kind == Kind::Word).count()
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// Pairs the marks of one paragraph. `prev_open` tells that the paragraph
/// before ended inside a quote.
pub fn pair(text: &str, toks: &[Tok], prev_open: bool) -> Vec<Seg> {
    let mut segs = Vec::new();
    let mut open: Option<usize> = None;
    let mut single: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::Double => {
                single = None;
                let role = role_of(text, toks, i, open.is_some());
                match (role, open) {
                    (Role::Close, Some(o)) | (Role::Either, Some(o)) => {
                        segs.push(seg(o, Some(i), prev_open));
                        open = None;
                    }
                    (Role::Open, _) | (Role::Either, None) => open = Some(i),
                    (Role::Close, None) => {}
                }
            }
            Kind::Single if open.is_none() => match (single, single_role(text, toks, i)) {
                (None, Role::Open) => single = Some(i),
                (Some(o), Role::Close) => {
                    if i > o + 1 {
                        segs.push(seg(o, Some(i), false));
                    }
                    single = None;
                }
                _ => {}
            },
            _ => {}
        }
    }
    if let Some(o) = open
        && o + 1 < toks.len()
    {
        segs.push(seg(o, None, prev_open));
    }
    segs.sort_by_key(|s| s.open);
    segs
}

fn seg(open: usize, close: Option<usize>, prev_open: bool) -> Seg {
    Seg {
        open,
        close,
        continues: prev_open && open == 0,
    }
}

/// True when nothing but spaces lies between tokens `a` and `b` (b = a + 1).
fn touching(toks: &[Tok], a: usize, b: usize) -> bool {
    match (toks.get(a), toks.get(b)) {
        (Some(x), Some(y)) => x.end == y.start,
        _ => false,
    }
}

fn role_of(text: &str, toks: &[Tok], i: usize, is_open: bool) -> Role {
    let c = toks[i].first(text);
    let before = i > 0 && touching(toks, i - 1, i) && !opens_context(text, &toks[i - 1]);
    let after = touching(toks, i, i + 1)
        && toks
            .get(i + 1)
            .is_some_and(|n| n.kind == Kind::Word || n.kind == Kind::Single || n.is(text, '…'));
    let left = !before && after;
    let right = before && !after;
    match c {
        '“' | '„' | '«' if is_open && right => Role::Close,
        '“' | '„' | '«' => Role::Open,
        // `” … what I learned`: a paragraph opening with a closing mark
        // opens its quote all the same.
        '”' | '»' if !is_open && (left || i == 0) => Role::Open,
        '”' | '»' => Role::Close,
        _ if left => Role::Open,
        _ if right => Role::Close,
        _ => Role::Either,
    }
}

fn opens_context(text: &str, t: &Tok) -> bool {
    t.kind == Kind::Punct && matches!(t.first(text), '(' | '[' | '—' | '–' | '-' | '/')
}

fn single_role(text: &str, toks: &[Tok], i: usize) -> Role {
    let before = i > 0 && touching(toks, i - 1, i) && !opens_context(text, &toks[i - 1]);
    let after = touching(toks, i, i + 1) && toks.get(i + 1).is_some_and(|n| n.kind == Kind::Word);
    match toks[i].first(text) {
        '‘' | '\'' if !before && after => Role::Open,
        '’' | '\'' if before && !after => Role::Close,
        _ => Role::Either,
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::tokenize;
    use super::*;

    fn quoted(s: &str, prev_open: bool) -> Vec<String> {
        let toks = tokenize(s, 0, s.len());
        pair(s, &toks, prev_open)
            .iter()
            .filter_map(|g| g.outer(&toks))
            .map(|(a, b)| s[a..b].to_owned())
            .collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        assert_eq!(
            quoted("“We will,” she said, “rebuild it.”", false),
            ["“We will,”", "“rebuild it.”"]
        );
        assert_eq!(
            quoted("\"We will,\" she said, \"rebuild.\"", false),
            ["\"We will,\"", "\"rebuild.\""]
        );
        assert_eq!(quoted("Il a dit «Non» hier", false), ["«Non»"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quoted("We don’t like the ’90s or Jones’ plan, she said.", false),
            Vec::<String>::new()
        );
        assert_eq!(
            quoted("He called it ‘a stunt’ today.", false),
            ["‘a stunt’"]
        );
    }

    #[test]
    fn nested_single_marks_stay_inside() {
        assert_eq!(
            quoted("“You say you ‘accept it,’” he said.", false),
            ["“You say you ‘accept it,’”"]
        );
    }

    #[test]
    fn unbalanced_marks_stay_in_their_paragraph() {
        assert_eq!(quoted("“We will rebuild", false), ["“We will rebuild"]);
        assert_eq!(
            quoted("It was 5” long and ” odd", false),
            Vec::<String>::new()
        );
        let s = "“Part two.”";
        let toks = tokenize(s, 0, s.len());
        assert!(pair(s, &toks, true)[0].continues);
        assert!(!pair(s, &toks, false)[0].continues);
    }

    #[test]
    fn a_paragraph_may_open_with_a_closing_mark() {
        assert_eq!(
            quoted("” … what Åsa learned there,” he said.", false),
            ["” … what Åsa learned there,”"]
        );
    }
}
