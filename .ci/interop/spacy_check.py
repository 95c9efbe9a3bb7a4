"""spaCy reads Byline's exports of the samples the way our users load them.

- byline JSONL: every entity span becomes `doc.ents` through
  `Doc.char_span(start, end, label)` with strict alignment on
  `spacy.blank("en")`; quotes, speakers and cues go to the span groups
  `doc.spans["quotes"]`, `doc.spans["speakers"]`, `doc.spans["cues"]` (the
  group names the README gives); every span's `text` is `text[start:end]`.
- a DocBin built from them trains an NER pipeline for a few steps with
  `spacy train` and a config made by `spacy init config`.
- `spacy convert` takes the CoNLL export and gives the same entities.

Usage: python spacy_check.py OUT  (OUT holds samples.byline.jsonl, samples.conll)
"""

import json
import pathlib
import subprocess
import sys

import spacy
from spacy.tokens import DocBin

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "EVENT"}
GROUPS = {"QUOTE": "quotes", "SPEAKER": "speakers", "CUE": "cues"}


def docs_of(path: pathlib.Path, nlp, failures):
    docs = []
    for line_no, line in enumerate(path.open(encoding="utf-8"), 1):
        task = json.loads(line)
        text = task["text"]
        doc = nlp.make_doc(text)
        ents, groups = [], {name: [] for name in GROUPS.values()}
        for span in task["spans"]:
            if text[span["start"] : span["end"]] != span["text"]:
                failures.append(f"line {line_no}: span text differs: {span}")
            made = doc.char_span(span["start"], span["end"], label=span["label"])
            if made is None:
                failures.append(f"line {line_no}: spaCy refuses {span['label']} {span['text']!r}")
            elif span["label"] in ENTITY_LABELS:
                ents.append(made)
            elif span["label"] in GROUPS:
                groups[GROUPS[span["label"]]].append(made)
        doc.ents = spacy.util.filter_spans(ents)
        if len(doc.ents) != len(ents):
            failures.append(f"line {line_no}: overlapping entities in the gold")
        for name, spans in groups.items():
            doc.spans[name] = spans
        docs.append(doc)
    return docs


def train(docs, out: pathlib.Path) -> None:
    train_path = out / "train.spacy"
    DocBin(docs=docs, store_user_data=True).to_disk(train_path)
    config = out / "config.cfg"
    python = sys.executable
    subprocess.run(
        [python, "-m", "spacy", "init", "config", str(config), "--lang", "en",
         "--pipeline", "ner", "--optimize", "efficiency", "--force"],
        check=True, capture_output=True,
    )
    subprocess.run(
        [python, "-m", "spacy", "train", str(config), "--output", str(out / "model"),
         "--paths.train", str(train_path), "--paths.dev", str(train_path),
         "--training.max_steps", "20", "--training.eval_frequency", "10"],
        check=True, capture_output=True,
    )
    print(f"spaCy: spacy train ran 20 steps on a DocBin of {len(docs)} documents")


def convert(conll: pathlib.Path, out: pathlib.Path) -> None:
    lines = conll.read_text(encoding="utf-8").splitlines()
    expected = sum(1 for line in lines if line.split("\t")[-1].startswith("B-"))
    converted = out / "converted"
    converted.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(conll), str(converted), "--converter", "conll"],
        capture_output=True, text=True,
    )
    if run.returncode != 0:
        sys.exit(f"spacy convert refused {conll.name}:\n{run.stdout}\n{run.stderr}")
    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(converted / (conll.stem + ".spacy")).get_docs(nlp.vocab))
    ents = sum(len(d.ents) for d in docs)
    labels = {e.label_ for d in docs for e in d.ents}
    print(f"spaCy: spacy convert read {len(docs)} documents, {ents} entities ({', '.join(sorted(labels))})")
    assert labels <= ENTITY_LABELS, f"attribution tags read as entities: {labels}"
    assert ents == expected, f"{ents} entities converted, {expected} in the export"


def main(out: pathlib.Path) -> None:
    nlp = spacy.blank("en")
    failures = []
    docs = docs_of(out / "samples.byline.jsonl", nlp, failures)
    ents = sum(len(d.ents) for d in docs)
    grouped = {name: sum(len(d.spans[name]) for d in docs) for name in GROUPS.values()}
    print(f"spaCy: {len(docs)} documents, {ents} entities in doc.ents, span groups {grouped}")
    if ents == 0 or not all(grouped.values()):
        failures.append("the export holds no entities or an empty span group")
    if failures:
        sys.exit("\n".join(failures[:50]))
    gold = [d for d in docs if d.ents]
    train(gold, out)
    convert(out / "samples.conll", out)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
