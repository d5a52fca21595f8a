"""Russian–Kazakh consistency check: the two official versions of one act, compared by meaning.

An act is published in Kazakh and in Russian and both texts are equally official, yet the versions
drift apart: a term of "к 1 февраля ежегодно" in one and "әр жылдың 1 қаңтарында" in the other, a
point an amendment added to one version only, another executor, another figure. Words cannot be
compared across the languages, so each passage is reduced to language-neutral *facts* and the facts
are compared:

============  ======================================================================================
fact          how it is read (the words come from the per-language data files)
============  ======================================================================================
term          every deadline phrase (:func:`find_deadlines`, one basis for both versions): its due
              date and schedule; a term without a due date by its kind (standing, event-bound)
date          dates outside terms ("от 27 апреля 2010 года" = "2010 жылғы 27 сәуірдегі")
reference     numbers after "№"/"N" (act and appendix references)
number        digits, percentages, multipliers ("1,5 млрд"), number words ([numbers] of compare.toml)
executor      gazetteer ids (language-neutral), persons by surname and initials with the Kazakh
              letters folded ([persons] of compare.toml); a name the gazetteer does not know cannot
              be compared and makes the passage's executors unknown rather than different
============  ======================================================================================

The stages:

1. *units*: the title and every structure node in reading order (points, subpoints, paragraphs,
   table rows, appendices), with its label ("6" also for the Cyrillic "б)" the structure parser
   has already read), its facts and length; repeated table headers are left out;
2. *alignment*: a dynamic programme over the two unit sequences, as sentence aligners do
   (Gale–Church): a pair scores by equal labels, shared facts and a length ratio close to the usual
   one; a unit may stay unpaired (missing in the other version), and an unnumbered paragraph may
   join its predecessor when one version breaks a paragraph the other keeps whole;
3. *differences*: facts are matched within each aligned pair, then what is left is matched across
   the neighbouring pairs (Kazakh word order carries words over a paragraph break: the verb of a
   list closes its last paragraph); a term recognised in one version and only its date in the
   other is the same term. What remains is reported, with both passages and the words to
   highlight. Wording alone is never compared, so a synonym or another word order reports nothing.

A figure written as a word in one version only ("не менее одной встречи" / "бір рет") is reported
only against another figure of the other version: number words are idiomatic in both languages.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from rapidfuzz import fuzz

from . import langdata
from .deadlines import _grammar as _deadline_grammar
from .deadlines import find_deadlines
from .errors import DataError, LanguageError
from .executors import find_aliases, find_executors
from .model import Act, Deadline, Executor, JsonDocument, Node, Span
from .morphology import lemma_ru
from .structure import grammar as structure_grammar

__all__ = ["COMPARE_SCHEMA_ID", "AlignedPair", "Comparison", "Discrepancy", "DiscrepancyKind", "compare_acts"]

COMPARE_SCHEMA_ID = "tapsyrma/compare@1"

DiscrepancyKind = Literal[
    "missing_in_kk",   # a point, subpoint, row or paragraph of the Russian version has no Kazakh twin
    "missing_in_ru",   # and the other way round
    "numbering",       # twins under different numbers
    "deadline",        # another due date, period or periodicity, or a term in one version only
    "executor",        # other executors (gazetteer ids, persons) or another lead executor
    "number",          # other figures, percentages, amounts, years
    "date",            # other dates outside terms
    "reference",       # other numbers after "№" (acts, appendices)
    "act_kind",
    "act_number",
    "act_date",
    "effective_date",
    "control_body",
]

# Scores of the alignment (a pair scores in [0, 1]; its cost is 1 - score).
_GAP_COST = 0.55
_MERGE_PENALTY = 0.12
_LENGTH_RATIO = 0.05      # log(kk/ru) of twin passages: Kazakh runs a little longer
_LENGTH_SPREAD = 0.45
_WEIGHTS = {"label": 0.25, "kind": 0.10, "facts": 0.40, "length": 0.25}
_BAND = 25               # units the alignment may drift from the diagonal (beyond the length difference)
_WINDOW = 3               # aligned pairs on each side whose leftover facts may still match
_ASSUMED_BASIS = dt.date(2001, 3, 1)  # a working Thursday
_PERSON_SIMILARITY = 70   # rapidfuzz ratio of two spellings of one surname ("Аблякимов"/"Әбіләкімов")

_DIGITS = re.compile(r"(?<![\d.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?(?![\d])")
_PERCENT_SIGN = re.compile(r"\s*%")
_SHORT_DATE = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.,]?\d)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PERSON = re.compile(r"^(?:(?:[^\W\d_]\.\s*){1,3}[^\W\d_][^\W\d_-]+(?:-[^\W\d_]+)?"
                     r"|[^\W\d_][^\W\d_-]+(?:-[^\W\d_]+)?\s+(?:[^\W\d_]\.\s*){1,3})$")
_INITIAL = re.compile(r"([^\W\d_])\.")
_ROMAN = re.compile(r"^[IVX]\.")
_LABEL_TRIM = " .)\t"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Discrepancy(_Frozen):
    """One difference between the versions: the two passages (``ru_span``/``kk_span`` into each
    act's text, ``ru_text``/``kk_text`` their words; None on the side that lacks it), the words
    to highlight (``*_marks``, spans into the same texts) and the facts that differ."""

    kind: DiscrepancyKind
    ru_path: tuple[str, ...] | None = None
    kk_path: tuple[str, ...] | None = None
    ru_span: Span | None = None
    kk_span: Span | None = None
    ru_text: str | None = None
    kk_text: str | None = None
    ru_marks: tuple[Span, ...] = ()
    kk_marks: tuple[Span, ...] = ()
    ru_value: str | None = Field(None, description="the fact of the Russian version, normalised")
    kk_value: str | None = Field(None, description="the fact of the Kazakh version, normalised")
    detail: str


class AlignedPair(_Frozen):
    """Passages of the two versions taken as twins (a span may cover two paragraphs that one
    version keeps apart)."""

    ru_path: tuple[str, ...]
    kk_path: tuple[str, ...]
    ru_span: Span
    kk_span: Span
    score: float


class Comparison(JsonDocument):
    """The result of :func:`compare_acts`; ``agree`` is True when nothing differs."""

    schema_id: Literal["tapsyrma/compare@1"] = Field(COMPARE_SCHEMA_ID, alias="schema")
    ru_source: str
    kk_source: str
    agree: bool
    discrepancies: tuple[Discrepancy, ...] = ()
    aligned_pairs: tuple[AlignedPair, ...] = ()

    @model_validator(mode="after")
    def _agree_means_no_discrepancy(self) -> Comparison:
        if self.agree == bool(self.discrepancies):
            raise ValueError(f"expected agree={not self.discrepancies} with {len(self.discrepancies)} discrepancies, "
                             f"got agree={self.agree}")
        return self


# ---------------------------------------------------------------------------------------------
# Language data
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Words:
    numbers: dict[str, int]
    percent: re.Pattern[str]
    multipliers: tuple[tuple[re.Pattern[str], int], ...]
    fold: dict[int, str]


@lru_cache(maxsize=None)
def _words(lang: str) -> _Words:
    data = langdata.load(lang, "compare")
    try:
        numbers = {str(word).casefold(): int(value) for word, value in data["numbers"]["words"]}
        percent = re.compile(r"\s*(?:" + "|".join(data["numbers"]["percent"]) + r")", re.IGNORECASE)
        multipliers = tuple((re.compile(rf"\s*(?:{pattern})", re.IGNORECASE), int(factor))
                            for pattern, factor in data["numbers"]["multipliers"])
        fold = {ord(letter): to for letter, to in data["persons"]["fold"]}
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise DataError(f"lang/{lang}/compare.toml: expected [numbers] words/percent/multipliers and "
                        f"[persons] fold as documented, got an error: {exc}") from None
    return _Words(numbers, percent, multipliers, fold)


def _number_word(word: str, lang: str) -> int | None:
    table = _words(lang).numbers
    folded = word.casefold()
    if folded in table:
        return table[folded]
    return table.get(lemma_ru(folded)) if lang == "ru" else None


# ---------------------------------------------------------------------------------------------
# Facts
# ---------------------------------------------------------------------------------------------

FactKind = Literal["deadline", "date", "reference", "number", "executor"]


@dataclass(frozen=True)
class _Fact:
    """One language-neutral fact of a passage. ``key`` compares across the languages; ``span``
    points into the act's text; ``shown`` is the normalised value for the report."""

    kind: FactKind
    key: tuple
    span: Span
    shown: str
    word: bool = False                 # a number written as a word
    date: tuple[int, int, int | None] | None = None   # day, month, year of a date or a dated term
    wildcard: bool = False             # an executor the gazetteer does not know


@dataclass(frozen=True)
class _Basis:
    """The day relative terms of both versions count from: the act's date, or, when neither
    version states one, an assumed day, so that "в месячный срок" and "бір ай мерзімде" still
    compare by their due dates."""

    day: dt.date
    assumed: bool


def _deadline_key(deadline: Deadline, figures: frozenset) -> tuple:
    """A term by its due date and schedule; without a due date (an undated event, a standing
    duty) by its kind and the figures of its phrase ("не позднее десяти дней после встреч")."""
    if deadline.due is not None:
        return ("due", deadline.due, deadline.schedule)
    return ("kind", deadline.kind, figures)


def _deadline_shown(deadline: Deadline, figures: frozenset, basis: _Basis) -> str:
    if deadline.due is None:
        return {"periodic": "standing or periodic, no due date", "relative": "relative to an undated event"}.get(
            deadline.kind, deadline.kind) + "".join(f", {f}" for f in sorted(figures))
    shown = f"{deadline.kind}, due {deadline.due.isoformat()}"
    if len(deadline.schedule) > 1:
        shown += " (then " + ", ".join(day.isoformat() for day in deadline.schedule[1:3]) + ", …)"
    if basis.assumed:
        shown += f" counted from {basis.day.isoformat()} (the act states no date)"
    return shown


def _date_shown(day: int, month: int, year: int | None) -> str:
    return f"date {year:04d}-{month:02d}-{day:02d}" if year else f"date {month:02d}-{day:02d} (no year)"


class _Claims:
    """Character ranges of a passage already read as a fact."""

    def __init__(self) -> None:
        self.ranges: list[Span] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.ranges)

    def take(self, start: int, end: int) -> None:
        self.ranges.append((start, end))


