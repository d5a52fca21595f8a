"""spaCy languages of tapsyrma: Russian (spaCy's own, blank) and Kazakh (registered here).

spaCy ships no Kazakh (``spacy.blank("kk")`` raises E048), and its Kyrgyz/Russian tokenizers split
hyphenated Kazakh words inconsistently. :class:`Kazakh` is modelled on ``spacy.lang.ky``: letter
classes extended with the Kazakh letters, hyphens inside words (``іс-шара``, ``30-1-тармақ``)
kept, abbreviations, stop words and number words read from ``corpora/morphology/kk_lexicon.toml``.
No lemmatizer runs in these pipelines: lemmas and stems come from :mod:`tapsyrma.parser.morphology`.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

import spacy
from spacy.attrs import LIKE_NUM, NORM, ORTH
from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    CURRENCY,
    LIST_ELLIPSES,
    LIST_ICONS,
    LIST_PUNCT,
    LIST_QUOTES,
    PUNCT,
    UNITS,
)
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import BaseDefaults, Language
from spacy.util import update_exc

from tapsyrma.corpora import data_path

from .errors import DataError, LanguageError

__all__ = ["Kazakh", "nlp"]

LANGUAGES = ("ru", "kk")


def _load_lexicon() -> dict:
    path = data_path("morphology", "kk_lexicon.toml")
    try:
        with path.open("rb") as fh:
            lexicon = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"Kazakh lexicon: expected a readable TOML file {path}, got {exc}") from None
    for key in ("letters_lower", "letters_upper", "number_words", "abbreviations", "stop_words"):
        if key not in lexicon:
            raise DataError(f"Kazakh lexicon {path}: expected key {key!r}, got keys {sorted(lexicon)}")
    return lexicon


_LEXICON = _load_lexicon()
_KK_LOWER = ALPHA_LOWER + _LEXICON["letters_lower"]
_KK_UPPER = ALPHA_UPPER + _LEXICON["letters_upper"]
_KK_ALPHA = ALPHA + _LEXICON["letters_lower"] + _LEXICON["letters_upper"]
_NUMBER_WORDS = frozenset(_LEXICON["number_words"])


def _like_num(text: str) -> bool:
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    return text.casefold() in _NUMBER_WORDS


def _tokenizer_exceptions() -> dict:
    exceptions = {}
    for orth, norm in _LEXICON["abbreviations"].items():
        for variant in {orth, orth.capitalize(), orth.upper()}:
            exceptions[variant] = [{ORTH: variant, NORM: norm}]
    return update_exc(BASE_EXCEPTIONS, exceptions)


# As spacy.lang.ky, minus the rules that split at a plain hyphen: a hyphen inside a Kazakh word
# (іс-шара, 30-1-тармақ, ҚР-ның) belongs to the word.
_INFIXES = (
    LIST_ELLIPSES
    + LIST_ICONS
    + [
        r"(?<=[{al}])\.(?=[{au}])".format(al=_KK_LOWER, au=_KK_UPPER),
        r"(?<=[{a}])[,!?/()]+(?=[{a}])".format(a=_KK_ALPHA),
        r"(?<=[{a}{q}])[:<>=](?=[{a}])".format(a=_KK_ALPHA, q=CONCAT_QUOTES),
        r"(?<=[{a}])--(?=[{a}])".format(a=_KK_ALPHA),
        r"(?<=[{a}0-9]),(?=[{a}])".format(a=_KK_ALPHA),
        r"(?<=[{a}])([{q}\)\]\(\[])(?=[\-{a}])".format(a=_KK_ALPHA, q=CONCAT_QUOTES),
        r"(?<=[{a}0-9])(?:–|—|--|---|——|~)(?=[{a}0-9])".format(a=_KK_ALPHA),
    ]
)

# spaCy's default suffixes with the Kazakh letter classes.
_SUFFIXES = (
    LIST_PUNCT
    + LIST_ELLIPSES
    + LIST_QUOTES
    + LIST_ICONS
    + ["'s", "'S", "’s", "’S", "—", "–"]
    + [
        r"(?<=[0-9])\+",
        r"(?<=°[FfCcKk])\.",
        r"(?<=[0-9])(?:{c})".format(c=CURRENCY),
        r"(?<=[0-9])(?:{u})".format(u=UNITS),
        r"(?<=[0-9{al}{e}{p}(?:{q})])\.".format(al=_KK_LOWER, e=r"%²\-\+", q=CONCAT_QUOTES, p=PUNCT),
        r"(?<=[{au}][{au}])\.".format(au=_KK_UPPER),
    ]
)


class KazakhDefaults(BaseDefaults):
    tokenizer_exceptions = _tokenizer_exceptions()
    infixes = _INFIXES
    suffixes = _SUFFIXES
    lex_attr_getters = {LIKE_NUM: _like_num}
    stop_words = frozenset(_LEXICON["stop_words"]["words"])


@spacy.registry.languages("kk")
class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults


@lru_cache(maxsize=None)
def nlp(lang: str) -> Language:
    """The shared pipeline of ``lang`` ("ru" or "kk"): a tokenizer, no trained components."""
    if lang not in LANGUAGES:
        raise LanguageError(f"nlp: expected one of {', '.join(LANGUAGES)}, got {lang!r}")
    pipeline = spacy.blank(lang)
    # spaCy keeps emoticons whole («):», «:)»), which in an act are a bracket and a colon
    # («авиабөлімшесі (Г.Ф.Черкасов):»): special cases without a letter or digit are dropped
    pipeline.tokenizer.rules = {text: case for text, case in pipeline.tokenizer.rules.items() if any(ch.isalnum() for ch in text)}
    return pipeline
