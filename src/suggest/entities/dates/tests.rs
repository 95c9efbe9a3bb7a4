//! DATE forms on sentences written for these tests, in the compact markup.

use super::*;
use crate::model::{Document, markup};
use crate::suggest::entities::EntitySuggester;
use crate::suggest::{Suggester, to_transaction};

/// The text with the dates found marked up; the markup parses back to the
/// same text and ranges.
fn tag(text: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    for r in find(text, &[]) {
        out.push_str(&text[at..r.start]);
        out.push('[');
        out.push_str(&text[r.start..r.end]);
        out.push_str("|DATE]");
        at = r.end;
    }
    out.push_str(&text[at..]);
    let doc = markup::document(&out).unwrap();
    assert_eq!(doc.text(), text);
    out
}

#[test]
fn weekdays_and_relative_days() {
    assert_eq!(
        tag("Talks resumed on Tuesday and closed last Friday; Mondays are quiet."),
        "Talks resumed on [Tuesday|DATE] and closed [last Friday|DATE]; [Mondays|DATE] are quiet."
    );
    assert_eq!(
        tag("Yesterday the mayor spoke; today’s vote and tomorrow’s are open."),
        "[Yesterday|DATE] the mayor spoke; [today|DATE]’s vote and [tomorrow|DATE]’s are open."
    );
}

#[test]
fn month_day_and_year_in_every_order() {
    assert_eq!(
        tag("Signed March 3, 2024 in Zürich, ratified 3 March 2025 and again on Sept. 9th."),
        "Signed [March 3, 2024|DATE] in Zürich, ratified [3 March 2025|DATE] and again on [Sept. 9th|DATE]."
    );
    assert_eq!(
        tag("Friday, July 21, 2017 — the café opened in June 2016."),
        "[Friday, July 21, 2017|DATE] — the café opened in [June 2016|DATE]."
    );
    assert_eq!(
        tag("Bis 2024-03-05 (ISO) und 2024-13-40 nicht."),
        "Bis [2024-03-05|DATE] (ISO) und 2024-13-40 nicht."
    );
}

#[test]
fn a_month_alone_or_a_year_needs_a_word_of_time() {
    assert_eq!(
        tag("In March, prices rose; since 2019 they doubled, and by early May in the 1990s style."),
        "In [March|DATE], prices rose; since [2019|DATE] they doubled, and by [early May|DATE] in [the 1990s|DATE] style."
    );
    assert_eq!(
        tag("May we ask? Theresa May met April Ryan; 2019 people came; Route 2019 closed."),
        "May we ask? Theresa May met April Ryan; 2019 people came; Route 2019 closed."
    );
    assert_eq!(
        tag("From 2004–2009 it grew by 2019.5 tonnes; the Mayor marched in mid-March."),
        "From 2004–2009 it grew by 2019.5 tonnes; the Mayor marched in [mid-March|DATE]."
    );
}

#[test]
fn relative_periods_and_ago() {
    assert_eq!(
        tag(
            "Last week 東京 said this year’s budget, set earlier this month, beats the past decade."
        ),
        "[Last week|DATE] 東京 said [this year|DATE]’s budget, set [earlier this month|DATE], beats [the past decade|DATE]."
    );
    assert_eq!(
        tag("Two years ago, and 3 weeks ago, a year-long plan; weekly years; for three years."),
        "[Two years ago|DATE], and [3 weeks ago|DATE], a year-long plan; weekly years; for three years."
    );
}

#[test]
fn no_date_in_boilerplate() {
    let text = "Ana met Theresa May on Monday.\n\nSee also: Talks resume on Friday";
    let mut doc = Document::new(None, text);
    let suggestions = EntitySuggester.suggest(&doc);
    doc.apply(&to_transaction(&doc, &suggestions)).unwrap();
    let dates: Vec<&str> = doc
        .spans_sorted()
        .iter()
        .filter(|s| s.label == "DATE")
        .map(|s| &text[s.range.start..s.range.end])
        .collect();
    assert_eq!(dates, ["Monday"]);
}

#[test]
fn survives_odd_text() {
    for text in [
        "",
        "May",
        "2024",
        "2024-",
        "1999s",
        "March 99",
        "—Tuesday—",
        "ago",
        " years ago",
    ] {
        let _ = find(text, &[]);
    }
    assert_eq!(tag("—Tuesday—"), "—[Tuesday|DATE]—");
}
