"""Executors of an instruction item: who is told to act, resolved to gazetteer entries.

Two stages, kept apart: *mentions* are found first (gazetteer wordings in any case form, and
noun phrases headed by a body/official/company noun the gazetteer does not know), then the
*clause* decides which mentions are executors:

- mode ``"addressee"`` (the text of a point or subpoint): the addressees of the instruction.
  Russian names them in the dative before the infinitive («Правительству ... принять меры»),
  Kazakh as the nominative subject opening the clause before the 3rd-person imperative
  («Үкіметі ... қабылдасын»). A list joined by separators counts; a body after a preposition,
  after the verb («внести в Администрацию»), or in another case («по согласованию с
  маслихатом», «Үкіметіне ұсынсын») does not. Words that hand the instruction over («Поручить»,
  «Обязать», «тапсырылсын», «жауапты болып») move the addressees to their side and case.
  Passive or impersonal points («Утвердить Правила», «құрылсын») have none.
- mode ``"list"`` (a plan-table "responsible" cell): every named body, in order.

Co-executors are named after «совместно с» / before «бірлесіп»; «(свод)» / «(жинақтау)» marks
the lead; otherwise the first addressee leads and the others are "co". A subpoint that names
only co-executors («совместно с X принять меры») returns them all as "co": its lead is the
addressee of its intro. Coordinated names sharing a head («Министерствам экологии ..., науки и
высшего образования ... Республики Казахстан», «Алматинскому и Талдыкорганскому объединениям»)
are split into one executor per body when the gazetteer knows every one.

A former name resolves to the entry that bore it: the executor gets that entry's id and its
present official names (``name_ru``/``name_kk``); the act's own words stay in ``text``.

All words come from ``corpora/lang/<lang>/executors.toml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from collections.abc import Sequence
from typing import Literal

from spacy.tokens import Doc

from . import langdata
from .errors import DataError, LanguageError
from .gazetteer import Entry, Gazetteer, GazetteerMatch, gazetteer, word_keys
from .model import Executor
from .morphology import (analyses_kk, case_kk, caseless_kk, inflect_name_ru, lemma_ru, nominative_ru, parses_ru, place_of_adjective_ru,
                         plural_kk, plural_ru, repair_kk, stem_kk)
from .nlp import LANGUAGES, nlp

__all__ = ["common_name", "find_executors"]

Mode = Literal["addressee", "list"]
Phrase = tuple[frozenset[str], ...]

_ALL_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "ablv", "attr"})
_CLAUSE_OPENERS = frozenset({":", ";", "."})  # what a clause starts after
# the cases an executor is named in, in the order a head read in several is taken in
# a capitalised word joined to a year or a number: the code name of a campaign («Қыс-2001», «Зима-2001»)
_CODE_NAME = re.compile(r"[^\W\d_][^\W\d_]+-\d{2,4}")
# a name's proper name: a quoted one, or a code name
_PROPER_NAME_IN_TEXT = re.compile(r"[\"«“„][^\"»”]+[\"»”]|(?<!\w)" + _CODE_NAME.pattern + r"(?!\w)")
_WORD = re.compile(r"[^\W\d_]+")
_PHRASE_ENDS = frozenset({",", ";", ":", "."})
_RUSSIAN_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
_OBLIQUE_CASES = frozenset({"datv", "ablt", "loct", "ablv"})
_EXECUTOR_CASES = ("datv", "accs", "ablt", "gent", "loct", "ablv")
_ADJECTIVES = frozenset({"ADJF", "PRTF", "NUMR"})
_SHORT_ADJECTIVES = frozenset({"ADJS", "PRTS"})
_QUOTES = frozenset("«»\"“”„")
_DASHES = frozenset("-\u2013\u2014")
_OPENING_ONLY = frozenset("«„")  # quote marks that never close a name
_CLOSING = {"«": "»", "“": "”", "„": "“", '"': '"', "(": ")"}
_ISSUER = "issuer_"  # members of a group entry that names a body or post of the issuing region
_MAX_BRACKET = 40  # tokens a parenthesis or a quoted name may span
_ALIAS_WINDOW = 300  # characters before «(далее – X)» that may hold the name X stands for
# initials, alone or glued to a surname: «А.К.», «Т.», «В.Ф.Чукарин»
_INITIALS = re.compile(r"^(?:[^\W\d_]\.){1,3}(?:[^\W\d_][^\W\d_]+)?$")


# --- data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Delegation:
    phrases: tuple[Phrase, ...]
    case: str
    side: Literal["before", "after"]
    marker: str = ""  # the word before each addressee («возложить ... на X»)
    object_first: bool = False  # the task comes first: the addressees need not open the clause
    not_with: frozenset[str] = frozenset()  # keys of task words that make it the control clause


@dataclass(frozen=True)
class _Grammar:
    lang: str
    heads: dict[str, str]  # key → body | official | company
    head_words: dict[str, str]  # key → the head as written in the data (a Kazakh case base)
    body_endings: tuple[str, ...]
    body_prefixes: tuple[str, ...]
    legal_forms: frozenset[str]  # keys of heads that name a body by the quoted name after or before them
    grammemes: frozenset[str]
    endings: tuple[str, ...]
    passive_endings: tuple[str, ...]
    active_words: frozenset[str]
    intro_end: frozenset[str]
    delegations: tuple[_Delegation, ...]
    addressee_cases: frozenset[str]
    addressee_at_start: bool
    co_cases: frozenset[str]
    co_before: tuple[Phrase, ...]
    co_after: tuple[Phrase, ...]
    co_genitive_before: tuple[Phrase, ...]  # «с участием X»: co-executors in the genitive
    co_genitive_after: tuple[Phrase, ...]  # «X-тың қатысуымен»
    lead: frozenset[str]
    separators: tuple[Phrase, ...]
    governors: frozenset[str]
    postpositions: frozenset[str]
    name_prepositions: frozenset[str]
    title_abbreviations: frozenset[str]
    home_qualifiers: tuple[Phrase, ...]
    participle_endings: tuple[str, ...]  # a participle phrase before a list member ends with one
    akimat_frame: str  # the akimat of a place: «Акимат {place}»
    place_nouns: frozenset[str]  # «город», «область»: a place may open with one («органам города Алматы»)
    place_noun_words: tuple[str, ...]  # the same nouns as the data writes them
    narrowed_frame: str  # a group narrowed to a place: «{name} {place}»
    place_adjectives: tuple[tuple[frozenset[str], frozenset[str]], ...]  # a place noun's keys → the adjectives it makes redundant
    place_genitives: tuple[str, ...]  # the same place nouns as a place's name writes them («области», «облысының»)
    code_name_words: tuple[str, ...]  # a campaign's code name words, index for index with the other language's
    place_prepositions: frozenset[str]  # a word that attaches a place to a body: «по» before it, «бойынша» after it
    neutral_adjectives: frozenset[str]  # keys of adjectives that leave a name's meaning («соответствующим»)


def _phrase(text: str, lang: str) -> Phrase:
    """A marker phrase, matched word for word as written (case aside)."""
    return tuple(frozenset((_spelling(t.text, lang),)) for t in nlp(lang).tokenizer(text) if not t.is_space)


def _name_phrase(text: str, lang: str) -> Phrase:
    """A name phrase, matched in any case form."""
    return tuple(word_keys(t.text, lang) for t in nlp(lang).tokenizer(text) if not t.is_space)


def _spelling(word: str, lang: str) -> str:
    word = word.casefold()
    return repair_kk(word) if lang == "kk" else word.replace("ё", "е")


def _key(word: str, lang: str) -> str:
    if len(word) >= 2 and word.isupper():
        return "=" + word.casefold()
    return lemma_ru(word) if lang == "ru" else stem_kk(word)


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    if lang not in LANGUAGES:
        raise LanguageError(f"executors: expected one of {', '.join(LANGUAGES)}, got {lang!r}")
    data = langdata.load(lang, "executors")
    where = f"corpora/lang/{lang}/executors.toml"
    try:
        heads: dict[str, str] = {}
        head_words: dict[str, str] = {}
        for kind in ("body", "official", "company"):
            for word in data["heads"][kind]:
                # the word itself too: a Kazakh stem may strip a case-like ending of the base
                # (төраға → төра), while a form's analyses keep the base (төрағасымен → төраға)
                for key in {_key(word, lang), _spelling(word, lang)}:
                    heads.setdefault(key, kind)
                    head_words.setdefault(key, word)
        delegations = []
        for rule in data["delegating"]:
            if rule["side"] not in ("before", "after") or rule["case"] not in _ALL_CASES:
                raise DataError(
                    f"executors data {where}: delegating: expected side before|after and a case of "
                    f"{sorted(_ALL_CASES)}, got {rule['side']!r}, {rule['case']!r}"
                )
            delegations.append(_Delegation(
                tuple(_phrase(w, lang) for w in rule["words"]), rule["case"], rule["side"],
                _spelling(rule.get("marker", ""), lang), bool(rule.get("object_first", False)),
                frozenset(k for w in rule.get("not_with", ()) for k in word_keys(w, lang)),
            ))
        predicate, markers, cases = data["predicate"], data["markers"], data["cases"]
        return _Grammar(
            lang=lang,
            heads=heads,
            head_words=head_words,
            body_endings=tuple(data["heads"]["body_endings"]),
            body_prefixes=tuple(data["heads"]["body_prefixes"]),
            legal_forms=frozenset(k for w in data["heads"]["legal_forms"] for k in (_key(w, lang), _spelling(w, lang))),
            grammemes=frozenset(predicate["grammemes"]),
            endings=tuple(predicate["endings"]),
            passive_endings=tuple(predicate["passive_endings"]),
            active_words=frozenset(_spelling(w, lang) for w in predicate["active_words"]),
            intro_end=frozenset(predicate["intro_end"]),
            delegations=tuple(delegations),
            addressee_cases=frozenset(cases["addressee"]),
            addressee_at_start=bool(cases["addressee_at_start"]),
            co_cases=frozenset(cases["co_executor"]),
            co_before=tuple(_phrase(w, lang) for w in markers["co_before"]),
            co_after=tuple(_phrase(w, lang) for w in markers["co_after"]),
            co_genitive_before=tuple(_phrase(w, lang) for w in markers["co_genitive_before"]),
            co_genitive_after=tuple(_phrase(w, lang) for w in markers["co_genitive_after"]),
            lead=frozenset(_spelling(w, lang) for w in markers["lead"]),
            separators=tuple(sorted((_phrase(w, lang) for w in markers["separators"]), key=len, reverse=True)),
            governors=frozenset(_spelling(w, lang) for w in markers["governors"]),
            postpositions=frozenset(_spelling(w, lang) for w in markers["postpositions"]),
            name_prepositions=frozenset(_spelling(w, lang) for w in markers["name_prepositions"]),
            title_abbreviations=frozenset(_spelling(w, lang) for w in markers["title_abbreviations"]),
            home_qualifiers=tuple(_name_phrase(w, lang) for w in markers["home_qualifiers"]),
            participle_endings=tuple(_spelling(w, lang) for w in predicate["participle_endings"]),
            akimat_frame=data["places"]["akimat"],
            place_nouns=frozenset(k for w in data["places"]["nouns"] for k in word_keys(w, lang)),
            place_noun_words=tuple(data["places"]["nouns"]),
            narrowed_frame=data["places"]["narrowed"],
            place_adjectives=tuple(
                (word_keys(noun, lang), frozenset(a.casefold() for a in adjectives))
                for noun, *adjectives in data["places"]["redundant_adjectives"]
            ),
            place_genitives=tuple(data["places"]["genitives"]),
            code_name_words=tuple(data["places"]["code_name_words"]),
            place_prepositions=frozenset(_spelling(w, lang) for w in data["places"]["prepositions"]),
            neutral_adjectives=frozenset(k for w in markers["neutral_adjectives"] for k in word_keys(w, lang)),
        )
    except (KeyError, TypeError) as exc:
        raise DataError(
            f"executors data {where}: expected keys heads, predicate, delegating, cases, markers "
            f"as documented in the file; got error {exc!r}"
        ) from None


# --- tokens --------------------------------------------------------------------------------


@dataclass
class _Token:
    text: str
    lower: str  # casefolded, old letters repaired: what markers are compared with
    start: int
    end: int
    keys: frozenset[str]  # lemmas / stems: what names are compared with
    word: bool  # has a letter or digit
    cap: bool  # starts with a capital
    abbreviation: bool  # starts with two capitals (МИД, МИДом, ҚР-ның)
    initials: bool  # А.К., Т.
    stop: bool
    pos: frozenset[str] = frozenset()  # ru
    cases: frozenset[str] = frozenset()  # ru: of every reading; kk: of the top reading
    noun_cases: frozenset[str] = frozenset()  # ru: of the noun readings
    adjective_cases: frozenset[str] = frozenset()  # ru: of the adjective readings
    plural: bool = False
    person: bool = False  # a personal name or initials


def _tokens(doc: Doc, lang: str) -> list[_Token]:
    tokens = []
    for t in doc:
        if t.is_space:
            continue
        text = t.text
        letters = [ch for ch in text if ch.isalpha()]
        token = _Token(
            text=text,
            lower=_spelling(text, lang),
            start=t.idx,
            end=t.idx + len(text),
            keys=word_keys(text, lang),
            word=any(ch.isalnum() for ch in text),
            cap=bool(letters) and letters[0].isupper(),
            abbreviation=len(text) >= 2 and text[0].isupper() and text[1].isupper(),
            initials=bool(_INITIALS.match(text)) and all(text[k - 1].isupper() for k, ch in enumerate(text) if ch == "."),
            stop=t.is_stop,
        )
        if token.word and lang == "ru":
            _read_russian(token)
        elif token.word:
            top = analyses_kk(text)[0]
            token.cases = frozenset((top.case,))
            token.plural = top.plural
        tokens.append(token)
    for i, token in enumerate(tokens):
        if token.initials:
            token.person = True
            # the surname next to initials (Чукарин В.Ф., Т.Ә. Әбдіқадыров)
            for j in (i - 1, i + 1):
                if 0 <= j < len(tokens) and tokens[j].cap and tokens[j].word and not tokens[j].abbreviation:
                    tokens[j].person = True
    return tokens


def _read_russian(token: _Token) -> None:
    (token.pos, token.cases, token.noun_cases, token.adjective_cases, token.plural, person) = _russian_reading(token.text)
    # a head word that is also a first name in pymorphy3's dictionary («Акимам», read as the name
    # Аким) opens a sentence as a post; initials next to it still make it a person
    token.person = token.cap and person and not token.keys & _grammar("ru").heads.keys()
    if token.abbreviation and not token.cases:
        token.cases = token.noun_cases = _ALL_CASES  # an abbreviation pymorphy3 does not know


@lru_cache(maxsize=1 << 16)
def _russian_reading(word: str) -> tuple:
    parses = parses_ru(word)
    return (
        frozenset(p.pos for p in parses if p.pos),
        frozenset(p.case for p in parses if p.case),
        frozenset(p.case for p in parses if p.case and p.pos == "NOUN"),
        frozenset(p.case for p in parses if p.case and p.pos in _ADJECTIVES),
        bool(parses) and parses[0].number == "plur",
        bool(parses) and parses[0].person,
    )


def _fixed(token: _Token) -> bool:
    """Indeclinable: every case is possible (Алматы, МНЭ)."""
    return len(token.cases) >= 6


# --- mentions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Alias:
    """A short name an act gives an executor («... по атомной энергии (далее – Агентство)»):
    ``phrase`` as the act writes it, and the gazetteer entry, or the nominative name of an unknown
    body, it stands for."""

    phrase: str
    entry: Entry | None
    name: str


@dataclass(eq=False)
class _Mention:
    start: int  # token index
    end: int  # exclusive
    head: int  # token index of the head noun
    match: GazetteerMatch | None
    kind: str
    cases: frozenset[str]
    place: tuple[int, int] | None = None  # token range of a place or quoted name that narrows a known group
    place_words: str | None = None  # the place when the text writes it otherwise («Карагандинскому» → «Карагандинской области»)
    alias: Alias | None = None  # the act's short name it was found by («Агентству»)
    inner: tuple[_Mention, ...] = ()  # the mentions an unknown name took in («Председателем Агентства»)
    apposition: tuple[int, int] | None = None  # first word and head of an apposition («- получателям средств»)
    composed: dict[str, str] | None = None  # an unknown group's names made of its known conjuncts


class _Clause:
    """The tokens and mentions of one text, and the grammar to read them with."""

    def __init__(self, text: str, lang: str, on: dt.date | None, names: Gazetteer, aliases: Sequence[Alias] = ()):
        self.lang = lang
        self.on = on
        self.names = names
        self.g = _grammar(lang)
        self.doc = nlp(lang).make_doc(text)
        self.text = text  # what doc.text gives, without spaCy joining the tokens anew on every read
        self.tokens = _tokens(self.doc, lang)
        self._index = {}
        for i, t in enumerate(t for t in self.doc if not t.is_space):
            self._index[t.i] = i
        self.covered: list[_Mention | None] = [None] * len(self.tokens)
        self.mentions: list[_Mention] = []
        for match in names.match_doc(self.doc, lang, on=on):
            self._add_match(match)
        for alias in aliases:
            self._add_alias(alias)
        for mention in list(self.mentions):
            if mention in self.mentions:
                self._extend_match(mention)
        self._add_unknown()
        for mention in list(self.mentions):
            if mention in self.mentions:
                self._split_coordination(mention)
            if mention in self.mentions:
                self._case_from_person(mention)
        self.mentions.sort(key=lambda m: m.start)

    def _case_from_person(self, mention: _Mention) -> None:
        """A post in the nominative followed by its holder takes the holder's case: the person
        carries the ending for both («облыс әкімінің орынбасары Ж.Ә. Әмірхановаға, ...
        жүктелсін»)."""
        if "nomn" not in mention.cases:
            return
        j, surname = mention.end, None
        while j < len(self.tokens) and self.tokens[j].person and self.covered[j] is None:
            if not self.tokens[j].initials:
                surname = self.tokens[j]
            j += 1
        oblique = surname.cases & set(_EXECUTOR_CASES) - {"gent"} if surname is not None else set()
        if oblique:
            mention.cases = mention.cases | oblique

    # -- helpers --

    def phrase_at(self, i: int, phrase: Phrase, *, by_keys: bool = False) -> int | None:
        """The end index when ``phrase`` starts at token ``i`` (word for word, or ``by_keys``
        in any case form)."""
        if i < 0 or i + len(phrase) > len(self.tokens):
            return None
        for offset, words in enumerate(phrase):
            token = self.tokens[i + offset]
            if not (words & token.keys if by_keys else token.lower in words):
                return None
        return i + len(phrase)

    def is_home_qualifier(self, start: int, end: int) -> bool:
        return any(self.phrase_at(start, q, by_keys=True) == end for q in self.g.home_qualifiers)

    def any_phrase_at(self, i: int, phrases: tuple[Phrase, ...]) -> int | None:
        for phrase in phrases:
            end = self.phrase_at(i, phrase)
            if end is not None:
                return end
        return None

    def separator_at(self, i: int) -> int | None:
        return self.any_phrase_at(i, self.g.separators)

    def separator_before(self, i: int) -> int | None:
        """The start of a separator that ends right before token ``i``."""
        return next((s for s in range(max(0, i - 3), i) if self.separator_at(s) == i), None)

    def head_kind(self, i: int) -> str | None:
        token = self.tokens[i]
        for key in token.keys:
            if key in self.g.heads:
                return self.g.heads[key]
        if self.lang == "ru" and "NOUN" not in token.pos:
            return None
        if any(key.endswith(e) for key in token.keys for e in self.g.body_endings):
            return "body"
        if any(token.text.startswith(p) and len(token.text) > len(p) + 2 for p in self.g.body_prefixes):
            return "body"
        return None

    def head_cases(self, i: int, base: str | None) -> frozenset[str]:
        token = self.tokens[i]
        if self.lang == "ru":
            if token.text.isupper() and len(token.text) > 1:
                return _RUSSIAN_CASES  # an abbreviation without an ending does not decline («МТСЗН», «НК «...»»)
            return token.noun_cases or token.adjective_cases or token.cases
        case = case_kk(token.text, base) if base else None
        return frozenset((case,)) if case else token.cases

    def closing(self, j: int) -> int | None:
        """The bracket or quote that closes the one at ``j``. Quotes opened inside «» nest, and
        may share the closing mark («АО «ФНБ «Самрук-Қазына»»» is written «АО «ФНБ «Самрук-Қазына»»)."""
        opening = self.tokens[j].text
        close = _CLOSING.get(opening)
        depth, shared = 0, None
        for k in range(j + 1, min(len(self.tokens), j + _MAX_BRACKET)):
            text = self.tokens[k].text
            if shared is not None and not depth and text in {"«", ",", "(", ";"}:
                return shared  # the next name begins: the inner name's mark closed both
            if opening == "«" and text == "«":
                depth += 1
            elif opening == "«" and text == "»" and depth:
                depth, shared = depth - 1, k
            elif text == close or (close != ")" and text in _QUOTES and close != '"'):
                return k
        return shared

    def opening(self, j: int) -> int | None:
        """The bracket or quote that opens the one closing at ``j``."""
        text = self.tokens[j].text
        for k in range(j - 1, max(-1, j - _MAX_BRACKET), -1):
            other = self.tokens[k].text
            if (text == ")" and other == "(") or (text != ")" and other in _QUOTES and other != "»"):
                return k
        return None

    def span(self, mention: _Mention) -> tuple[int, int]:
        return self.tokens[mention.start].start, self.tokens[mention.end - 1].end

    def text_of(self, mention: _Mention) -> str:
        start, end = self.span(mention)
        return self.text[start:end]

    def place(self, mention: _Mention) -> _Mention:
        for i in range(mention.start, mention.end):
            self.covered[i] = mention
        self.mentions.append(mention)
        return mention

    def unplace(self, mention: _Mention) -> None:
        for i in range(mention.start, mention.end):
            if self.covered[i] is mention:
                self.covered[i] = None
        self.mentions.remove(mention)

    def akimat_of(self, place: str) -> Entry | None:
        """The akimat of a place as written («Карагандинской области», «по городу Астане»,
        «Қарағанды облысы бойынша»: the preposition that attaches it left out)."""
        words = place.split()
        if words and words[0].casefold() in self.g.place_prepositions:
            words = words[1:]
        if words and words[-1].casefold() in self.g.place_prepositions:
            words = words[:-1]
        return self.names.lookup(self.g.akimat_frame.format(place=" ".join(words)), self.lang, on=self.on)

    def resize(self, mention: _Mention, start: int, end: int) -> None:
        self.unplace(mention)
        mention.start, mention.end = start, end
        self.place(mention)

    def narrow(self, mention: _Mention, span: tuple[int, int], place: tuple[int, int], words: str | None = None) -> None:
        """The mention widened to ``span`` and narrowed to the place at ``place`` (written
        ``words`` when the text writes it otherwise)."""
        self.resize(mention, *span)
        mention.place, mention.place_words = place, words

    def covered_between(self, start: int, end: int) -> list[_Mention]:
        return list(dict.fromkeys(m for m in self.covered[start:end] if m is not None))

    def kind_of(self, head: int, kind: str | None) -> str:
        if self.tokens[head].plural:
            return "group"
        return "official" if kind == "official" else "body"

    # -- gazetteer mentions --

    def _add_match(self, match: GazetteerMatch) -> None:
        start = self._index[match.tokens[0]]
        end = max(self._index[i] for i in range(match.tokens[0], match.tokens[1]) if i in self._index) + 1
        if self.lang == "ru":
            # the first word that declines: not the first half of a hyphenated name (Иле-Алатаускому)
            head = next(
                (i for i in range(start, end) if self.tokens[i].word and not (i + 1 < end and self.tokens[i + 1].text == "-")),
                start,
            )
            cases = self.head_cases(head, None)
            noun = next((i for i in range(head, end) if "NOUN" in self.tokens[i].pos), None)
            if self.tokens[start].text in _QUOTES or start > 0 and self.tokens[start - 1].text in _QUOTES:
                cases = _RUSSIAN_CASES  # a quoted name alone does not decline («КазМунайГаз»)
            elif noun is not None and noun != head and cases & self.tokens[noun].noun_cases and cases != _RUSSIAN_CASES:
                cases = cases & self.tokens[noun].noun_cases  # adjective and noun agree; an abbreviation does not decline
            elif noun == head and (following := next((i for i in range(head + 1, end) if "NOUN" in self.tokens[i].pos), None)) is not None \
                    and "gent" not in self.tokens[following].noun_cases \
                    and self.tokens[head].adjective_cases & self.tokens[following].noun_cases:
                # a first word read as a noun too, before a noun it cannot govern, is its adjective
                # («Городской [прокуратуре]»)
                cases = self.tokens[head].adjective_cases & self.tokens[following].noun_cases
        else:
            # a name ending with a parenthesis declines before it («... агенттігіне (Сыбайлас
            # жемқорлыққа қарсы қызмет)»)
            opening = self.opening(end - 1) if self.tokens[end - 1].text == ")" else None
            if opening is not None and opening <= start:
                opening = None
            head = max(i for i in range(start, opening or end) if self.tokens[i].word)
            wording = match.wording.rsplit("(", 1)[0] if opening is not None else match.wording
            words = [t.text for t in nlp(self.lang).tokenizer(wording) if any(ch.isalnum() for ch in t.text)]
            cases = self.head_cases(head, words[-1] if words else None)
        kind = "body" if match.entry.kind == "company" else match.entry.kind
        if match.entry.members and match.entry.members.startswith(_ISSUER):
            # a relative reference names one body or post of the issuing region, or several
            kind = self.kind_of(head, self.head_kind(head))
        mention = _Mention(start, end, head, match, kind, cases)
        if match.via == "short" and self._foreign(mention):
            return
        self.place(mention)

    def _add_alias(self, alias: Alias) -> None:
        """Every free occurrence of an act's short name, in any case form, written with the
        capital the act defined it with («Агентству», not «агентству» of another agency)."""
        phrase = _name_phrase(alias.phrase, self.lang)
        capital = alias.phrase[:1].isupper()
        base = None if self.lang == "ru" else alias.phrase.split()[-1]  # a Kazakh head's case is read against it
        for i in range(len(self.tokens) - len(phrase) + 1):
            end = self.phrase_at(i, phrase, by_keys=True)
            if end is None or self.tokens[i].cap != capital or any(self.covered[k] is not None for k in range(i, end)):
                continue
            head = i if self.lang == "ru" else end - 1
            cases = self.head_cases(head, base)
            kind = "body" if alias.entry is None or alias.entry.kind == "company" else alias.entry.kind
            match = None
            if alias.entry is not None:
                match = GazetteerMatch(alias.entry, self.tokens[i].start, self.tokens[end - 1].end,
                                       self.text[self.tokens[i].start : self.tokens[end - 1].end], "short", wording=alias.phrase)
            self.place(_Mention(i, end, head, match, kind, cases, alias=alias))

    def _foreign(self, mention: _Mention) -> bool:
        """A short name qualified by another country («МВД России», «Ресей Федерациясының
        Үкіметі») is not the gazetteer's body: the qualified phrase becomes an unknown mention."""
        tokens = self.tokens
        if self.lang == "ru":
            end = mention.end
            while end < len(tokens) and tokens[end].cap and "gent" in tokens[end].cases and self.covered[end] is None:
                end += 1
            run = (mention.end, end)
        else:
            start = mention.start
            while start > 0 and tokens[start - 1].cap and tokens[start - 1].word and self.covered[start - 1] is None:
                start -= 1
            if start == mention.start or "gent" not in tokens[mention.start - 1].cases:
                start = mention.start
            run = (start, mention.start)
        if run[0] == run[1] or self.is_home_qualifier(*run):
            return False
        start, end = min(run[0], mention.start), max(run[1], mention.end)
        self.place(_Mention(start, end, mention.head, None, mention.kind, mention.cases))
        return True

    def _extend_match(self, mention: _Mention) -> None:
        """A gazetteer name that goes on with more complements («Акимам районов, г.Капчагая,
        сельских и поселковых округов») names another, unknown body or group; a home qualifier
        («... Республики Казахстан») or the quotes around a name only widen the span."""
        if self._adjectives_before_match_ru(mention) if self.lang == "ru" else self._modifiers_before_match_kk(mention):
            return
        group = mention.match is not None and mention.match.entry.kind == "group"
        if self.lang == "ru":
            self._shared_words_list_ru(mention)
        tokens = self.tokens
        start, end = mention.start, mention.end
        inner_quotes = sum(t.text in _QUOTES for t in tokens[start:end])
        if inner_quotes % 2:
            if end < len(tokens) and tokens[end].text in _QUOTES:
                end += 1
            elif start > 0 and tokens[start - 1].text in _QUOTES:
                start -= 1
        elif start > 0 and end < len(tokens) and tokens[start - 1].text in _QUOTES and tokens[end].text in _QUOTES:
            start, end = start - 1, end + 1
        else:
            # nested names close inside and open before: ««Самұрық-Қазына» ... қоры» акционерлік қоғамы»
            unopened = sum(t.text == "»" for t in tokens[start:end]) - sum(t.text == "«" for t in tokens[start:end])
            while unopened > 0 and start > 0 and tokens[start - 1].text == "«":
                start, unopened = start - 1, unopened - 1
            if unopened < 0 and end < len(tokens) and tokens[end].text == "»":
                end += 1  # «АО «НК «КазМунайГаз»»: one mark closes the nested names
        if (start, end) != (mention.start, mention.end) and all(self.covered[i] in (None, mention) for i in range(start, end)):
            self.resize(mention, start, end)
        if self.lang == "ru":
            after = next((e for q in self.g.home_qualifiers if (e := self.phrase_at(mention.end, q, by_keys=True))), mention.end)
            if group and after < len(tokens) \
                    and tokens[after].lower in self.g.place_prepositions:
                # «Департаменту государственных доходов по Карагандинской области / по городу
                # Астане», «Департаменту КНБ Республики Казахстан по ... области»
                k = self._akimat_place_end_ru(after + 1)
                if k is not None:
                    self.narrow(mention, (mention.start, k), (after, k))
                    return
            end = self._complements_ru(mention.end)
            following = tokens[mention.end] if mention.end < len(tokens) else None
            if (
                following is not None
                and following.word
                and not following.cap
                and not ((group or mention.kind == "group") and following.keys & self.g.place_nouns)
                and following.lower not in self.g.title_abbreviations
                and self.separator_at(mention.end) is None
            ):
                end = mention.end  # «в Администрацию Президента предложения»: an object, not more name
            start, qualifier = mention.start, (mention.end, end)
        else:
            start = self._modifiers_kk(mention.start, extending=True)
            attached = self._place_attached_kk(mention.start) if start == mention.start and group else None
            if attached is not None:
                # «Қарағанды облысы бойынша [Мемлекеттік кірістер департаменті]»
                self.narrow(mention, (attached, mention.end), (attached, mention.start))
                return
            named = self._proper_name_before_kk(mention.start) if start == mention.start else None
            if named is not None and group:
                # «Қарағанды [облысының ... басқармасы]»: the wording took the place's noun;
                # the place is the name before it with that noun
                self.narrow(mention, (named, mention.end), (named, mention.start + 1))
                return
            if start == mention.start and (group or mention.kind == "group"):
                start = self._place_before_kk(mention.start)
            if start == mention.start and group and start > 0 and self.covered[start - 1] is None and self._proper_name(start - 1, start):
                start -= 1  # «Қыс-2001 [облыстық штабы]»
            end, qualifier = mention.end, (start, mention.start)
        if (start, end) == (mention.start, mention.end):
            return
        if self.is_home_qualifier(*qualifier):
            self.resize(mention, start, end)
            return
        if group:
            # the place may be all the complements or only their start («акимов районов и городов
            # области, начальников ...»); a quoted name narrows a group as a place does
            # («Областной штаб "Зима-2001"»)
            for k in range(qualifier[1], qualifier[0], -1) if self.lang == "ru" else (qualifier[1],):
                if self._place_qualifier(qualifier[0], k) or self._proper_name(qualifier[0], k):
                    self.narrow(mention, (min(start, qualifier[0]), max(mention.end, k)), (qualifier[0], k))
                    return
        for inner in self.covered_between(start, end):
            self.unplace(inner)
        self.place(_Mention(start, end, mention.head, None, self.kind_of(mention.head, mention.kind), mention.cases))

    def _shared_words_list_ru(self, mention: _Mention) -> None:
        """Proper names listed after a name that ends with one share its other words, when the
        gazetteer knows each name so made: «Акимам гг. Талдыкорган, Капчагай и Текели» names the
        akims of three cities (the Kazakh «Талдықорған, Қапшағай, Текелі қалаларының әкімдері»
        is read by :meth:`_split_places_kk`)."""
        tokens = self.tokens
        last = mention.end - 1
        if mention.match is None or mention.match.entry.kind == "group" or not (tokens[last].cap and tokens[last].word) \
                or self.head_kind(last) or last == mention.start:
            return
        shared = [t.text for t in tokens[mention.start : last]]
        j = mention.end
        while (following := self.separator_at(j)) is not None and following < len(tokens):
            token = tokens[following]
            if not (token.cap and token.word) or self.covered[following] is not None:
                return
            match = self._lookup(shared + [token.text])
            if match is None:
                return
            kind = "body" if match.entry.kind == "company" else match.entry.kind
            self.place(_Mention(following, following + 1, following, match, kind, mention.cases))
            j = following + 1

    def _adjectives_before_match_ru(self, mention: _Mention) -> bool:
        """Adjectives agreeing with a gazetteer name before it: a place («Карагандинскому
        [областному управлению здравоохранения]») narrows a group, words that leave the meaning
        («соответствующим [местным исполнительным органам]») widen the span, others make it
        another, unknown body («военной [прокуратуре] гарнизона»). True when the mention was
        replaced."""
        first = mention.start
        while first > 0 and self.covered[first - 1] is None and self.tokens[first - 1].adjective_cases & mention.cases \
                and not self.tokens[first - 1].person:
            first -= 1  # adjacent adjectives only: «Алматинскому и [Талдыкорганскому ...]» are two names
        if first == mention.start:
            return False
        adjectives = range(first, mention.start)
        if mention.match is not None and mention.match.entry.kind == "group":
            place = self._place_of_adjectives_ru(first, mention)
            if place is not None:
                self.narrow(mention, (first, mention.end), (first, first + 1), place)
                return False
        if all(self.tokens[k].keys & self.g.neutral_adjectives for k in adjectives if self.tokens[k].word):
            self.resize(mention, first, mention.end)
            return False
        end = max(self._complements_ru(mention.end), mention.end)
        for inner in self.covered_between(first, end):
            self.unplace(inner)
        self.place(_Mention(first, end, mention.head, None, self.kind_of(mention.head, mention.kind), mention.cases))
        return True

    def _place_of_adjectives_ru(self, start: int, mention: _Mention) -> str | None:
        """The place a capitalised adjective (hyphenated or not) before a name stands for: the
        place noun whose adjective opens the name («Каркаралинскому [районному отделу ...]» →
        «Каркаралинского района»), else one whose akimat the gazetteer knows («Карагандинскому
        [управлению ...]» → «Карагандинской области»)."""
        words = [t.text for t in self.tokens[start : mention.start]]
        adjective = "".join(words)
        if not adjective[:1].isupper() or any(w in _QUOTES for w in words):
            return None
        opening = self.tokens[mention.start].lower
        for (_, adjectives), genitive in zip(self.g.place_adjectives, self.g.place_genitives):
            place = place_of_adjective_ru(adjective, genitive)
            if place and (lemma_ru(opening) in adjectives
                          or self.akimat_of(place)):
                return place
        return None

    def _modifiers_before_match_kk(self, mention: _Mention) -> bool:
        """Kazakh words right before a gazetteer name, as the Russian adjectives are read: a
        place's name before a name opening with the place's adjective narrows a group
        («Қарағанды [облыстық денсаулық сақтау басқармасы]»), words that leave the meaning keep
        it («Тиісті [жергілікті атқарушы органдар]»), others at the start of the clause make
        another, unknown body («Әскери [прокуратура]»). True when the mention was replaced."""
        tokens = self.tokens
        first = mention.start
        while first > 0 and self.covered[first - 1] is None and tokens[first - 1].text.isalpha() and not tokens[first - 1].person \
                and not tokens[first - 1].stop and tokens[first - 1].lower not in self.g.postpositions \
                and tokens[first - 1].cases & {"nomn", "attr", "accs"} and "gent" not in tokens[first - 1].cases:
            first -= 1  # -ты/-ді is also the adjective suffix «having» (тиісті, Қарағанды): accusative readings count
        if first == mention.start:
            return False
        named = all(tokens[k].cap for k in range(first, mention.start))
        if named and tokens[mention.start].keys & self.g.place_nouns:
            return False  # «Шет [ауданының білім бөлімі]»: the name of the place the wording opens with
        opening = tokens[mention.start].lower
        if mention.match is not None and mention.match.entry.kind == "group" and named:
            for (_, adjectives), genitive in zip(self.g.place_adjectives, self.g.place_genitives):
                if opening in adjectives:
                    written = self.text[tokens[first].start : tokens[mention.start - 1].end]
                    self.narrow(mention, (first, mention.end), (first, mention.start), f"{written} {genitive}")
                    return False
        if all(tokens[k].keys & self.g.neutral_adjectives for k in range(first, mention.start)):
            self.resize(mention, first, mention.end)
            return False
        if first > 0 and tokens[first - 1].lower not in _CLAUSE_OPENERS or any(
            not tokens[k].cases & {"nomn", "attr"} or self.head_kind(k) for k in range(first, mention.start)
        ):
            return False  # not the clause's start, an object or a noun of its own: the words belong elsewhere
        for inner in self.covered_between(first, mention.end):
            self.unplace(inner)
        self.place(_Mention(first, mention.end, mention.head, None, self.kind_of(mention.head, mention.kind), mention.cases))
        return True

    def _quoted(self, mention: _Mention) -> bool:
        """Whether the mention is a name in quotes (the quotes inside it or around it)."""
        tokens = self.tokens
        if tokens[mention.start].text in _QUOTES and tokens[mention.end - 1].text in _QUOTES:
            return True
        if 0 < mention.start and tokens[mention.start - 1].text in _QUOTES and tokens[mention.end - 1].text in _QUOTES:
            return True  # «ФНБ «Самрук-Қазына»: the inner name's closing mark closes the outer quotes too
        return 0 < mention.start and mention.end < len(tokens) and tokens[mention.start - 1].text in _QUOTES and tokens[mention.end].text in _QUOTES

    def _place_before_kk(self, start: int) -> int:
        """The start of a place name in the genitive right before ``start`` («Шығыс Қазақстан
        облысының», «аумақтың»), else ``start``."""
        k = start - 1
        if k < 0 or self.covered[k] is not None or "gent" not in self.tokens[k].cases:
            return start
        last = k
        while k > 0 and self.covered[k - 1] is None and self.tokens[k - 1].cap and self.tokens[k - 1].word:
            k -= 1
        if self.tokens[k].cap:
            return k
        # a place noun alone («аумақтың», «облыстың») narrows as «регионов», «области» do
        return last if self.tokens[last].keys & self.g.place_nouns else start

    def _akimat_place_end_ru(self, start: int) -> int | None:
        """The end of a place from ``start`` whose akimat the gazetteer knows: adjectives and a
        place noun, or a place noun and a proper name («Карагандинской области», «городу Астане»)."""
        tokens = self.tokens
        k = start
        while k < len(tokens) and tokens[k].word and self.covered[k] is None and not tokens[k].keys & self.g.place_nouns:
            k += 1
        if k >= len(tokens) or not tokens[k].keys & self.g.place_nouns or k - start > 3:
            return None
        end = k + 1
        while end < len(tokens) and tokens[end].cap and tokens[end].word and self.covered[end] is None and end - k <= 2:
            end += 1
        for last in range(end, k, -1):
            written = self.text[tokens[start].start : tokens[last - 1].end]
            if self.akimat_of(written):
                return last
        return None

    def _place_attached_kk(self, start: int) -> int | None:
        """The start of a place attached by a postposition right before ``start`` («Қарағанды
        облысы бойынша ...», «Астана қаласы бойынша ...») whose akimat the gazetteer knows."""
        tokens = self.tokens
        k = start - 1
        if k < 1 or tokens[k].lower not in self.g.place_prepositions or not tokens[k - 1].keys & self.g.place_nouns:
            return None
        first = k - 1
        while first > 0 and tokens[first - 1].cap and tokens[first - 1].word and self.covered[first - 1] is None:
            first -= 1
        if first == k - 1:
            return None
        written = self.text[tokens[first].start : tokens[k - 1].end]
        return first if self.akimat_of(written) else None

    def _proper_name_before_kk(self, start: int) -> int | None:
        """The start of the capitalised words right before a Kazakh wording that opens with a
        place noun («Қарағанды облысының ...», «Шығыс Қазақстан облысының ...»), else None."""
        if not self.tokens[start].keys & self.g.place_nouns:
            return None
        k = start
        while k > 0 and self.covered[k - 1] is None and self.tokens[k - 1].cap and self.tokens[k - 1].word and not self.tokens[k - 1].person:
            k -= 1
        return k if k < start else None

    def _proper_name(self, start: int, end: int) -> bool:
        """Whether the tokens are one name in quotes and nothing else, or a code name of a
        campaign written without them («Қыс-2001»)."""
        if end - start == 1:
            return _CODE_NAME.fullmatch(self.tokens[start].text) is not None
        return end - start > 2 and self.tokens[start].text in _QUOTES and self.closing(start) == end - 1

    def _place_qualifier(self, start: int, end: int) -> bool:
        """Capitalised words in the genitive with no separator: a place that narrows a group
        («местным исполнительным органам Восточно-Казахстанской области», «Шығыс Қазақстан
        облысының жергілікті ... органдары»)."""
        # the first half of a hyphenated name does not decline («Восточно-Казахстанской»)
        words = [t for i, t in enumerate(self.tokens[start:end], start) if t.word and (i + 1 == end or self.tokens[i + 1].text != "-")]
        first = self.tokens[start] if start < end else None
        return (
            bool(words)
            and (first.cap or bool(first.keys & self.g.place_nouns) and (len(words) == 1 or words[1].cap))
            and all(t.word or t.text == "-" for t in self.tokens[start:end])
            and "gent" in words[-1 if self.lang == "kk" else 0].cases
            and self.covered_between(start, end) == []
        )

    # -- unknown mentions --

    def _add_unknown(self) -> None:
        order = range(len(self.tokens)) if self.lang == "ru" else range(len(self.tokens) - 1, -1, -1)
        for i in order:
            token = self.tokens[i]
            if self.covered[i] is not None or not token.word or token.person:
                continue
            kind = self.head_kind(i)
            if kind is None and token.abbreviation and token.lower not in self.g.title_abbreviations:
                kind = "body"
            if kind is None or self._modifies_next(i):
                continue
            self.place(self.noun_phrase(i, kind))

    def _modifies_next(self, i: int) -> bool:
        """A head word used as an adjective of the next noun («уполномоченным органом»)."""
        if self.lang != "ru" or i + 1 >= len(self.tokens):
            return False
        token, following = self.tokens[i], self.tokens[i + 1]
        return bool(token.adjective_cases & following.noun_cases) and "NOUN" in following.pos

    def noun_phrase(self, head: int, kind: str | None) -> _Mention:
        """The noun phrase around the head noun at ``head`` (ru: adjectives, head, complements;
        kk: modifiers, head)."""
        if self.lang == "ru":
            cases = self.head_cases(head, None)
            start = self._adjectives_ru(head, cases)
            end = self._complements_ru(head + 1)
            appended = None
            apposition = end + 1
            while apposition < len(self.tokens) and self.covered[apposition] is None and self.tokens[apposition].adjective_cases & cases and "NOUN" not in self.tokens[apposition].pos:
                apposition += 1
            if (
                end < len(self.tokens)
                and self.tokens[end].text in _DASHES
                and apposition < len(self.tokens)
                and self.covered[apposition] is None
                and "NOUN" in self.tokens[apposition].pos
                and self.tokens[apposition].noun_cases & cases
            ):
                # an apposition in the same case («Некоммерческим организациям - получателям средств ...»)
                appended = (end + 1, apposition)
                end = self._complements_ru(apposition + 1)
            end = self._participle_phrases_ru(end)
        else:
            base = next((self.g.head_words[k] for k in self.tokens[head].keys if k in self.g.head_words), None)
            cases = self.head_cases(head, base)
            start, end = self._modifiers_kk(head), head + 1
        inner = self.covered_between(start, end)
        for mention in inner:
            self.unplace(mention)
        # a quoted name with its form of incorporation («АО "Алматыгаз"», «"Алматыгаз" АҚ»,
        # «государственному учреждению «Управление здравоохранения ... области»», ««...
        # басқармасы» мемлекеттік мекемесі») is what the name names
        quoted = [m for m in inner if m.match and self._quoted(m)]
        if len(inner) == 1 and quoted and (kind == "company" or self.tokens[head].keys & self.g.legal_forms):
            entry_kind = quoted[0].match.entry.kind
            return _Mention(start, end, head, quoted[0].match, "body" if entry_kind == "company" else quoted[0].kind, cases,
                            place=quoted[0].place)
        return _Mention(start, end, head, None, self.kind_of(head, kind), cases, inner=tuple(inner),
                        apposition=appended if self.lang == "ru" else None)

    def _participle_phrases_ru(self, end: int) -> int:
        """The end of the participle phrases set off by commas after an unknown name and agreeing
        with its last word: they tell which ones are meant («руководителям сельхозформирований,
        имеющих земельные участки, прилегающие к лесному фонду»). A known body's name is whole
        without them."""
        tokens = self.tokens
        while (end + 1 < len(tokens) and tokens[end].text == "," and "PRTF" in tokens[end + 1].pos
               and self.covered[end + 1] is None and tokens[end + 1].adjective_cases & tokens[end - 1].cases):
            k = end + 2
            while k < len(tokens) and tokens[k].text not in _PHRASE_ENDS and not _is_predicate(self, k):
                k += 1
            end = k
        return end

    def _adjectives_ru(self, head: int, cases: frozenset[str]) -> int:
        tokens, start = self.tokens, head
        while start > 0 and self.covered[start - 1] is None:
            previous = tokens[start - 1]
            if previous.adjective_cases & cases and not previous.person:
                start -= 1
            elif previous.text in {",", "и"} and start >= 2 and tokens[start - 2].adjective_cases & cases and self.covered[start - 2] is None:
                start -= 1
            elif previous.text == "-" and start >= 2 and tokens[start - 2].end == previous.start and previous.end == tokens[start].start and tokens[start - 2].word:
                start -= 2  # a hyphenated name: Иле-Алатаускому
            else:
                break
        return start

    def _complements_ru(self, j: int) -> int:
        """The end of what follows a Russian head inside its name: genitive complements
        (absorbing gazetteer names in the genitive), a quoted name, a place after «г.»,
        «по»/«при» phrases, genitives joined by separators."""
        tokens, g = self.tokens, self.g
        end = j
        after_title = False
        if 0 < j < len(tokens) and tokens[j - 1].keys & g.place_nouns and "NOUN" in tokens[j - 1].pos and not tokens[j - 1].cap \
                and self._place_name(j):
            # a name ending with a place noun takes the place's name after it («... и города [Капчагай]»)
            j, end, after_title = j + 1, j + 1, True
        while j < len(tokens):
            token = tokens[j]
            lower = token.lower
            mention = self.covered[j]
            if mention is not None:
                # a quoted name does not decline: it names what the head names («АО «КазМунайГаз»»)
                if mention.start == j and ("gent" in tokens[mention.head].cases or self._quoted(mention)):
                    j = end = mention.end
                    after_title = bool(tokens[j - 1].keys & g.place_nouns) and not tokens[j - 1].cap
                    continue
                break
            if lower in g.title_abbreviations:
                j, after_title = j + 1, True
                continue
            if after_title and token.cap and token.word:
                j = end = j + 1
                continue
            if token.text in _CLOSING and token.text in _QUOTES and j == end:  # an opening mark: «» is not opened by »
                close = self.closing(j)
                if close is None:
                    break
                j = end = close + 1
                continue
            if token.text == "(":
                close = self.closing(j)
                inside = tokens[j + 1 : close] if close else []
                if inside and all(t.word and "gent" in t.cases and not t.person for t in inside):
                    j = close + 1
                    continue
                break
            if lower in g.name_prepositions and j + 1 < len(tokens):
                k = j + 1
                while k < len(tokens) and tokens[k].adjective_cases and "NOUN" not in tokens[k].pos and self.covered[k] is None:
                    k += 1
                if k < len(tokens) and "NOUN" in tokens[k].pos and self.covered[k] is None:
                    j = end = k + 1
                    continue
                break
            if lower in g.governors:
                break
            qualified = next((e for q in g.home_qualifiers if (e := self.phrase_at(j, q, by_keys=True))), None)
            if qualified is not None and j == end:
                j = end = qualified
                continue
            separator = self.separator_at(j)
            if separator is not None:
                if separator >= len(tokens):
                    break
                following = tokens[separator]
                covered = self.covered[separator]
                continues = (
                    following.lower in g.title_abbreviations
                    or (after_title and following.cap)
                    or (
                        covered is not None
                        and covered.start == separator
                        and "gent" in following.cases
                        and "datv" not in following.cases
                        and not (self.head_kind(separator) and following.cases - {"gent"})
                    )
                    or (
                        covered is None
                        and following.word
                        and "gent" in following.cases
                        and ("datv" not in following.cases or _fixed(following) or self._genitive_conjunct(separator))
                        and not following.person
                        and not following.abbreviation
                        and not (self.head_kind(separator) and following.cases - {"gent"})
                    )
                )
                pending_adjective = j > end and "gent" in tokens[j - 1].adjective_cases
                # a form of incorporation opens the next company («АО «...», НПП «Атамекен»»)
                continues = continues and self.head_kind(separator) != "company"
                if continues and (j == end or pending_adjective):
                    j = separator
                    continue
                break
            if token.word and j + 2 < len(tokens) and tokens[j + 1].text == "-" and token.end == tokens[j + 1].start == tokens[j + 2].start - 1:
                j += 2  # the first half of a hyphenated word does not decline («Восточно-Казахстанской»)
                continue
            if token.word and not token.person and "INFN" not in token.pos and ("gent" in token.cases or token.abbreviation):
                # a place noun takes the names after it as «г.» does («городов Талдыкорган, Текели»)
                after_title = bool(token.keys & g.place_nouns) and "NOUN" in token.pos and not token.cap
                j += 1
                if "NOUN" in token.pos or token.abbreviation or _fixed(token):
                    end = j
                continue
            break
        return end

    def _place_name(self, i: int) -> bool:
        """Whether the token at ``i`` may be the proper name of a place: capitalised, free, no
        person's name and no abbreviation."""
        token = self.tokens[i]
        return token.cap and token.word and not token.person and not token.abbreviation and self.covered[i] is None

    def _genitive_conjunct(self, start: int) -> bool:
        """Whether the words at ``start``, read as genitive or dative alike, are a genitive
        complement joined to the ones before: their noun is no head, so no dative addressee
        («Министерствам финансов и [юстиции]», «... и [национальной экономики]»)."""
        k = start
        # adjectives before their noun, though pymorphy3 guesses a noun too («Мангистауской областей»)
        while k + 1 < len(self.tokens) and "gent" in self.tokens[k].adjective_cases and self.tokens[k + 1].word:
            k += 1
        if k >= len(self.tokens) or self.covered[k] is not None:
            return False
        noun = self.tokens[k]
        return "gent" in noun.noun_cases and not self.head_kind(k) and not noun.person and not noun.abbreviation

    def _modifiers_kk(self, start: int, *, extending: bool = False) -> int:
        """The start of the modifiers before a Kazakh noun at ``start``: adjectives, bare and
        genitive nouns, proper names, quoted names, and modifiers joined by separators. When
        ``extending`` a gazetteer name only the joined modifiers count («Аудандардың, Қапшағай
        қаласының, селолық ... округтерінің әкімдері»)."""
        tokens, covered, g = self.tokens, self.covered, self.g
        first = start
        # a participle among the modifiers governs one word in an oblique case before it, with
        # that word's own modifiers («орман қорына жақын жатқан жер учаскелерін иеленуші ...
        # құрамалардың басшылары»)
        participle_object = False
        while start > 0:
            previous = tokens[start - 1]
            inner = covered[start - 1]
            if inner is not None:
                # a post of the act's short name takes it bare («Агенттік төрағасы»)
                of_alias = inner.alias is not None and self.head_kind(first) == "official"
                object_of_participle = not participle_object and inner.cases & _OBLIQUE_CASES and self._has_participle(start, first)
                if extending or inner.end != start or not ("gent" in inner.cases or self._quoted(inner) or of_alias or object_of_participle):
                    break
                participle_object = participle_object or bool(object_of_participle)
                start = inner.start  # «... басқармасының бастығы», «"Алматыавтожол" кәсіпорны»
                continue
            if previous.text in _QUOTES - _OPENING_ONLY or previous.text == ")":  # a quoted modifier ends here
                opening = self.opening(start - 1)
                if opening is None or any(covered[k] not in (None, covered[opening + 1]) for k in range(opening, start)):
                    break
                if any(t.person for t in tokens[opening:start]):
                    break  # «бірлестігі (В.Ф.Чукарин)»: the person of the body before, not a modifier
                start = opening
                continue
            joined = self._joins_modifiers(start)
            if joined is not None:
                start = joined
                continue
            if extending and start == first:
                break
            # -ты/-ді/-лы is the accusative and the adjective suffix "having" (уәкілетті органмен)
            if previous.word and not previous.stop and not previous.person and (
                previous.cap or previous.cases & {"nomn", "gent", "attr", "accs"}
            ) and not (self.head_kind(start - 1) and "gent" not in previous.cases):
                start -= 1
                continue
            if previous.lower in g.title_abbreviations:
                start -= 1
                continue
            if not extending and not participle_object and previous.word and not previous.stop and not previous.person \
                    and previous.cases & _OBLIQUE_CASES and self._has_participle(start, first):
                participle_object = True
                start -= 1
                continue
            break
        while start < first and not tokens[start].word and tokens[start].text not in _QUOTES and tokens[start].text != "(":
            start += 1
        return start

    def _has_participle(self, start: int, end: int) -> bool:
        return any(self.covered[k] is None and self.tokens[k].lower.endswith(self.g.participle_endings) for k in range(start, end))

    def _joins_modifiers(self, start: int) -> int | None:
        """The start of a modifier joined by a separator to the one at ``start`` («Нұр-Сұлтан,
        Алматы мен Шымкент қалаларының», «қалалар мен сельпосокругтердің»)."""
        separator = self.separator_before(start)
        if separator is None or separator == 0 or self.covered[separator - 1] is not None:
            return None
        before = self.tokens[separator - 1]
        if not before.word or before.person or before.stop or self.head_kind(separator - 1) and "gent" not in before.cases:
            return None
        if before.cap or "gent" in before.cases or before.cases & {"nomn"}:
            return separator - 1
        return None

    # -- coordination --

    def _split_coordination(self, mention: _Mention) -> None:
        """Coordinated names sharing one head, when the gazetteer knows each of them:
        «Алматинскому и Талдыкорганскому объединениям ...», «Министерствам экологии ...,
        науки ..., здравоохранения Республики Казахстан», «... Ғылым ..., Денсаулық сақтау
        министрліктері»."""
        if mention.match is not None:
            self._split_leading_conjuncts(mention)
        elif self.lang == "kk" and self._split_places_kk(mention):
            return
        elif self.tokens[mention.head].plural:
            self._split_complements(mention)

    def _split_places_kk(self, mention: _Mention) -> bool:
        """Places coordinated inside one Kazakh name share its other words, when the gazetteer
        knows each name so made: «Алматы, Талдықорған орман және аң шаруашылығы
        бірлестіктері», «Орман және аң шаруашылығының Алматы және Талдықорған бірлестігі»."""
        tokens, head = self.tokens, mention.head
        i = mention.start
        while i < head:
            run, j = [i], i + 1
            while tokens[run[-1]].cap and tokens[run[-1]].word and j < head:
                following = self.separator_at(j)
                if following is None or following >= head or not (tokens[following].cap and tokens[following].word):
                    break
                run.append(following)
                j = following + 1
            if len(run) >= 2:
                prefix = [t.text for t in tokens[mention.start : run[0]]]
                suffix = [t.text for t in tokens[run[-1] + 1 : mention.end]]
                matches = [self._lookup(prefix + [tokens[p].text] + suffix) for p in run]
                if all(matches):
                    self.unplace(mention)
                    for index, (place, match) in enumerate(zip(run, matches)):
                        a = mention.start if index == 0 else place
                        b = mention.end if index == len(run) - 1 else place + 1
                        kind = "body" if match.entry.kind == "company" else match.entry.kind
                        self.place(_Mention(a, b, b - 1, match, kind, mention.cases))
                    return True
            i = j
        return False

    def _shared_place_noun(self, start: int, end: int) -> list[str] | None:
        """A place noun between ``start`` and ``end`` right before (Russian) or after (Kazakh) a
        proper name, which the other names listed with that one share: «гг.» of «гг. Капчагай,
        Талдыкорган и Текели», «қалаларының» of «Қапшағай, Талдықорған, Текелі қалаларының»."""
        tokens = self.tokens
        for k in range(start, end):
            name = k + 1 if self.lang == "ru" else k - 1
            if tokens[k].keys & self.g.place_nouns and start <= name < end and tokens[name].cap and tokens[name].word:
                return [tokens[k].text]
        return None

    def _lookup(self, words: list[str]) -> GazetteerMatch | None:
        entry = self.names.lookup(" ".join(words), self.lang, on=self.on)
        if entry is None:
            return None
        return GazetteerMatch(entry, 0, 0, " ".join(words), "name")

    def _split_leading_conjuncts(self, mention: _Mention) -> None:
        tokens = self.tokens
        first = tokens[mention.start]
        if self.lang == "ru":
            rest = [t.text for t in tokens[mention.start + 1 : mention.end]]
            similar = lambda t: bool(t.adjective_cases & first.adjective_cases) and t.cap == first.cap
        else:
            rest = [t.text for t in tokens[mention.start + 1 : mention.end]]
            similar = lambda t: t.cap and first.cap and not t.person
        j = mention.start
        while True:
            separator = self.separator_before(j)
            if separator is None or separator == 0 or self.covered[separator - 1] is not None:
                return
            conjunct = separator - 1
            if not tokens[conjunct].word or not similar(tokens[conjunct]):
                return
            match = self._lookup([tokens[conjunct].text, *rest])
            if match is None:
                return
            self.place(_Mention(conjunct, conjunct + 1, conjunct, match, mention.kind if mention.kind != "group" else "body", mention.cases))
            j = conjunct

    def _split_complements(self, mention: _Mention) -> None:
        tokens, head = self.tokens, mention.head
        region = (head + 1, mention.end) if self.lang == "ru" else (mention.start, head)
        heads = [head]
        owner = region[0] if self.lang == "ru" else region[1] - 1
        if region[1] - region[0] > 1 and self.head_kind(owner) == "official" and "gent" in tokens[owner].cases:
            # the head's own head noun is shared too: «Заместителям [акимов] районов, городов ...»,
            # «аудандар мен ... қалалары [әкімдерінің] орынбасарлары»
            heads = sorted((head, owner))
            region = (owner + 1, region[1]) if self.lang == "ru" else (region[0], owner)
        if region[0] >= region[1]:
            return
        qualifier: tuple[int, int] | None = None
        for q in self.g.home_qualifiers:
            for i in range(region[0], region[1]):
                end = self.phrase_at(i, q, by_keys=True)
                if end is not None and ((self.lang == "ru" and end == region[1]) or (self.lang == "kk" and i == region[0])):
                    qualifier = (i, i + len(q))
                    break
            if qualifier:
                break
        inner = (region[0], qualifier[0]) if qualifier and self.lang == "ru" else (qualifier[1], region[1]) if qualifier else region
        pieces: list[tuple[int, int]] = []
        piece_start = inner[0]
        for i in range(inner[0], inner[1]):
            if tokens[i].text == ",":
                pieces.append((piece_start, i))
                piece_start = i + 1
        pieces.append((piece_start, inner[1]))
        if any(a >= b for a, b in pieces):
            return
        qualifier_words = [t.text for t in tokens[qualifier[0] : qualifier[1]]] if qualifier else []
        head_word = [tokens[k].text for k in heads]
        shared = self._shared_place_noun(*inner)
        last = tokens[inner[1] - 1]
        last_noun = last.text if self.lang == "ru" and last.plural and last.keys & self.g.place_nouns else None

        def framed(words: list[str]) -> list[str]:
            return head_word + words + qualifier_words if self.lang == "ru" else qualifier_words + words + head_word

        def resolve(a: int, b: int) -> GazetteerMatch | None:
            words = [t.text for t in tokens[a:b]]
            match = self._lookup(framed(words))
            if match is None and shared is not None and b - a == 1 and tokens[a].cap and tokens[a].word:
                # a bare name takes the place noun a listed name bears («районов и гг. Капчагай,
                # Талдыкорган и Текели», «Қапшағай, Талдықорған, Текелі қалаларының»)
                match = self._lookup(framed(shared + words if self.lang == "ru" else words + shared))
            if match is None and last_noun is not None and b < inner[1] and "gent" in tokens[b - 1].adjective_cases:
                # adjectives share the place noun after the last of them («Акмолинской, Карагандинской
                # и Павлодарской областей»)
                match = self._lookup(framed(words + [last_noun]))
            return match

        resolved = []
        for a, b in pieces:
            match = resolve(a, b)
            if match is not None:
                resolved.append((a, b, match))
                continue
            # the last two conjuncts may be joined by a word («Ауыл шаруашылығы және Денсаулық сақтау»)
            for k in range(a + 1, b - 1):
                after = self.separator_at(k)
                if after is None or not tokens[k].word:
                    continue
                first, second = resolve(a, k), resolve(after, b)
                if first is not None and second is not None:
                    resolved += [(a, k, first), (after, b, second)]
                    break
            else:
                return
        if len(resolved) < 2:
            return  # one name: the gazetteer read it already, or it is none of its names
        if any(match.entry.kind == "group" for _, _, match in resolved):
            # a conjunct that is itself a group («акимам районов, г.Капчагая, сельских округов»)
            # makes the whole a group: groups stay groups, as «акимам областей, городов Астаны»;
            # the other language names it from its conjuncts' names
            commas = [all(t.text == "," for t in tokens[b:a]) for (_, b, _), (a, _, _) in zip(resolved, resolved[1:])]
            mention.composed = _composed_names([match.entry for _, _, match in resolved], commas, len(heads), self.names, self.on)
            return
        self.unplace(mention)
        for index, (a, b, match) in enumerate(resolved):
            if self.lang == "ru":
                a = head if index == 0 else a
                b = mention.end if index == len(resolved) - 1 else b
            else:
                a = mention.start if index == 0 else a
                b = mention.end if index == len(resolved) - 1 else b
            kind = "body" if match.entry.kind == "company" else match.entry.kind
            self.place(_Mention(a, b, a if self.lang == "ru" else b - 1, match, kind, mention.cases))


