//! Keeping the attribution classes a project suggests: the one filter the
//! `rules` engine and an external engine's answer both pass through, so a
//! belief is left out the same way whoever found it.

use super::{ClassSet, Suggestions};

impl Suggestions {
    /// Drops the quotes whose class is not in `classes`, with the spans only
    /// they used (their content, cue and speaker spans); a span a kept quote
    /// also uses stays, as does a span no quote uses (an entity). A span that
    /// referred to a dropped one refers to what that one referred to.
    pub fn keep_classes(&mut self, classes: ClassSet) {
        if self.quotes.iter().all(|q| classes.contains(q.class)) {
            return;
        }
        let mut used_by_kept = vec![false; self.spans.len()];
        let mut used_by_dropped = vec![false; self.spans.len()];
        for q in &self.quotes {
            let used = if classes.contains(q.class) {
                &mut used_by_kept
            } else {
                &mut used_by_dropped
            };
            for i in q.content.iter().chain(&q.speaker).chain(&q.cue) {
                if let Some(u) = used.get_mut(*i) {
                    *u = true;
                }
            }
        }
        let kept: Vec<bool> = (used_by_kept.iter().zip(&used_by_dropped))
            .map(|(&kept, &dropped)| kept || !dropped)
            .collect();
        let mut new_index: Vec<Option<usize>> = Vec::with_capacity(self.spans.len());
        let mut next = 0;
        for &k in &kept {
            new_index.push(k.then_some(next));
            next += usize::from(k);
        }
        // Past dropped spans to the first kept one they lead to; a reference
        // points to an earlier span, but a bad one must not loop.
        let lead_to = |mut i: usize| {
            for _ in 0..self.spans.len() {
                match new_index.get(i) {
                    Some(Some(n)) => return Some(*n),
                    Some(None) => i = self.spans.get(i)?.refers_to?,
                    None => return None,
                }
            }
            None
        };
        let refers: Vec<Option<usize>> = (self.spans.iter())
            .map(|s| s.refers_to.and_then(lead_to))
            .collect();
        let mut spans = std::mem::take(&mut self.spans);
        for (span, refers_to) in spans.iter_mut().zip(refers) {
            span.refers_to = refers_to;
        }
        self.spans = (spans.into_iter().zip(&kept))
            .filter_map(|(span, &k)| k.then_some(span))
            .collect();
        let moved = |i: &usize| new_index.get(*i).copied().flatten();
        self.quotes.retain(|q| classes.contains(q.class));
        for q in &mut self.quotes {
            q.content = q.content.iter().filter_map(moved).collect();
            q.speaker = q.speaker.as_ref().and_then(moved);
            q.cue = q.cue.as_ref().and_then(moved);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ByteRange, Layer, Origin, QuoteKind};
    use crate::suggest::{AttributionClass, SuggestedQuote, SuggestedSpan};

    const TEXT: &str = "Zoë Ortiz believes the dam will hold. “It will,” she told Ángel.";

    fn span(text: &str, label: &str, layer: Layer, refers_to: Option<usize>) -> SuggestedSpan {
        let start = TEXT.find(text).unwrap();
        SuggestedSpan {
            range: ByteRange::new(start, start + text.len()),
            label: label.into(),
            layer,
            origin: Origin::suggested("test", "t", 0.5),
            refers_to,
        }
    }

    fn quote(
        content: usize,
        speaker: usize,
        cue: usize,
        class: AttributionClass,
    ) -> SuggestedQuote {
        SuggestedQuote {
            content: vec![content],
            speaker: Some(speaker),
            cue: Some(cue),
            kind: QuoteKind::Direct,
            speaker_entity: None,
            origin: Origin::suggested("test", "t", 0.5),
            class,
            group: None,
        }
    }

    /// A belief by Zoë Ortiz, then her speech to Ángel ("she" refers back to
    /// the belief's speaker span), then a speech with the belief's speaker.
    fn suggestions() -> Suggestions {
        let a = Layer::Attribution;
        Suggestions {
            spans: vec![
                span("Zoë Ortiz", "PERSON", Layer::Entity, None),
                span("Zoë Ortiz", "SPEAKER", a, Some(0)),
                span("believes", "CUE", a, None),
                span("the dam will hold", "QUOTE", a, None),
                span("she", "SPEAKER", a, Some(1)),
                span("told", "CUE", a, None),
                span("“It will,”", "QUOTE", a, None),
                span("Ángel", "PERSON", Layer::Entity, None),
            ],
            quotes: vec![
                quote(3, 1, 2, AttributionClass::Belief),
                quote(6, 4, 5, AttributionClass::Speech),
            ],
            boilerplate: Vec::new(),
        }
    }

    fn texts(s: &Suggestions) -> Vec<(&str, &str, Option<&str>)> {
        let at = |i: usize| {
            let r = s.spans[i].range;
            &TEXT[r.start..r.end]
        };
        (s.spans.iter())
            .map(|sp| {
                (
                    &TEXT[sp.range.start..sp.range.end],
                    sp.label.as_str(),
                    sp.refers_to.map(at),
                )
            })
            .collect()
    }

    #[test]
    fn a_dropped_class_takes_its_own_spans_along() {
        let mut s = suggestions();
        s.keep_classes(ClassSet::default());
        assert_eq!(
            texts(&s),
            [
                ("Zoë Ortiz", "PERSON", None),
                ("she", "SPEAKER", Some("Zoë Ortiz")),
                ("told", "CUE", None),
                ("“It will,”", "QUOTE", None),
                ("Ángel", "PERSON", None),
            ],
            "the belief's speaker is gone, so she refers to what it referred to"
        );
        assert_eq!(s.quotes.len(), 1);
        let q = &s.quotes[0];
        assert_eq!(
            (q.content.as_slice(), q.speaker, q.cue),
            (&[3][..], Some(1), Some(2))
        );
        assert_eq!(q.class, AttributionClass::Speech);
    }

    #[test]
    fn a_span_a_kept_quote_shares_stays() {
        let mut s = suggestions();
        s.quotes[1].speaker = Some(1);
        s.keep_classes(ClassSet::default());
        let labels: Vec<&str> = s.spans.iter().map(|sp| sp.label.as_str()).collect();
        assert_eq!(
            labels,
            ["PERSON", "SPEAKER", "SPEAKER", "CUE", "QUOTE", "PERSON"]
        );
        assert_eq!(
            s.quotes[0].speaker.map(|i| s.spans[i].range),
            Some(suggestions().spans[1].range)
        );
    }

    #[test]
    fn enabled_classes_leave_everything_as_it_is() {
        let mut s = suggestions();
        s.keep_classes(ClassSet::default().with(AttributionClass::Belief));
        assert_eq!(s, suggestions());
        s.keep_classes(ClassSet::NONE.with(AttributionClass::Belief));
        assert_eq!(s.quotes.len(), 1);
        assert_eq!(s.quotes[0].class, AttributionClass::Belief);
        assert_eq!(
            s.spans.len(),
            5,
            "the speech's speaker, cue and content are gone"
        );
    }
}
