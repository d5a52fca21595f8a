"""Spheres of the annual report (Appendix 8 of the Rules): which sphere an instruction belongs to.

The lexicon is ``corpora/lang/<lang>/spheres.toml``. Both languages' lexicons are used together, so
a Russian or a Kazakh item (or a list whose language is not known) is classified the same way;
the sphere's title is then written in the document's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, ValidationError

from tapsyrma.parser import langdata
from tapsyrma.parser.errors import DataError

from .wording import LANGUAGES

OTHER = "other"


class _SphereEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    bodies: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


class _SphereFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    sphere: dict[str, _SphereEntry]


@dataclass(frozen=True, slots=True)
class _Matcher:
    key: str
    body: re.Pattern[str] | None
    keyword: re.Pattern[str] | None


def _word_starts(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern finding any phrase whose words begin words of the text, in order."""
    alternatives = sorted(
        {r"\s+".join(re.escape(word) + r"\w*" for word in phrase.casefold().split()) for phrase in phrases},
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")") if alternatives else None


@cache
def _load(lang: str) -> dict[str, _SphereEntry]:
    try:
        return _SphereFile.model_validate(langdata.load(lang, "spheres")).sphere
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise DataError(f"corpora/lang/{lang}/spheres.toml: {where}: {first['msg']}") from None


@cache
def _matchers() -> tuple[_Matcher, ...]:
    files = {lang: _load(lang) for lang in LANGUAGES}
    order = list(files[LANGUAGES[0]])
    for lang, spheres in files.items():
        if list(spheres) != order:
            raise DataError(f"corpora/lang/{lang}/spheres.toml: expected the spheres {order}, got {list(spheres)}")
    if OTHER not in order:
        raise DataError(f"spheres.toml: expected a sphere {OTHER!r} for what no other sphere claims")
    return tuple(
        _Matcher(
            key,
            _word_starts(phrase for spheres in files.values() for phrase in spheres[key].bodies),
            _word_starts(phrase for spheres in files.values() for phrase in spheres[key].keywords),
        )
        for key in order
    )


def sphere_keys() -> tuple[str, ...]:
    """The spheres in report order; ``other`` last among them as the file lists it."""
    return tuple(matcher.key for matcher in _matchers())


def sphere_title(key: str, lang: str) -> str:
    return _load(lang)[key].title


def sphere_of(executors: Iterable[str], text: str) -> str:
    """The sphere of an instruction: the first executor whose name names a sphere decides;
    otherwise the sphere whose keywords occur most often in the text; otherwise ``other``."""
    matchers = _matchers()
    for name in executors:
        folded = name.casefold()
        for matcher in matchers:
            if matcher.body is not None and matcher.body.search(folded):
                return matcher.key
    folded = text.casefold()
    best, best_hits = OTHER, 0
    for matcher in matchers:
        hits = len(matcher.keyword.findall(folded)) if matcher.keyword is not None else 0
        if hits > best_hits:
            best, best_hits = matcher.key, hits
    return best


def sphere_named(name: str) -> str | None:
    """The key of a sphere given by its key or its title in either language."""
    folded = " ".join(name.casefold().split())
    for lang in LANGUAGES:
        for key, entry in _load(lang).items():
            if folded in (key, " ".join(entry.title.casefold().split())):
                return key
    return None
