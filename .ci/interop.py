"""Checks Byline exports against the libraries our users train with.

- every entity span of the byline JSONL export is accepted by spaCy's
  `Doc.char_span(start, end, label)` with strict alignment on `spacy.blank("en")`;
- every span's `text` equals `text[start:end]` (code point offsets);
- the Hugging Face export loads with the `datasets` JSON loader and its tags
  index into the `labels.json` written beside it.
"""

import json
import pathlib
import sys

import spacy
from datasets import load_dataset

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "EVENT"}


def check_spacy(path: pathlib.Path) -> None:
    nlp = spacy.blank("en")
    spans = misaligned = same_tokens = docs = 0
    failures = []
    for line_no, line in enumerate(path.open(encoding="utf-8"), 1):
        task = json.loads(line)
        text = task["text"]
        doc = nlp.make_doc(text)
        docs += 1
        ours = [(t["start"], t["end"]) for t in task["tokens"]]
        theirs = [(t.idx, t.idx + len(t.text)) for t in doc]
        same_tokens += ours == theirs
        for span in task["spans"]:
            if text[span["start"] : span["end"]] != span["text"]:
                failures.append(f"line {line_no}: span text differs: {span}")
            if span["label"] not in ENTITY_LABELS:
                continue
            spans += 1
            if doc.char_span(span["start"], span["end"], label=span["label"]) is None:
                misaligned += 1
                failures.append(
                    f"line {line_no}: spaCy refuses {span['label']} "
                    f"{span['start']}..{span['end']} {span['text']!r}"
                )
    print(f"spaCy: {spans} entity spans in {docs} documents, {misaligned} refused by char_span")
    print(f"spaCy: tokens identical to spacy.blank('en') in {same_tokens} of {docs} documents")
    if docs == 0 or spans == 0:
        failures.append("the byline export holds no documents or no entity spans")
    if failures:
        sys.exit("\n".join(failures[:50]))


def check_hf(path: pathlib.Path) -> None:
    labels = json.loads((path.parent / "labels.json").read_text(encoding="utf-8"))
    dataset = load_dataset("json", data_files=str(path), split="train")
    assert {"tokens", "ner_tags"} <= set(dataset.column_names), dataset.column_names
    tags = [t for row in dataset["ner_tags"] for t in row]
    assert tags and max(tags) < len(labels), (max(tags), labels)
    assert any(t != 0 for t in tags), "no entity tags at all"
    print(f"datasets: {len(dataset)} rows, {len(tags)} tokens, {len(labels)} labels")


if __name__ == "__main__":
    out = pathlib.Path(sys.argv[1])
    check_spacy(out / "samples.jsonl")
    check_hf(out / "hf.jsonl")
    print("interop: ok")
