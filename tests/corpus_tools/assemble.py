"""tests/corpus/ (NN-slug.txt + labels/NN-slug.json, one label object per text) -> a folder score.py reads.

The development corpus keeps one label file per text so that texts can be added
without touching a shared list; ``score.py`` wants the texts and one
``labels.json`` side by side.  ``assemble(target)`` writes that folder (texts
copied, labels gathered in file order) and returns it.

    python tests/corpus_tools/assemble.py OUT_DIR
    python tests/corpus_tools/score.py --corpus OUT_DIR --run "pressconv parse --json {in} -o {out}"
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def labels(corpus: Path = CORPUS) -> list[dict[str, object]]:
    """Every label object, in the order of the text files' names; each names an existing text."""
    found: list[dict[str, object]] = []
    for path in sorted((corpus / "labels").glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        if label.get("file") != path.stem + ".txt":
            raise ValueError(f"{path.name}: 'file' must be {path.stem}.txt")
        if not (corpus / label["file"]).is_file():
            raise ValueError(f"{path.name}: no text {label['file']}")
        found.append(label)
    return found


def assemble(target: Path, corpus: Path = CORPUS) -> Path:
    """Write the texts and one labels.json into ``target`` (created); return it."""
    target.mkdir(parents=True, exist_ok=True)
    gathered = labels(corpus)
    for label in gathered:
        shutil.copyfile(corpus / str(label["file"]), target / str(label["file"]))
    (target / "labels.json").write_text(json.dumps(gathered, ensure_ascii=False, indent=1), encoding="utf-8")
    return target


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: assemble.py OUT_DIR [CORPUS_DIR]")
    print(assemble(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) == 3 else CORPUS))
