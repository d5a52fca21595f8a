"""How the documents word things in each language: labels, dates, references to an act.

Everything here comes from ``corpora/lang/<lang>/documents.toml``, validated once per language
against :class:`Wording`; logic holds no Russian or Kazakh words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache

from pydantic import BaseModel, ConfigDict, ValidationError

from tapsyrma.parser import langdata
from tapsyrma.parser.errors import DataError, LanguageError
from tapsyrma.parser.model import ActHeader, Item, Language

LANGUAGES: tuple[Language, ...] = ("ru", "kk")

_SPACES = re.compile(r"\s{2,}")


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Dates(_Strict):
    months: tuple[str, ...]
    long: str
    short: str
    unknown: str


class Common(_Strict):
    blank: str
    blank_number: str
    yes: str
    no: str
    lead_mark: str
    basis: str
    nothing: str
    quoted: str


class ActKind(_Strict):
    name: str
    nominative: str
    dative: str
    genitive: str
    issuer: str


class ActReference(_Strict):
    nominative: str
    attached_to: str
    genitive: str


class Points(_Strict):
    short: str
    short_sub: str
    target: str
    target_sub: str


class DeadlineWords(_Strict):
    default: str
    basis: str
    schedule: str
    roadmap_due: str


class DecisionWords(_Strict):
    """How the values of each control decision are said, by decision key."""

    level: dict[str, str]
    monitoring: dict[str, str]
    reporting: dict[str, str]


class Section(_Strict):
    """The text of one document: lines above the table, column titles, lines below."""

    caption: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    subtitle: tuple[str, ...] = ()
    intro: tuple[str, ...] = ()
    footnote: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    columns: dict[str, str] = {}
    fields: dict[str, str] = {}


class ReportSection(Section):
    status: dict[str, str]
    input_headers: dict[str, tuple[str, ...]]
    input_status: dict[str, tuple[str, ...]]


class Wording(_Strict):
    """The schema of ``documents.toml``."""

    dates: Dates
    common: Common
    act_kinds: dict[str, ActKind]
    issuers: dict[str, str]
    act_reference: ActReference
    points: Points
    deadline: DeadlineWords
    decision: DecisionWords
    assignment: Section
    card: Section
    report: ReportSection
    roadmap: Section

    def section(self, document: str) -> Section:
        return getattr(self, document)


@cache
def wording(lang: str) -> Wording:
    """The validated wording of the documents in ``lang``."""
    if lang not in LANGUAGES:
        raise LanguageError(f"document language: expected one of {', '.join(LANGUAGES)}, got {lang!r}")
    try:
        parsed = Wording.model_validate(langdata.load(lang, "documents"))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise DataError(f"corpora/lang/{lang}/documents.toml: {where}: {first['msg']}") from None
    if len(parsed.dates.months) != 12:
        raise DataError(f"corpora/lang/{lang}/documents.toml: dates.months: expected 12 names, got {len(parsed.dates.months)}")
    for kind in parsed.act_kinds.values():
        if kind.issuer not in parsed.issuers:
            raise DataError(f"corpora/lang/{lang}/documents.toml: act_kinds: issuer {kind.issuer!r} is not in [issuers]")
    return parsed


@cache
def _kind_ids() -> dict[str, str]:
    """The act kind as the JSON names it (a Russian word) → its id ("ukaz"), from the parser's structure data."""
    ids: dict[str, str] = {}
    for lang in LANGUAGES:
        for kind_id, word in langdata.load(lang, "structure").get("kind_names", {}).items():
            ids[word] = kind_id
    return ids


@cache
def _issuer_ids() -> dict[str, str]:
    """The issuer as the JSON names it (in either language) → its id."""
    ids: dict[str, str] = {}
    for lang in LANGUAGES:
        for issuer in langdata.load(lang, "structure").get("issuers", []):
            ids[issuer["name"].casefold()] = issuer["id"]
    return ids


def long_date(date: dt.date | None, lang: str) -> str:
    words = wording(lang).dates
    if date is None:
        return words.unknown
    return words.long.format(day=date.day, month=words.months[date.month - 1], year=date.year)


def short_date(date: dt.date, lang: str) -> str:
    return wording(lang).dates.short.format(day=date.day, month_number=date.month, year=date.year)


def tidy(text: str) -> str:
    """One space between words: patterns with an empty part leave two."""
    return _SPACES.sub(" ", text).strip()


def act_kind(header: ActHeader, lang: str) -> ActKind:
    kinds = wording(lang).act_kinds
    return kinds.get(_kind_ids().get(header.kind or "", "unknown"), kinds["unknown"])


def act_reference(header: ActHeader, lang: str, form: str) -> str:
    """The act named by kind, issuer, date and number; ``form`` is a key of [act_reference]."""
    words = wording(lang)
    kind = act_kind(header, lang)
    issuer_id = _issuer_ids().get((header.issuer or "").casefold(), kind.issuer)
    pattern = getattr(words.act_reference, form)
    return tidy(pattern.format(
        kind=getattr(kind, form if form != "attached_to" else "dative"),
        issuer=words.issuers.get(issuer_id, ""),
        date=long_date(header.date, lang),
        number=header.number or words.common.blank_number,
    ))


def point_reference(item: Item, lang: str, form: str) -> str:
    """The point of the act an item is: ``form`` is "short" or "target" (the form of a plan's title)."""
    points = wording(lang).points
    path = item.path or ((item.number,) if item.number else ())
    if not path:
        return wording(lang).common.blank_number
    if len(path) == 1:
        return getattr(points, form).format(point=path[0])
    return getattr(points, f"{form}_sub").format(point=path[0], sub=path[1])


def quoted(text: str | None, lang: str) -> str:
    return wording(lang).common.quoted.format(text=text) if text else ""


def lines(parts: Iterable[str | None]) -> str:
    """Non-empty parts, one per line (a line break in the documents)."""
    return "\n".join(part for part in parts if part)