def _dates(text: str, lang: str) -> list[tuple[Span, tuple[int, int, int | None]]]:
    """Every written date of ``text``: its span and (day, month, year or None); also the short
    numeric form of old acts, "1.01.98г."."""
    grammar = _deadline_grammar(lang)
    ends = {m.start(): m.end() for m in grammar.one_date.finditer(text)}
    found = []
    for parts in grammar.parse_dates(text):
        if parts.start in ends and 1 <= parts.month <= 12 and 1 <= parts.day <= 31:
            found.append(((parts.start, ends[parts.start]), (parts.day, parts.month, parts.year)))
    for m in _SHORT_DATE.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append((m.span(), (day, month, year + (1900 if year >= 50 else 2000))))
    return sorted(found, key=lambda date: date[0])


def _numbers(text: str, lang: str, claims: _Claims, offset: int) -> list[_Fact]:
    words = _words(lang)
    found: list[_Fact] = []
    for m in _DIGITS.finditer(text):
        if not claims.free(m.start(), m.end()):
            continue
        whole = int(re.sub(r"\D", "", m.group(1)))
        value: float = float(f"{whole}.{m.group(2)}") if m.group(2) else whole
        end = m.end()
        percent = _PERCENT_SIGN.match(text, end) or words.percent.match(text, end)
        if percent:
            end = percent.end()
        else:
            for pattern, factor in words.multipliers:
                multiplier = pattern.match(text, end)
                if multiplier:
                    value, end = value * factor, multiplier.end()
                    break
        claims.take(m.start(), end)
        found.append(_number_fact(value, bool(percent), (m.start() + offset, end + offset), word=False))
    run: list[tuple[int, int, int]] = []
    for m in list(_WORD.finditer(text)) + [None]:
        value = _number_word(m.group(0), lang) if m is not None and claims.free(m.start(), m.end()) else None
        adjacent = m is not None and run and not text[run[-1][1]:m.start()].strip()
        if value is not None and (not run or adjacent and _continues_number(run[-1][2], value)):
            run.append((m.start(), m.end(), value))
            continue
        if run:
            found.append(_word_run(run, text, words, offset))
            run = []
        if value is not None:
            run.append((m.start(), m.end(), value))
    return found


