"""The state-body gazetteer: canonical bodies, officials, companies and groups, found in text
in any case form.

Entries come from ``corpora/gazetteer/*.toml`` (schema in that folder's README) and optional user
files. Every wording of an entry (official name, short forms, variants, former names) becomes a
sequence of word keys (Russian: every pymorphy3 normal form of a word; Kazakh: every suffix
analysis stem), stored in a token trie. Text is keyed the same way and a text word matches a name
word when their key sets intersect, so «Министерству иностранных дел», «совместно с
Министерством финансов», «Қазақстан Республикасының Сыртқы істер министрлігіне» all find their
nominative names. Abbreviations (a name word in capitals, «МИД») match only words written in
capitals («МИДом»). Of overlapping matches the longest wins.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from spacy.tokens import Doc

from tapsyrma.corpora import data_path

from .errors import DataError, LanguageError
from .morphology import lemmas_ru, stems_kk
from .nlp import LANGUAGES, nlp

__all__ = ["Entry", "FormerName", "Gazetteer", "GazetteerMatch", "Via", "gazetteer"]

Via = Literal["name", "short", "former", "variant"]
EntryKind = Literal["body", "official", "company", "group"]

# Quotes around company names («Самрук-Қазына») are left out of names and text alike.
_QUOTES = frozenset("«»\"“”„'‘’")
# How a name was written counts when one wording belongs to several entries.
_VIA_PRIORITY: dict[str, int] = {"name": 0, "short": 1, "variant": 2, "former": 3}
_ABBREVIATION_MARK = "="


class FormerName(BaseModel):
    """An earlier name of an entry, used until (and including) ``until``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name_ru: str = Field(min_length=2)
    name_kk: str = Field(min_length=2)
    until: dt.date


