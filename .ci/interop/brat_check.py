"""brat's own annotation loader reads Byline's brat export without error.

Loads every `.ann` of the folder with brat's `annotation.TextAnnotations`
(its parser and consistency checks), reads the folder's `annotation.conf`
with brat's `ProjectConfiguration`, and runs brat's `verify_annotation`
(types, triggers, relations, event arguments, attributes) on each document.
brat is not on PyPI: BRAT_SRC is a folder holding its `server/src` and
`config_template.py` (interop.sh takes them from a snapshot of nlplab/brat).

With CLASS and CONTENT, a reviewed quote of that class must reach brat: an
event whose Content argument's text is CONTENT carries a `Class` attribute
of value CLASS, as brat's loader reads it.

Usage: python brat_check.py BRAT_SRC FOLDER [CLASS CONTENT]
"""

import pathlib
import sys


def setup(brat: pathlib.Path, work: pathlib.Path) -> None:
    config = (brat / "config_template.py").read_text(encoding="utf-8")
    config = config.replace("CHANGE_ME", repr(str(work)))
    (brat / "server" / "src" / "config.py").write_text(config, encoding="utf-8")
    sys.path[:0] = [str(brat / "server" / "src"), str(brat / "server" / "lib"), str(brat)]


def classes(doc) -> list:
    """(class, content text) of every event with a `Class` attribute."""
    found = []
    for attribute in doc.get_attributes():
        if attribute.type != "Class":
            continue
        event = doc.get_ann_by_id(attribute.target)
        for role, arg in event.args:
            if role.rstrip("0123456789") == "Content":
                found.append((attribute.value, doc.get_ann_by_id(arg).text))
    return found


def main(brat: pathlib.Path, folder: pathlib.Path, expected: "tuple | None") -> None:
    setup(brat, folder.parent)
    import annotation
    from projectconfig import ProjectConfiguration
    from verify_annotations import verify_annotation

    conf = ProjectConfiguration(str(folder))
    entities = conf.get_entity_types()
    events = conf.get_event_types()
    assert entities and events, (entities, events)
    failures, counts, found = [], {"T": 0, "E": 0, "R": 0, "A": 0}, []
    docs = sorted(folder.glob("*.ann"))
    for ann in docs:
        with annotation.TextAnnotations(str(ann.with_suffix("")), read_only=True) as doc:
            counts["T"] += len(list(doc.get_textbounds()))
            counts["E"] += len(list(doc.get_events()))
            counts["R"] += len(list(doc.get_relations()))
            counts["A"] += len(list(doc.get_attributes()))
            found.extend(classes(doc))
            for issue in verify_annotation(doc, conf):
                failures.append(f"{ann.name}: {issue.human_readable_str()}")
    print(f"brat: {len(docs)} documents, {counts}, entity types {len(entities)}, event types {events}")
    if not docs or counts["T"] == 0 or counts["E"] == 0:
        failures.append("the export holds no annotations or no events")
    if expected:
        if expected not in found:
            failures.append(f"no event with Class {expected[0]} on {expected[1]!r}: {found}")
        else:
            print(f"brat: the {expected[0]} quote {expected[1]!r} has its Class attribute")
    if failures:
        sys.exit("\n".join(failures[:50]))


if __name__ == "__main__":
    expected = tuple(sys.argv[3:5]) if len(sys.argv) > 3 else None
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), expected)
