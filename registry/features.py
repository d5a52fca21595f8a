"""The fields of an instruction item that duplicate detection compares.

An item is reduced to what it instructs: the words of its text outside the executors' names and
the deadline phrase, as lemmas (Russian) or stems (Kazakh), without stop words and without the
formulas every act repeats (``corpora/lang/<lang>/registry.toml``). Those *keys* are what the
search index holds and what the text score compares; executors (canonical ids), key numbers and
the deadline are compared as fields of their own, so they are language-neutral.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from tapsyrma.parser import langdata
from tapsyrma.parser.errors import DataError
from tapsyrma.parser.model import Deadline, Item
from tapsyrma.parser.morphology import normalize_words

__all__ = ["ItemFeatures", "item_features", "executor_key"]

_ACT_PLACEHOLDER = "{act}"
_GAP = "..."
_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?![\w])(?:\s*(%)|\s+(\w+))?")
_DIGITS = re.compile(r"\d")
# Proper names of objects are quoted («Бокейорда», "Алматыгаз"); the outermost quotes are taken.
_QUOTED = re.compile(r"«([^«»]*(?:«[^«»]*»[^«»]*)*)»|\"([^\"]+)\"")


@dataclass(frozen=True, slots=True)
class ItemFeatures:
    """What one item instructs, ready to compare: keys in text order, key numbers, executors,
    deadline."""

    language: str
    keys: tuple[str, ...]
    numbers: tuple[str, ...]
    names: tuple[str, ...]
    executors: tuple[str, ...]
    deadline_due: dt.date | None
    deadline_text: str | None

    @property
    def key_text(self) -> str:
        return " ".join(self.keys)


@dataclass(frozen=True, slots=True)
class _LanguageRules:
    stop_words: frozenset[str]
    boilerplate: re.Pattern[str] | None
    percent_words: frozenset[str]


def _keys_of(text: str, lang: str) -> list[str]:
    return [word for word in normalize_words(text, lang) if not _DIGITS.search(word)]


@lru_cache(maxsize=None)
def _rules(lang: str) -> _LanguageRules:
    data = langdata.load(lang, "registry")
    try:
        stop_words = frozenset(key for word in data["stop_words"]["words"] for key in _keys_of(word, lang))
        boilerplate = data["boilerplate"]
        act_words = sorted({key for word in boilerplate["act_words"] for key in _keys_of(word, lang)})
        gap = int(boilerplate["gap"])
        percent_words = frozenset(word.casefold() for word in data["numbers"]["percent_words"])
        phrase_patterns = []
        for phrase in boilerplate["phrases"]:
            parts = []
            for chunk in phrase.split(_GAP):
                pieces = [[key for key in _keys_of(piece, lang) if key not in stop_words] for piece in chunk.split(_ACT_PLACEHOLDER)]
                tokens: list[str] = []
                for index, piece_keys in enumerate(pieces):
                    if index:
                        tokens.append("(?:" + "|".join(map(re.escape, act_words)) + ")")
                    tokens.extend(re.escape(key) for key in piece_keys)
                parts.append(" ".join(tokens))
            body = (r"(?: \S+){0,%d} " % gap).join(part for part in parts if part)
            if body and phrase.rstrip().endswith(_GAP):
                body += r"(?: \S+){0,%d}" % gap
            if body:
                phrase_patterns.append(body)
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(
            f"registry words of {lang!r}: expected stop_words.words, boilerplate.act_words/gap/phrases, "
            f"numbers.percent_words; got error {exc!r}"
        ) from None
    # Longest formulas first, so that a formula is removed whole rather than a shorter one inside it.
    phrase_patterns.sort(key=len, reverse=True)
    pattern = re.compile(r"(?<!\S)(?:" + "|".join(phrase_patterns) + r")(?!\S)") if phrase_patterns else None
    return _LanguageRules(stop_words, pattern, percent_words)


def executor_key(executor_id: str | None, text: str, lang: str) -> str:
    """A comparable key for an executor: its canonical id, or ``~`` and its normalised words
    when the gazetteer did not resolve it (then it only compares within one language)."""
    if executor_id:
        return executor_id
    return "~" + " ".join(normalize_words(text, lang))


def _blank_spans(text: str, offset: int, spans) -> str:
    """``text`` (which starts at ``offset`` of the act) with the given act spans blanked out."""
    chars = list(text)
    for start, end in spans:
        start, end = max(start - offset, 0), min(end - offset, len(text))
        for index in range(start, end):
            chars[index] = " "
    return "".join(chars)


def _numbers(text: str, rules: _LanguageRules) -> tuple[str, ...]:
    found = []
    for match in _NUMBER.finditer(text):
        value = match.group(1).replace(",", ".")
        after = (match.group(3) or "").casefold()
        percent = match.group(2) == "%" or after in rules.percent_words
        found.append(value + "%" if percent else value)
    return tuple(sorted(found))


def quoted_names(text: str, lang: str) -> tuple[str, ...]:
    """The quoted proper names of ``text`` (objects an item is about), as normalised words."""
    names = []
    for match in _QUOTED.finditer(text):
        words = normalize_words(match.group(1) or match.group(2) or "", lang)
        if words:
            names.append(" ".join(words))
    return tuple(sorted(set(names)))


def content_keys(text: str, lang: str) -> tuple[str, ...]:
    """Keys of ``text``: lemmas/stems without stop words, numbers and repeated formulas."""
    rules = _rules(lang)
    keys = [key for key in _keys_of(text, lang) if key not in rules.stop_words]
    if rules.boilerplate is not None and keys:
        joined = rules.boilerplate.sub(" ", " ".join(keys))
        keys = joined.split()
    return tuple(keys)


def deadline_fields(deadline: Deadline, lang: str) -> tuple[dt.date | None, str | None]:
    if deadline.kind == "none":
        return None, None
    text = " ".join(normalize_words(deadline.text, lang)) if deadline.text else deadline.kind
    return deadline.due, text


def item_features(item: Item, lang: str) -> ItemFeatures:
    """The comparable fields of ``item`` written in language ``lang``."""
    rules = _rules(lang)
    offset = item.span[0]
    inside = [
        span
        for span in [executor.span for executor in item.executors] + [item.deadline.span]
        if span is not None and span[0] < item.span[1] and span[1] > offset
    ]
    action_text = _blank_spans(item.text, offset, inside) if inside else item.text
    executors = tuple(dict.fromkeys(executor_key(executor.id, executor.text, lang) for executor in item.executors))
    due, deadline_text = deadline_fields(item.deadline, lang)
    return ItemFeatures(
        language=lang,
        keys=content_keys(action_text, lang),
        numbers=_numbers(action_text, rules),
        names=quoted_names(action_text, lang),
        executors=executors,
        deadline_due=due,
        deadline_text=deadline_text,
    )