def _continues_number(previous: int, value: int) -> bool:
    """Whether number word ``value`` goes on the number ``previous`` ends with: a smaller order
    ("сто" + "двенадцатый", "жиырма" + "бес") or a multiplier ("екі" + "мың"); "төрттен бірден"
    (one of four) are two numbers."""
    if value in (100, 1000):
        return previous < value
    order = 10 ** (len(str(previous)) - 1)
    return previous >= 10 and previous % order == 0 and value < order


def _word_run(run: list[tuple[int, int, int]], text: str, words: _Words, offset: int) -> _Fact:
    """A run of number words as one number: added up, multiplied by a following hundred/thousand."""
    total = current = 0
    for _, _, value in run:
        if value in (100, 1000) and current:
            current *= value
            if value == 1000:
                total, current = total + current, 0
        else:
            current += value
    total += current
    start, end = run[0][0], run[-1][1]
    percent = _PERCENT_SIGN.match(text, end) or words.percent.match(text, end)
    if percent:
        end = percent.end()
    return _number_fact(total, bool(percent), (start + offset, end + offset), word=True)


def _number_fact(value: float, percent: bool, span: Span, *, word: bool) -> _Fact:
    number = int(value) if float(value).is_integer() else value
    shown = f"{number}%" if percent else f"{number}"
    return _Fact("number", ("percent" if percent else "number", number), span, shown, word=word)


def _person_key(text: str, fold: dict[int, str]) -> tuple[str, tuple[str, ...]] | None:
    """(surname, initials) of a person's name written "Курмашев К.К." or "Б. Ұлдарбеков"."""
    name = " ".join(text.split())
    if not _PERSON.match(name):
        return None
    folded = name.casefold().translate(fold)
    initials = tuple(_INITIAL.findall(folded))
    if len(initials) == 1 and _ROMAN.match(name):
        return None  # "I. Посадка лесных культур": a numbered heading
    surname = max(_WORD.findall(_INITIAL.sub(" ", folded)), key=len, default="")
    return (surname, initials) if surname else None


def _enclosed(text: str, start: int) -> bool:
    """Whether ``start`` lies inside brackets or quotes of ``text`` (a head named after a body,
    "(Чукарин В.Ф.)", or a name inside a quoted title, «музей академика К.И. Сатпаева»)."""
    before = re.split(r"[\t\n]", text[:start])[-1]  # within its table cell
    return (before.count("(") > before.count(")") or before.count("«") > before.count("»")
            or before.count('"') % 2 == 1)


def _executor_facts(executors: Iterable[Executor], lang: str, text: str = "", offset: int = 0) -> list[_Fact]:
    fold = _words(lang).fold
    facts = []
    for executor in executors:
        if executor.id is not None:
            facts.append(_Fact("executor", ("id", executor.id), executor.span, executor.id))
            continue
        person = _person_key(executor.text, fold)
        if person is not None and text and _enclosed(text, executor.span[0] - offset):
            continue
        if person is not None:
            shown = " ".join([person[0].capitalize()] + [f"{i.upper()}." for i in person[1]])
            facts.append(_Fact("executor", ("person",) + person, executor.span, shown))
        else:
            facts.append(_Fact("executor", ("name", executor.text.casefold()), executor.span, executor.text,
                               wildcard=True))
    return facts


