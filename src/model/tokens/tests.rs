//! The tokenizer against spaCy: a table of tricky wire-news cases whose
//! expected tokens were produced by spaCy 3.8.18 (`spacy.blank("en")`,
//! `[t.text for t in nlp(text)]`), plus the whitespace and snapping rules.

use super::*;

fn words(text: &str) -> Vec<&str> {
    tokenize(text)
        .iter()
        .map(|t| &text[t.range.start..t.range.end])
        .collect()
}

/// Rebuilds the text from tokens and their `ws` flags, as spaCy's `Doc.text`.
fn rebuild(text: &str, tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| {
            format!(
                "{}{}",
                &text[t.range.start..t.range.end],
                if t.ws { " " } else { "" }
            )
        })
        .collect()
}

/// (input, tokens): the tokens are spaCy's output for the input.
#[rustfmt::skip]
const SPACY: &[(&str, &[&str])] = &[
    ("“We will rebuild,” Mayor Ana Díaz said.",
     &["“", "We", "will", "rebuild", ",", "”", "Mayor", "Ana", "Díaz", "said", "."]),
    ("‘It’s over,’ she said — and left.",
     &["‘", "It", "’s", "over", ",", "’", "she", "said", "—", "and", "left", "."]),
    ("\"Don't,\" he said. 'I can't.'",
     &["\"", "Do", "n't", ",", "\"", "he", "said", ".", "'", "I", "ca", "n't", ".", "'"]),
    ("The country’s leaders met; the leaders’ statement followed.",
     &["The", "country", "’s", "leaders", "met", ";", "the", "leaders", "’", "statement", "followed", "."]),
    ("In the ’90s, rock ’n’ roll was king; the 2000s’ boom followed.",
     &["In", "the", "’", "90s", ",", "rock", "’", "n", "’", "roll", "was", "king", ";", "the", "2000s", "’", "boom", "followed", "."]),
    ("U.S. President Joe Biden met Mr. Xi in Washington, D.C., on Jan. 5.",
     &["U.S.", "President", "Joe", "Biden", "met", "Mr.", "Xi", "in", "Washington", ",", "D.C.", ",", "on", "Jan.", "5", "."]),
    ("J.R.R. Tolkien, George W. Bush and the F.B.I.'s director were there.",
     &["J.R.R.", "Tolkien", ",", "George", "W.", "Bush", "and", "the", "F.B.I.", "'s", "director", "were", "there", "."]),
    ("Prices rose 3.5% to $5.50, or US$1,000,000, since 9/11.",
     &["Prices", "rose", "3.5", "%", "to", "$", "5.50", ",", "or", "US$", "1,000,000", ",", "since", "9/11", "."]),
    ("It costs €20 or £15.99 — about ¥3,000.",
     &["It", "costs", "€", "20", "or", "£", "15.99", "—", "about", "¥", "3,000", "."]),
    ("The 3-year-old well-known actor co-wrote a self-titled album.",
     &["The", "3", "-", "year", "-", "old", "well", "-", "known", "actor", "co", "-", "wrote", "a", "self", "-", "titled", "album", "."]),
    ("She said—wait for it—no. He paused -- then left.",
     &["She", "said", "—", "wait", "for", "it", "—", "no", ".", "He", "paused", "--", "then", "left", "."]),
    ("Wait... what? Really…",
     &["Wait", "...", "what", "?", "Really", "…"]),
    ("Visit https://www.reuters.com/world/ or email ana.diaz@example.org.",
     &["Visit", "https://www.reuters.com/world/", "or", "email", "ana.diaz@example.org", "."]),
    ("The vote was 52-48 in 2020-21, at 4:17 a.m. (0117 GMT).",
     &["The", "vote", "was", "52", "-", "48", "in", "2020", "-", "21", ",", "at", "4:17", "a.m.", "(", "0117", "GMT", ")", "."]),
    ("It was 5km long and weighed 10kg at 10am.",
     &["It", "was", "5", "km", "long", "and", "weighed", "10", "kg", "at", "10", "am", "."]),
    ("They won’t go, didn’t say, and shouldn’t; we're sure she'd know.",
     &["They", "wo", "n’t", "go", ",", "did", "n’t", "say", ",", "and", "should", "n’t", ";", "we", "'re", "sure", "she", "'d", "know", "."]),
    ("Nguyễn Văn Thiệu and Ødegaard met Müller in Zürich.",
     &["Nguyễn", "Văn", "Thiệu", "and", "Ødegaard", "met", "Müller", "in", "Zürich", "."]),
    ("北京 (Reuters) – 中国外交部长说：“我们反对。”",
     &["北京", "(", "Reuters", ")", "–", "中国外交部长说：“我们反对", "。", "”"]),
    ("Great news! 👍🏽 #win ❤\u{fe0f} 🇺🇸",
     &["Great", "news", "!", "👍", "🏽", "#", "win", "❤", "\u{fe0f}", "🇺", "🇸"]),
    ("e\u{301}tude and cafe\u{301}.",
     &["e\u{301}tude", "and", "cafe\u{301}."]),
    ("Non\u{a0}breaking\u{a0}spaces and\u{202f}narrow ones.",
     &["Non", "\u{a0}", "breaking", "\u{a0}", "spaces", "and", "\u{202f}", "narrow", "ones", "."]),
    ("Double  spaces,\ttabs and\n\nnew paragraphs.",
     &["Double", " ", "spaces", ",", "\t", "tabs", "and", "\n\n", "new", "paragraphs", "."]),
    (" Leading and trailing space. ",
     &[" ", "Leading", "and", "trailing", "space", "."]),
    ("WASHINGTON, June 3 (AP) — The Senate voted 51-49.",
     &["WASHINGTON", ",", "June", "3", "(", "AP", ")", "—", "The", "Senate", "voted", "51", "-", "49", "."]),
    ("Sen. Elizabeth Warren (D-Mass.) and Gov. Ron DeSantis (R-Fla.) spoke.",
     &["Sen.", "Elizabeth", "Warren", "(", "D", "-", "Mass.", ")", "and", "Gov.", "Ron", "DeSantis", "(", "R", "-", "Fla.", ")", "spoke", "."]),
    ("“I’m not going,” said O’Neill, 45, of Dublin.",
     &["“", "I", "’m", "not", "going", ",", "”", "said", "O’Neill", ",", "45", ",", "of", "Dublin", "."]),
    ("He said it's \"a disaster\"... and 'a shame'!?",
     &["He", "said", "it", "'s", "\"", "a", "disaster", "\"", "...", "and", "'", "a", "shame", "'", "!", "?"]),
    ("Mr.Smith met Dr.Jones at 5 p.m. on Sept. 3 :)",
     &["Mr.", "Smith", "met", "Dr.", "Jones", "at", "5", "p.m.", "on", "Sept.", "3", ":)"]),
    ("The WHO. The UN. The N.Y. Times. John F. Kennedy.",
     &["The", "WHO", ".", "The", "UN", ".", "The", "N.Y.", "Times", ".", "John", "F.", "Kennedy", "."]),
    ("He said:“No.”She said:“Yes.”",
     &["He", "said:“No", ".", "”She", "said:“Yes", ".", "”"]),
    ("Sauvé, Gómez-Pérez, and Smith-Jones; Q&A: what’s next?",
     &["Sauvé", ",", "Gómez", "-", "Pérez", ",", "and", "Smith", "-", "Jones", ";", "Q&A", ":", "what", "’s", "next", "?"]),
    ("(Reporting by Ana Díaz; Editing by Tom Hogue)",
     &["(", "Reporting", "by", "Ana", "Díaz", ";", "Editing", "by", "Tom", "Hogue", ")"]),
    ("(x) :).:) wow:) and Mr.Smith",
     &["(", "x", ")", ":", ")", ".", ":)", "wow", ":)", "and", "Mr.", "Smith"]),
];