# --- reading the clause ----------------------------------------------------------------------


@dataclass
class _Reading:
    addressees: list[_Mention] = field(default_factory=list)
    co: list[_Mention] = field(default_factory=list)


def _is_predicate(clause: _Clause, i: int) -> bool:
    token, g = clause.tokens[i], clause.g
    if not token.word:
        return False
    if g.grammemes and clause.lang == "ru":
        parses = parses_ru(token.text)
        if parses and parses[0].pos in g.grammemes:
            return True
    lower = token.lower
    if any(lower.endswith(e) and len(lower) > len(e) + 1 for e in g.endings):
        following = clause.tokens[i + 1] if i + 1 < len(clause.tokens) else None
        return following is None or not following.word or clause.separator_at(i + 1) is not None
    return False


def _is_passive(clause: _Clause, i: int) -> bool:
    lower = clause.tokens[i].lower
    return lower not in clause.g.active_words and any(lower.endswith(e) for e in clause.g.passive_endings)


def _predicate(clause: _Clause) -> int | None:
    for i, token in enumerate(clause.tokens):
        if token.text in clause.g.intro_end or _is_predicate(clause, i):
            return i
    return None


def _delegation_at(clause: _Clause, i: int) -> tuple[_Delegation, int] | None:
    for delegation in clause.g.delegations:
        end = clause.any_phrase_at(i, delegation.phrases)
        if end is not None:
            return delegation, end
    return None