def _facts(text: str, lang: str, offset: int, basis: _Basis) -> list[_Fact]:
    """The terms, dates, references and figures of a passage (executors: :func:`_read_executors`)."""
    claims = _Claims()
    facts: list[_Fact] = []
    for deadline in find_deadlines(text, lang, basis.day, offset=offset):
        start, end = deadline.span
        claims.take(start - offset, end - offset)
        due = deadline.due
        figures = frozenset(f.key[1] for f in _numbers(text[start - offset:end - offset], lang, _Claims(), 0))
        dated = due is not None and deadline.kind in ("date", "periodic")
        facts.append(_Fact("deadline", _deadline_key(deadline, figures), deadline.span,
                           _deadline_shown(deadline, figures, basis), date=(due.day, due.month, due.year) if dated else None))
    for (start, end), parts in _dates(text, lang):
        if claims.free(start, end):
            claims.take(start, end)
            facts.append(_Fact("date", ("date",) + parts, (start + offset, end + offset), _date_shown(*parts),
                               date=parts))
    for m in structure_grammar(lang).number.finditer(text):
        if claims.free(*m.span()):
            claims.take(*m.span())
            reference = m.group("number").casefold().rstrip("-")
            facts.append(_Fact("reference", ("reference", reference), (m.start() + offset, m.end() + offset),
                               f"№ {reference}"))
    facts += _numbers(text, lang, claims, offset)
    return facts


# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------

@dataclass
class _Unit:
    path: tuple[str, ...]
    kind: str
    label: str | None
    span: Span
    text: str
    block: int
    facts: list[_Fact] = field(default_factory=list)
    lead: _Fact | None = None          # the lead executor of the item this passage is
    instructs: bool = False            # an item, its intro or one of its paragraphs
    executors_read: bool = False

    keys: frozenset = frozenset()     # the facts the alignment compares


def _read_executors(unit: _Unit, act: Act, executors: Sequence[Executor] | None = None) -> None:
    """Add the executors of a passage to its facts: ``executors`` when known (a plan-table row:
    its "responsible" cell), else every body and person the passage names. Read only where an
    instruction is compared: elsewhere bodies are named as wording."""
    if unit.executors_read:
        return
    if executors is None:
        aliases = find_aliases(act.text, act.language, on=act.act.date)
        executors, _ = find_executors(unit.text, act.language, offset=unit.span[0], on=act.act.date, mode="list", aliases=aliases)
    unit.facts += _executor_facts(executors, act.language, unit.text, unit.span[0])
    unit.executors_read = True


def _label(node: Node) -> str | None:
    if node.number is None:
        return None
    label = node.number.strip(_LABEL_TRIM).casefold()
    return label or None


def _is_repeated_header(node: Node, headers: list[set[str]]) -> bool:
    cells = {c.strip() for c in node.cells or () if c.strip()}
    return bool(cells) and any(cells <= header for header in headers)


def _units(act: Act, basis: _Basis) -> list[_Unit]:
    lang, text = act.language, act.text
    units: list[_Unit] = []
    title = act.act.title
    if title and (at := text.find(title)) >= 0:
        units.append(_Unit(("title",), "title", None, (at, at + len(title)), title, -1,
                           facts=_facts(title, lang, at, basis)))
    items = {(item.path, item.span[0]): item for item in act.items}
    item_paths = {item.path for item in act.items}
    for block, top in enumerate(act.structure):
        headers: list[set[str]] = []
        stack = [top]
        while stack:
            node = stack.pop()
            stack.extend(reversed(node.children))
            if not any(ch.isalnum() for ch in node.text):
                continue  # a rule line of a table, "--"
            if node.kind == "table_row":
                if _is_repeated_header(node, headers):
                    continue
                if node.number is None:
                    headers.append({c.strip() for c in node.cells or () if c.strip()})
            unit = _Unit(node.path, node.kind, _label(node), node.span, node.text, block)
            unit.instructs = node.path in item_paths or node.kind in ("point", "subpoint") and any(
                path[:len(node.path)] == node.path for path in item_paths)
            item = items.get((node.path, node.span[0]))
            if item is not None and item.executors:
                unit.lead = _executor_facts(item.executors[:1], lang)[0]
            unit.facts = _facts(node.text, lang, node.span[0], basis)
            if item is not None and node.kind == "table_row":
                _read_executors(unit, act, item.executors)
            elif unit.instructs:
                _read_executors(unit, act)
            units.append(unit)
    roles = {"control": act.control.span if act.control else None, "effective": _effective_span(act)}
    for unit in units:
        unit.keys = frozenset([f.key for f in unit.facts if not f.wildcard] + [
            ("role", role) for role, span in roles.items() if span and unit.span[0] <= span[0] < unit.span[1]])
    return units


def _effective_span(act: Act) -> Span | None:
    """Where the clause on the entry into force is: the alignment pairs it with its twin."""
    if not act.effective.text:
        return None
    at = act.text.find(act.effective.text)
    return (at, at + len(act.effective.text)) if at >= 0 else None


# ---------------------------------------------------------------------------------------------
# Alignment
# ---------------------------------------------------------------------------------------------

_RELATED_KINDS = frozenset({"point", "subpoint", "paragraph"})