class Entry(BaseModel):
    """One body, official, company or group of the gazetteer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
    kind: EntryKind
    name_ru: str = Field(min_length=2)
    name_kk: str = Field(min_length=2)
    short_ru: tuple[str, ...] = ()
    short_kk: tuple[str, ...] = ()
    parent: str | None = None
    abolished: dt.date | None = None
    successors: tuple[str, ...] = ()
    former: tuple[FormerName, ...] = ()
    members: str | None = None
    variants_ru: tuple[str, ...] = ()
    variants_kk: tuple[str, ...] = ()

    @field_validator("short_ru", "short_kk", "variants_ru", "variants_kk")
    @classmethod
    def _trimmed(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        for value in values:
            if not value.strip() or value != value.strip():
                raise ValueError(f"expected trimmed non-empty names, got {value!r}")
        return values

    @model_validator(mode="after")
    def _group_fields(self) -> Entry:
        if (self.kind == "group") != (self.members is not None):
            raise ValueError("expected 'members' on groups and only on groups")
        if self.kind != "group" and (self.variants_ru or self.variants_kk):
            raise ValueError("expected variants_ru/variants_kk on groups only (bodies use short_*)")
        return self

    def name(self, lang: str) -> str:
        return getattr(self, f"name_{lang}")

    def wordings(self, lang: str) -> Iterator[tuple[str, Via, FormerName | None]]:
        """Every wording of the entry in ``lang`` with how it names the entry."""
        yield self.name(lang), "name", None
        for short in getattr(self, f"short_{lang}"):
            yield short, "short", None
        for variant in getattr(self, f"variants_{lang}"):
            yield variant, "variant", None
        for former in self.former:
            yield getattr(former, f"name_{lang}"), "former", former

    def period(self, former: FormerName | None) -> tuple[dt.date, dt.date]:
        """The days a wording was in use: a former name up to its ``until``, the present names
        from the last renaming up to the abolition."""
        dates = [f.until for f in self.former]
        if former is not None:
            index = self.former.index(former)
            start = dates[index - 1] + dt.timedelta(days=1) if index else dt.date.min
            return start, former.until
        start = max(dates) + dt.timedelta(days=1) if dates else dt.date.min
        return start, self.abolished or dt.date.max


@dataclass(frozen=True)
class GazetteerMatch:
    """A gazetteer wording found in text: ``start``/``end`` are character offsets, ``tokens``
    the token range of the spaCy Doc it was found in."""

    entry: Entry
    start: int
    end: int
    text: str
    via: Via
    former: FormerName | None = None
    tokens: tuple[int, int] = (0, 0)
    wording: str = ""  # the gazetteer wording it was found by, as the gazetteer writes it


@dataclass(frozen=True)
class _Candidate:
    entry: Entry
    via: Via
    former: FormerName | None
    wording: str


@dataclass
class _Node:
    edges: dict[str, _Node] = field(default_factory=dict)
    candidates: list[_Candidate] = field(default_factory=list)


def _is_abbreviation(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


@lru_cache(maxsize=1 << 18)
def word_keys(word: str, lang: str) -> frozenset[str]:
    """The keys a text word matches by: its lemmas/stems, and, when it starts with two capitals
    (МИД, МИДом, ҚР-ның), the same keys marked as an abbreviation."""
    if word in _QUOTES:
        return frozenset()
    if not any(ch.isalnum() for ch in word):
        return frozenset((word,))
    keys = lemmas_ru(word) if lang == "ru" else stems_kk(word)
    if word[:2].isupper():
        capitals = len(word) - len(word.lstrip("".join(ch for ch in set(word) if ch.isupper())))
        marked = {_ABBREVIATION_MARK + key for key in keys}
        marked.add(_ABBREVIATION_MARK + word[:capitals].casefold())
        return frozenset(keys) | marked
    return frozenset(keys)


def _name_keys(word: str, lang: str) -> frozenset[str]:
    """Keys of a word of a gazetteer name: a word in capitals matches abbreviations only."""
    keys = word_keys(word, lang)
    if _is_abbreviation(word):
        return frozenset(key for key in keys if key.startswith(_ABBREVIATION_MARK))
    return keys


def _resolve(candidates: Sequence[_Candidate], on: dt.date | None) -> _Candidate:
    """One entry for a wording several entries share: the one using it on ``on``, else a
    present name over a former one, then by how it was named."""
    def rank(candidate: _Candidate) -> tuple:
        start, end = candidate.entry.period(candidate.former)
        in_use = on is not None and start <= on <= end
        current = candidate.former is None and candidate.entry.abolished is None
        return (not in_use, not current, _VIA_PRIORITY[candidate.via])

    return min(candidates, key=rank)


class Gazetteer:
    """Entries by id, lookup of a wording, and matching of wordings in text."""

    def __init__(self, entries: Iterable[Entry]):
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._by_id = {entry.id: entry for entry in self.entries}
        self._tries: dict[str, _Node] = {}

    @classmethod
    def load(cls, extra_paths: Iterable[str | Path] = (), *, directory: str | Path | None = None) -> Gazetteer:
        """The bundled gazetteer (or the ``*.toml`` files of ``directory``) plus user files."""
        folder = Path(directory) if directory is not None else data_path("gazetteer")
        paths = sorted(folder.glob("*.toml")) + [Path(p) for p in extra_paths]
        entries: list[Entry] = []
        origin: dict[str, Path] = {}
        for path in paths:
            for entry in _read_file(path):
                if entry.id in origin:
                    raise DataError(f"gazetteer {path}: entry {entry.id!r}: expected a new id, got one already defined in {origin[entry.id]}")
                origin[entry.id] = path
                entries.append(entry)
        for entry in entries:
            for ref in ([entry.parent] if entry.parent else []) + list(entry.successors):
                if ref not in origin:
                    raise DataError(f"gazetteer {origin[entry.id]}: entry {entry.id!r}: expected parent/successor ids of existing entries, got {ref!r}")
        return cls(entries)

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def _trie(self, lang: str) -> _Node:
        if lang not in LANGUAGES:
            raise LanguageError(f"gazetteer: expected one of {', '.join(LANGUAGES)}, got {lang!r}")
        if lang not in self._tries:
            tokenizer = nlp(lang).tokenizer
            root = _Node()
            for entry in self.entries:
                for wording, via, former in entry.wordings(lang):
                    keys = [_name_keys(t.text, lang) for t in tokenizer(wording) if not t.is_space]
                    keys = [k for k in keys if k]
                    if keys:
                        _insert(root, keys).candidates.append(_Candidate(entry, via, former, wording))
            self._tries[lang] = root
        return self._tries[lang]

    def lookup(self, name: str, lang: str, *, on: dt.date | None = None) -> Entry | None:
        """The entry a wording (name, short form, former name, variant; any case form) names."""
        keys = [k for k in (word_keys(t.text, lang) for t in nlp(lang).tokenizer(name) if not t.is_space) if k]
        nodes = [self._trie(lang)]
        for word in keys:
            nodes = _step(nodes, word)
        candidates = [c for node in nodes for c in node.candidates]
        return _resolve(candidates, on).entry if candidates and keys else None

    def matches(self, text: str, lang: str, *, on: dt.date | None = None) -> list[GazetteerMatch]:
        """Every wording found in ``text``, longest first on overlaps, in text order."""
        return self.match_doc(nlp(lang).make_doc(text), lang, on=on)

    def match_doc(self, doc: Doc, lang: str, *, on: dt.date | None = None) -> list[GazetteerMatch]:
        """As :meth:`matches`, on a Doc of ``nlp(lang)``; ``tokens`` index into ``doc``."""
        root = self._trie(lang)
        positions = [i for i, token in enumerate(doc) if token.text not in _QUOTES and not token.is_space]
        keys = [word_keys(doc[i].text, lang) for i in positions]
        found: list[tuple[int, int, list[_Candidate]]] = []
        for first in range(len(positions)):
            nodes = [root]
            for last in range(first, len(positions)):
                nodes = _step(nodes, keys[last])
                if not nodes:
                    break
                candidates = [c for node in nodes for c in node.candidates]
                if candidates:
                    found.append((first, last, candidates))
        taken = [False] * len(positions)
        chosen = []
        for first, last, candidates in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if any(taken[first : last + 1]):
                continue
            taken[first : last + 1] = [True] * (last - first + 1)
            start_token, end_token = doc[positions[first]], doc[positions[last]]
            start, end = start_token.idx, end_token.idx + len(end_token)
            best = _resolve(candidates, on)
            chosen.append(GazetteerMatch(best.entry, start, end, doc.text[start:end], best.via, best.former,
                                         (positions[first], positions[last] + 1), best.wording))
        return sorted(chosen, key=lambda m: m.start)


def _insert(root: _Node, keys: Sequence[frozenset[str]]) -> _Node:
    node = root
    for word in keys:
        child = next((node.edges[k] for k in sorted(word) if k in node.edges), None) or _Node()
        for key in word:
            node.edges.setdefault(key, child)
        node = child
    return node


def _step(nodes: list[_Node], word: frozenset[str]) -> list[_Node]:
    following: dict[int, _Node] = {}
    for node in nodes:
        for key in word:
            child = node.edges.get(key)
            if child is not None:
                following[id(child)] = child
    return list(following.values())


def _read_file(path: Path) -> list[Entry]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise DataError(f"gazetteer: expected a file, got no file {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"gazetteer {path}: expected valid TOML, got {exc}") from None
    if set(data) - {"entry"}:
        raise DataError(f"gazetteer {path}: expected only [[entry]] tables, got {sorted(data)}")
    entries = []
    for number, raw in enumerate(data.get("entry", []), start=1):
        try:
            entries.append(Entry.model_validate(raw))
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(part) for part in error["loc"]) or "entry"
            name = raw.get("id", f"#{number}") if isinstance(raw, dict) else f"#{number}"
            raise DataError(f"gazetteer {path}: entry {name!r}: {where}: {error['msg']}, got {error.get('input')!r}") from None
    return entries


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once."""
    return Gazetteer.load()
