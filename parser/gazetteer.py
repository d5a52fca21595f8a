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

An entry whose wordings hold ``{fields}`` is a *family* (``fields.toml``): «областное управление
{fields}» stands for one entry per field or list of fields, found wherever the text fills the
slot with fields joined by commas or conjunctions («начальник областного финансового
управления», «облыстық білім, денсаулық сақтау және мәдениет басқармаларының басшылары»). Its
members get the family id with the field ids appended (``group_regional_department_finance``);
an ordinary entry with such an id (one that adds an abbreviation) stands for that member.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc

from tapsyrma.corpora import data_path

from .errors import DataError, LanguageError
from .langdata import load
from .morphology import folded_kk, lemmas_ru, stems_kk, unjoined_kk
from .nlp import LANGUAGES, nlp

__all__ = ["ActivityField", "ActivityFields", "Entry", "FormerName", "Gazetteer", "GazetteerMatch", "PostRule", "Via", "gazetteer"]

Via = Literal["name", "short", "former", "variant"]
Phrase = tuple[frozenset[str], ...]
EntryKind = Literal["body", "official", "company", "group"]

# Quotes around company names («Самрук-Қазына») are left out of names and text alike.
_QUOTES = frozenset("«»\"“”„'‘’")
# How a name was written counts when one wording belongs to several entries.
_VIA_PRIORITY: dict[str, int] = {"name": 0, "short": 1, "variant": 2, "former": 3}
_ABBREVIATION_MARK = "="
_CONJUNCTION = frozenset({"&"})
# a misspelt word is read as a name's word when it is this long and this many words of the name
# before it are spelt right (short words one letter apart are other words: «орган», «органы»)
_MISSPELT_LENGTH = 8
_SPELT_RIGHT_BEFORE_MISSPELLING = 2
_INITIALS = re.compile(r"^(?:[^\W\d_]\.){1,3}$")
_INITIALS_AND_SURNAME = re.compile(r"^(?:[^\W\d_]\.){1,3}[^\W\d_]{2,}")
SLOT = "{fields}"
_FIELDS_FILE = "fields.toml"
_POSTS_FILE = "posts.toml"
_REST = "{rest}"


class FormerName(BaseModel):
    """An earlier name of an entry, used until (and including) ``until``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name_ru: str = Field(min_length=2)
    name_kk: str = Field(min_length=2)
    until: dt.date
    short_ru: tuple[str, ...] = ()  # the abbreviations of that name («МЦРИАП»)
    short_kk: tuple[str, ...] = ()


class ActivityField(BaseModel):
    """A field of activity that names a department («образования», «білім»): the first wording
    of a language is used in names."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
    ru: tuple[str, ...] = Field(min_length=1)
    kk: tuple[str, ...] = Field(min_length=1)

    def wordings(self, lang: str) -> tuple[str, ...]:
        return getattr(self, lang)