def _score(ru: Sequence[_Unit], kk: Sequence[_Unit]) -> float:
    """How alike two groups of consecutive units are, in [0, 1]."""
    a, b = ru[0], kk[0]
    if a.label is not None and b.label is not None:
        label = 1.0 if a.label == b.label else 0.0
    else:
        label = 0.6 if a.label is None and b.label is None else 0.25
    if a.kind == b.kind:
        kind = 1.0
    else:
        kind = 0.5 if {a.kind, b.kind} <= _RELATED_KINDS else 0.0
    keys_a = a.keys if len(ru) == 1 else frozenset().union(*(u.keys for u in ru))
    keys_b = b.keys if len(kk) == 1 else frozenset().union(*(u.keys for u in kk))
    union = len(keys_a | keys_b)
    facts = len(keys_a & keys_b) / union if union else 0.5
    length_a, length_b = sum(len(u.text) for u in ru), sum(len(u.text) for u in kk)
    ratio = math.log((length_b + 20) / (length_a + 20)) - _LENGTH_RATIO
    length = math.exp(-ratio * ratio / (2 * _LENGTH_SPREAD ** 2))
    w = _WEIGHTS
    return w["label"] * label + w["kind"] * kind + w["facts"] * facts + w["length"] * length


def _continues(unit: _Unit) -> bool:
    """An unnumbered paragraph: it may be the rest of the paragraph before it."""
    return unit.kind == "paragraph" and unit.label is None


@dataclass(frozen=True)
class _Step:
    ru: tuple[int, ...]
    kk: tuple[int, ...]
    score: float


def _align(ru: list[_Unit], kk: list[_Unit]) -> list[_Step]:
    """The cheapest alignment: 1-1 pairs, gaps, and 2-1 / 1-2 joins of a split paragraph."""
    n, m = len(ru), len(kk)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    band = _BAND + abs(n - m)
    for i in range(n + 1):
        centre = i * m // n if n else 0
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            here = cost[i][j]
            if here == inf:
                continue
            moves: list[tuple[int, int, float, float]] = []
            if i < n and j < m:
                s = _score(ru[i:i + 1], kk[j:j + 1])
                moves.append((1, 1, 1 - s, s))
                if i + 1 < n and _continues(ru[i + 1]):
                    s = _score(ru[i:i + 2], kk[j:j + 1])
                    moves.append((2, 1, 1 - s + _MERGE_PENALTY, s))
                if j + 1 < m and _continues(kk[j + 1]):
                    s = _score(ru[i:i + 1], kk[j:j + 2])
                    moves.append((1, 2, 1 - s + _MERGE_PENALTY, s))
            if i < n:
                moves.append((1, 0, _GAP_COST, 0.0))
            if j < m:
                moves.append((0, 1, _GAP_COST, 0.0))
            for di, dj, step, s in moves:
                if here + step < cost[i + di][j + dj]:
                    cost[i + di][j + dj] = here + step
                    back[i + di][j + dj] = (di, dj, s)
    steps: list[_Step] = []
    i, j = n, m
    while i or j:
        di, dj, s = back[i][j]
        steps.append(_Step(tuple(range(i - di, i)), tuple(range(j - dj, j)), s))
        i, j = i - di, j - dj
    return steps[::-1]


# ---------------------------------------------------------------------------------------------
# Differences
# ---------------------------------------------------------------------------------------------

def _same_date(term: _Fact, date: _Fact) -> bool:
    """A term of one version and a bare date of the other name the same day."""
    if term.date is None or date.date is None:
        return False
    (d1, m1, y1), (d2, m2, y2) = term.date, date.date
    return d1 == d2 and m1 == m2 and (y1 is None or y2 is None or y1 == y2)


def _matches(a: _Fact, b: _Fact) -> bool:
    if a.key == b.key:
        return True
    kinds = {a.kind, b.kind}
    if "date" in kinds and kinds <= {"date", "deadline"}:
        return _same_date(a, b)
    if kinds == {"number"}:  # "пятьдесят и менее процентов" / "50 %": the sign may stand apart
        return a.key[1] == b.key[1]
    if kinds == {"reference", "number"}:  # "приложение 3" / "№ 3 қосымша"
        reference, number = (a, b) if a.kind == "reference" else (b, a)
        return number.key[0] == "number" and reference.key[1] == str(number.key[1])
    return False


def _cancel(left: list[_Fact], right: list[_Fact]) -> None:
    """Drop every fact of ``left`` that has a twin in ``right``, and the twin."""
    for a in list(left):
        twin = next((b for b in right if _matches(a, b)), None)
        if twin is not None:
            left.remove(a)
            right.remove(twin)


def _unique(facts: Iterable[_Fact]) -> list[_Fact]:
    seen: dict[tuple, _Fact] = {}
    for fact in facts:
        seen.setdefault(fact.key, fact)
    return list(seen.values())


@dataclass
class _Pair:
    step: _Step
    ru: list[_Unit]
    kk: list[_Unit]
    ru_left: list[_Fact] = field(default_factory=list)
    kk_left: list[_Fact] = field(default_factory=list)


def _passage(units: Sequence[_Unit]) -> tuple[tuple[str, ...], Span] | tuple[None, None]:
    if not units:
        return None, None
    return units[0].path, (units[0].span[0], units[-1].span[1])


