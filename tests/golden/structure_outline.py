"""The reviewed structure goldens: what the structure parser must make of real acts.

Regenerating them is a deliberate act, never automatic:

    python tests/golden/structure_outline.py --write     # rewrite every golden, then review the diff

Each golden holds the header, the nodes (kind, number, path, text), the amendments, the control
and effective clauses of one act of corpora/samples/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tapsyrma.corpora import data_path
from tapsyrma.parser.language import detect_language
from tapsyrma.parser.normalize import normalize
from tapsyrma.parser.structure import parse_structure

GOLDEN_DIR = Path(__file__).resolve().parent / "structure"

# The two seeds and acts of every kind in both languages.
SAMPLES = [
    "ukaz-403-2023-ru.txt",
    "ukaz-403-2023-kk.txt",
    "kz-ru-ukaz-20220303-826.txt",
    "kz-kk-ukaz-20220303-826.txt",
    "kz-ru-ukaz-20191226-a137658.txt",
    "kz-kk-ukaz-20191226-a137658.txt",
    "kz-ru-ukaz-20250318-a208242.txt",
    "kz-kk-ukaz-20250318-a208242.txt",
    "kz-ru-postanovlenie-20230316-a179116.txt",
    "kz-kk-postanovlenie-20230316-a179116.txt",
    "kz-ru-postanovlenie-20240125-36.txt",
    "kz-kk-postanovlenie-20240125-36.txt",
    "kz-ru-reshenie-akima-19970401-a1811.txt",
    "kz-kk-reshenie-akima-19970401-a1811.txt",
    "kz-ru-reshenie-akima-19970527-5-150.txt",
    "kz-kk-reshenie-akima-19970527-5-150.txt",
    "ru-rasporyazhenie-2002-391-rp.txt",
    "ru-rasporyazhenie-2002-484-rp.txt",
]


def _node(node) -> dict:
    entry = {"kind": node.kind, "number": node.number, "path": list(node.path), "text": node.text}
    if node.children:
        entry["children"] = [_node(child) for child in node.children]
    return entry


def outline(name: str) -> dict:
    raw = data_path("samples", name).read_text(encoding="utf-8")
    lang = detect_language(raw).language
    normalized = normalize(raw, lang)
    parsed = parse_structure(normalized, lang, source=name)
    return {
        "file": name,
        "language": lang,
        "act": parsed.header.model_dump(mode="json"),
        "structure": [_node(node) for node in parsed.structure],
        "amendments": [{"target": a.target, "operation": a.operation, "text": a.text[:120]} for a in parsed.amendments],
        "control": parsed.control.text if parsed.control else None,
        "effective": parsed.effective.model_dump(mode="json"),
    }


def golden_path(name: str) -> Path:
    return GOLDEN_DIR / (Path(name).stem + ".json")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/golden/structure_outline.py --write   (rewrites the goldens; review the diff)")
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    for sample in SAMPLES:
        golden_path(sample).write_text(json.dumps(outline(sample), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("wrote", golden_path(sample))
