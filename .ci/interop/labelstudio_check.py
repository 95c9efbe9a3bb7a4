"""Label Studio's own code accepts Byline's Label Studio folder.

With Label Studio's Django settings loaded (no server, no database):

- `label_studio.core.label_config.validate_label_config` accepts the
  generated `labeling-config.xml`, and its data types ask for `text`;
- every task of `tasks.json` passes the import validator
  (`tasks.validation.TaskValidator`, the checks an import runs on
  `data`, `annotations`, `predictions`, `meta`);
- every annotation and prediction passes the SDK's `LabelInterface`
  checks against the config (`validate_annotation`, `validate_prediction`:
  each region's control, object, labels and offsets, each relation's ends
  and labels), and each region's `text` is `data.text[start:end]`;
- with CLASS and CONTENT, a reviewed quote of that class reaches Label
  Studio: an annotation holds a QUOTE region on CONTENT and, with the same
  region id (what binds a per-region choice to its region), a choice CLASS
  of the config's per-region `Choices` control that offers it.

Usage: python labelstudio_check.py FOLDER [CLASS CONTENT]
"""

import json
import os
import pathlib
import sys
import tempfile

import label_studio  # noqa: E402

# Label Studio's settings import its apps as top-level modules (`core`, `tasks`).
sys.path.insert(0, os.path.dirname(label_studio.__file__))
os.environ.setdefault("LABEL_STUDIO_BASE_DATA_DIR", tempfile.mkdtemp(prefix="label-studio-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "core.settings.label_studio")
os.environ.setdefault("LATEST_VERSION_CHECK", "false")
import django  # noqa: E402

django.setup()
from core.label_config import extract_data_types, validate_label_config  # noqa: E402
from label_studio_sdk.label_interface import LabelInterface  # noqa: E402
from tasks.validation import TaskValidator  # noqa: E402


class Project:
    """What the task validator reads of a project."""

    def __init__(self, config: str):
        self.label_config = config
        self.data_types = extract_data_types(config)
        self.summary = None


def class_choices(interface: LabelInterface, annotation: dict) -> list:
    """(choice, text) of every per-region choice on a QUOTE region."""
    quotes = {
        r["id"]: r["value"]["text"]
        for r in annotation["result"]
        if r["type"] == "labels" and r["value"]["labels"] == ["QUOTE"]
    }
    found = []
    for region in annotation["result"]:
        if region["type"] != "choices" or region["id"] not in quotes:
            continue
        control = interface.get_control(region["from_name"])
        assert control.tag == "Choices" and control.attr.get("perRegion") == "true", control
        for choice in region["value"]["choices"]:
            assert choice in control.labels, (choice, control.labels)
            found.append((choice, quotes[region["id"]]))
    return found


def main(folder: pathlib.Path, expected: "tuple | None") -> None:
    config = (folder / "labeling-config.xml").read_text(encoding="utf-8")
    validate_label_config(config)
    project = Project(config)
    assert project.data_types == {"text": "Text"}, project.data_types
    interface = LabelInterface(config)
    tasks = json.loads((folder / "tasks.json").read_text(encoding="utf-8"))
    failures, counts, found = [], {"regions": 0, "relations": 0, "predicted": 0}, []
    for i, task in enumerate(tasks):
        TaskValidator(project).validate(task)
        text = task["data"]["text"]
        for annotation in task.get("annotations", []):
            found.extend(class_choices(interface, annotation))
        for kind in ("annotations", "predictions"):
            for item in task.get(kind, []):
                errors = interface._validate_object(item, return_errors=True)
                failures.extend(f"task {i}: {kind}: {e}" for e in errors)
                for region in item["result"]:
                    if region["type"] == "relation":
                        counts["relations"] += kind == "annotations"
                        continue
                    value = region["value"]
                    if text[value["start"] : value["end"]] != value["text"]:
                        failures.append(f"task {i}: {region['id']}: text differs at its offsets")
                    counts["regions" if kind == "annotations" else "predicted"] += 1
    print(f"Label Studio: config valid, {len(tasks)} tasks valid, {counts}")
    if not tasks or counts["regions"] == 0:
        failures.append("no task or no gold region")
    if expected:
        if expected not in found:
            failures.append(f"no QUOTE region on {expected[1]!r} with class {expected[0]}: {found}")
        else:
            print(f"Label Studio: the {expected[0]} quote {expected[1]!r} has its class choice")
    if failures:
        sys.exit("\n".join(failures[:50]))


if __name__ == "__main__":
    expected = tuple(sys.argv[2:4]) if len(sys.argv) > 2 else None
    main(pathlib.Path(sys.argv[1]), expected)
