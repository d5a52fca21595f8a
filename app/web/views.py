"""What the result page shows, built from an act and its duplicate matches in the interface language.

Names of executors stay in the act's language (they go into the act's documents and the drafter
edits them there); everything the app itself says is in the interface language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from tapsyrma.generator.context import controller, item_key
from tapsyrma.generator.wording import act_kind, short_date, wording
from tapsyrma.parser.gazetteer import gazetteer
from tapsyrma.parser.model import Act, ActHeader, Item
from tapsyrma.registry import DraftItemMatches, EarlierItem, FieldDifference, Match

from .edits import ItemFields, shown_fields
from .highlight import Segment, item_anchors, item_marks, marks_of, segments
from .labels import labels

__all__ = ["HeaderView", "MatchView", "RowView", "act_header", "item_rows", "source_segments"]

# Characters of an earlier item's text shown under a match; the rest is behind its source.
EARLIER_TEXT_CHARS = 400
SHARED_WORDS_SHOWN = 12
SOURCE_ANCHOR = "src-"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class HeaderView:
    kind: str
    number: str
    date: str
    title: str
    issuer: str
    language: str
    control: str


@dataclass(frozen=True, slots=True)
class MatchView:
    verdict: str
    verdict_label: str
    score: str
    where: str
    text: str
    reason: str
    differences: tuple[str, ...]
    shared: str
    twins: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RowView:
    index: int
    key: str
    segments: tuple[Segment, ...]
    fields: ItemFields
    due: str
    schedule: str
    rule: str
    control: str
    control_rule: str
    edited: bool
    matches: tuple[MatchView, ...] | None
    anchor: str


def act_header(act: Act, ui: str) -> HeaderView:
    header = act.act
    return HeaderView(
        kind=act_kind(header, ui).name,
        number=header.number or "",
        date=short_date(header.date, ui) if header.date else "",
        title=header.title or "",
        issuer=header.issuer or "",
        language=labels(ui)["act_languages"][act.language],
        control=act.control.text if act.control else "",
    )


def source_segments(act: Act) -> list[Segment]:
    """The act's whole text with every item's matches marked and an anchor at each item."""
    return segments(act.text, item_marks(act), anchors=item_anchors(act, SOURCE_ANCHOR))


def item_rows(
    act: Act, ui: str, matches: Sequence[DraftItemMatches] | None = None, edited: Collection[int] = ()
) -> list[RowView]:
    """One row per item; ``matches`` (parallel to the items) is None when no search was made."""
    marks = item_marks(act)
    anchors = item_anchors(act, SOURCE_ANCHOR)
    rows = []
    for index, item in enumerate(act.items):
        key = item_key(item) or str(index + 1)
        found = None if matches is None else tuple(_match_view(match, ui) for match in matches[index].matches)
        rows.append(
            RowView(
                index=index,
                key=key,
                segments=tuple(segments(act.text, marks_of(marks, key), start=item.span[0], end=item.span[1])),
                fields=shown_fields(item, act.language),
                due=short_date(item.deadline.due, ui) if item.deadline.due else "",
                schedule=_schedule(item, ui),
                rule=item.deadline.rule or "",
                control=_control(item, ui),
                control_rule=_control_rule(item),
                edited=index in edited,
                matches=found,
                anchor=anchors.get(item.span[0], ""),
            )
        )
    return rows


def _schedule(item: Item, ui: str) -> str:
    later = [day for day in item.deadline.schedule if day != item.deadline.due][:3]
    if not later:
        return ""
    return labels(ui)["table"]["schedule"].format(dates=", ".join(short_date(day, ui) for day in later))


def _control(item: Item, ui: str) -> str:
    said = controller(item, ui)
    return "" if said == wording(ui).common.blank else said


def _control_rule(item: Item) -> str:
    found = item.control.decisions.get("level") if item.control else None
    return found.rule if found is not None and found.value is not None else ""


def _where(earlier: EarlierItem, ui: str) -> str:
    words = labels(ui)["duplicates"]
    requisites = [
        act_kind(ActHeader(kind=earlier.act_kind), ui).name if earlier.act_kind else "",
        f"№ {earlier.act_number}" if earlier.act_number else "",
        short_date(earlier.act_date, ui) if earlier.act_date else "",
    ]
    act = " ".join(part for part in requisites if part) or words["unknown_act"]
    point = ".".join(earlier.item_path) or earlier.item_number
    return f"{act}, {words['point'].format(point=point)}" if point else act


def _reason(reason: str, ui: str) -> str:
    """The registry's reason in the interface language; it may join a verdict's reason and a
    difference's note with a comma ("same action and executors, later deadline (a re-issue)")."""
    said = labels(ui)["duplicates"]["reasons"]
    if reason in said:
        return said[reason]
    for known in sorted(said, key=len, reverse=True):
        if reason.startswith(f"{known}, "):
            return f"{said[known]}, {_reason(reason[len(known) + 2:], ui)}"
    return reason


def _value(value: str, field: str, ui: str) -> str:
    if field == "executors":
        entry = gazetteer().get(value)
        return entry.name(ui) if entry is not None else value.lstrip("~")
    if field == "deadline" and _ISO_DATE.fullmatch(value):
        return short_date(dt.date.fromisoformat(value), ui)
    return value


def _difference(difference: FieldDifference, ui: str) -> str:
    words = labels(ui)["duplicates"]
    draft = ", ".join(_value(v, difference.field, ui) for v in difference.draft) or "—"
    earlier = ", ".join(_value(v, difference.field, ui) for v in difference.earlier) or "—"
    return f"{words['fields'][difference.field]}: {draft} ≠ {earlier} ({_reason(difference.note, ui)})"


def _verdict(verdict: str, ui: str) -> str:
    words = labels(ui)["duplicates"]
    return words["no_match"] if verdict == "none" else words[verdict]


def _match_view(match: Match, ui: str) -> MatchView:
    words = labels(ui)["duplicates"]
    text = match.earlier.text
    if len(text) > EARLIER_TEXT_CHARS:
        text = text[:EARLIER_TEXT_CHARS].rsplit(" ", 1)[0] + " …"
    twins = tuple(
        words["twin"].format(
            language=labels(ui)["act_languages"][twin.earlier.language],
            verdict=_verdict(twin.verdict, ui),
        )
        + f" — {_where(twin.earlier, ui)}"
        for twin in match.translations
    )
    return MatchView(
        verdict=match.verdict,
        verdict_label=_verdict(match.verdict, ui),
        score=words["score"].format(score=f"{match.score:.0f}"),
        where=_where(match.earlier, ui),
        text=text,
        reason=_reason(match.reason, ui),
        differences=tuple(_difference(difference, ui) for difference in match.differences),
        shared=words["shared"].format(words=", ".join(match.shared_words[:SHARED_WORDS_SHOWN])),
        twins=twins,
    )
