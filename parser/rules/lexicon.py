"""The control-rules lexicon: ``corpora/lang/<lang>/control_rules.toml``, validated and compiled.

A pattern names word stems with explicit endings (``закон~`` a short ending, ``строительств*`` any
ending, ``…`` a gap of up to four words), so the same small grammar serves Russian inflection and
Kazakh suffixes. Each subject's patterns compile once into one regular expression; :func:`find`
returns the hits with offsets, and the decision modules interpret them.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import DataError
from ..langdata import load
from ..model import Language

_FILE = "control_rules"
_GAP_TOKENS = frozenset({"…", "..."})
_GAP = r"(?:\W+\w+){0,4}?"
_SHORT_ENDING = r"\w{0,3}"


class _Group(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @field_validator("*")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("expected at least one pattern")
        for pattern in value:
            _pattern_regex(pattern)
        return value


class _Act(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    president: list[str]
    presidential_kinds: list[str]


class _Sources(_Group):
    security_council: list[str]
    assembly: list[str]
    personal: list[str]
    published: list[str]
    national_plan: list[str]


class _Level(_Group):
    strategic: list[str]
    legislation: list[str]
    large_project: list[str]
    administration: list[str]
    inform_president: list[str]
    resonance: list[str]
    government: list[str]
    local_bodies: list[str]


class _Monitoring(_Group):
    construction: list[str]
    monumental: list[str]
    digitalisation: list[str]
    events: list[str]
    naming: list[str]


class _Roadmap(_Group):
    new_approaches: list[str]


class _Reporting(_Group):
    monthly: list[str]
    quarterly: list[str]
    semiannual: list[str]
    annual: list[str]


class _Removal(_Group):
    named_act: list[str]


class _Lint(_Group):
    vague: list[str]


class _Refs(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    point: str
    sub: str
    part: str
    paragraph: str
    part_sub: str


class _Schema(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    act: _Act
    sources: _Sources
    level: _Level
    monitoring: _Monitoring
    roadmap: _Roadmap
    reporting: _Reporting
    removal: _Removal
    lint: _Lint
    refs: _Refs
    names: dict[str, str]
    notes: dict[str, str]
    messages: dict[str, str]


_GROUPS = ("sources", "level", "monitoring", "roadmap", "reporting", "removal", "lint")
# Names, notes and messages the engine uses: a missing one is a data error at load, not a KeyError
# in the middle of a decision.
_NAMES = (
    *(f"level_{n}" for n in range(1, 7)),
    "roadmap_term", "roadmap_executors", "roadmap_approaches",
    *(f"ground_{n}" for n in range(1, 5)),
    "severity_error", "severity_warning", "severity_info",
)  # fmt: skip
_NOTES = (
    "not_presidential", "level_categories", "level_slip", "level_clause", "level_resonance",
    "level_other", "level_local",
    "monitoring_construction", "monitoring_digitalisation", "monitoring_legislation",
    "monitoring_events", "monitoring_general", "monitoring_also",
    "roadmap_required", "roadmap_missing", "roadmap_unknown_term", "roadmap_due", "roadmap_due_act_date",
    "deadline_stated", "deadline_working_days", "deadline_personal_stated", "deadline_personal_default",
    "deadline_personal_unsigned", "deadline_none",
    "reporting_stated", "reporting_by_term", "reporting_short", "reporting_unknown", "reporting_without",
    "extension_first", "extension_first_sc", "extension_repeated", "extension_repeated_sc",
    "extension_repeated_plan", "extension_personal", "extension_published", "extension_government",
    "extension_new_term_sc", "extension_new_term", "extension_medium_term", "extension_long_term",
    "extension_not_later", "extension_history",
    "removal_ground", "removal_by_general", "removal_by_sc", "removal_by_personal", "removal_by_government",
    "removal_monumental", "removal_construction", "removal_digitalisation", "removal_named_act",
    "removal_amendments", "removal_events", "removal_executed", "removal_superseded",
    "removal_impossible", "removal_transferred", "removal_order",
)  # fmt: skip
_MESSAGES = (
    "vague", "no_result", "deadline_before", "deadline_short", "no_deadline", "no_deadline_personal",
    "no_executors", "unknown_executor", "duplicate",
)  # fmt: skip


def _token_regex(token: str) -> tuple[str, bool]:
    """The regex of one pattern token and whether it is a word (not a quote sign)."""
    if not any(ch.isalnum() for ch in token):
        return re.escape(token), False
    if token.endswith("*"):
        return re.escape(token[:-1]) + r"\w*", True
    if token.endswith("~"):
        return re.escape(token[:-1]) + _SHORT_ENDING + r"(?!\w)", True
    return re.escape(token) + r"(?!\w)", True


def _pattern_regex(pattern: str) -> str:
    """Compile the pattern syntax of control_rules.toml into a regular expression."""
    tokens = pattern.split()
    if not tokens or tokens[0] in _GAP_TOKENS or tokens[-1] in _GAP_TOKENS:
        raise ValueError(f"expected words around any gap, got pattern {pattern!r}")
    parts: list[str] = []
    previous_is_word: bool | None = None
    gap = False
    for token in tokens:
        if token in _GAP_TOKENS:
            gap = True
            continue
        regex, is_word = _token_regex(token)
        if previous_is_word is None:
            parts.append(r"(?<!\w)" + regex if is_word else regex)
        else:
            joiner = r"\W+" if previous_is_word and is_word else r"\s*"
            parts.append((_GAP if gap else "") + joiner + regex)
        previous_is_word, gap = is_word, False
    return "".join(parts)


@dataclass(frozen=True)
class Hit:
    """A pattern of ``subject`` found at ``start:end`` of the searched text."""

    subject: str
    text: str
    start: int
    end: int


class Lexicon:
    """The validated control-rules data of one language with its compiled matchers."""

    def __init__(self, language: Language, data: _Schema) -> None:
        self.language = language
        self._data = data
        self._matchers: dict[str, re.Pattern[str]] = {}
        for group in _GROUPS:
            for subject, patterns in getattr(data, group).model_dump().items():
                self._matchers[subject] = re.compile(
                    "|".join(f"(?:{_pattern_regex(p)})" for p in patterns), re.IGNORECASE
                )
        self._president = re.compile(
            "|".join(f"(?:{_pattern_regex(p)})" for p in data.act.president), re.IGNORECASE
        )
        self.presidential_kinds = frozenset(kind.casefold() for kind in data.act.presidential_kinds)

    def find(self, subject: str, text: str) -> tuple[Hit, ...]:
        """Every non-overlapping hit of ``subject`` in ``text``."""
        return tuple(Hit(subject, m.group(0), m.start(), m.end()) for m in self._matchers[subject].finditer(text))

    def names_president(self, text: str) -> bool:
        return self._president.search(text) is not None

    def ref(self, point: str, *, sub: str | None = None, part: int | None = None, paragraph: int | None = None) -> str:
        """A reference into the Rules in this language: ``ref("42-1", sub="2)")`` → ``п.42-1 пп.2)``."""
        refs = self._data.refs
        if sub is not None and part is not None:
            return refs.part_sub.format(point=point, part=part, sub=sub)
        if sub is not None:
            return refs.sub.format(point=point, sub=sub)
        if part is not None:
            return refs.part.format(point=point, part=part)
        if paragraph is not None:
            return refs.paragraph.format(point=point, paragraph=paragraph)
        return refs.point.format(point=point)

    def name(self, key: str) -> str:
        return self._data.names[key]

    def note(self, key: str, **values: object) -> str:
        return self._data.notes[key].format(**values)

    def message(self, key: str, **values: object) -> str:
        return self._data.messages[key].format(**values)


def _check_keys(path: str, table: dict[str, str], expected: tuple[str, ...]) -> None:
    missing = sorted(set(expected) - set(table))
    unknown = sorted(set(table) - set(expected))
    if missing or unknown:
        raise DataError(f"{path}: expected keys {list(expected)}, got {missing} missing and {unknown} unknown")
    for key, text in table.items():
        try:
            list(string.Formatter().parse(text))
        except ValueError as exc:
            raise DataError(f"{path}: [{key}] expected a format string, got {text!r} ({exc})") from None


@cache
def lexicon(language: Language) -> Lexicon:
    """The control-rules lexicon of ``language``, loaded and compiled once."""
    path = f"corpora/lang/{language}/{_FILE}.toml"
    try:
        data = _Schema.model_validate(load(language, _FILE))
    except ValidationError as exc:
        raise DataError(f"{path}: expected the control-rules schema, got {exc.error_count()} errors: {exc}") from None
    _check_keys(f"{path} [names]", data.names, _NAMES)
    _check_keys(f"{path} [notes]", data.notes, _NOTES)
    _check_keys(f"{path} [messages]", data.messages, _MESSAGES)
    return Lexicon(language, data)
