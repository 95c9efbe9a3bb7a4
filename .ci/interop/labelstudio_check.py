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
  and labels), and each region's `text` is `data.text[start:end]`.

Usage: python labelstudio_check.py FOLDER
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


def main(folder: pathlib.Path) -> None:
    config = (folder / "labeling-config.xml").read_text(encoding="utf-8")
    validate_label_config(config)
    project = Project(config)
    assert project.data_types == {"text": "Text"}, project.data_types
    interface = LabelInterface(config)
    tasks = json.loads((folder / "tasks.json").read_text(encoding="utf-8"))
    failures, counts = [], {"regions": 0, "relations": 0, "predicted": 0}
    for i, task in enumerate(tasks):
        TaskValidator(project).validate(task)
        text = task["data"]["text"]
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
    if failures:
        sys.exit("\n".join(failures[:50]))


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
