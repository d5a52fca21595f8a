"""Russian or Kazakh: letter evidence first, function words for short fragments.

Kazakh has nine letters Russian lacks (ә ғ қ ң ө ұ ү һ і); a Kazakh text uses them in every few words,
while a Russian text meets them only in a quoted Kazakh name. Short fragments without those letters
are decided by frequent function words. The evidence lives in corpora/lang/<lang>/language.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import langdata
from .errors import LanguageError

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[\u0400-\u04FF]+(?:-[\u0400-\u04FF]+)*")

# Share of Kazakh-only letters among Cyrillic letters. Kazakh prose runs at 5–10%; a Russian act
# quoting a Kazakh name stays well under 1%.
KAZAKH_LETTER_SHARE = 0.02
RUSSIAN_LETTER_SHARE = 0.004
# Below this many Cyrillic letters there is nothing to decide on.
MIN_CYRILLIC_LETTERS = 3
# Quotations are set aside when at least this much text stays outside them.
MIN_UNQUOTED_LETTERS = 20
_QUOTED = re.compile(r"«[^«»]*»|\"[^\"\n]*\"|“[^”\n]*”|„[^“\n]*“")


@dataclass(frozen=True, slots=True)
class LanguageEvidence:
    language: str
    kazakh_letter_share: float
    russian_words: int
    kazakh_words: int


@lru_cache(maxsize=None)
def _evidence_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    kk_letters = frozenset(langdata.load("kk", "language")["letters"])
    ru_words = frozenset(langdata.load("ru", "language")["words"])
    kk_words = frozenset(langdata.load("kk", "language")["words"])
    return kk_letters, ru_words - kk_words, kk_words - ru_words


def detect_language(text: str, *, sample_chars: int = 20000) -> LanguageEvidence:
    """Decide whether ``text`` is Russian or Kazakh; raise LanguageError when it is neither."""
    sample = text[:sample_chars]
    cyrillic = len(_CYRILLIC.findall(sample))
    letters = len(_LETTER.findall(sample))
    if cyrillic < MIN_CYRILLIC_LETTERS or cyrillic < 0.3 * letters:
        raise LanguageError(
            f"expected Russian or Kazakh text, got {cyrillic} Cyrillic letters of {letters} letters "
            "(use --lang ru|kk to force a language)"
        )
    # Quoted names and titles ("«Қазақстан темір жолы»" in a Russian act, "«О государственном
    # имуществе» Заңы" in a Kazakh one) speak the other language; judge the text around them.
    unquoted = _QUOTED.sub(" ", sample)
    unquoted_cyrillic = len(_CYRILLIC.findall(unquoted))
    if unquoted_cyrillic >= MIN_UNQUOTED_LETTERS:
        sample, cyrillic = unquoted, unquoted_cyrillic
    kk_letters, ru_words, kk_words = _evidence_sets()
    share = sum(1 for ch in sample if ch in kk_letters) / cyrillic
    words = [w.casefold() for w in _WORD.findall(sample)]
    ru_hits = sum(1 for w in words if w in ru_words)
    kk_hits = sum(1 for w in words if w in kk_words)
    if share >= KAZAKH_LETTER_SHARE:
        language = "kk"
    elif share < RUSSIAN_LETTER_SHARE and ru_hits >= kk_hits:
        language = "ru"
    elif kk_hits != ru_hits:
        language = "kk" if kk_hits > ru_hits else "ru"
    else:
        language = "kk" if share >= KAZAKH_LETTER_SHARE / 2 else "ru"
    return LanguageEvidence(language, share, ru_hits, kk_hits)


def resolve_language(text: str, requested: str = "auto") -> str:
    """``requested`` is "auto", "ru" or "kk"; a forced language is taken as given."""
    if requested in ("ru", "kk"):
        return requested
    if requested != "auto":
        raise LanguageError(f"language: expected auto, ru or kk, got {requested!r}")
    return detect_language(text).language
