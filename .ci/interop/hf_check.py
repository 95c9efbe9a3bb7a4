"""Hugging Face `datasets` loads Byline's dataset folder as our users do.

- `load_dataset(FOLDER)`: `ner_tags` and `attribution_tags` are
  `Sequence(ClassLabel)` with the names the card declares;
- `load_dataset("json", data_files=FOLDER/train.jsonl, features=…)`: the file
  itself, with the features `load_dataset_builder(FOLDER)` reads from the
  card (a JSON Lines file cannot carry class names);
- the tokenizer-free part of the token-classification recipe runs:
  `features["ner_tags"].feature.names` → `label2id`/`id2label`, and every
  label id of every row is in range;
- both loads hold every line of `train.jsonl`. Each run loads into a cache
  of its own: `datasets` keys a folder's cache by its name, so a shared
  cache would hand back an earlier export called `hf` as it was.

Usage: python hf_check.py FOLDER
"""

import pathlib
import sys
import tempfile

from datasets import ClassLabel, load_dataset, load_dataset_builder


def check_columns(dataset, where: str) -> None:
    features = dataset.features
    for column in ("ner_tags", "attribution_tags"):
        feature = features[column].feature
        assert isinstance(feature, ClassLabel), f"{where}: {column} is {features[column]}"
    names = features["ner_tags"].feature.names
    label2id = {label: i for i, label in enumerate(names)}
    id2label = dict(enumerate(names))
    assert label2id["O"] == 0 and id2label[0] == "O", names
    for column in ("ner_tags", "attribution_tags"):
        count = features[column].feature.num_classes
        tags = [t for row in dataset[column] for t in row]
        assert tags and all(0 <= t < count for t in tags), f"{where}: {column} id out of range"
        assert any(t != 0 for t in tags), f"{where}: no {column} at all"
    # The recipe's alignment, one word per token: labels follow word ids.
    for row in dataset.select(range(min(50, len(dataset)))):
        word_ids = [None, *range(len(row["tokens"])), None]
        labels = [-100 if w is None else row["ner_tags"][w] for w in word_ids]
        assert all(-100 <= l < len(names) for l in labels)
    print(
        f"datasets: {where}: {len(dataset)} rows, ner_tags {len(names)} names, "
        f"attribution_tags {features['attribution_tags'].feature.names}"
    )


def main(folder: pathlib.Path) -> None:
    listed = sorted(p.name for p in folder.iterdir())
    assert listed == ["README.md", "train.jsonl"], listed
    rows = folder / "train.jsonl"
    lines = sum(1 for line in rows.open(encoding="utf-8") if line.strip())
    with tempfile.TemporaryDirectory(prefix="byline-hf-cache-") as cache:
        dataset = load_dataset(str(folder), split="train", cache_dir=cache)
        assert len(dataset) == lines, f"folder: {len(dataset)} rows of {lines}"
        check_columns(dataset, "folder")
        features = load_dataset_builder(str(folder), cache_dir=cache).info.features
        dataset = load_dataset(
            "json", data_files=str(rows), features=features, split="train", cache_dir=cache
        )
        assert len(dataset) == lines, f"file: {len(dataset)} rows of {lines}"
        check_columns(dataset, "file")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