def _discrepancy(kind: DiscrepancyKind, ru_act: Act, kk_act: Act, ru: Sequence[_Unit], kk: Sequence[_Unit],
                 ru_facts: Sequence[_Fact], kk_facts: Sequence[_Fact], detail: str) -> Discrepancy:
    ru_path, ru_span = _passage(ru)
    kk_path, kk_span = _passage(kk)
    return Discrepancy(
        kind=kind, ru_path=ru_path, kk_path=kk_path, ru_span=ru_span, kk_span=kk_span,
        ru_text=ru_act.text[ru_span[0]:ru_span[1]] if ru_span else None,
        kk_text=kk_act.text[kk_span[0]:kk_span[1]] if kk_span else None,
        ru_marks=tuple(sorted(f.span for f in ru_facts)), kk_marks=tuple(sorted(f.span for f in kk_facts)),
        ru_value="; ".join(f.shown for f in ru_facts) or None, kk_value="; ".join(f.shown for f in kk_facts) or None,
        detail=detail)


def _where(units: Sequence[_Unit]) -> str:
    unit = units[0]
    if unit.kind == "title":
        return "the title"
    if not unit.path:
        return "the preamble"
    place = ".".join(p for p in unit.path if p != "header")
    return f"{unit.kind.replace('_', ' ')} {place}" if unit.kind != "paragraph" else f"a paragraph of {place}"


def _pair_discrepancies(pair: _Pair, ru_act: Act, kk_act: Act) -> list[Discrepancy]:
    found: list[Discrepancy] = []
    ru, kk = pair.ru, pair.kk
    where = _where(ru)

    def left(side: list[_Fact], *kinds: str) -> list[_Fact]:
        return [f for f in side if f.kind in kinds]

    ru_terms, kk_terms = left(pair.ru_left, "deadline"), left(pair.kk_left, "deadline")
    ru_dates, kk_dates = left(pair.ru_left, "date"), left(pair.kk_left, "date")
    if ru_terms or kk_terms:  # against the other version's term, or the bare date in its place
        if not ru_terms:
            ru_terms, ru_dates = ru_dates, []
        if not kk_terms:
            kk_terms, kk_dates = kk_dates, []
        detail = (f"{where}: the terms differ" if ru_terms and kk_terms else
                  f"{where}: a term only in the {'Russian' if ru_terms else 'Kazakh'} version")
        found.append(_discrepancy("deadline", ru_act, kk_act, ru, kk, ru_terms, kk_terms, detail))
    if ru_dates or kk_dates:
        found.append(_discrepancy("date", ru_act, kk_act, ru, kk, ru_dates, kk_dates, f"{where}: the dates differ"))
    ru_refs, kk_refs = left(pair.ru_left, "reference"), left(pair.kk_left, "reference")
    ru_numbers, kk_numbers = left(pair.ru_left, "number"), left(pair.kk_left, "number")
    if ru_refs or kk_refs:  # with the figures the other version has in their place
        if not ru_refs:
            ru_refs, ru_numbers = ru_numbers, []
        if not kk_refs:
            kk_refs, kk_numbers = kk_numbers, []
        found.append(_discrepancy("reference", ru_act, kk_act, ru, kk, ru_refs, kk_refs,
                                  f"{where}: the numbers after № differ"))
    ru_digits = [f for f in ru_numbers if not f.word]
    kk_digits = [f for f in kk_numbers if not f.word]
    if ru_digits or kk_digits or (ru_numbers and kk_numbers):
        found.append(_discrepancy("number", ru_act, kk_act, ru, kk, ru_numbers, kk_numbers,
                                  f"{where}: the figures differ"))
    executor = _executor_discrepancy(pair, ru_act, kk_act, where)
    if executor is not None:
        found.append(executor)
    return found


def _executor_discrepancy(pair: _Pair, ru_act: Act, kk_act: Act, where: str) -> Discrepancy | None:
    ru_left = [f for f in pair.ru_left if f.kind == "executor"]
    kk_left = [f for f in pair.kk_left if f.kind == "executor"]
    ru_ids = [f for f in ru_left if f.key[0] == "id"]
    kk_ids = [f for f in kk_left if f.key[0] == "id"]
    if not (ru_ids and kk_ids):
        # a body the gazetteer knows in one version may be the unknown name of the other: a known
        # body is told missing only when the other version names nobody the gazetteer does not know
        if any(f.wildcard for u in pair.kk for f in u.facts):
            ru_ids = []
        if any(f.wildcard for u in pair.ru for f in u.facts):
            kk_ids = []
    ru_shown = ru_ids + [f for f in ru_left if f.key[0] == "person"]
    kk_shown = kk_ids + [f for f in kk_left if f.key[0] == "person"]
    notes = []
    if ru_shown or kk_shown:
        notes.append("other executors")
    ru_lead, kk_lead = pair.ru[0].lead, pair.kk[0].lead
    lead_differs = (ru_lead is not None and kk_lead is not None and not ru_lead.wildcard and not kk_lead.wildcard
                    and _named_in(ru_lead, pair.ru[0]) and _named_in(kk_lead, pair.kk[0])  # not inherited
                    and not _same_executor(ru_lead, kk_lead))
    if lead_differs:
        notes.append(f"the lead executor is {ru_lead.shown} in Russian, {kk_lead.shown} in Kazakh")
        ru_shown = _unique(ru_shown + [ru_lead])
        kk_shown = _unique(kk_shown + [kk_lead])
    if not notes:
        return None
    return _discrepancy("executor", ru_act, kk_act, pair.ru, pair.kk, ru_shown, kk_shown,
                        f"{where}: " + "; ".join(notes))