def _clause_end(clause: _Clause, start: int = 1) -> int:
    """The end of the sentence going on at ``start`` (after a point's label «4.»): co-markers of
    a later one are not this item's."""
    for i in range(max(start, 1), len(clause.tokens)):
        if clause.tokens[i].text in {".", ";"}:
            return i
    return len(clause.tokens)


def _governed(clause: _Clause, mention: _Mention) -> bool:
    """A body after a preposition, or after an adjective that takes it («подотчетным Президенту»)."""
    if mention.start == 0:
        return False
    previous = clause.tokens[mention.start - 1]
    if previous.lower in clause.g.governors:
        return True
    adjective = previous.pos & (_ADJECTIVES | _SHORT_ADJECTIVES)
    return clause.lang == "ru" and bool(adjective) and clause.covered[mention.start - 1] is None


def _skip_connectors(clause: _Clause, j: int, limit: int) -> int:
    """The next index after separators, parentheses and personal names (Чукарин В.Ф.)."""
    tokens = clause.tokens
    while j < limit:
        if tokens[j].text == "(":
            close = clause.closing(j)
            if close is None:
                break
            j = close + 1
        elif tokens[j].person and clause.covered[j] is None:
            j += 1
        elif (end := clause.separator_at(j)) is not None:
            j = end
        else:
            break
    return j


