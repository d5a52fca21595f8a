"""Word normalisation: Russian lemmas (pymorphy3) and Kazakh stems (data-driven suffix rules).

Russian: every normal form pymorphy3 proposes is kept (``дел`` → дело, деть), because without a
tagger the first parse is often the wrong one; matchers intersect lemma sets.
Kazakh: no usable analyser exists, so :func:`stems_kk` strips nominal suffixes (case,
possessive, plural) described in ``corpora/morphology/kk_suffixes.toml`` with their assimilation
and vowel-harmony conditions; every valid analysis is kept, the most stripped first.
All results are casefolded with ё → е and cached.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from tapsyrma.corpora import data_path

from .errors import DataError, LanguageError

__all__ = [
    "KazakhAnalysis",
    "RussianParse",
    "analyses_kk",
    "case_kk",
    "caseless_kk",
    "inflect_name_ru",
    "lemma_ru",
    "lemmas_ru",
    "nominative_ru",
    "normalize_words",
    "parses_ru",
    "repair_kk",
    "stem_kk",
    "stems_kk",
]

_CACHE_SIZE = 1 << 18
_WORD_CHARACTER = re.compile(r"[^\W_]")  # a letter or digit: the token is a word, not punctuation
_YO = str.maketrans("ёЁ", "еЕ")
_PERSON_GRAMMEMES = frozenset({"Surn", "Name", "Patr"})


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@dataclass(frozen=True)
class RussianParse:
    """One pymorphy3 reading of a Russian word (grammeme names as in pymorphy3/OpenCorpora)."""

    lemma: str  # casefolded, ё → е
    pos: str | None  # NOUN, ADJF, PRTF, INFN, PREP, ...
    case: str | None  # nomn, gent, datv, accs, ablt, loct, ... (None when the word has no case)
    number: str | None  # sing, plur
    fixed: bool  # indeclinable (abbreviations like МИД, names like Алматы)
    person: bool  # a surname, first name or patronymic


def _plain(grammeme) -> str | None:
    return None if grammeme is None else str.__str__(grammeme)


@lru_cache(maxsize=_CACHE_SIZE)
def parses_ru(word: str) -> tuple[RussianParse, ...]:
    """Every pymorphy3 reading of ``word``, most probable first, duplicates dropped."""
    parses = {}
    for parse in _morph().parse(word):
        tag = parse.tag
        # plain str: pymorphy3's grammeme strings compare and hash slowly
        reading = RussianParse(
            parse.normal_form.casefold().translate(_YO),
            _plain(tag.POS),
            _plain(tag.case),
            _plain(tag.number),
            "Fixd" in tag,
            bool(_PERSON_GRAMMEMES & tag.grammemes),
        )
        parses.setdefault(reading, None)
    return tuple(parses)


@lru_cache(maxsize=_CACHE_SIZE)
def lemmas_ru(word: str) -> tuple[str, ...]:
    """All pymorphy3 normal forms of ``word``, casefolded with ё → е, most probable first."""
    lemmas = tuple(dict.fromkeys(parse.lemma for parse in parses_ru(word)))
    return lemmas or (word.casefold().translate(_YO),)


def case_kk(word: str, base: str) -> str | None:
    """The case of the Kazakh ``word`` read against ``base``, a caseless form of the same noun
    (a word of a gazetteer name, a head noun): "nomn" when ``word`` carries no more case than
    ``base`` (``министрлігі`` against ``министрлік``), the case of its extra suffix otherwise
    (``министрлігімен`` → "ablt"), None when they share no stem."""
    base_cases = {analysis.stem: analysis.case for analysis in analyses_kk(base)}
    for analysis in analyses_kk(word):
        if analysis.stem in base_cases:
            return _NOMINATIVE if analysis.case == base_cases[analysis.stem] else analysis.case
    return None


def lemma_ru(word: str) -> str:
    """The most probable normal form of ``word``."""
    return lemmas_ru(word)[0]


_DECLINING = frozenset({"NOUN", "ADJF", "PRTF"})


@lru_cache(maxsize=_CACHE_SIZE)
def nominative_ru(word: str, case: str, head: str | None = None) -> str | None:
    """``word``, a noun or adjective read in ``case``, put in the nominative of the same number and
    gender with its capitals kept (``Акимам`` datv → ``Акимы``, ``Генеральных`` accs →
    ``Генеральные``); an adjective takes the number and gender of the ``head`` noun it agrees
    with (``национальному`` … ``парку`` → ``национальный``). None when pymorphy3 has no such
    reading."""
    agree = None
    if head is not None:
        agree = next((p.tag for p in _morph().parse(head) if _plain(p.tag.case) == case and _plain(p.tag.POS) == "NOUN"), None)
    for parse in _morph().parse(word):
        tag = parse.tag
        if _plain(tag.case) != case or _plain(tag.POS) not in _DECLINING:
            continue
        if agree is not None and (tag.number != agree.number or (agree.number == "sing" and tag.gender != agree.gender)):
            continue
        inflected = parse.inflect({"nomn"})
        if inflected is None:
            continue
        form = inflected.word
        if word.isupper():
            return form.upper()
        return form[0].upper() + form[1:] if word[0].isupper() else form
    return None


@lru_cache(maxsize=_CACHE_SIZE)
def place_of_adjective_ru(adjective: str, genitive: str) -> str | None:
    """The place a Russian place adjective names with a place noun in the genitive:
    ``Карагандинскому`` + «области» → «Карагандинской области». None when the adjective has no
    such form."""
    noun = next((p for p in _morph().parse(genitive) if _plain(p.tag.POS) == "NOUN" and _plain(p.tag.case) == "gent"), None)
    parse = next((p for p in _morph().parse(adjective) if _plain(p.tag.POS) == "ADJF"), None)
    if noun is None or parse is None:
        return None
    agreeing = parse.inflect({"gent", "sing", str(noun.tag.gender)})
    if agreeing is None:
        return None
    # each part of a hyphenated adjective keeps its capital («Восточно-Казахстанскому»)
    parts = [part[:1].upper() + part[1:] if written[:1].isupper() else part
             for part, written in zip(agreeing.word.split("-"), adjective.split("-"))]
    return f"{'-'.join(parts)} {genitive}"


def plural_ru(noun: str, case: str) -> str | None:
    """The Russian ``noun``, read in the singular of ``case``, in the plural of that case, its
    capital kept («города» gent → «городов», «району» datv → «районам»); None when pymorphy3
    has no such reading."""
    parse = next((p for p in _morph().parse(noun) if _plain(p.tag.POS) == "NOUN" and _plain(p.tag.case) == case
                  and _plain(p.tag.number) == "sing"), None)
    inflected = parse.inflect({"plur", case}) if parse is not None else None
    if inflected is None:
        return None
    return inflected.word[0].upper() + inflected.word[1:] if noun[0].isupper() else inflected.word


def inflect_name_ru(name: str, case: str) -> str:
    """A Russian name in the nominative put in ``case``: its head noun and the adjectives before
    it decline, what follows stays («Агентство Республики Казахстан по атомной энергии» gent →
    «Агентства Республики Казахстан по атомной энергии»). Words pymorphy3 cannot inflect stay."""
    words = name.split(" ")
    for i, word in enumerate(words):
        parse = next((p for p in _morph().parse(word) if _plain(p.tag.case) == "nomn" and _plain(p.tag.POS) in _DECLINING), None)
        if parse is None:
            break
        inflected = parse.inflect({case})
        if inflected is not None:
            form = inflected.word
            words[i] = form.upper() if word.isupper() else form[0].upper() + form[1:] if word[0].isupper() else form
        if _plain(parse.tag.POS) == "NOUN":
            break
    return " ".join(words)


# --- Kazakh --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Suffix:
    form: str
    slot: int
    after: frozenset[str]  # letters the stem may end with
    after_possessive: bool  # the possessive slot must be filled too
    row: str | None  # "back" | "front" | None (no harmony)
    weight: int  # how much stripping it counts for when analyses are ranked
    case: str | None  # the case it marks (suffixes of the case slot)


@dataclass(frozen=True)
class _Rules:
    suffixes: tuple[_Suffix, ...]  # longest forms first
    back: frozenset[str]
    front: frozenset[str]
    free_finals: frozenset[str]
    vowels: frozenset[str]
    neutralisation: dict[str, str]
    repairs: dict[int, str]
    folds: dict[int, str]
    min_stem: int
    max_cases: int
    possessive_slot: int
    case_slot: int
    plural_slot: int
    slot_count: int


def _rules_error(path, what: str) -> DataError:
    return DataError(f"Kazakh suffix rules {path}: {what}")


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    path = data_path("morphology", "kk_suffixes.toml")
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"Kazakh suffix rules: expected a readable TOML file {path}, got {exc}") from None
    try:
        classes = {name: frozenset(letters) for name, letters in data["classes"].items()}
        harmony = data["harmony"]
        back, front = frozenset(harmony["back"]), frozenset(harmony["front"])
        slots = data["slot"]
        slot_names = [slot["name"] for slot in slots]
        possessive_slot = slot_names.index("possessive")
        case_slot = slot_names.index("case")
        plural_slot = slot_names.index("plural")
        suffixes = []
        for index, slot in enumerate(slots):
            for rule in slot["suffixes"]:
                after = set()
                after_possessive = False
                for name in rule["after"]:
                    if name == "possessive":
                        after_possessive = True
                    elif name in classes:
                        after |= classes[name]
                    else:
                        raise _rules_error(path, f"slot {slot['name']!r}: expected a class of {sorted(classes)} or 'possessive', got {name!r}")
                for form in rule["forms"]:
                    row = None
                    if rule.get("harmonic", True):
                        row = next(("back" if ch in back else "front" for ch in reversed(form) if ch in back or ch in front), None)
                    weight = int(rule.get("weight", len(form)))
                    case = rule.get("case")
                    if (case is None) == (index == slot_names.index("case")):
                        raise _rules_error(path, f"form {form!r}: expected a 'case' name on the suffixes of the case slot only")
                    suffixes.append(_Suffix(form, index, frozenset(after), after_possessive, row, weight, case))
        return _Rules(
            suffixes=tuple(sorted(suffixes, key=lambda s: -len(s.form))),
            back=back,
            front=front,
            free_finals=frozenset(harmony["free_finals"]),
            vowels=classes["vowel"],
            neutralisation=dict(data["final_neutralisation"]),
            repairs=str.maketrans(data["letter_repairs"]),
            folds=str.maketrans(data["letter_folds"]),
            min_stem=int(data["min_stem_letters"]),
            max_cases=int(data["max_case_suffixes"]),
            possessive_slot=possessive_slot,
            case_slot=case_slot,
            plural_slot=plural_slot,
            slot_count=len(slots),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise _rules_error(path, f"expected keys classes, harmony, slot (with 'plural', 'possessive' and 'case' slots), final_neutralisation, letter_repairs, letter_folds, min_stem_letters, max_case_suffixes; got error {exc!r}") from None


def _row(stem: str, rules: _Rules) -> str | None:
    """The harmony row of the last vowel of ``stem``: "back", "front", or None without one."""
    for ch in reversed(stem):
        if ch in rules.back:
            return "back"
        if ch in rules.front:
            return "front"
    return None


def _agrees(stem: str, suffix: _Suffix, rules: _Rules) -> bool:
    if suffix.row is None or stem[-1] in rules.free_finals:
        return True
    row = _row(stem, rules)
    return row is None or suffix.row == row


@dataclass(frozen=True)
class KazakhAnalysis:
    """One reading of a Kazakh word: its stem and the case its outermost case suffix marks."""

    stem: str
    case: str  # "nomn" when no case suffix was stripped; else gent, datv, accs, loct, ablv, ablt, attr
    plural: bool = False  # a plural suffix was stripped
    possessive: bool = False  # a possessive suffix was stripped («бөлімшесі»: the head of an izafet)


_NOMINATIVE = "nomn"


def _analyses(word: str, rules: _Rules) -> dict[str, tuple[int, str, bool, bool]]:
    """Stems of every analysis ``stem [plural] [possessive] [case [case]]`` of ``word``, each
    with the weight of what was stripped, the outermost case and whether a plural and a
    possessive suffix were stripped (best analysis per stem)."""
    found = {word: (0, _NOMINATIVE, False, False)}

    def strip(rest: str, below: int, cases: int, need_possessive: bool, weight: int, case: str, possessive: bool) -> None:
        for suffix in rules.suffixes:
            if not rest.endswith(suffix.form):
                continue
            if suffix.slot > below or (suffix.slot == below and (below != rules.case_slot or cases >= rules.max_cases)):
                continue
            if need_possessive and suffix.slot != rules.possessive_slot:
                continue
            stem = rest[: -len(suffix.form)]
            if len(stem) < rules.min_stem or not any(ch in rules.vowels for ch in stem):
                continue
            if not suffix.after_possessive and stem[-1] not in suffix.after:
                continue
            if not _agrees(stem, suffix, rules):
                continue
            total = weight + suffix.weight
            outer = case if case != _NOMINATIVE or suffix.case is None else suffix.case
            owned = possessive or suffix.slot == rules.possessive_slot
            if not suffix.after_possessive and found.get(stem, (-1,))[0] < total:
                found[stem] = (total, outer, suffix.slot == rules.plural_slot, owned)
            strip(stem, suffix.slot, cases + (suffix.slot == rules.case_slot), suffix.after_possessive, total, outer, owned)

    strip(word, rules.slot_count, 0, False, 0, _NOMINATIVE, False)
    return found


def _neutralise(stem: str, rules: _Rules) -> str:
    last = rules.neutralisation.get(stem[-1])
    return stem[:-1] + last if last else stem


@lru_cache(maxsize=_CACHE_SIZE)
def analyses_kk(word: str) -> tuple[KazakhAnalysis, ...]:
    """Every suffix analysis of the Kazakh ``word``, the most stripped first, one per stem.

    ``analyses_kk("министрлігіне")[0]`` → KazakhAnalysis("министрлік", "datv"); a hyphenated
    ending of an abbreviation (``ҚР-ның``) is dropped when it is made of suffixes only.
    """
    rules = _rules()
    word = word.casefold().translate(_YO).translate(rules.repairs)
    if not word:
        return (KazakhAnalysis(word, _NOMINATIVE),)
    head, hyphen, tail = word.rpartition("-")
    if hyphen and head and tail:
        case = _tail_analyses(tail).get("")
        if case is not None:
            return (KazakhAnalysis(head, case),)
    analyses = _analyses(word, rules)
    ranked = sorted(analyses, key=lambda stem: (-analyses[stem][0], -len(stem)))
    readings: dict[str, KazakhAnalysis] = {}
    for stem in ranked:
        key = _neutralise(stem, rules)
        _, case, plural, possessive = analyses[stem]
        readings.setdefault(key, KazakhAnalysis(key, case, plural, possessive))
    return tuple(readings.values())


def unjoined_kk(before: str, word: str) -> bool:
    """Whether two Kazakh genitives side by side are a list with its conjunction left out
    («аудандардың қалалардың әкімдері» for «аудандардың және қалалардың әкімдері»): a genitive
    with no possessive reading cannot be the head the genitive before it asks for."""
    second = analyses_kk(word)
    return (any(a.case == "gent" for a in second) and not any(a.possessive for a in second)
            and any(a.case == "gent" for a in analyses_kk(before)))


def plural_kk(word: str, nominative: str) -> str | None:
    """The Kazakh ``word``, read as the singular noun ``nominative`` with its suffixes, in the
    plural with the same possessive and case, each suffix in the form the sounds before it ask
    for and, where two fit, the one ``word`` has («қаласының», қала → «қалаларының»;
    «министрлігіне», министрлік → «министрліктеріне»); None when ``word`` has no singular reading
    on that noun."""
    rules = _rules()
    base = nominative.casefold()
    reading = next((a for a in analyses_kk(word) if a.stem == _neutralise(base, rules) and not a.plural), None)
    if reading is None:
        return None
    lower = word.casefold()

    def attach(stem: str, slot: int, case: str | None, after_possessive: bool) -> str | None:
        # the row of the last vowel, front after a free final (банк-тер)
        row = "front" if stem[-1] in rules.free_finals else _row(stem, rules)
        fitting = [suffix for suffix in rules.suffixes if suffix.slot == slot and suffix.case == case and suffix.row in (None, row)
                   and (after_possessive if suffix.after_possessive else stem[-1] in suffix.after)]
        # the word's own form first, then one made for the possessive before it (министрлігі-не, not -ге)
        fitting.sort(key=lambda suffix: (not lower.endswith(suffix.form), not suffix.after_possessive))
        return stem + fitting[0].form if fitting else None

    form = attach(base, rules.plural_slot, None, False)
    if form is not None and reading.possessive:
        form = attach(form, rules.possessive_slot, None, False)
    if form is not None and reading.case != _NOMINATIVE:
        form = attach(form, rules.case_slot, reading.case, reading.possessive)
    if form is None:
        return None
    return form[0].upper() + form[1:] if word[0].isupper() else form


def caseless_kk(word: str, case: str) -> str:
    """The Kazakh ``word`` without its outer suffix of ``case``, as written (``Үкіметіне`` datv →
    ``Үкіметі``, ``бірлестіктерімен`` ablt → ``бірлестіктері``); ``word`` itself when it has none."""
    rules = _rules()
    lower = word.casefold().translate(rules.repairs)
    for suffix in rules.suffixes:  # longest forms first
        if suffix.case == case and lower.endswith(suffix.form) and len(lower) - len(suffix.form) >= rules.min_stem:
            return word[: len(word) - len(suffix.form)]
    return word


def repair_kk(text: str) -> str:
    """``text`` with letters older acts write in place of Kazakh ones put right (Latin i → і)."""
    return text.translate(_rules().repairs)


def folded_kk(text: str) -> str:
    """``text`` with the Kazakh letters older acts write with Russian ones folded to those
    (``қалалар`` and ``калалар`` → ``калалар``): a key two spellings share, not a repair."""
    return text.translate(_rules().folds)


@lru_cache(maxsize=_CACHE_SIZE)
def stems_kk(word: str) -> tuple[str, ...]:
    """Stems of every suffix analysis of the Kazakh ``word``, the most stripped first.

    ``stems_kk("министрлігіне")`` → ("министрлік", "министрлігіне").
    """
    return tuple(analysis.stem for analysis in analyses_kk(word))


@lru_cache(maxsize=4096)
def _tail_analyses(tail: str) -> dict[str, str]:
    """What stays of a hyphenated tail when suffixes are stripped with no sound conditions,
    with the outermost case stripped."""
    rules = _rules()
    rests = {tail: _NOMINATIVE}
    frontier = [(tail, rules.slot_count, _NOMINATIVE)]
    while frontier:
        rest, below, case = frontier.pop()
        for suffix in rules.suffixes:
            if suffix.slot < below and rest.endswith(suffix.form):
                stem = rest[: -len(suffix.form)]
                outer = case if case != _NOMINATIVE or suffix.case is None else suffix.case
                rests.setdefault(stem, outer)
                frontier.append((stem, suffix.slot, outer))
    return rests


def stem_kk(word: str) -> str:
    """The Kazakh stem of ``word``: ``Үкіметке`` → үкімет, ``органдарына`` → орган."""
    return stems_kk(word)[0]


def normalize_words(text: str, lang: str) -> list[str]:
    """The words of ``text`` as comparison keys: Russian lemma or Kazakh stem, punctuation dropped."""
    from .nlp import nlp

    if lang == "ru":
        key = lemma_ru
    elif lang == "kk":
        key = stem_kk
    else:
        raise LanguageError(f"normalize_words: expected 'ru' or 'kk', got {lang!r}")
    return [key(token.text) for token in nlp(lang).tokenizer(text) if _WORD_CHARACTER.search(token.text)]