def _named_in(fact: _Fact, unit: _Unit) -> bool:
    return unit.span[0] <= fact.span[0] < unit.span[1]


def _same_executor(a: _Fact, b: _Fact) -> bool:
    """One executor: the same id, or one person. A person's surname is spelled after the rules of
    each language and takes its case endings ("Абдикадирову Т." / "Т.Ә. Әбдіқадыров"), so the
    surnames are compared without their last letters, and the initials may lack the patronymic."""
    if a.key[0] == "person" and b.key[0] == "person":
        (_, surname_a, initials_a), (_, surname_b, initials_b) = a.key, b.key
        shorter = min(len(initials_a), len(initials_b))
        if initials_a[:shorter] != initials_b[:shorter]:
            return False
        stem = max(3, min(len(surname_a), len(surname_b)) - 2)
        return fuzz.ratio(surname_a[:stem], surname_b[:stem]) >= _PERSON_SIMILARITY
    return a.key == b.key


def _cancel_persons(left: list[_Fact], right: list[_Fact]) -> None:
    """Persons spelled differently in the two languages ("Амерханова Ж.А." / "Ж.Ә. Әмірханова")."""
    for a in [f for f in left if f.key[0] == "person"]:
        twin = next((b for b in right if b.key[0] == "person" and _same_executor(a, b)), None)
        if twin is not None:
            left.remove(a)
            right.remove(twin)


def _covered_by_label(facts: list[_Fact], units: Sequence[_Unit]) -> list[_Fact]:
    """A figure written as the label of a node ("14) тармақша ...", or the quoted "70." of an
    amendment) is compared as the label, not as a figure."""
    labels = {u.label for u in units if u.label}
    return [f for f in facts if not (f.kind == "number" and f.key[0] == "number" and str(f.key[1]) in labels)]


def _reportable(units: Sequence[_Unit]) -> bool:
    """A unit missing in the other version is reported unless it is a table's header row (a
    header one version repeats or splits is layout, not content)."""
    return any(not (u.kind == "table_row" and u.label is None) for u in units)


def _is_row(pair: _Pair) -> bool:
    return any(u.kind == "table_row" for u in pair.ru + pair.kk)


def _same_point(pair: _Pair, other: _Pair) -> bool:
    """Whether two pairs lie in one top-level point (of either version)."""
    return bool({u.block for u in pair.ru} & {u.block for u in other.ru}
                or {u.block for u in pair.kk} & {u.block for u in other.kk})


def _differences(ru_act: Act, kk_act: Act, ru: list[_Unit], kk: list[_Unit],
                 steps: list[_Step]) -> tuple[list[Discrepancy], list[AlignedPair]]:
    pairs = [_Pair(step, [ru[i] for i in step.ru], [kk[j] for j in step.kk]) for step in steps]
    for pair in pairs:
        if any(u.instructs for u in pair.ru + pair.kk):  # the twin of an instruction may not read as one
            for unit in pair.ru:
                _read_executors(unit, ru_act)
            for unit in pair.kk:
                _read_executors(unit, kk_act)
        pair.ru_left = _unique(f for u in pair.ru for f in u.facts if not f.wildcard)
        pair.kk_left = _unique(f for u in pair.kk for f in u.facts if not f.wildcard)
        if pair.ru and pair.kk:
            _cancel(pair.ru_left, pair.kk_left)
            _cancel_persons(pair.ru_left, pair.kk_left)
    for index, pair in enumerate(pairs):  # leftovers of neighbouring pairs of one point
        if not (pair.ru_left or pair.kk_left) or _is_row(pair):
            continue
        for other in pairs[max(0, index - _WINDOW):index + _WINDOW + 1]:
            if other is not pair and not _is_row(other) and _same_point(pair, other):
                _cancel(pair.ru_left, other.kk_left)
                _cancel(other.ru_left, pair.kk_left)
    found: list[Discrepancy] = []
    aligned: list[AlignedPair] = []
    for pair in pairs:
        if pair.ru and pair.kk:
            pair.ru_left = _covered_by_label(pair.ru_left, pair.ru + pair.kk)
            pair.kk_left = _covered_by_label(pair.kk_left, pair.ru + pair.kk)
            ru_path, ru_span = _passage(pair.ru)
            kk_path, kk_span = _passage(pair.kk)
            aligned.append(AlignedPair(ru_path=ru_path, kk_path=kk_path, ru_span=ru_span, kk_span=kk_span,
                                       score=round(pair.step.score, 3)))
            a, b = pair.ru[0], pair.kk[0]
            if a.label and b.label and a.label != b.label:
                numbering = _discrepancy("numbering", ru_act, kk_act, pair.ru, pair.kk, [], [],
                                         f"{_where(pair.ru)} is numbered {a.label} in the Russian version, "
                                         f"{b.label} in the Kazakh")
                found.append(numbering.model_copy(update={"ru_value": a.label, "kk_value": b.label}))
            found += _pair_discrepancies(pair, ru_act, kk_act)
        elif not _reportable(pair.ru + pair.kk):
            continue
        elif pair.ru:
            found.append(_discrepancy("missing_in_kk", ru_act, kk_act, pair.ru, [], [], [],
                                      f"{_where(pair.ru)} of the Russian version has no Kazakh twin"))
        else:
            found.append(_discrepancy("missing_in_ru", ru_act, kk_act, [], pair.kk, [], [],
                                      f"{_where(pair.kk)} of the Kazakh version has no Russian twin"))
    return found, aligned