#[test]
fn matches_spacy_on_wire_news_cases() {
    for (text, expected) in SPACY {
        assert_eq!(words(text), *expected, "{text:?}");
    }
}

#[test]
fn tokens_and_spaces_rebuild_the_text() {
    for (text, _) in SPACY {
        assert_eq!(rebuild(text, &tokenize(text)), *text);
    }
}

#[test]
fn one_space_is_ws_and_other_whitespace_is_a_token() {
    // spaCy: [("a", " "), (" ", ""), ("b", ""), ("\n\n", ""), ("c", " "), ("\n ", ""), ("d", "")]
    let text = "a  b\n\nc \n d";
    let tokens = tokenize(text);
    let got: Vec<(&str, bool)> = tokens
        .iter()
        .map(|t| (&text[t.range.start..t.range.end], t.ws))
        .collect();
    assert_eq!(
        got,
        [
            ("a", true),
            (" ", false),
            ("b", false),
            ("\n\n", false),
            ("c", true),
            ("\n ", false),
            ("d", false)
        ]
    );
}

#[test]
fn words_leave_out_whitespace_tokens() {
    let text = "Wang \n   Yi\u{a0}said  “no”";
    let got: Vec<&str> = super::words(text)
        .iter()
        .map(|t| &text[t.range.start..t.range.end])
        .collect();
    assert_eq!(got, ["Wang", "Yi", "said", "“", "no", "”"]);
    assert_eq!(tokenize(text).len(), got.len() + 3);
}