def _co_executors(clause: _Clause, limit: int) -> list[_Mention]:
    """Co-executors named with a co-marker: «совместно с X, Y» / «X-пен, Y-пен бірлесіп», and
    bodies taking part: «с участием X» / «X-тың қатысуымен»."""
    g = clause.g
    found: list[_Mention] = []
    taking_part: list[_Mention] = []
    genitive = frozenset(("gent",))
    for i in range(limit):
        for markers, cases, into in ((g.co_before, g.co_cases, found), (g.co_genitive_before, genitive, taking_part)):
            end = clause.any_phrase_at(i, markers)
            j = end if end is not None else limit
            while j < limit:
                mention = _mention_at(clause, j, cases)
                if mention is None:
                    break
                into.append(mention)
                following = _skip_connectors(clause, mention.end, limit)
                if clause.separator_before(following) is None:
                    break
                j = following
        if i > 0 and clause.any_phrase_at(i, g.co_genitive_after) is not None:
            # a word or two may qualify the taking part («басқарманың белсенді қатысуымен»)
            for before in range(i, max(0, i - 3), -1):
                mention = _mention_ending_at(clause, before, genitive)
                if mention is not None:
                    taking_part.append(mention)
                    break
                if clause.covered[before - 1] is not None or not clause.tokens[before - 1].word:
                    break
        if i > 0 and clause.any_phrase_at(i, g.co_after) is not None:
            # the act may forget the case: «"Алматыгаз" АҚ бірлесе»
            mention = _mention_ending_at(clause, _before_parenthesis(clause, i), None)
            while mention is not None:
                found.append(mention)
                separator = _separator_back(clause, mention)
                if separator is None:
                    break
                mention = _mention_ending_at(clause, _before_parenthesis(clause, separator), g.co_cases)
    # who acts along is a body, a company or an official: the gazetteer's, or headed by such a word
    # («совместно с депутатами маслихата, ... местной интеллигенцией» are participants); who takes
    # part is a body or company («с участием представителей бизнеса» names no executor)
    kinds = {"along": ("body", "company", "official"), "part": ("body", "company")}
    named = [(m, "along") for m in found] + [(m, "part") for m in taking_part]
    return list(dict.fromkeys(m for m, how in named if m.match is not None or clause.head_kind(m.head) in kinds[how]))


