"""doccano 1.8's own import takes Byline's doccano exports.

Runs doccano's import code as its upload task does (`data_import.datasets
.load_dataset(...).save(user)`), with its Django settings on a fresh SQLite
database (`migrate` first), no server needed:

- the sequence JSONL into a sequence labelling project that does not allow
  overlapping spans: every record stored, its meta kept (the same keys on
  every record, so none becomes NaN), every span kept (nothing overlaps);
- the relation JSONL into a project with relations and "Allow overlapping
  spans" on (as the export's report says): every span and relation stored;
- the two-column CoNLL (`--to conll-doccano`) into a sequence project;
- with CLASS and CONTENT, a reviewed quote of that class reaches the
  relation project: an example's stored meta lists it in `quote_classes`
  (`[start, end, CLASS]`, code points of its content, which is CONTENT).

Usage: python doccano_check.py OUT [CLASS CONTENT]  (OUT holds the doccano exports)
"""

import json
import os
import pathlib
import sys
import tempfile

os.environ["DOCCANO_HOME"] = tempfile.mkdtemp(prefix="doccano-")
import backend.cli  # noqa: E402,F401  (doccano's settings, paths and env)
import django  # noqa: E402

django.setup()
from django.core import management  # noqa: E402

management.call_command("migrate", verbosity=0)

from django.contrib.auth import get_user_model  # noqa: E402
from data_import.datasets import load_dataset  # noqa: E402
from data_import.pipeline.catalog import create_file_format  # noqa: E402
from data_import.pipeline.readers import FileName  # noqa: E402
from examples.models import Example  # noqa: E402
from labels.models import Relation, Span  # noqa: E402
from projects.models import SequenceLabelingProject  # noqa: E402

USER = get_user_model().objects.create_superuser("byline", "byline@example.org", "byline")


def project(name: str, **flags) -> SequenceLabelingProject:
    return SequenceLabelingProject.objects.create(
        name=name, description=name, project_type="SequenceLabeling", created_by=USER, **flags
    )


def run_import(path: pathlib.Path, task: str, file_format: str, proj) -> None:
    files = [FileName(full_path=str(path), generated_name=path.name, upload_name=path.name)]
    dataset = load_dataset(task, create_file_format(file_format), files, proj)
    dataset.save(USER, batch_size=1000)
    errors = [e.dict() for e in dataset.errors]
    assert not errors, f"{path.name}: doccano reports {errors}"


def check_sequence(path: pathlib.Path) -> None:
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    proj = project("sequence", allow_overlapping=False)
    run_import(path, "SequenceLabeling", "JSONL", proj)
    examples = Example.objects.filter(project=proj)
    assert examples.count() == len(records), (examples.count(), len(records))
    keys = {k for r in records for k in r} - {"text", "label"}
    for example in examples:
        assert set(example.meta) == keys, (sorted(example.meta), sorted(keys))
    spans = Span.objects.filter(example__project=proj).count()
    written = sum(len(r["label"]) for r in records)
    assert spans == written, f"doccano kept {spans} of {written} spans"
    print(f"doccano: {path.name}: {len(records)} examples, meta {sorted(keys)}, {spans} of {written} spans kept")


def check_relations(path: pathlib.Path, expected: "tuple | None") -> None:
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    proj = project("relations", allow_overlapping=True, use_relation=True)
    run_import(path, "RelationExtraction", "JSONL", proj)
    assert Example.objects.filter(project=proj).count() == len(records)
    spans = Span.objects.filter(example__project=proj).count()
    relations = Relation.objects.filter(example__project=proj).count()
    written = (sum(len(r["entities"]) for r in records), sum(len(r["relations"]) for r in records))
    assert (spans, relations) == written, f"doccano kept {(spans, relations)} of {written}"
    assert relations > 0, "no relations in the export"
    print(f"doccano: {path.name}: {len(records)} examples, {spans} spans and {relations} relations kept")
    if expected:
        found = [
            (entry[2], example.text[entry[0] : entry[1]])
            for example in Example.objects.filter(project=proj)
            for entry in example.meta.get("quote_classes", [])
        ]
        assert expected in found, f"no {expected[0]} quote on {expected[1]!r} in meta.quote_classes: {found}"
        print(f"doccano: the {expected[0]} quote {expected[1]!r} is in its example's meta.quote_classes")


def check_conll(path: pathlib.Path) -> None:
    blocks = [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    lines = [line for b in blocks for line in b.splitlines()]
    tags = sum(line.split("\t")[1].startswith("B-") for line in lines)
    proj = project("conll", allow_overlapping=False)
    run_import(path, "SequenceLabeling", "CoNLL", proj)
    examples = Example.objects.filter(project=proj).count()
    spans = Span.objects.filter(example__project=proj).count()
    assert examples == len(blocks), (examples, len(blocks))
    assert spans == tags, f"doccano kept {spans} of {tags} entities"
    print(f"doccano: {path.name}: {examples} examples, {spans} entities")


if __name__ == "__main__":
    out = pathlib.Path(sys.argv[1])
    expected = tuple(sys.argv[2:4]) if len(sys.argv) > 2 else None
    check_sequence(out / "samples.doccano.jsonl")
    check_relations(out / "samples.doccano-rel.jsonl", expected)
    check_conll(out / "samples.conll-doccano.conll")