#[test]
fn empty_and_blank_texts() {
    assert!(tokenize("").is_empty());
    assert_eq!(words(" "), [" "]);
    assert_eq!(words("\u{a0}"), ["\u{a0}"]);
}

#[test]
fn long_chunks_without_spaces_tokenize_whole() {
    // Pathological input for a naive affix loop; all of it must come back.
    for unit in ["a", "(", "a-", "'s", "Mr.", ":)", "—", "a.b", "x@y.", "😀"] {
        let text = unit.repeat(100_000 / unit.len());
        let tokens = tokenize(&text);
        assert!(!tokens.is_empty());
        assert_eq!(rebuild(&text, &tokens), text, "{unit:?}");
    }
}

#[test]
fn records_trailing_whitespace() {
    let tokens = tokenize("Hi, you");
    let ws: Vec<bool> = tokens.iter().map(|t| t.ws).collect();
    assert_eq!(ws, [false, true, false]);
}

#[test]
fn finds_the_token_at_an_offset() {
    let text = "“Yes,” she said";
    let tokens = tokenize(text);
    let at = |offset: usize| words(text)[token_at(&tokens, offset)];
    assert_eq!(at(0), "“");
    assert_eq!(at(4), "Yes");
    assert_eq!(at(text.find("she").unwrap_or(0) - 1), "she");
    assert_eq!(token_at(&tokens, text.len()), tokens.len());
}

#[test]
fn snaps_partial_selection_to_whole_tokens() {
    let text = "Antony Blinken said";
    let tokens = tokenize(text);
    let snapped = snap_to_tokens(&tokens, ByteRange::new(2, 9));
    assert_eq!(&text[snapped.start..snapped.end], "Antony Blinken");
}

#[test]
fn snapping_keeps_clitics_and_possessives_apart() {
    let text = "Díaz’s team didn’t";
    let tokens = tokenize(text);
    let start = text.find("team").unwrap_or(0);
    let snapped = snap_to_tokens(&tokens, ByteRange::new(0, 3));
    assert_eq!(&text[snapped.start..snapped.end], "Díaz");
    let snapped = snap_to_tokens(&tokens, ByteRange::new(start + 5, start + 8));
    assert_eq!(&text[snapped.start..snapped.end], "did");
}