def _before_parenthesis(clause: _Clause, k: int) -> int:
    """Where a name ends that a parenthesis ending right before ``k`` follows («Ұлттық
    Банкімен (келісім бойынша) бірлесіп»), else ``k``."""
    if k > 0 and clause.tokens[k - 1].text == ")":
        opening = clause.opening(k - 1)
        if opening is not None:
            return opening
    return k


def _separator_back(clause: _Clause, mention: _Mention) -> int | None:
    """The separator before a co-executor, over a few qualifying words that then join it
    («Қазақстан Республикасының басқа да орталық мемлекеттік органдарымен»)."""
    for start in range(mention.start, max(-1, mention.start - 5), -1):
        separator = clause.separator_before(start)
        if separator is not None:
            if start < mention.start:
                clause.resize(mention, start, mention.end)
            return separator
        if start == 0 or clause.covered[start - 1] is not None or not clause.tokens[start - 1].word:
            return None
        if clause.tokens[start - 1].cases & clause.g.co_cases:
            return None
    return None


def _mention_at(clause: _Clause, j: int, cases: frozenset[str]) -> _Mention | None:
    """The mention starting at ``j`` in one of ``cases``; after a co-marker a Russian noun phrase
    is one even with an unknown head, and leading adjectives join a known name («другими
    центральными государственными органами»)."""
    tokens = clause.tokens
    mention = clause.covered[j]
    if mention is not None:
        return mention if mention.start == j and mention.cases & cases else None
    if clause.lang != "ru":
        return None
    k = j
    while k < len(tokens) and clause.covered[k] is None and tokens[k].adjective_cases & cases and "NOUN" not in tokens[k].pos:
        k += 1
    if k >= len(tokens) or k == j and tokens[k].lower in clause.g.governors:
        return None
    following = clause.covered[k]
    if following is not None:
        if k > j and following.start == k and following.cases & cases:
            clause.resize(following, j, following.end)
            return following
        return None
    if tokens[k].noun_cases & cases and "PREP" not in tokens[k].pos and not tokens[k].person:
        mention = clause.noun_phrase(k, None)
        if mention.start == j:
            return clause.place(mention)
    return None