# ---------------------------------------------------------------------------------------------
# Requisites
# ---------------------------------------------------------------------------------------------

def _first(text: str, pattern: re.Pattern[str] | None, value: str | None) -> tuple[Span, ...]:
    """Where the act's text writes ``value`` (to highlight a requisite), if it does."""
    if not value:
        return ()
    if pattern is not None:
        for m in pattern.finditer(text):
            if m.group("number").casefold() == value.casefold():
                return (m.span(),)
    at = text.find(value)
    return ((at, at + len(value)),) if at >= 0 else ()


def _requisite(kind: DiscrepancyKind, ru_act: Act, kk_act: Act, ru_value: str, kk_value: str,
               ru_marks: tuple[Span, ...], kk_marks: tuple[Span, ...], detail: str) -> Discrepancy:
    ru_span = ru_marks[0] if ru_marks else None
    kk_span = kk_marks[0] if kk_marks else None
    return Discrepancy(kind=kind, ru_span=ru_span, kk_span=kk_span,
                       ru_text=ru_act.text[ru_span[0]:ru_span[1]] if ru_span else None,
                       kk_text=kk_act.text[kk_span[0]:kk_span[1]] if kk_span else None,
                       ru_marks=ru_marks, kk_marks=kk_marks, ru_value=ru_value, kk_value=kk_value, detail=detail)


def _requisites(ru: Act, kk: Act) -> list[Discrepancy]:
    found: list[Discrepancy] = []
    a, b = ru.act, kk.act
    if a.kind and b.kind and a.kind != b.kind:
        found.append(_requisite("act_kind", ru, kk, a.kind, b.kind, (), (), "the versions are acts of another kind"))
    if a.number and b.number and a.number.casefold() != b.number.casefold():
        found.append(_requisite("act_number", ru, kk, a.number, b.number,
                                _first(ru.text, structure_grammar("ru").number, a.number),
                                _first(kk.text, structure_grammar("kk").number, b.number),
                                "the act numbers differ"))
    if a.date and b.date and a.date != b.date:
        found.append(_requisite("act_date", ru, kk, a.date.isoformat(), b.date.isoformat(),
                                _date_marks(ru, a.date), _date_marks(kk, b.date), "the act dates differ"))
    if ru.effective.date and kk.effective.date and ru.effective.date != kk.effective.date:
        found.append(_requisite("effective_date", ru, kk, ru.effective.date.isoformat(), kk.effective.date.isoformat(),
                                _first(ru.text, None, ru.effective.text), _first(kk.text, None, kk.effective.text),
                                "the versions enter into force on different days"))
    ru_body = ru.control.body.id if ru.control and ru.control.body else None
    kk_body = kk.control.body.id if kk.control and kk.control.body else None
    if ru_body and kk_body and ru_body != kk_body:
        found.append(_requisite("control_body", ru, kk, ru_body, kk_body, (ru.control.span,), (kk.control.span,),
                                "the act is put on the control of another body"))
    return found


def _inside(marks: Sequence[Span], span: Span | None) -> bool:
    return span is not None and all(span[0] <= start and end <= span[1] for start, end in marks)


def _date_marks(act: Act, day: dt.date) -> tuple[Span, ...]:
    for (start, end), (d, m, y) in _dates(act.text, act.language):
        if (d, m, y) == (day.day, day.month, day.year):
            return ((start, end),)
    return ()


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

def compare_acts(ru: Act, kk: Act) -> Comparison:
    """Compare the Russian and the Kazakh version of one act.

    Both versions are read as of the Russian act's date (relative terms count from it in both),
    so that a term is compared by its due date, not its words. Raises :class:`LanguageError` when
    ``ru`` is not Russian or ``kk`` is not Kazakh.
    """
    if ru.language != "ru" or kk.language != "kk":
        raise LanguageError(f"compare: expected a Russian and a Kazakh act, got {ru.language!r} and {kk.language!r}")
    written = ru.act.date or kk.act.date
    basis = _Basis(written or _ASSUMED_BASIS, assumed=written is None)
    ru_units, kk_units = _units(ru, basis), _units(kk, basis)
    steps = _align(ru_units, kk_units)
    found, aligned = _differences(ru, kk, ru_units, kk_units, steps)
    requisites = _requisites(ru, kk)
    if any(d.kind == "effective_date" for d in requisites):  # its date is not reported again
        clauses = (_effective_span(ru), _effective_span(kk))
        found = [d for d in found if not (d.kind == "date" and _inside(d.ru_marks, clauses[0])
                                          and _inside(d.kk_marks, clauses[1]))]
    found = requisites + found
    return Comparison(ru_source=ru.source, kk_source=kk.source, agree=not found,
                      discrepancies=tuple(found), aligned_pairs=tuple(aligned))
