"""What the parser matched, marked in the act's text: executors and deadlines of every item.

Every span of an :class:`~tapsyrma.parser.model.Act` indexes into ``act.text``; the page shows the
text cut into segments, each with the kind of match covering it (if any) and the items it belongs
to. One executor phrase often serves several items (an intro "Акимам областей: 1) ...; 2) ..."),
so a segment lists every item whose span covers it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from tapsyrma.generator.context import item_key
from tapsyrma.parser.model import Act

__all__ = ["Mark", "Segment", "item_anchors", "item_marks", "marks_of", "segments"]

MarkKind = Literal["executor", "deadline"]
# Where matches overlap, the deadline is shown: it is the shorter, more specific phrase.
_PRIORITY: dict[str, int] = {"deadline": 0, "executor": 1}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: MarkKind
    item: str


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kind: MarkKind | None
    items: tuple[str, ...]
    anchor: str | None = None


def item_marks(act: Act) -> list[Mark]:
    """The executor and deadline spans of every item, as marks labelled with the item's key."""
    marks = []
    for index, item in enumerate(act.items, start=1):
        key = item_key(item) or str(index)
        for executor in item.executors:
            if executor.span[1] > executor.span[0]:
                marks.append(Mark(executor.span[0], executor.span[1], "executor", key))
        span = item.deadline.span
        if span is not None and span[1] > span[0]:
            marks.append(Mark(span[0], span[1], "deadline", key))
    return marks


def segments(
    text: str,
    marks: Iterable[Mark],
    *,
    start: int = 0,
    end: int | None = None,
    anchors: dict[int, str] | None = None,
) -> list[Segment]:
    """``text[start:end]`` cut at every mark boundary (and at ``anchors``: position → element id)."""
    end = len(text) if end is None else end
    anchors = {pos: name for pos, name in (anchors or {}).items() if start <= pos < end}
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end, *anchors, *(max(m.start, start) for m in inside), *(min(m.end, end) for m in inside)})
    opening: dict[int, list[Mark]] = {}
    closing: dict[int, list[Mark]] = {}
    for mark in inside:
        opening.setdefault(max(mark.start, start), []).append(mark)
        closing.setdefault(min(mark.end, end), []).append(mark)
    active: list[Mark] = []
    pieces: list[Segment] = []
    for left, right in pairwise(cuts):
        active = [m for m in active if m not in closing.get(left, ())] + opening.get(left, [])
        kind = min((m.kind for m in active), key=_PRIORITY.__getitem__, default=None)
        items = tuple(dict.fromkeys(m.item for m in active if m.kind == kind))
        piece = Segment(text[left:right], kind, items, anchors.get(left))
        previous = pieces[-1] if pieces else None
        if previous and piece.anchor is None and (previous.kind, previous.items) == (kind, items):
            pieces[-1] = Segment(previous.text + piece.text, kind, items, previous.anchor)
        else:
            pieces.append(piece)
    return pieces


def item_anchors(act: Act, prefix: str) -> dict[int, str]:
    """Element ids at the start of each item in the text: ``{prefix}{index}``."""
    anchors: dict[int, str] = {}
    for index, item in enumerate(act.items):
        anchors.setdefault(item.span[0], f"{prefix}{index}")
    return anchors


def marks_of(marks: Sequence[Mark], item: str) -> list[Mark]:
    """The marks of one item (its text may also hold phrases that belong to other items)."""
    return [mark for mark in marks if mark.item == item]