def _mention_ending_at(clause: _Clause, j: int, cases: frozenset[str] | None) -> _Mention | None:
    """The mention ending right before ``j`` (in one of ``cases`` unless None); in Kazakh a noun
    phrase in the instrumental is one even with an unknown head."""
    k = j - 1
    while k >= 0 and not clause.tokens[k].word and clause.tokens[k].text not in _QUOTES and clause.tokens[k].text != ")":
        k -= 1
    if k < 0:
        return None
    mention = clause.covered[k]
    if mention is not None:
        return mention if mention.end == k + 1 and (cases is None or mention.cases & cases) else None
    token = clause.tokens[k]
    wanted = cases if cases is not None else clause.g.co_cases
    if clause.lang == "kk" and token.word and token.cases & wanted and not token.stop and not token.person:
        return clause.place(clause.noun_phrase(k, None))
    return None


def _read_addressees(clause: _Clause) -> _Reading:
    tokens, g = clause.tokens, clause.g
    # a co-marker anywhere in the item names a co-executor of it («...: совместно с Председателем
    # Агентства проекты ...; совместно с Правительством предложения ...»)
    reading = _Reading(co=_co_executors(clause, len(tokens)))
    predicate = _predicate(clause)
    if predicate is None:
        return reading
    cases, start, end = g.addressee_cases, 0, predicate
    at_start = g.addressee_at_start
    delegated = _delegation_at(clause, predicate)
    if delegated is not None:
        delegation, after = delegated
        cases = frozenset((delegation.case,))
        at_start = at_start and not delegation.object_first
        if any(t.keys & delegation.not_with for t in tokens[: _clause_end(clause, predicate)]):
            return reading  # the control clause: its body controls, it is not told to act
        if delegation.side == "after":
            following = next((i for i in range(after, len(tokens)) if _is_predicate(clause, i)), None)
            start, end = after, following if following is not None else _clause_end(clause, after)
        if delegation.marker:
            reading.addressees = _marked_addressees(clause, delegation.marker, cases, start, end)
            return reading
    else:
        found = next((f for i in range(predicate) if (f := _delegation_at(clause, i)) and f[0].side == "after"), None)
        if found is not None:
            cases, start = frozenset((found[0].case,)), found[1]
        elif tokens[predicate].text not in g.intro_end and _is_passive(clause, predicate):
            return reading
        elif tokens[predicate].text in g.intro_end and any(t.word for t in tokens[predicate + 1 :]) \
                and not any(_is_predicate(clause, i) for i in range(predicate + 1, len(tokens))):
            # «X министрлігі: ... орталығы; ... орган;» names what X is made, no task: the list
            # after an addressee's colon says what to do (an intro alone keeps its addressee)
            return reading
    candidates = [m for m in clause.mentions if start <= m.start and m.end <= end and m not in reading.co]
    opening = next((i for i in range(start, end) if tokens[i].word or tokens[i].text in _QUOTES), end)
    first = next(
        (m for m in candidates if m.cases & cases and not _governed(clause, m) and (not at_start or m.start == opening)),
        None,
    )
    if first is None:
        return reading
    list_cases = first.cases & cases
    reading.addressees.append(first)
    j = first.end
    while j < end:
        following = _skip_connectors(clause, j, end)
        co_end = _skip_co(clause, following, reading.co, end)
        if co_end != following:
            j = co_end
            continue
        mention = clause.covered[following] if following < end else None
        if mention is None or mention.start != following or not mention.cases & list_cases:
            # a participle phrase may stand before the next name («, сондай-ақ референдумның ...
            # комиссияларының қызметін атқаратын аумақтық ... комиссияларына»)
            after = _participle_phrase_end(clause, following, end)
            mention = clause.covered[after] if after is not None else None
            if mention is None or mention.start != after or not mention.cases & list_cases:
                break
            following = after
        if mention in reading.co:
            break
        if following == j:
            break  # two names with nothing between them are not a list («комиссиясы ... Мәжілісі депутаттарының»)
        reading.addressees.append(mention)
        j = mention.end
    if _governed_after(clause, reading.addressees[-1].end, end):
        reading.addressees.clear()
    return reading