class ActivityFields(BaseModel):
    """The fields of ``fields.toml`` and the words that join them in a list."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    joiners_ru: tuple[str, ...] = ()
    joiners_kk: tuple[str, ...] = ()
    conjunction_ru: str = ""
    conjunction_kk: str = ""
    field: tuple[ActivityField, ...] = ()

    def joined(self, names: Sequence[str], lang: str) -> str:
        """«образования, здравоохранения и культуры»."""
        if len(names) == 1:
            return names[0]
        return f"{', '.join(names[:-1])} {getattr(self, f'conjunction_{lang}')} {names[-1]}"


class PostRule(BaseModel):
    """How an entry is named from another's name, per language: the post of a body's head
    («Министерство {rest}» → «Министр {rest}»), or the office of an official («Аким {rest}» →
    «Аппарат акима {rest}»: ``of`` official, ``kind`` body)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
    of: EntryKind = "body"  # the kind of entry the rule derives from
    kind: EntryKind = "official"  # the kind of entry it derives
    body_ru: str
    post_ru: str
    body_kk: str
    post_kk: str

    @model_validator(mode="after")
    def _one_slot(self) -> PostRule:
        if any(getattr(self, key).count(_REST) != 1 for key in ("body_ru", "post_ru", "body_kk", "post_kk")):
            raise ValueError(f"expected {_REST} once in each of body_ru, post_ru, body_kk, post_kk")
        return self

    def post(self, body_name: str, lang: str) -> str | None:
        """The post for ``body_name``, or None when the name does not fit the rule."""
        before, after = getattr(self, f"body_{lang}").split(_REST)
        if len(body_name) <= len(before) + len(after) or not body_name.startswith(before) or not body_name.endswith(after):
            return None
        return getattr(self, f"post_{lang}").replace(_REST, body_name[len(before) : len(body_name) - len(after)])


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
        slots = [w.count(SLOT) for lang in LANGUAGES for w, _, _ in self.wordings(lang)]
        if any(slots) and (set(slots) != {1} or self.former):
            raise ValueError(f"expected {SLOT} once in every wording of a family and no former names, got {slots}")
        return self

    @property
    def family(self) -> bool:
        """Whether the entry stands for one entry per field (its wordings hold ``{fields}``)."""
        return SLOT in self.name_ru

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
            for short in getattr(former, f"short_{lang}"):
                yield short, "former", former

    def name_on(self, lang: str, on: dt.date | None) -> str:
        """The name the entry had on ``on`` (a former name before its renaming), else the present one."""
        if on is not None:
            for former in self.former:
                start, until = self.period(former)
                if start <= on <= until:
                    return getattr(former, f"name_{lang}")
        return self.name(lang)

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
    misspelt: str | None = None  # the text's word one letter off the wording's («мемлекетік»)


@dataclass(frozen=True)
class _Candidate:
    entry: Entry
    via: Via
    former: FormerName | None
    wording: str


@dataclass
class _Node:
    edges: dict[str, _Node] = field(default_factory=dict)
    candidates: list = field(default_factory=list)  # _Candidate; ActivityField in the field trie
    _long_edges: dict[int, list[tuple[str, _Node]]] | None = None

    def long_edges(self, length: int) -> list[tuple[str, _Node]]:
        """The edges whose key is long enough to be read through a misspelling and ``length``
        letters long (built on first use: the trie is complete by then)."""
        if self._long_edges is None:
            self._long_edges = {}
            for key, child in self.edges.items():
                if len(key) >= _MISSPELT_LENGTH and not key.startswith(_ABBREVIATION_MARK):
                    self._long_edges.setdefault(len(key), []).append((key, child))
        return self._long_edges.get(length, [])