def _participle_phrase_end(clause: _Clause, start: int, end: int) -> int | None:
    """The start of the name a participle phrase starting at ``start`` qualifies: the phrase ends
    with a participle right before a name, within one list member (no separator in it)."""
    for k in range(start, min(end - 1, start + _MAX_BRACKET)):
        token = clause.tokens[k]
        if clause.covered[k] is None and clause.separator_at(k) is not None or not (token.word or token.text in _QUOTES):
            return None
        following = clause.covered[k + 1]
        if (
            clause.covered[k] is None
            and token.lower.endswith(clause.g.participle_endings)
            and following is not None
            and following.start == k + 1
        ):
            return k + 1
    return None


def _marked_addressees(clause: _Clause, marker: str, cases: frozenset[str], start: int, end: int) -> list[_Mention]:
    """Addressees each introduced by ``marker`` and the lists that follow them («возложить ... на
    заместителя акима области Амерханову Ж.А., акимов районов ..., а также на ...»)."""
    found: list[_Mention] = []
    j = start
    while j < end:
        if clause.tokens[j].lower != marker or (mention := _mention_at(clause, j + 1, cases)) is None:
            j += 1
            continue
        while mention is not None:
            found.append(mention)
            j = mention.end
            following = _skip_connectors(clause, j, end)
            if following == j or following >= end:
                break
            if "PRTF" in clause.tokens[following].pos:
                break  # «..., выполняющую функции ...»: a participle phrase of the name before
            mention = _mention_at(clause, following, cases)
    return found


def _governed_after(clause: _Clause, j: int, end: int) -> bool:
    """Whether a postposition follows the list over nominal words only: the names are then
    its object, not the subject («бюджеттік ұйымдар үшін», «әрбір кәсіпорын, ... бөлімшесі
    бойынша»)."""
    oblique = _ALL_CASES - {"nomn", "gent", "attr"}
    for k in range(j, end):
        token = clause.tokens[k]
        if token.lower in clause.g.postpositions:
            # its object is the noun right before it: a noun of its own between the names and
            # the postposition («министрлігі халық арасында», not a possessed «... бөлімшесі
            # бойынша») is that object, and the names are the subject
            return not (k > j and _unpossessed_noun(clause, k - 1))
        if token.cases & oblique or token.cases == {"gent"}:
            # a genitive opens the postposition's own object: «органдары ... бөлімшелерінің
            # ... жұмыс істеуі жөнінде шаралар қабылдасын» (the names are the subject)
            return False
    return False


def _unpossessed_noun(clause: _Clause, k: int) -> bool:
    """Whether the word at ``k`` is a Kazakh noun of no name and with no possessive ending."""
    token = clause.tokens[k]
    if not token.word or clause.covered[k] is not None or clause.lang != "kk":
        return False
    return not analyses_kk(token.text)[0].possessive


def _skip_co(clause: _Clause, j: int, co: list[_Mention], end: int) -> int:
    """The index after a co-executor phrase starting at ``j`` (marker and names), else ``j``."""
    start = j
    marker = clause.any_phrase_at(j, clause.g.co_before)
    if marker is not None:
        j = marker
    while j < end:
        mention = next((m for m in co if m.start == j), None)
        if mention is not None:
            j = mention.end
        elif (after := clause.any_phrase_at(j, clause.g.co_after)) is not None:
            j = after
        elif (after := _skip_connectors(clause, j, end)) != j and any(m.start == after for m in co):
            j = after
        else:
            break
    return j if j != marker or marker is None else start


def _persons(clause: _Clause) -> list[_Mention]:
    """Officials a plan-table cell names by person: «Курмашев К.К.», «Т.Ә. Әбдіқадыров», and the
    holders named inside a list of departments («управлений образования Касымова Н.,
    здравоохранения ...»)."""
    persons, tokens, i = [], clause.tokens, 0

    def free(k: int) -> bool:
        mention = clause.covered[k]
        return mention is None or mention.start < k and k + 1 < mention.end

    while i < len(tokens):
        if tokens[i].person and free(i):
            j = i
            # one person: a surname and initials in either order («Жакиянов О.Н. Садыкбаев С.К.» are two)
            while (
                j + 1 < len(tokens)
                and tokens[j + 1].person
                and free(j + 1)
                and tokens[j + 1].initials != tokens[j].initials
                and j - i < 1
            ):
                j += 1
            if any(t.initials for t in tokens[i : j + 1]):
                persons.append(_Mention(i, j + 1, i, None, "official", frozenset()))
            i = j + 1
        else:
            i += 1
    return persons


def _lead_marked(clause: _Clause, mention: _Mention) -> bool:
    """Whether «(свод)» / «(жинақтау)» follows the mention."""
    j, tokens = mention.end, clause.tokens
    while j < len(tokens) and tokens[j].text == "(":
        close = clause.closing(j)
        if close is None:
            return False
        if any(t.lower in clause.g.lead for t in tokens[j + 1 : close]):
            return True
        j = close + 1
    return False


def _nominative(clause: _Clause, mention: _Mention) -> str:
    """The name of an unknown executor in the nominative: Russian puts the head noun and the
    words agreeing with it before it in the nominative and keeps the dependent words
    («Акимам районов, г.Капчагая» → «Акимы районов, г.Капчагая»); Kazakh drops the case ending
    of the head («... бірлестіктерімен» → «... бірлестіктері»)."""
    start, end = clause.span(mention)
    text = clause.text
    tokens, head = clause.tokens, mention.head
    case = next((c for c in _EXECUTOR_CASES if c in mention.cases), None)
    if case is None or "nomn" in mention.cases and ("nomn" in tokens[head].noun_cases or clause.lang == "kk"):
        return text[start:end]
    replaced: dict[int, tuple[int, str]] = {}  # first token → (end token, words)
    if clause.lang == "ru":
        heads = [(mention.start, head)] + ([mention.apposition] if mention.apposition else [])
        for first, phrase_head in heads:
            for i in range(first, phrase_head + 1):
                token = tokens[i]
                if i == phrase_head or (token.adjective_cases and case in token.adjective_cases):
                    form = nominative_ru(token.text, case, None if i == phrase_head else tokens[phrase_head].text)
                    if form is not None:
                        replaced[i] = (i + 1, form)
        for i in range(head + 2, mention.end):
            # a participle phrase agreeing with the head («Организациям, имеющим лицензии» →
            # «Организации, имеющие лицензии»)
            if tokens[i - 1].text == "," and "PRTF" in tokens[i].pos and case in tokens[i].adjective_cases:
                form = nominative_ru(tokens[i].text, case, tokens[head].text)
                if form is not None:
                    replaced[i] = (i + 1, form)
        for inner in mention.inner:
            # an act's short name inside a post's name is written out («Председатель Агентства
            # Республики Казахстан по атомной энергии»)
            if inner.alias is not None and inner.alias.entry is not None and "gent" in inner.cases and inner.start > head:
                replaced[inner.start] = (inner.end, inflect_name_ru(inner.alias.entry.name_ru, "gent"))
    else:
        replaced[head] = (head + 1, caseless_kk(tokens[head].text, case))
    out, last = [], start
    for i, (after, form) in sorted(replaced.items()):
        out += [text[last : tokens[i].start], form]
        last = tokens[after - 1].end
    return "".join(out) + text[last:end]


def _place_names(clause: _Clause, mention: _Mention) -> dict[str, str]:
    """A mention's place (or proper name) as written, and in the other language, as named on the
    act's date, when the gazetteer knows its akimat («Восточно-Казахстанской области» → «Шығыс
    Қазақстан облысының»)."""
    place = mention.place
    written = mention.place_words or clause.text[clause.tokens[place[0]].start : clause.tokens[place[1] - 1].end]
    if clause._proper_name(*place):
        # a proper name reads the same in both languages, but for a code name's words; the other
        # language quotes a code name
        quoted = written if written[0] in _QUOTES else f"«{written}»"
        return {lang: written if lang == clause.lang else _code_name_in(quoted, clause.lang, lang) for lang in LANGUAGES}
    names = {clause.lang: written}
    akimat = clause.akimat_of(written)
    if akimat is not None:
        for lang in LANGUAGES:
            before, _, after = _grammar(lang).akimat_frame.partition("{place}")
            name = akimat.name_on(lang, clause.on)  # the place as it was called then («Капшагай», not «Конаев»)
            if lang != clause.lang and name.startswith(before) and name.endswith(after):
                names[lang] = name[len(before) : len(name) - len(after)]
    return names


def _code_name_in(name: str, lang: str, other: str) -> str:
    """A proper name in the other language: its words, when every one is a code name word of the
    data, each in its twin («Қыс-2001» → «Зима-2001»); else the name as written."""
    twins = dict(zip((w.casefold() for w in _grammar(lang).code_name_words), _grammar(other).code_name_words))
    words = _WORD.findall(name)
    if not words or any(word.casefold() not in twins for word in words):
        return name
    return _WORD.sub(lambda word: twins[word.group().casefold()], name)


def _post_of_alias(clause: _Clause, mention: _Mention) -> Entry | None:
    """The official an unknown post names when its body is the act's short name («Председателем
    Агентства», «Агенттік төрағасымен»): the body's official whose title has the post's word."""
    bodies = [m.alias.entry for m in mention.inner if m.alias is not None and m.alias.entry is not None]
    if mention.kind != "official" or len(bodies) != 1:
        return None
    keys = clause.tokens[mention.head].keys
    for official in clause.names.officials_of(bodies[0].id):
        words = official.name(clause.lang).split()
        if word_keys(words[0] if clause.lang == "ru" else words[-1], clause.lang) & keys:
            return official
    return None


def _narrowed(name: str, place: str, lang: str, kinds: Sequence[int]) -> str:
    """A group's name narrowed to a place; a region, district or city drops the name's own
    «областное» / «облыстық», «районный» / «аудандық» («управление здравоохранения Карагандинской
    области», not «областное управление ... области»). ``kinds``: the place nouns in the place, as
    indices of the data's ``redundant_adjectives`` (the same in both languages)."""
    grammar = _grammar(lang)
    words = name.split()
    nouns = [i for i, word in enumerate(words) if any(word_keys(word, lang) & grammar.place_adjectives[k][0] for k in kinds)]
    if len(nouns) == 1 and len(place.split()) > 1:
        # the name has the place's noun: the place stands there («заместители акима области» →
        # «заместители акима Карагандинской области», «облыс әкімінің ...» → «Қарағанды облысы әкімінің ...»)
        return " ".join(words[: nouns[0]] + [place] + words[nouns[0] + 1 :])
    first, _, rest = name.partition(" ")
    if rest and any(first.casefold() in grammar.place_adjectives[k][1] for k in kinds):
        if len(place.split()) == 1:
            return name  # the place noun alone restates the adjective: «управление ... области» is «областное управление ...»
        name = rest
    return grammar.narrowed_frame.format(name=name, place=place)


def _composed_names(entries: Sequence[Entry], commas: Sequence[bool], shared_words: int, names: Gazetteer,
                    on: dt.date | None) -> dict[str, str] | None:
    """The names of a group of conjuncts sharing their head, made of the conjuncts' own names
    (as named on the act's date) joined as the text joins them (``commas``: a comma, else a
    conjunction, between each two): «акимы районов», «Аким города Капшагай», «акимы сельских и
    поселковых округов» → «акимы районов, города Капшагай, сельских и поселковых округов».
    Places of one kind next to each other share their noun in the plural, listed as the language
    lists («акимы районов и городов Капшагай, Талдыкорган и Текели», «аудандардың және Қапшағай,
    Талдықорған және Текелі қалаларының әкімдері»). ``shared_words``: the words of the head
    (Russian first, Kazakh last); a head of two names the officials of several places, in the
    plural («заместители акимов районов и городов ...», «... қалалары әкімдерінің орынбасарлары»),
    and so does a place noun standing alone. None when the names do not share their head."""
    composed = {}
    for lang in LANGUAGES:
        words = [entry.name_on(lang, on).split() for entry in entries]
        if any(len(w) <= shared_words for w in words):
            return None
        heads = [w[:shared_words] if lang == "ru" else w[-shared_words:] for w in words]
        if any(len({lemma_ru(h[k]) if lang == "ru" else stem_kk(h[k]) for h in heads}) > 1 for k in range(shared_words)):
            return None
        head = list(next((h for h, e in zip(heads, entries) if e.kind == "group"), heads[0]))
        owner = 1 if lang == "ru" else 0  # the head's own head noun («акима», «әкімінің»)
        if shared_words > 1:
            head[owner] = _plural_noun(head[owner], lang) or head[owner]
        rests = [w[shared_words:] if lang == "ru" else w[:-shared_words] for w in words]
        rests = [[_plural_noun(rest[0], lang) or rest[0]] if entry.kind == "group" and len(rest) == 1
                 and word_keys(rest[0], lang) & _grammar(lang).place_nouns else rest for rest, entry in zip(rests, entries)]
        conjunction = f" {getattr(names.fields, f'conjunction_{lang}')} "
        listed, i = "", 0
        while i < len(rests):
            noun = _place_noun_before_name(rests[i], lang)
            j = i + 1
            while noun is not None and j < len(rests) and _place_noun_before_name(rests[j], lang) == noun:
                j += 1
            shared = _plural_noun(rests[i][0 if lang == "ru" else -1], lang) if j - i > 1 else None
            if shared is not None:
                places = [" ".join(rest[1:] if lang == "ru" else rest[:-1]) for rest in rests[i:j]]
                places_listed = ", ".join(places[:-1]) + conjunction + places[-1]
                part = f"{shared} {places_listed}" if lang == "ru" else f"{places_listed} {shared}"
            else:
                j = i + 1
                part = " ".join(rests[i])
            listed += part if i == 0 else (", " if commas[i - 1] else conjunction) + part
            i = j
        composed[lang] = f"{' '.join(head)} {listed}" if lang == "ru" else f"{listed} {' '.join(head)}"
    return composed


def _place_noun_before_name(rest: Sequence[str], lang: str) -> str | None:
    """The place noun of a name's rest that is a noun and a proper name («города Капшагай»,
    «Қапшағай қаласының»), casefolded; None for any other rest."""
    noun, name = (rest[0], rest[1:]) if lang == "ru" else (rest[-1], rest[:-1])
    if not name or not all(word[:1].isupper() for word in name) or not word_keys(noun, lang) & _grammar(lang).place_nouns:
        return None
    return noun.casefold()


def _plural_noun(noun: str, lang: str) -> str | None:
    """A place noun or a head noun of a name in the plural («города» → «городов», «акима» →
    «акимов», «қаласының» → «қалаларының», «әкімінің» → «әкімдерінің»); None for any other word
    or one already plural."""
    if lang == "ru":
        return plural_ru(noun, "gent")  # a name's words after its head are the head's genitives
    grammar = _grammar(lang)
    bases = [*grammar.place_noun_words, *(grammar.head_words[key] for key in word_keys(noun, lang) if key in grammar.head_words)]
    return next((form for word in bases if (form := plural_kk(noun, word))), None)


def common_name(name: str) -> str | None:
    """A name narrowed by a proper name without it («областной штаб "Зима-2001"» → «областной
    штаб», «Қыс-2001 облыстық штаб» → «облыстық штаб»); None when no proper name narrows it."""
    common = " ".join(_PROPER_NAME_IN_TEXT.sub(" ", name).split())
    return common if common and common != " ".join(name.split()) else None


def _executor(clause: _Clause, mention: _Mention, role: str, offset: int) -> Executor:
    start, end = clause.span(mention)
    entry = mention.match.entry if mention.match else _post_of_alias(clause, mention)
    nominative = _nominative(clause, mention) if entry is None else None
    if entry is None and mention.alias is not None:
        nominative = mention.alias.name
    names = {"ru": entry.name_ru, "kk": entry.name_kk} if entry else {}
    if entry and mention.place:
        places = _place_names(clause, mention)
        # a place the gazetteer cannot name in the other language («области» of the issuer)
        # leaves the group's own name there
        place_keys = ([word_keys(w, clause.lang) for w in mention.place_words.split()] if mention.place_words
                      else [clause.tokens[k].keys for k in range(*mention.place)])
        kinds = [index for index, (nouns, _) in enumerate(clause.g.place_adjectives) if any(keys & nouns for keys in place_keys)]
        names = {lang: _narrowed(names[lang], places[lang], lang, kinds) if lang in places else names[lang] for lang in LANGUAGES}
    other = next(lang for lang in LANGUAGES if lang != clause.lang)
    composed = mention.composed.get(other) if entry is None and mention.composed else None
    return Executor(
        id=entry.id if entry else None,
        name_ru=names["ru"] if entry else nominative if clause.lang == "ru" else composed,
        name_kk=names["kk"] if entry else nominative if clause.lang == "kk" else composed,
        kind=mention.kind,
        role=role,
        text=clause.text[start:end],
        span=(offset + start, offset + end),
    )


@lru_cache(maxsize=None)
def _alias_definition(lang: str) -> re.Pattern[str]:
    markers = "|".join(re.escape(m) for m in sorted(langdata.load(lang, "executors")["aliases"]["markers"], key=len, reverse=True))
    return re.compile(rf"\(\s*(?:{markers})\s*[-\u2013\u2014]\s*[«\"“]?(?P<alias>[^()«»\"“”\n]{{1,60}}?)[»\"”]?\s*\)", re.IGNORECASE)


@lru_cache(maxsize=16)  # every passage of an act asks for the act's aliases (parser/compare.py)
def find_aliases(text: str, lang: str, *, on: dt.date | None = None, names: Gazetteer | None = None) -> tuple[Alias, ...]:
    """The short names ``text`` defines for executors: «Агентство Республики Казахстан по атомной
    энергии (далее – Агентство)», «... агенттігі (бұдан әрі – Агенттік)». The name right before
    the parenthesis is what the short name stands for; a definition of anything else («(далее –
    Правила)») is no executor's."""
    names = names if names is not None else gazetteer()
    found: dict[str, Alias] = {}
    for definition in _alias_definition(lang).finditer(text):
        before = text[max(0, definition.start() - _ALIAS_WINDOW) : definition.start()].rstrip()
        clause = _Clause(before, lang, on, names)
        last = next((m for m in reversed(clause.mentions) if clause.span(m)[1] >= len(before.rstrip("»\"”"))), None)
        if last is None:
            continue
        # an institution named by its quoted name («"... комитеті" республикалық мемлекеттік мекемесі»)
        # is the body of that name
        quoted = [m.match.entry for m in last.inner if m.match is not None and clause._quoted(m)]
        entry = last.match.entry if last.match else quoted[0] if len(quoted) == 1 else None
        phrase = definition.group("alias").strip()
        found[phrase] = Alias(phrase, entry, entry.name(lang) if entry else _nominative(clause, last))
    return tuple(found.values())


def find_executors(
    text: str,
    lang: str,
    *,
    offset: int = 0,
    on: dt.date | None = None,
    mode: Mode = "addressee",
    names: Gazetteer | None = None,
    aliases: Sequence[Alias] = (),
) -> tuple[list[Executor], list[str]]:
    """The executors of an item's ``text``, lead first, and one warning per executor the
    gazetteer does not know (it is still returned, with ``id`` None).

    ``offset`` is added to every span (the item's start in ``Act.text``); ``on`` (the act's
    date) chooses between bodies that bore one name at different times; ``names`` is the
    gazetteer to resolve against (default: the bundled one; ``Gazetteer.load(extra_paths=...)``
    adds a user's file); ``aliases`` the short names the act defines (:func:`find_aliases`).

    >>> executors, warnings = find_executors("Министерству финансов совместно с МНЭ обеспечить", "ru")
    >>> [(e.id, e.role, e.text) for e in executors]
    [('mf', 'lead', 'Министерству финансов'), ('mne', 'co', 'МНЭ')]
    """
    if mode not in ("addressee", "list"):
        raise ValueError(f"find_executors: expected mode 'addressee' or 'list', got {mode!r}")
    clause = _Clause(text, lang, on, names if names is not None else gazetteer(), aliases)
    if mode == "addressee":
        reading = _read_addressees(clause)
    else:
        reading = _Reading(addressees=sorted(clause.mentions + _persons(clause), key=lambda m: m.start))
    named = sorted(dict.fromkeys(reading.addressees + reading.co), key=lambda m: m.start)
    marked = [m for m in named if _lead_marked(clause, m)]
    lead = marked[0] if marked else (reading.addressees[0] if reading.addressees else None)
    executors: list[Executor] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for mention in ([lead] if lead else []) + [m for m in named if m is not lead]:
        executor = _executor(clause, mention, "lead" if mention is lead else "co", offset)
        identity = executor.id or executor.text.casefold()
        if identity in seen:
            continue
        seen.add(identity)
        executors.append(executor)
        if executor.id is None:
            warnings.append(f"executor not in the gazetteer: «{executor.text}» at {executor.span[0]}")
        elif mention.match is not None and mention.match.misspelt:
            warnings.append(f"executor read through a word one letter off its name, «{mention.match.misspelt}»: «{executor.text}» "
                            f"at {executor.span[0]} is {executor.name_ru if lang == 'ru' else executor.name_kk}")
    return executors, warnings