def _is_abbreviation(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


@lru_cache(maxsize=1 << 18)
def word_keys(word: str, lang: str) -> frozenset[str]:
    """The keys a text word matches by: its lemmas/stems (Kazakh ones also with the letters older
    acts spell in Russian folded, so «калалар» meets «қалалар»), and, when it starts with two capitals (МИД,
    МИДом, ҚР-ның), the unfolded keys marked as an abbreviation: ҚМ and КМ are two ministries."""
    if word in _QUOTES:
        return frozenset()
    if not any(ch.isalnum() for ch in word):
        return frozenset((word,))
    noun = _abbreviated_nouns(lang).get(word.casefold())
    if noun is not None:  # «гг.» is «город», «қ.» is «қала»
        return word_keys(noun, lang) | {word.casefold()}
    keys = lemmas_ru(word) if lang == "ru" else stems_kk(word)
    plain = frozenset(keys) if lang == "ru" else frozenset(keys) | {folded_kk(key) for key in keys}
    if word[:2].isupper():
        capitals = len(word) - len(word.lstrip("".join(ch for ch in set(word) if ch.isupper())))
        marked = {_ABBREVIATION_MARK + key for key in keys}
        marked.add(_ABBREVIATION_MARK + word[:capitals].casefold())
        return plain | marked
    return plain


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

    def __init__(self, entries: Iterable[Entry], fields: ActivityFields | None = None):
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.fields = fields or ActivityFields()
        self._by_id = {entry.id: entry for entry in self.entries}
        self._families = tuple(entry for entry in self.entries if entry.family)
        self._tries: dict[str, _Node] = {}
        self._family_parts_cache: dict[str, list[tuple[Entry, Phrase, Phrase, Via, str]]] = {}
        self._field_tries: dict[str, _Node] = {}
        self._family_starts: dict[str, tuple[dict[str, list], list]] = {}
        self._members: dict[tuple[str, tuple[str, ...]], Entry] = {}
        self._officials: dict[str, list[Entry]] = {}
        for entry in self.entries:
            if entry.kind == "official" and entry.parent:
                self._officials.setdefault(entry.parent, []).append(entry)

    @classmethod
    def load(cls, extra_paths: Iterable[str | Path] = (), *, directory: str | Path | None = None) -> Gazetteer:
        """The bundled gazetteer (or the ``*.toml`` files of ``directory``) plus user files."""
        folder = Path(directory) if directory is not None else data_path("gazetteer")
        paths = sorted(p for p in folder.glob("*.toml") if p.name not in (_FIELDS_FILE, _POSTS_FILE)) + [Path(p) for p in extra_paths]
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
        return cls(entries + _derived_posts(entries, _read_posts(folder / _POSTS_FILE)), _read_fields(folder / _FIELDS_FILE))

    def officials_of(self, body_id: str) -> tuple[Entry, ...]:
        """The officials whose parent is the body (its minister, chairman, akim)."""
        return tuple(self._officials.get(body_id, ()))

    def get(self, entry_id: str) -> Entry | None:
        """The entry of an id, a family member's too (``group_regional_department_finance``)."""
        entry = self._by_id.get(entry_id)
        if entry is not None:
            return entry
        for family in self._families:
            if entry_id.startswith(family.id + "_"):
                fields = self._field_ids(entry_id[len(family.id) + 1 :])
                if fields:
                    return self._member(family, fields)
        return None

    def _field_ids(self, joined: str) -> tuple[ActivityField, ...] | None:
        """The fields whose ids, joined by «_», make ``joined``."""
        if not joined:
            return ()
        for field_ in self.fields.field:
            if joined == field_.id or joined.startswith(field_.id + "_"):
                rest = self._field_ids(joined[len(field_.id) + 1 :])
                if rest is not None:
                    return (field_, *rest)
        return None

    def _member(self, family: Entry, fields: Sequence[ActivityField]) -> Entry:
        """The family's entry for ``fields`` (in the order of ``fields.toml``, each once)."""
        order = {f.id: n for n, f in enumerate(self.fields.field)}
        chosen = tuple(sorted({f.id: f for f in fields}.values(), key=lambda f: order[f.id]))
        key = (family.id, tuple(f.id for f in chosen))
        if key not in self._members:
            entry_id = "_".join((family.id, *key[1]))
            if entry_id in self._by_id:
                self._members[key] = self._by_id[entry_id]
            else:
                fill = {lang: self.fields.joined([f.wordings(lang)[0] for f in chosen], lang) for lang in LANGUAGES}
                update = {"id": entry_id}
                for lang in LANGUAGES:
                    update[f"name_{lang}"] = family.name(lang).replace(SLOT, fill[lang])
                    for part in ("short", "variants"):
                        update[f"{part}_{lang}"] = tuple(w.replace(SLOT, fill[lang]) for w in getattr(family, f"{part}_{lang}"))
                self._members[key] = family.model_copy(update=update)
        return self._members[key]

    def _trie(self, lang: str) -> _Node:
        if lang not in LANGUAGES:
            raise LanguageError(f"gazetteer: expected one of {', '.join(LANGUAGES)}, got {lang!r}")
        if lang not in self._tries:
            tokenizer = nlp(lang).tokenizer
            root = _Node()
            for entry in self.entries:
                if entry.family:
                    continue
                for wording, via, former in entry.wordings(lang):
                    keys = [self._conjoined(t.text, _name_keys(t.text, lang), lang) for t in tokenizer(wording) if not t.is_space]
                    keys = [k for k in keys if k]
                    if keys:
                        _insert(root, keys).candidates.append(_Candidate(entry, via, former, wording))
            self._tries[lang] = root
        return self._tries[lang]

    def _conjoined(self, word: str, keys: frozenset[str], lang: str) -> frozenset[str]:
        """The keys of a word, and for a conjunction of the joiners (и; және, мен, бен, пен) a key
        they share: names coordinate with any of them («қалалар мен ... округтердің» is
        «қалалардың және ... округтердің»)."""
        if word.casefold() in getattr(self.fields, f"joiners_{lang}"):
            return keys | _CONJUNCTION
        return keys

    def lookup(self, name: str, lang: str, *, on: dt.date | None = None) -> Entry | None:
        """The entry a wording (name, short form, former name, variant; any case form) names."""
        words = [(t.text.casefold(), self._conjoined(t.text, k, lang)) for t in nlp(lang).tokenizer(name) if not t.is_space and (k := word_keys(t.text, lang))]
        words = [words[i] for i in _outside_qualifiers(words, lang)]
        while words and not any(ch.isalnum() for ch in words[-1][0]):
            words.pop()  # the comma that set a qualifier off at the end
        keys = [k for _, k in words]
        unjoined = _unjoined(words, lang)
        nodes = [self._trie(lang)]
        for i, word in enumerate(keys):
            nodes = _step(nodes + _step(nodes, _CONJUNCTION) if unjoined[i] else nodes, word)
        candidates = [c for node in nodes for c in node.candidates]
        if not candidates:
            candidates = [c for end, c in self._family_matches(words, 0, lang) if end == len(words)]
        return _resolve(candidates, on).entry if candidates and keys else None

    def _family_parts(self, lang: str) -> list[tuple[Entry, Phrase, Phrase, Via, str]]:
        """Each family wording as the keys before and after its slot."""
        if lang not in self._family_parts_cache:
            tokenizer = nlp(lang).tokenizer
            def keys(text: str) -> Phrase:
                return tuple(k for t in tokenizer(text) if not t.is_space and (k := _name_keys(t.text, lang)))
            parts = []
            for family in self._families:
                for wording, via, _ in family.wordings(lang):
                    before, after = wording.split(SLOT)
                    parts.append((family, keys(before), keys(after), via, wording))
            self._family_parts_cache[lang] = parts
        return self._family_parts_cache[lang]

    def _family_parts_at(self, keys: frozenset[str], lang: str) -> list[tuple[Entry, Phrase, Phrase, Via, str]]:
        """The family wordings that can start at a word with ``keys``: those whose first word
        shares a key with it, and those that open with the fields."""
        if lang not in self._family_starts:
            by_key: dict[str, list] = {}
            open_start = []
            for part in self._family_parts(lang):
                before = part[1]
                if not before:
                    open_start.append(part)
                for key in before[0] if before else ():
                    by_key.setdefault(key, []).append(part)
            self._family_starts[lang] = (by_key, open_start)
        by_key, open_start = self._family_starts[lang]
        found = list(open_start)
        for key in keys:
            found.extend(by_key.get(key, ()))
        return list({id(part): part for part in found}.values())

    def _field_trie(self, lang: str) -> _Node:
        if lang not in self._field_tries:
            tokenizer = nlp(lang).tokenizer
            root = _Node()
            for field_ in self.fields.field:
                for wording in field_.wordings(lang):
                    keys = [k for t in tokenizer(wording) if not t.is_space and (k := _name_keys(t.text, lang))]
                    _insert(root, keys).candidates.append(field_)
            self._field_tries[lang] = root
        return self._field_tries[lang]

    def _field_at(self, words: Sequence[tuple[str, frozenset[str]]], i: int, lang: str) -> tuple[ActivityField, int] | None:
        """The longest field wording starting at word ``i``, and the index after it."""
        nodes, found = [self._field_trie(lang)], None
        for j in range(i, len(words)):
            nodes = _step(nodes, words[j][1])
            if not nodes:
                break
            fields = [f for node in nodes for f in node.candidates]
            if fields:
                found = (fields[0], j + 1)
        return found

    def _family_matches(self, words: Sequence[tuple[str, frozenset[str]]], first: int, lang: str) -> Iterator[tuple[int, _Candidate]]:
        """Family members whose wording starts at word ``first`` (words: casefolded text and
        keys), with the index after each."""
        runs: dict[int, tuple[list[ActivityField], int]] = {}  # the fields from a word on: the same for every wording
        for family, before, after, via, wording in self._family_parts_at(words[first][1], lang):
            start = _phrase_end(words, first, before)
            if start is None:
                continue
            if start not in runs:
                runs[start] = self._fields_from(words, start, lang)
            fields, i = runs[start]
            end = _phrase_end(words, i, after) if fields else None
            if end is not None and end > first:
                yield end, _Candidate(self._member(family, fields), via, None, wording)

    def _fields_from(self, words: Sequence[tuple[str, frozenset[str]]], i: int, lang: str) -> tuple[list[ActivityField], int]:
        """The list of fields starting at word ``i`` («образования, здравоохранения и культуры»)
        and the index after it."""
        joiners = frozenset(getattr(self.fields, f"joiners_{lang}"))
        fields: list[ActivityField] = []
        while (found := self._field_at(words, i, lang)) is not None:
            fields.append(found[0])
            i = found[1]
            holder = _holder_end(words, i)  # «образования Касымова Н., здравоохранения ...»
            if holder < len(words) and words[holder][0] in joiners and self._field_at(words, holder + 1, lang):
                i = holder
            if not (i < len(words) and words[i][0] in joiners and self._field_at(words, i + 1, lang)):
                break
            i += 1
        return fields, i

    def matches(self, text: str, lang: str, *, on: dt.date | None = None) -> list[GazetteerMatch]:
        """Every wording found in ``text``, longest first on overlaps, in text order."""
        return self.match_doc(nlp(lang).make_doc(text), lang, on=on)

    def match_doc(self, doc: Doc, lang: str, *, on: dt.date | None = None) -> list[GazetteerMatch]:
        """As :meth:`matches`, on a Doc of ``nlp(lang)``; ``tokens`` index into ``doc``."""
        root = self._trie(lang)
        positions = [i for i, token in enumerate(doc) if token.text not in _QUOTES and not token.is_space]
        keys = [self._conjoined(doc[i].text, word_keys(doc[i].text, lang), lang) for i in positions]
        words = [(doc[i].text.casefold(), k) for i, k in zip(positions, keys)]
        kept = _outside_qualifiers(words, lang)
        if len(kept) < len(words):
            positions, keys, words = [positions[i] for i in kept], [keys[i] for i in kept], [words[i] for i in kept]
        unjoined = _unjoined(words, lang)
        found: list[tuple[int, int, list[_Candidate], int | None]] = []
        for first in range(len(positions)):
            for end, candidate in self._family_matches(words, first, lang) if self._families else ():
                found.append((first, end - 1, [candidate], None))
            nodes, misspelt = [root], None
            for last in range(first, len(positions)):
                before = nodes + _step(nodes, _CONJUNCTION) if unjoined[last] and last > first else nodes
                nodes = _step(before, keys[last])
                if not nodes and misspelt is None and last - first >= _SPELT_RIGHT_BEFORE_MISSPELLING:
                    nodes = _step_misspelt(before, keys[last])
                    misspelt = last
                if not nodes:
                    break
                candidates = [c for node in nodes for c in node.candidates]
                if candidates and words[last][0] not in _abbreviated_nouns(lang):
                    # a name does not end with «гг.»: the abbreviation goes with the place after it
                    found.append((first, last, candidates, misspelt))
        taken = [False] * len(positions)
        chosen = []
        text = doc.text if found else ""  # spaCy joins the tokens anew on every read
        for first, last, candidates, misspelt in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if any(taken[first : last + 1]):
                continue
            taken[first : last + 1] = [True] * (last - first + 1)
            start_token, end_token = doc[positions[first]], doc[positions[last]]
            start, end = start_token.idx, end_token.idx + len(end_token)
            best = _resolve(candidates, on)
            chosen.append(GazetteerMatch(best.entry, start, end, text[start:end], best.via, best.former,
                                         (positions[first], positions[last] + 1), best.wording,
                                         doc[positions[misspelt]].text if misspelt is not None else None))
        return sorted(chosen, key=lambda m: m.start)


def _unjoined(words: Sequence[tuple[str, frozenset[str]]], lang: str) -> list[bool]:
    """For each word, whether a list's conjunction is left out before it (Kazakh genitives side
    by side): a name's conjunction may then be passed over there."""
    return [lang == "kk" and i > 0 and unjoined_kk(words[i - 1][0], word) for i, (word, _) in enumerate(words)]


def _holder_end(words: Sequence[tuple[str, frozenset[str]]], i: int) -> int:
    """The index after the person named at word ``i`` («Касымова Н.», «Н.Касымова»), else ``i``."""
    if i < len(words) and _INITIALS_AND_SURNAME.match(words[i][0]):
        return i + 1
    if i + 1 < len(words) and _INITIALS.match(words[i + 1][0]) and not _INITIALS.match(words[i][0]):
        return i + 2
    return i


@lru_cache(maxsize=len(LANGUAGES))
def _abbreviated_nouns(lang: str) -> dict[str, str]:
    """Abbreviations of place nouns and the nouns they stand for («гг.» → «город»)."""
    return {abbreviation.casefold(): noun for abbreviation, noun in load(lang, "executors")["markers"]["abbreviated_nouns"]}


@lru_cache(maxsize=len(LANGUAGES))
def _qualifiers(lang: str) -> tuple[Phrase, ...]:
    """Phrases that qualify a name without changing whom it names («независимо от форм
    собственности», «меншік түріне қарамастан»), as word keys."""
    tokenizer = nlp(lang).tokenizer
    return tuple(
        tuple(word_keys(t.text, lang) for t in tokenizer(phrase) if not t.is_space)
        for phrase in load(lang, "executors")["markers"]["transparent"]
    )


@lru_cache(maxsize=len(LANGUAGES))
def _qualifier_starts(lang: str) -> frozenset[str]:
    return frozenset(key for phrase in _qualifiers(lang) for key in phrase[0])


def _outside_qualifiers(words: Sequence[tuple[str, frozenset[str]]], lang: str) -> list[int]:
    """The indices of ``words`` outside any qualifier phrase: names are matched through those."""
    starts = _qualifier_starts(lang)
    kept, i = [], 0
    while i < len(words):
        end = None
        if words[i][1] & starts:
            end = next((e for phrase in _qualifiers(lang) if (e := _phrase_end(words, i, phrase))), None)
        if end is None:
            kept.append(i)
            i += 1
        else:
            i = end
    return kept


def _insert(root: _Node, keys: Sequence[frozenset[str]]) -> _Node:
    node = root
    for word in keys:
        child = next((node.edges[k] for k in sorted(word) if k in node.edges), None) or _Node()
        for key in word:
            node.edges.setdefault(key, child)
        node = child
    return node


def _phrase_end(words: Sequence[tuple[str, frozenset[str]]], i: int, phrase: Phrase) -> int | None:
    """The index after ``phrase`` when its words' keys meet the words' from ``i`` on."""
    if i + len(phrase) > len(words):
        return None
    if all(keys & words[i + n][1] for n, keys in enumerate(phrase)):
        return i + len(phrase)
    return None


def _step_misspelt(nodes: list[_Node], word: frozenset[str]) -> list[_Node]:
    """The nodes a word one letter off a name's word leads to («мемлекетік» for «мемлекеттік»):
    acts misspell, and a long word one letter off, well inside a name, is no other word."""
    following: dict[int, _Node] = {}
    for node in nodes:
        for w in word:
            for length in (len(w) - 1, len(w), len(w) + 1):
                for key, child in node.long_edges(length):
                    if Levenshtein.distance(key, w, score_cutoff=1) <= 1:
                        following[id(child)] = child
    return list(following.values())


def _step(nodes: list[_Node], word: frozenset[str]) -> list[_Node]:
    following: dict[int, _Node] = {}
    for node in nodes:
        for key in word:
            child = node.edges.get(key)
            if child is not None:
                following[id(child)] = child
    return list(following.values())


def _toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise DataError(f"gazetteer: expected a file, got no file {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"gazetteer {path}: expected valid TOML, got {exc}") from None


def _invalid(path: Path, exc: ValidationError, what: str, where: str) -> DataError:
    """One line for the first problem pydantic found: the file, the table, the key, the value."""
    error = exc.errors()[0]
    location = ".".join(str(part) for part in error["loc"]) or where
    return DataError(f"gazetteer {path}: {what}{location}: {error['msg']}, got {error.get('input')!r}")


def _tables(path: Path, name: str) -> list:
    data = _toml(path)
    if set(data) - {name}:
        raise DataError(f"gazetteer {path}: expected only [[{name}]] tables, got {sorted(data)}")
    return data.get(name, [])


def _read_file(path: Path) -> list[Entry]:
    entries = []
    for number, raw in enumerate(_tables(path, "entry"), start=1):
        try:
            entries.append(Entry.model_validate(raw))
        except ValidationError as exc:
            name = raw.get("id", f"#{number}") if isinstance(raw, dict) else f"#{number}"
            raise _invalid(path, exc, f"entry {name!r}: ", "entry") from None
    return entries


def _read_posts(path: Path) -> tuple[PostRule, ...]:
    if not path.exists():
        return ()
    try:
        return tuple(PostRule.model_validate(raw) for raw in _tables(path, "post"))
    except ValidationError as exc:
        raise _invalid(path, exc, "", "post") from None


def _derived_posts(entries: Sequence[Entry], rules: Sequence[PostRule]) -> list[Entry]:
    """The officials heading the bodies (and the offices of the officials) that fit a rule,
    unless an entry already names them."""
    named = {_squashed(name) for entry in entries for lang in LANGUAGES for name, _, _ in entry.wordings(lang)}
    derived = []
    for entry in entries:
        for rule in rules:
            if entry.kind != rule.of:
                continue
            name_ru, name_kk = rule.post(entry.name_ru, "ru"), rule.post(entry.name_kk, "kk")
            if name_ru is None or name_kk is None or _squashed(name_ru) in named or _squashed(name_kk) in named:
                continue
            former = tuple(
                FormerName(name_ru=ru, name_kk=kk, until=f.until, **_derived_shorts(f, rule))
                for f in entry.former
                if (ru := rule.post(f.name_ru, "ru")) and (kk := rule.post(f.name_kk, "kk"))
            )
            if len(former) != len(entry.former):
                continue  # a head whose earlier titles do not all fit would be found on wrong dates
            derived.append(Entry(id=f"{rule.id}_of_{entry.id}", kind=rule.kind, name_ru=name_ru, name_kk=name_kk,
                                 **_derived_shorts(entry, rule), parent=entry.id, abolished=entry.abolished,
                                 former=former))
    return derived


def _derived_shorts(named: Entry | FormerName, rule: PostRule) -> dict[str, tuple[str, ...]]:
    """The short names of a derived entry: those of its source (or of a former name) that fit the
    rule («Аким г. Капчагай» → «Заместитель акима г. Капчагай»)."""
    return {f"short_{lang}": tuple(p for s in getattr(named, f"short_{lang}") if (p := rule.post(s, lang))) for lang in LANGUAGES}


def _squashed(name: str) -> str:
    return " ".join(name.split()).casefold()


def _read_fields(path: Path) -> ActivityFields | None:
    if not path.exists():
        return None
    try:
        return ActivityFields.model_validate(_toml(path))
    except ValidationError as exc:
        raise _invalid(path, exc, "", "") from None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once."""
    return Gazetteer.load()
