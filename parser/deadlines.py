"""Deadlines of instruction items: every term phrase of a text, typed, with its computed due date.

The grammar is ours, staged and data-driven. Every word (months with all their Kazakh case
endings, numerals, the markers "by", "not later than", "every quarter", ...) comes from
``corpora/lang/<lang>/deadlines.toml``; this module holds no word of either language. Its regular
expressions are built once per language from small named parts: a day, a month, a year reference,
a date, a list of dates, a duration, the event a duration counts from.

Matching is kept apart from interpretation. Each *stage* is a named pattern and an interpreter;
the data keys in brackets say where its words come from:

============  ====================================================================================
stage         what it finds → kind of the result
============  ====================================================================================
effective     the act's entry into force ([effective]): not a deadline, it claims its words
range         from one date until another ([markers] from_*, by_*) → date, due = the end
periodic      a frequency ([periodic] weekly ... yearly, or "once in N weeks/months/years" from
              [periodic.every]) with an optional anchor: dates, a day of the month following the
              period or of its last month, or months → periodic with a schedule
reporting     no frequency word, but the reporting period named ([periodic.reporting]: "day 10 of
              the month after the reporting quarter", "after the year, by 20 January"), or the
              period whose last month holds the day ([periodic.last_month]) → periodic
standing      a standing duty ([periodic] standing; standing_cell only as a whole table cell or
              line) → periodic without due date
relative_adj  an adjective of time ([relative.adjectives], "two-week term") → relative
relative      a duration with its frame ([relative] before/after, units, working/calendar) and the
              event it counts from ([anchors]) → relative
lead          a lead time before a written date ([relative] lead_*, "ten days before 1 March 2025")
              → date, due = the date minus the lead; before an undated event it is not read
event         a term tied to an undated event ([events]) → relative without due date
period_end    the end of a year, quarter, half-year or month ([periods] end_*) → period_end
year          "in <year>", "in <year>-<year>", "by <year>" ([years]) → period_end at the end of the
              (last) year; not the horizon of a programme ([periods] horizon_*)
period        a quarter, half-year or month (range) → period_end
date          dates with a marker ([markers] by_*; in Kazakh also a month in the dative) → date.
              A date without one, or an act reference ([markers] reference_*), claims its words
              and gives nothing
============  ====================================================================================

All stages run over the whole text; candidates are taken longest first (the earlier stage of the
table wins a tie), and a candidate its interpreter rejects leaves its words to the others: the
first valid reading wins, as in dateparser's list of parsers. ``Deadline.trace`` names the stage
and every step of the computation.

How due dates are computed (``basis`` is the act's date or the date of receipt):

- explicit dates and period ends are taken as written and never moved; a day and month without
  a year is the next such day on or after the basis;
- working days: :meth:`WorkCalendar.add_working_days` from the basis, the basis not counted
  (paragraph 50 of the Rules of decree No. 403: terms are counted in working days from receipt).
  Days not marked as calendar days are working days for the same reason;
- calendar days, weeks (7 days), months (the same day number, clamped to the month's end) and
  years from the basis; a due date on a day off moves to the next working day (the Civil Code
  rule for a term ending on a non-working day), and the trace says so;
- a lead time before a written date counts back from that date: calendar days (days not marked
  as working days), weeks, months, or working days by the same calendar, the date not counted;
  the due date is not moved, as the written date is not;
- a term counted from an event the act does not date, or tied to one, has no due date; nor has
  anything relative when there is no basis;
- periodic terms get ``schedule``, the next due dates on or after the basis (4 for quarterly and
  weekly, 12 for monthly, 2 for half-yearly and yearly, or one per anchor date if more) and
  ``due`` = the first. Without an anchor a period is due at its end (quarterly: 31 March,
  30 June, ...); weekly terms fall every 7 days from the basis. "Once in N periods" keeps every
  N-th period from the first (every 2 years: 2024, 2026); "after each year" with no day has no
  due date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
import calendar as calendar_module
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import langdata
from .calendar import WorkCalendar, kz_calendar
from .errors import DataError
from .model import Deadline, Span

__all__ = ["find_deadline", "find_deadlines", "find_effective_date", "personal_instruction_default"]

_PERSONAL_TERM_DAYS = 14  # paragraph 51: two weeks from signing
_FREQUENCIES = ("weekly", "monthly", "quarterly", "half_yearly", "yearly")
_SCHEDULE_LENGTH = {"weekly": 4, "monthly": 12, "quarterly": 4, "half_yearly": 2, "yearly": 2}
_PERIOD_END_MONTHS = {"monthly": tuple(range(1, 13)), "quarterly": (3, 6, 9, 12), "half_yearly": (6, 12),
                      "yearly": (12,)}
_FOLLOWING_MONTHS = {"monthly": tuple(range(1, 13)), "quarterly": (1, 4, 7, 10), "half_yearly": (1, 7),
                     "yearly": (1,)}
_UNITS = ("day", "week", "month", "year")
_EVERY_UNITS = ("week", "month", "year")
_PERIOD_NAMES = {"weekly": "weeks", "monthly": "months", "quarterly": "quarters", "half_yearly": "half-years",
                 "yearly": "years"}
# "every N months" as a frequency and a step: every 6 months is half-yearly, every 24 yearly by 2
_MONTHS_PER_PERIOD = (("yearly", 12), ("half_yearly", 6), ("quarterly", 3), ("monthly", 1))
_LETTER = r"[^\W\d_]"
_DASH = r"[-\u2013\u2014]"
_TRIM = " \t\n,;:"
_CLAUSE_LENGTH = 400  # characters an entry-into-force condition may take
_CLAUSE_END = re.compile(r"[.;()]|\n\n")  # a clause may run over a hard-wrapped line, not a block
_CELL_START = re.compile(r"(?:^|[\t>])[ \t]*$")  # TAB-separated cells of the normalised text, or HTML
_CELL_END = re.compile(r"[ \t.]*(?:$|[\n\t<])")
_WORD = re.compile(r"\w+")
_MARKER_REACH = 40  # characters the marker before a year may take ("not later than" and the like)
_HORIZON_REACH, _HORIZON_WORDS = 120, 8  # how far before a year target a document's name is looked for
_HORIZON_CLAUSE_END = re.compile(r"[.;:!?()\n]")
_NEXT_WORD = re.compile(r"\W*(\w+)")


# ---------------------------------------------------------------------------------------------
# The data file: validated once per language
# ---------------------------------------------------------------------------------------------

_WORDS, _PAIRS, _MONTHS, _WEEKDAYS, _GROUPS, _FLAG, _TEXT = (
    "a list of phrases", "a list of [phrase, number]", "12 lists of forms", "7 lists of forms",
    "a list of letter groups", "true or false", "a text")
_SCHEMA: dict[str, Any] = {
    "letters": {"variants": _GROUPS},
    "dates": {"year_first": _FLAG, "month_before_day": _FLAG},
    "months": {"names": _MONTHS, "period_names": _MONTHS, "open_ending": _FLAG},
    "numerals": {"units": _PAIRS, "tens": _PAIRS, "ordinals": _PAIRS, "roman": _PAIRS,
                 "compound_prefixes": _PAIRS, "ordinal_suffixes": _WORDS},
    "years": dict.fromkeys(("genitive", "in_before", "in_year", "in_years", "current", "bare", "by_before", "by_after",
                            "by_year"), _WORDS),
    "markers": dict.fromkeys(("by_before", "by_after", "by_case_endings", "by_case_blockers", "from_before",
                              "from_after", "reference_before", "reference_after", "reference_endings",
                              "list_joiners"), _WORDS),
    "relative": {**dict.fromkeys(("before", "after", "adjective_before", "adjective_after", "working",
                                  "calendar", "lead_before", "lead_marker", "lead_after"), _WORDS),
                 "lead_date_first": _FLAG,
                 "units": dict.fromkeys(_UNITS, _WORDS), "adjectives": dict.fromkeys(_UNITS, _WORDS)},
    "anchors": dict.fromkeys(("event_before", "event_after", "basis_events", "event_stop_endings",
                              "event_trailing_words"), _WORDS),
    "events": dict.fromkeys(("before", "nouns", "participle_endings", "after"), _WORDS),
    "periods": dict.fromkeys(("end_before", "end_after", "in_before", "quarter", "half_year", "month_words",
                              "year_blockers", "horizon_before", "horizon_after"), _WORDS),
    "periodic": {**dict.fromkeys(_FREQUENCIES + ("standing", "standing_cell", "day_of_month", "following_month",
                                                 "following_year", "weekday_before", "weekday_after"), _WORDS),
                 "weekdays": _WEEKDAYS,
                 "every": dict.fromkeys(("before", "after") + _EVERY_UNITS, _WORDS),
                 "reporting": dict.fromkeys(_FREQUENCIES, _WORDS),
                 "last_month": dict.fromkeys(_FREQUENCIES, _WORDS)},
    "effective": {**dict.fromkeys(("verbs", "self", "signing", "publication", "lapse"), _WORDS),
                  "verb_first": _FLAG},
    "rules": dict.fromkeys(("working_days", "day_off_moves", "personal_default"), _TEXT),
}


def _is_phrases(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(p, str) and p and p == p.strip() for p in value)


def _valid(kind: str, value: Any) -> bool:
    if kind == _WORDS:
        return _is_phrases(value)
    if kind == _PAIRS:
        return isinstance(value, list) and all(
            isinstance(p, list) and len(p) == 2 and _is_phrases(p[:1]) and type(p[1]) is int for p in value)
    if kind in (_MONTHS, _WEEKDAYS):
        count = 12 if kind == _MONTHS else 7
        return isinstance(value, list) and len(value) == count and all(_is_phrases(m) and m for m in value)
    if kind == _GROUPS:
        return isinstance(value, list) and all(_is_phrases(g) and all(len(ch) == 1 for ch in g) for g in value)
    if kind == _FLAG:
        return isinstance(value, bool)
    return isinstance(value, str) and bool(value.strip())


def _check(data: dict, schema: dict, lang: str, where: str = "") -> None:
    for key, kind in schema.items():
        path = f"{where}.{key}" if where else key
        if key not in data:
            raise DataError(f"deadline data {lang}: expected key {path}, got none")
        if isinstance(kind, dict):
            if not isinstance(data[key], dict):
                raise DataError(f"deadline data {lang}: expected table [{path}], got {data[key]!r:.60}")
            _check(data[key], kind, lang, path)
        elif not _valid(kind, data[key]):
            raise DataError(f"deadline data {lang}: expected {path} to be {kind}, got {data[key]!r:.80}")


# ---------------------------------------------------------------------------------------------
# Phrases → regular expressions; folding for look-ups
# ---------------------------------------------------------------------------------------------

class _Lexicon:
    """Turns the phrases of one language into regex alternations and folded look-up keys."""

    def __init__(self, variants: list[list[str]]):
        self._classes: dict[str, str] = {}
        fold: dict[str, str] = {}
        for group in variants:
            members = sorted({ch for letter in group for ch in (letter.lower(), letter.upper())})
            cls = "[" + "".join(re.escape(ch) for ch in members) + "]"
            for letter in group:
                self._classes[letter.lower()] = cls
                fold[letter.lower()] = group[0].lower()
        self._fold = str.maketrans(fold)

    def fold(self, text: str) -> str:
        """Lower case, one spelling per letter group, single spaces: the key of every look-up."""
        return " ".join(text.lower().translate(self._fold).split())

    def folded(self, phrases: list[str]) -> tuple[str, ...]:
        return tuple(self.fold(p) for p in phrases)

    def _tokens(self, phrase: str) -> tuple[str, ...]:
        """A phrase as regex atoms: a letter (or its group of variants), an escaped sign, a space run."""
        atoms: list[str] = []
        for ch in phrase.lower():
            if ch.isspace():
                if atoms[-1:] != [r"\s+"]:
                    atoms.append(r"\s+")
            else:
                atoms.append(self._classes.get(ch, re.escape(ch)))
        return tuple(atoms)

    @staticmethod
    def _trie(sequences: list[tuple[str, ...]]) -> str:
        """One regex for many atom sequences, sharing their prefixes; a longer sequence is tried
        before its own prefix, so the longest phrase wins."""
        root: dict = {}
        for atoms in sequences:
            node = root
            for atom in atoms:
                node = node.setdefault(atom, {})
            node[""] = {}

        def render(node: dict) -> str:
            branches = [atom + render(child) for atom, child in sorted(node.items()) if atom]
            if "" in node:
                branches.append("")
            if len(branches) == 1:
                return branches[0]
            return "(?:" + "|".join(branches) + ")"

        return render(root)

    def words(self, phrases: list[str], *, left: bool = True, right: bool = True, open_ending: bool = False) -> str:
        """An alternation of ``phrases`` (the longest wins), or a pattern that never matches.

        ``left``/``right`` put word boundaries around phrases that begin/end with a letter or digit
        (digits may follow a word: a month glued to its year); ``open_ending`` lets every phrase
        go on with letters (Kazakh endings)."""
        groups: dict[tuple[bool, bool], list[tuple[str, ...]]] = {}
        for phrase in set(phrases):
            key = (left and phrase[0].isalnum(), right and not open_ending and phrase[-1].isalnum())
            groups.setdefault(key, []).append(self._tokens(phrase))
        if not groups:
            return "(?!)"
        alternatives = []
        for (bound_left, bound_right), sequences in sorted(groups.items()):
            body = self._trie(sequences)
            if open_ending:
                body += _LETTER + "*"
            alternatives.append((r"(?<!\w)" if bound_left else "") + body + (rf"(?!{_LETTER})" if bound_right else ""))
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    def table(self, *pair_lists: list[list]) -> dict[str, int]:
        return {self.fold(word): value for pairs in pair_lists for word, value in pairs}


# ---------------------------------------------------------------------------------------------
# The grammar of one language
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _DateParts:
    """One written date: year None when not written (current_year for "this year"); last_word
    carries the date's case in Kazakh (the month's or, month first, the day's ending)."""

    day: int
    month: int
    year: int | None
    current_year: bool
    last_word: str
    start: int


@dataclass(frozen=True, slots=True)
class _Clause:
    """An entry-into-force clause: where its verb and the words of its condition are."""

    verb_start: int
    verb_end: int
    when_start: int
    when_end: int

    @property
    def span(self) -> Span:
        return min(self.verb_start, self.when_start), max(self.verb_end, self.when_end)


class _Blocked:
    """The reading of words that are no deadline and must not be read as one either."""


_BLOCKED = _Blocked()
_Result = Deadline | _Blocked | None


@dataclass(frozen=True, slots=True)
class _Stage:
    name: str
    pattern: re.Pattern[str]
    interpret: Callable[[re.Match[str], _Context], _Result]
    gate: re.Pattern[str] | None = None  # words every reading of the stage holds: without them it is skipped


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    grammar: _Grammar
    basis: dt.date | None
    calendar: WorkCalendar


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


class _Grammar:
    """The compiled stages and look-ups of one language, built once by :func:`_grammar`."""

    def __init__(self, lang: str):
        data = langdata.load(lang, "deadlines")
        _check(data, _SCHEMA, lang)
        self.lang = lang
        self.data = data
        self.lex = _Lexicon(data["letters"]["variants"])
        self._lookups()
        parts = self._parts()
        self._parsers(parts)
        self.stages = self._stages(parts)

    # -- look-up tables -----------------------------------------------------------------------

    def _lookups(self) -> None:
        data, lex = self.data, self.lex
        numerals, relative, markers = data["numerals"], data["relative"], data["markers"]
        self.month_forms = {lex.fold(form): n for n, forms in enumerate(data["months"]["names"], 1) for form in forms}
        self.month_stems = sorted(self.month_forms.items(), key=lambda item: -len(item[0]))
        self.numbers = lex.table(numerals["units"], numerals["tens"])
        self.ordinals = lex.table(numerals["ordinals"], numerals["roman"])
        self.prefixes = lex.table(numerals["compound_prefixes"])
        self.units = {lex.fold(w): unit for unit in _UNITS for w in relative["units"][unit]}
        self.adjectives = {lex.fold(w): unit for unit in _UNITS for w in relative["adjectives"][unit]}
        self.working_words = set(lex.folded(relative["working"]))
        self.frequencies = {lex.fold(w): freq for freq in _FREQUENCIES for w in data["periodic"][freq]}
        self.basis_events = lex.folded(data["anchors"]["basis_events"])
        self.event_stop_endings = lex.folded(data["anchors"]["event_stop_endings"])
        self.event_trailing_words = set(lex.folded(data["anchors"]["event_trailing_words"]))
        self.reference_before = set(lex.folded(markers["reference_before"]))
        self.reference_after = lex.folded(markers["reference_after"])
        self.reference_endings = lex.folded(markers["reference_endings"])
        self.case_endings = lex.folded(markers["by_case_endings"])
        self.case_blockers = lex.folded(markers["by_case_blockers"])
        self.year_blockers = set(lex.folded(data["periods"]["year_blockers"]))
        periodic, years, periods = data["periodic"], data["years"], data["periods"]
        self.reporting = {lex.fold(w): freq for freq in _FREQUENCIES for w in periodic["reporting"][freq]}
        self.last_month = {lex.fold(w): freq for freq in _FREQUENCIES for w in periodic["last_month"][freq]}
        self.every_units = {lex.fold(w): unit for unit in _EVERY_UNITS for w in periodic["every"][unit]}
        self.day_of_month_words = lex.folded(periodic["day_of_month"] + periodic["following_month"]) + tuple(
            self.reporting) + tuple(self.last_month)
        self.in_year_words = set(lex.folded(years["in_year"]))
        self.in_years_words = set(lex.folded(years["in_years"]))
        self.by_year_words = set(lex.folded(years["by_year"]))
        self.horizon_before = lex.folded(periods["horizon_before"])
        self.horizon_after = lex.folded(periods["horizon_after"])
        self.weekdays = {lex.fold(form): n for n, forms in enumerate(data["periodic"]["weekdays"]) for form in forms}

    # -- named parts ----------------------------------------------------------------------------

    def _parts(self) -> dict[str, str]:
        """The small named patterns every stage is built from (no capturing groups)."""
        data, w = self.data, self.lex.words
        months, numerals, years, markers = data["months"], data["numerals"], data["years"], data["markers"]
        relative, periods, periodic = data["relative"], data["periods"], data["periodic"]
        p: dict[str, str] = {}
        open_ending = months["open_ending"]
        p["day"] = r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])(?!\d)"
        p["day_suffix"] = rf"(?:\s*-\s*{_LETTER}{{1,6}}(?!{_LETTER}))?"
        p["year4"] = r"(?<![\d.,])(?:1[89]\d\d|2[01]\d\d)(?!\d)"
        p["month"] = w([f for forms in months["names"] for f in forms], open_ending=open_ending)
        p["month_p"] = w([f for forms in months["period_names"] for f in forms], open_ending=open_ending)
        p["numword"] = (rf"(?:{w([n for n, _ in numerals['tens']])}(?:\s+{w([n for n, _ in numerals['units']])})?"
                        rf"|{w([n for n, _ in numerals['units']])})")
        p["number"] = rf"(?:(?<![\d.,])\d{{1,3}}(?![\d.,]?\d)|{p['numword']})"
        p["year_gen"] = w(years["genitive"], left=False)  # also glued to the digits
        p["current"] = w(years["current"])
        p["year_ref"] = rf"(?:{p['year4']}\s*{p['year_gen']}|{p['current']})"
        p["joiner"] = rf"\s*{w(markers['list_joiners'])}\s*"
        p["month_words"] = w(periods["month_words"])
        if data["dates"]["month_before_day"]:
            # the month may be followed by the word for month before the day (Kazakh: June month-of 10th)
            p["day_month"] = (rf"(?:{p['day']}{p['day_suffix']}\s+{p['month']}"
                              rf"|{p['month']}(?:\s+{p['month_words']})?\s+(?:{p['day']}{p['day_suffix']}|{p['numword']}))")
        else:
            p["day_month"] = rf"{p['day']}{p['day_suffix']}\s+{p['month']}"
        if data["dates"]["year_first"]:
            p["textual"] = rf"(?:{p['year_ref']}\s+)?{p['day_month']}"
        else:
            p["textual"] = rf"{p['day_month']}(?:\s+{p['year_ref']})?"
        p["numeric"] = rf"(?<![\d.,])\d{{1,2}}\.\d{{1,2}}\.\d{{4}}(?!\d)(?:\s*{p['year_gen']})?"
        p["date"] = rf"(?:{p['numeric']}|{p['textual']})"
        p["date_list"] = rf"{p['date']}(?:{p['joiner']}{p['date']})*"
        p["by_before"] = w(markers["by_before"])
        p["by_after"] = w(markers["by_after"])
        p["punct"] = rf"\s*(?:[:]|{_DASH})?\s*"
        p["ordinal"] = rf"(?:{w([n for n, _ in numerals['ordinals']])}|{w([n for n, _ in numerals['roman']])})"
        p["day_kind"] = w(relative["working"] + relative["calendar"])
        p["unit"] = w([u for unit in _UNITS for u in relative["units"][unit]])
        # a number may be repeated in brackets, in words or digits: "30 (thirty)", "ten (10)"
        p["number_again"] = rf"(?:\s*\(\s*(?:\d{{1,3}}|{p['numword']})\s*\))?"
        p["duration"] = (rf"(?:{p['day_kind']}\s+)?(?:{p['number']}{p['number_again']}\s+)?"
                         rf"(?:{p['day_kind']}\s+)?{p['unit']}")
        p["in_before"] = w(periods["in_before"])
        p["weekday"] = w([f for forms in periodic["weekdays"] for f in forms], left=False)
        # the day of the month following a period: "day 10 of the month after the quarter", in Kazakh
        # also a bare day with its case ending after "the month after the reporting period"
        reporting = [phrase for freq in _FREQUENCIES for phrase in periodic["reporting"][freq]]
        following = periodic["following_month"] + periodic["following_year"] + reporting
        p["follow"] = w(following)
        # ... or the day of the last month of each period: "day 25 of the last month of the quarter"
        last_month = [phrase for freq in _FREQUENCIES for phrase in periodic["last_month"][freq]]
        p["period_month"] = w(following + last_month)
        follow_month, dom_word = p["period_month"], w(periodic["day_of_month"])
        ordinal_suffix = w(numerals["ordinal_suffixes"], left=False)
        p["dom"] = (rf"(?:{follow_month}\s+{p['day']}{p['day_suffix']}(?:\s*-?\s*{dom_word})?"
                    rf"|{p['day']}(?:\s*-\s*{ordinal_suffix})?\s*-?\s*{dom_word})(?:\s*,?\s*{follow_month})?")
        return p

    def _parsers(self, p: dict[str, str]) -> None:
        """Patterns with capturing groups that interpreters run over a matched phrase."""
        data, w = self.data, self.lex.words
        dates = data["dates"]
        year = rf"(?:(?P<year>{p['year4']})\s*{p['year_gen']}|(?P<cur>{p['current']}))"
        if dates["year_first"]:
            alternatives = rf"(?P<day>{p['day']}){p['day_suffix']}\s+(?P<month>{p['month']})"
            if dates["month_before_day"]:
                alternatives += (rf"|(?P<month2>{p['month']})(?:\s+{p['month_words']})?\s+(?:(?P<day2>{p['day']}){p['day_suffix']}"
                                 rf"|(?P<dayword>{p['numword']}))")
            one_date = rf"(?:{year}\s+)?(?:{alternatives})"
        else:
            one_date = rf"(?P<day>{p['day']}){p['day_suffix']}\s+(?P<month>{p['month']})(?:\s+{year})?"
        self.one_date = _compile(rf"(?P<numeric>(?P<nd>\d{{1,2}})\.(?P<nm>\d{{1,2}})\.(?P<ny>\d{{4}}))|{one_date}")
        self.month_word = _compile(p["month_p"])
        # all phrases of a following period or a last month: "the month after the reporting period"
        # must not be read as its prefix "the month after the reporting one" (monthly)
        self.period_month_phrase = _compile(p["period_month"])
        years = data["years"]
        self.year_marker = _compile(rf"(?<!\w)(?:(?P<in>{w(years['in_before'])})\s+|(?P<by_b>{w(years['by_before'])})"
                                    rf"{p['punct']})$")
        self.weekday_word = _compile(p["weekday"])
        self.duration = _compile(
            rf"(?:(?P<kind1>{p['day_kind']})\s+)?(?:(?P<num>{p['number']}){p['number_again']}\s+)?"
            rf"(?:(?P<kind2>{p['day_kind']})\s+)?(?P<unit>{p['unit']})")
        self.day_number = re.compile(r"\d{1,2}(?!\d)")
        self.event_marker = _compile(w(data["anchors"]["event_before"]))
        self.lead_time = _compile(self._lead("", rf"(?P<duration>{p['duration']})"))
        markers = data["markers"]
        self.from_marker = _compile(w(markers["from_before"] + markers["from_after"]))
        self.by_marker = _compile(w(markers["by_before"] + markers["by_after"]))
        effective = data["effective"]
        self.effective_verb = _compile(w(effective["verbs"]))
        self.effective_self = _compile(w(effective["self"]))
        self.effective_signing = _compile(w(effective["signing"]))
        self.effective_publication = _compile(w(effective["publication"]))
        self.effective_lapse = _compile(w(effective["lapse"]))

    # -- stages -----------------------------------------------------------------------------

    def _stages(self, p: dict[str, str]) -> tuple[_Stage, ...]:
        data, w = self.data, self.lex.words
        markers, relative, anchors = data["markers"], data["relative"], data["anchors"]
        periods, periodic, events, years = data["periods"], data["periodic"], data["events"], data["years"]
        stages: list[_Stage] = []

        def add(name: str, pattern: str, interpret: Callable[[re.Match[str], _Context], _Result],
                word_start: bool = True, gate: str | None = None) -> None:
            # Every phrase but a table cell's begins a word: testing that first skips most positions.
            stages.append(_Stage(name, _compile((r"(?<!\w)" if word_start else "") + pattern), interpret,
                                 _compile(gate) if gate else None))

        from_part = rf"(?:{w(markers['from_before'])}\s+)?{p['date']}(?:\s+{w(markers['from_after'])})?"
        to_part = rf"(?:{p['by_before']}{p['punct']})?{p['date']}(?:\s*{p['by_after']})?"
        add("range", rf"(?P<from>{from_part})\s*,?\s*(?P<to>{to_part})", _interpret_range)

        follow = p["follow"]
        anchor_dom = rf"(?:{p['by_before']}{p['punct']})?{p['dom']}(?:\s*{p['by_after']})?"
        anchor_dates = (rf"(?:{p['by_before']}{p['punct']})?(?:{follow}\s+)?{p['date_list']}"
                        rf"(?:\s*,?\s*{follow})?(?:\s*{p['by_after']})?")
        anchor_months = (rf"(?:{p['in_before']}\s+)?{p['month_p']}(?:{p['joiner']}{p['month_p']})*"
                         rf"\s*{p['month_words']}")
        anchor_weekday = (rf"(?:{w(periodic['weekday_before'])}\s+)?{p['weekday']}"
                          rf"(?:\s+{w(periodic['weekday_after'])})?")
        anchor_lead = self._lead(p["date_list"], p["duration"])  # "a month before 1 July"
        # dates first: the day after "the year following the reporting one" may begin a date
        anchor = rf"(?:{anchor_lead}|{anchor_dates}|{anchor_dom}|{anchor_months}|{anchor_weekday})"
        gap = rf"\s*,?\s*(?:{_LETTER}++\s+){{0,4}}?"
        frequency = w([word for freq in _FREQUENCIES for word in periodic[freq]], right=False)
        # A frequency ends its word, or old texts glue its weekday to it: "weekly" + "Thursday".
        add("periodic", rf"(?:(?P<pre>{anchor})\s+)?(?P<freq>{frequency})"
                        rf"(?:(?P<glued>{p['weekday']})|(?!{_LETTER})(?:{gap}(?P<post>{anchor}))?)",
            _interpret_periodic)
        every = periodic["every"]
        every_unit = w([word for unit in _EVERY_UNITS for word in every[unit]])
        add("periodic", rf"(?:(?P<every_b>{w(every['before'])})\s+)?"
                        rf"(?P<every_n>{p['number']})\s+(?P<every_unit>{every_unit})"
                        rf"(?:\s+(?P<every_a>{w(every['after'])}))?(?:{gap}(?P<post>{anchor}))?",
            _interpret_periodic, gate=w(every["before"] + every["after"]))
        # no frequency word, but the reporting period named: "by day 10 of the month after the quarter",
        # "after the year's results, by 20 January", "after the year's results" (no day)
        reporting_anchor = rf"(?:{anchor_dates}|{anchor_dom})"
        add("reporting", rf"(?P<named>{follow})(?:{gap}(?P<post>{reporting_anchor}))?(?!{_LETTER})"
                         rf"|(?P<pre>{reporting_anchor})", _interpret_reporting, gate=p["period_month"])
        add("standing", w(periodic["standing"]), _interpret_standing)
        add("standing", rf"(?<![^\n\t>])[ \t]*(?P<cell>{w(periodic['standing_cell'])})[ \t.]*(?![^\n\t<])",
            _interpret_standing, word_start=False)

        anchor_after = anchor_before = ""
        if anchors["event_before"]:  # the event follows its marker
            anchor_after = (rf"(?:\s*,?\s*(?P<anchor_a>{w(anchors['event_before'])}\s+{_LETTER}++"
                            rf"(?:[ \t]+{_LETTER}++){{0,4}}))?")
        if anchors["event_after"]:  # the event precedes its marker
            anchor_before = (rf"(?:(?P<anchor_b>(?:{_LETTER}++[ \t]++){{0,3}}{_LETTER}++\s+"
                             rf"{w(anchors['event_after'])})\s+)?")
        adjective = w([a for unit in _UNITS for a in relative["adjectives"][unit]], left=False)
        prefix = w([n for n, _ in data["numerals"]["compound_prefixes"]], right=False)
        add("relative_adj",
            rf"{anchor_before}(?:(?P<adj_before>{w(relative['adjective_before'])})\s+)?"
            rf"(?:(?P<prefix>{prefix})|(?P<anum>{p['number']})\s*-?\s*|(?<!\w))(?P<adj>{adjective})"
            rf"\s+(?P<adj_after>{w(relative['adjective_after'])}){anchor_after}", _interpret_relative,
            gate=adjective)
        add("relative",
            rf"{anchor_before}(?:(?P<before>{w(relative['before'])})\s+)?(?P<duration>{p['duration']})"
            rf"(?:\s+(?P<after>{w(relative['after'])}))?{anchor_after}", _interpret_relative)
        add("lead", self._lead(rf"(?P<anchor>{p['date']})", rf"(?P<duration>{p['duration']})"), _interpret_lead,
            gate=w(relative["lead_after" if relative["lead_date_first"] else "lead_before"]))

        forms = []
        if events["before"] and events["nouns"]:
            forms.append(rf"{w(events['before'])}\s+{w(events['nouns'])}(?:[ \t]+{_LETTER}++){{0,3}}")
        if events["participle_endings"] and events["after"]:  # the participle of a listed verb
            endings = w(events["participle_endings"], left=False, right=False)
            forms.append(rf"(?:{_LETTER}++[ \t]++){{0,2}}{w(events['nouns'], right=False)}{_LETTER}*?{endings}"
                         rf"\s*{w(events['after'], left=False)}")
        if forms:
            add("event", "|".join(f"(?:{form})" for form in forms), _interpret_event)

        quarter, half = w(periods["quarter"]), w(periods["half_year"])
        month_range = rf"(?P<m1>{p['month_p']})(?:\s*{_DASH}\s*(?P<m2>{p['month_p']}))?"
        if data["dates"]["year_first"]:
            ref_q = rf"(?:(?P<qy>{p['year_ref']})\s+)?(?P<q>{p['ordinal']})\s+{quarter}"
            ref_h = rf"(?:(?P<hy>{p['year_ref']})\s+)?(?P<h>{p['ordinal']})\s+{half}"
            ref_m = rf"(?P<my>{p['year_ref']})\s+{month_range}(?:\s*{p['month_words']})?"
        else:
            ref_q = rf"(?P<q>{p['ordinal']})\s+{quarter}(?:\s+(?P<qy>{p['year_ref']}))?"
            ref_h = rf"(?P<h>{p['ordinal']})\s+{half}(?:\s+(?P<hy>{p['year_ref']}))?"
            ref_m = rf"{month_range}(?:\s+{p['month_words']})?\s*(?P<my>{p['year_ref']})"
        add("period_end",
            rf"(?:(?P<end_b>{w(periods['end_before'])})\s+)?"
            rf"(?:{ref_q}|{ref_h}|{ref_m}|(?P<y>{p['year4']})\s*{p['year_gen']}|(?P<bare>{w(years['bare'])}))"
            rf"(?:\s+(?P<end_a>{w(periods['end_after'])}))?", _interpret_period_end)
        # The words before the year are read back from it by the interpreter (self.year_marker):
        # beginning the stage with the digits is what keeps it cheap.
        year_words = w(years["in_year"] + years["in_years"] + years["by_year"], left=False)
        add("year",
            rf"(?P<y1>{p['year4']})(?:\s*{_DASH}\s*(?P<y2>{p['year4']}))?\s*(?P<yw>{year_words})"
            rf"(?:\s*(?P<by_a>{w(years['by_after'])}))?", _interpret_year)
        add("period",
            rf"(?:(?P<in>{p['in_before']})\s+)?(?:{ref_q}|{ref_h}|{ref_m}"
            rf"|(?P<mm>{p['month_p']})(?:\s+(?P<mw>{p['month_words']}))?)", _interpret_period)

        markers_before = rf"{p['by_before']}(?:{p['punct']}{p['by_before']})?"  # "term of execution: by ..."
        add("date", rf"(?:(?P<by_b>{markers_before}){p['punct']})?(?P<dates>{p['date_list']})"
                    rf"(?:\s*(?P<by_a>{p['by_after']}))?", _interpret_date)
        return tuple(stages)

    def _lead(self, dates: str, duration: str) -> str:
        """A lead time before written dates, in the language's order; ``dates`` empty: the lead
        time alone."""
        relative, w = self.data["relative"], self.lex.words
        before, after, marker = w(relative["lead_before"]), w(relative["lead_after"]), w(relative["lead_marker"])
        if relative["lead_date_first"]:  # "by 1 March, ten days before"; the date's case may say "before" alone
            lead = rf"(?:{before}\s+)?{duration}\s+{after}"
            return rf"{dates}(?:\s+{marker})?\s+{lead}" if dates else lead
        lead = rf"{before}\s+{duration}(?:\s+{after})?"  # "ten days before 1 March"
        return rf"{lead}\s+{marker}\s+{dates}" if dates else lead

    # -- entry into force --------------------------------------------------------------------------

    def effective_clauses(self, text: str) -> list[_Clause]:
        """Clauses on the act's entry into force: the verb and the words of its condition, up to
        the end of the sentence on the side the language puts the condition."""
        clauses = []
        verb_first = self.data["effective"]["verb_first"]
        for verb in self.effective_verb.finditer(text):
            if verb_first:
                stop = _CLAUSE_END.search(text, verb.end(), verb.end() + _CLAUSE_LENGTH)
                when = (verb.end(), stop.start() if stop else min(len(text), verb.end() + _CLAUSE_LENGTH))
            else:
                window = text[max(0, verb.start() - _CLAUSE_LENGTH):verb.start()]
                stops = list(_CLAUSE_END.finditer(window))
                start = verb.start() - len(window) + (stops[-1].end() if stops else 0)
                when = (start, verb.start())
            clauses.append(_Clause(verb.start(), verb.end(), *when))
        return clauses

    # -- reading parts back ----------------------------------------------------------------------

    def month_of(self, word: str | None) -> int | None:
        if not word:
            return None
        folded = self.lex.fold(word)
        if folded in self.month_forms:
            return self.month_forms[folded]
        if self.data["months"]["open_ending"]:
            return next((month for stem, month in self.month_stems if folded.startswith(stem)), None)
        return None

    def number_of(self, text: str | None) -> int | None:
        if not text:
            return None
        if text.isdigit():
            return int(text)
        values = [self.numbers.get(word) for word in self.lex.fold(text).split()]
        return None if None in values else sum(values)

    def parse_dates(self, text: str) -> list[_DateParts]:
        """Every date of a written list; a date without a year takes the year written next to it
        (after it in Russian, "1 June and 1 November 1997"; before it in Kazakh)."""
        found: list[_DateParts] = []
        for m in self.one_date.finditer(text):
            if m.group("numeric"):
                found.append(_DateParts(int(m.group("nd")), int(m.group("nm")), int(m.group("ny")), False,
                                        m.group("ny"), m.start()))
                continue
            groups = m.groupdict()
            word = groups.get("month") or groups.get("month2")
            day_text = groups.get("day") or groups.get("day2")
            day = int(day_text) if day_text else self.number_of(groups.get("dayword"))
            month = self.month_of(word)
            if day is not None and month is not None:
                year = int(groups["year"]) if groups.get("year") else None
                last_word = _WORD.findall(m.group(0))[-1]
                found.append(_DateParts(day, month, year, bool(groups.get("cur")), last_word, m.start()))
        year_first = self.data["dates"]["year_first"]
        ordered = found if year_first else found[::-1]
        carried: tuple[int | None, bool] = (None, False)
        for index, parts in enumerate(ordered):
            if parts.year is not None or parts.current_year:
                carried = (parts.year, parts.current_year)
            elif carried != (None, False):
                ordered[index] = _DateParts(parts.day, parts.month, carried[0], carried[1], parts.last_word,
                                            parts.start)
        return ordered if year_first else ordered[::-1]


@cache
def _grammar(lang: str) -> _Grammar:
    return _Grammar(lang)


# ---------------------------------------------------------------------------------------------
# Interpretation helpers
# ---------------------------------------------------------------------------------------------

def _quote(text: str) -> str:
    return "'" + " ".join(text.split()) + "'"


def _deadline(ctx: _Context, match: re.Match[str], kind: str, trace: list[str], *, due: dt.date | None = None,
              rule: str | None = None, schedule: tuple[dt.date, ...] = (), group: str | None = None,
              start: int | None = None, end: int | None = None) -> Deadline:
    match_start, match_end = match.span(group) if group else match.span()
    start = match_start if start is None else start
    end = match_end if end is None else end
    return Deadline(kind=kind, text=ctx.text[start:end], due=due, basis=ctx.basis, rule=rule,
                    trace=tuple(trace), schedule=schedule, span=(start, end))


def _next_on_or_after(day: int, month: int, basis: dt.date) -> dt.date | None:
    """The first ``day``.``month`` on or after ``basis`` (29 February waits for a leap year)."""
    for year in range(basis.year, basis.year + 9):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= basis:
            return candidate
    return None


def _resolve(parts: _DateParts, ctx: _Context, trace: list[str]) -> tuple[bool, dt.date | None]:
    """(valid, date) of one written date; valid is False for an impossible date."""
    if parts.year is not None:
        try:
            return True, dt.date(parts.year, parts.month, parts.day)
        except ValueError:
            return False, None
    if not 1 <= parts.day <= monthrange(2000, parts.month)[1]:
        return False, None
    label = f"{parts.day:02d}.{parts.month:02d}"
    if ctx.basis is None:
        trace.append(f"{label} has no year and there is no basis date: not computed")
        return True, None
    if parts.current_year:
        try:
            day = dt.date(ctx.basis.year, parts.month, parts.day)
        except ValueError:
            return False, None
        trace.append(f"{label} of the year of the basis {ctx.basis} -> {day}")
        return True, day
    day = _next_on_or_after(parts.day, parts.month, ctx.basis)
    trace.append(f"{label} without a year: the next one on or after the basis {ctx.basis} -> {day}")
    return True, day


def _day_off_name(ctx: _Context, day: dt.date) -> str | None:
    if ctx.calendar.is_working_day(day):
        return None
    return ctx.calendar.days_off(day.year, ctx.grammar.lang).get(day) or day.strftime("%A")


def _moved_off_day_off(ctx: _Context, due: dt.date, trace: list[str]) -> tuple[dt.date, bool]:
    name = _day_off_name(ctx, due)
    if name is None:
        trace.append(f"{due} is a working day")
        return due, False
    moved = ctx.calendar.next_working_day(due)
    trace.append(f"{due} is a day off ({name}): the term ends on the next working day {moved}")
    return moved, True


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] fills a table cell (TAB-separated or HTML) or the whole text; a
    date alone on a line is more often a signature's date than a term."""
    return bool(_CELL_START.search(text, max(0, start - 20), start) and _CELL_END.match(text, end))


def _event_length(event: str, g: _Grammar) -> int:
    """How much of an event that follows its marker belongs to it: up to the first verb-like word,
    without prepositions left dangling at its end."""
    marker = g.event_marker.match(event)
    words = list(_WORD.finditer(event[marker.end():] if marker else event))
    offset = marker.end() if marker else 0
    kept = words[:1] + list(itertools.takewhile(
        lambda w: not g.lex.fold(w.group(0)).endswith(g.event_stop_endings), words[1:]))
    while len(kept) > 1 and g.lex.fold(kept[-1].group(0)) in g.event_trailing_words:
        kept.pop()
    return offset + kept[-1].end() if kept else len(event)


def _word_before(text: str, start: int) -> str:
    words = _WORD.findall(text, max(0, start - 40), start)
    return words[-1] if words else ""


def _word_after(text: str, end: int) -> str:
    found = _NEXT_WORD.match(text, end, end + 40)
    return found.group(1) if found else ""


# ---------------------------------------------------------------------------------------------
# Interpreters, one per stage
# ---------------------------------------------------------------------------------------------

def _interpret_date(m: re.Match[str], ctx: _Context) -> _Result:
    g = ctx.grammar
    dates = g.parse_dates(m.group("dates"))
    if not dates:
        return None
    after = g.lex.fold(ctx.text[m.end():m.end() + 40])
    if (g.lex.fold(_word_before(ctx.text, m.start())) in g.reference_before
            or after.startswith(g.reference_after)
            or any(g.lex.fold(p.last_word).endswith(g.reference_endings) for p in dates)):
        return _BLOCKED  # an act reference: "Decree of 27 April 2010 No. 976"
    trace = [f"date: {_quote(m.group(0))}"]
    marker = m.group("by_b") or m.group("by_a")
    if marker:
        trace.append(f"marker {_quote(marker)}: a term ending on the date")
    elif _alone(ctx.text, m.start(), m.end()):
        trace.append("a date alone in a table cell: the term of its row")
    else:
        last = g.lex.fold(dates[-1].last_word)
        if not (g.case_endings and last.endswith(g.case_endings) and not after.startswith(g.case_blockers)):
            return _BLOCKED  # a date without a marker dates an event or an act: not a term
        trace.append(f"{_quote(dates[-1].last_word)} in the dative: a term ending on the date")
    resolved = []
    for parts in dates:
        valid, day = _resolve(parts, ctx, trace)
        if not valid:
            return None
        resolved.append(day)
    due = resolved[0]
    if due is not None:
        name = _day_off_name(ctx, due)
        trace.append(f"due {due}" + (f" ({name}; explicit dates are not moved)" if name else ""))
    schedule = tuple(d for d in resolved if d is not None) if len(resolved) > 1 else ()
    if schedule:
        trace.append("all dates: " + ", ".join(map(str, schedule)))
    return _deadline(ctx, m, "date", trace, due=due, schedule=schedule)


def _interpret_range(m: re.Match[str], ctx: _Context) -> _Result:
    g = ctx.grammar
    first, last = g.parse_dates(m.group("from")), g.parse_dates(m.group("to"))
    if not (g.from_marker.search(m.group("from")) and g.by_marker.search(m.group("to"))
            and len(first) == 1 and len(last) == 1):
        return None
    trace = [f"range: {_quote(m.group(0))}"]
    valid_from, start = _resolve(first[0], ctx, trace)
    valid_to, due = _resolve(last[0], ctx, trace)
    if not (valid_from and valid_to):
        return None
    trace.append(f"from {start}; the term ends on {due}")
    return _deadline(ctx, m, "date", trace, due=due)


def _read_duration(text: str, g: _Grammar) -> tuple[int | None, str | None, str | None]:
    """(count, unit, the word saying working or calendar days) of a duration; count 1 when no
    number is written ("a month")."""
    parsed = g.duration.fullmatch(text)
    count = g.number_of(parsed.group("num")) if parsed.group("num") else 1
    return count, g.units.get(g.lex.fold(parsed.group("unit"))), parsed.group("kind1") or parsed.group("kind2")


def _counted(ctx: _Context, start: dt.date, count: int, unit: str, working: bool, since: str,
             trace: list[str]) -> dt.date:
    """``start`` moved by ``count`` units, back when ``count`` is negative: days as working days by
    the calendar when ``working`` (``start`` itself not counted), else as calendar days; weeks as 7
    days; months and years to the same day number, clamped to the month's end. ``since`` names
    ``start`` in the trace."""
    way = "after" if count >= 0 else "before"
    if unit == "day" and working:
        due = ctx.calendar.add_working_days(start, count)
        trace.append(f"{abs(count)} working day(s) {way} {since} {start}, {since} not counted -> {due}")
    elif unit in ("month", "year"):
        months = count * (12 if unit == "year" else 1)
        due = _add_months(start, months)
        trace.append(f"the same day {abs(months)} month(s) {way} {since} {start} -> {due}")
    else:
        days = count * (7 if unit == "week" else 1)
        due = start + dt.timedelta(days=days)
        trace.append(f"{abs(days)} calendar day(s) {way} {since} {start} -> {due}")
    return due


def _duration_shown(count: int, unit: str, working: bool) -> str:
    return f"{count} " + ({"day": "working day(s)" if working else "calendar day(s)"}.get(unit, f"{unit}(s)"))


def _interpret_relative(m: re.Match[str], ctx: _Context) -> _Result:
    g = ctx.grammar
    groups = m.groupdict()
    if "duration" in groups:  # the relative stage
        if not (groups["before"] or groups["after"]):
            return None  # a bare duration ("for 10 days") is no term
        count, unit, kind_word = _read_duration(groups["duration"], g)
    else:  # the relative_adj stage
        if groups["prefix"]:
            count = g.prefixes.get(g.lex.fold(groups["prefix"]))
        else:
            count = g.number_of(groups["anum"]) if groups["anum"] else 1
        unit = g.adjectives.get(g.lex.fold(groups["adj"]))
        kind_word = None
    if not count or unit is None:
        return None
    working = kind_word is not None and g.lex.fold(kind_word) in g.working_words
    calendar_days = kind_word is not None and not working
    rules = g.data["rules"]
    trace = [f"relative: {_quote(m.group(0))}"]
    trace.append(f"duration: {_duration_shown(count, unit, not calendar_days)}")
    event, end = groups.get("anchor_b"), m.end()
    if groups.get("anchor_a"):
        length = _event_length(groups["anchor_a"], g)
        event, end = groups["anchor_a"][:length], m.start("anchor_a") + length
    if event:
        words = " " + g.lex.fold(event)
        if not any(" " + marker in words for marker in g.basis_events):  # markers begin a word
            trace.append(f"counted from an event the act does not date, {_quote(event)}: no due date")
            return _deadline(ctx, m, "relative", trace, end=end)
        trace.append(f"counted from {_quote(event)}: the basis")
    if ctx.basis is None:
        trace.append("no basis date: not computed")
        return _deadline(ctx, m, "relative", trace, end=end)
    working_days = unit == "day" and not calendar_days
    if working_days and kind_word is None:
        trace.append("days not marked as calendar days are working days: " + rules["working_days"])
    due = _counted(ctx, ctx.basis, count, unit, working_days, "the basis", trace)
    if working_days:
        return _deadline(ctx, m, "relative", trace, end=end, due=due, rule=rules["working_days"])
    due, moved = _moved_off_day_off(ctx, due, trace)
    return _deadline(ctx, m, "relative", trace, end=end, due=due, rule=rules["day_off_moves"] if moved else None)


def _interpret_lead(m: re.Match[str], ctx: _Context) -> _Result:
    """A lead time before a written date: "ten days before 1 March 2025" is due on 19 February."""
    g = ctx.grammar
    dates = g.parse_dates(m.group("anchor"))
    count, unit, kind_word = _read_duration(m.group("duration"), g)
    if len(dates) != 1 or not count or unit is None:
        return None
    working = kind_word is not None and g.lex.fold(kind_word) in g.working_words
    trace = [f"lead: {_quote(m.group(0))}", f"lead time: {_duration_shown(count, unit, working)}"]
    if unit == "day" and kind_word is None:
        trace.append("days before a written date not marked as working days are calendar days")
    valid, anchor = _resolve(dates[0], ctx, trace)
    if not valid:
        return None
    if anchor is None:
        return _deadline(ctx, m, "date", trace)
    due = _counted(ctx, anchor, -count, unit, working, "the date", trace)
    name = _day_off_name(ctx, due)
    trace.append(f"due {due}" + (f" ({name}; counted back from a written date, it is not moved)" if name else ""))
    return _deadline(ctx, m, "date", trace, due=due)


def _interpret_event(m: re.Match[str], ctx: _Context) -> _Result:
    return _deadline(ctx, m, "relative", [f"event: {_quote(m.group(0))}",
                                          "tied to an event the act does not date: no due date"])


def _period_year(written: str | None, ctx: _Context, last_month: int, trace: list[str]) -> tuple[bool, int | None]:
    """The year of a period: as written, the basis year ("this year"), or the first year whose
    period ends on or after the basis. (True, None) when there is nothing to count from."""
    if written and written[:4].isdigit():
        return True, int(written[:4])
    if ctx.basis is None:
        trace.append("no year and no basis date: not computed")
        return True, None
    if written:
        trace.append(f"the year of the basis {ctx.basis}")
        return True, ctx.basis.year
    year = ctx.basis.year
    if dt.date(year, last_month, monthrange(year, last_month)[1]) < ctx.basis:
        year += 1
    trace.append(f"no year: the first such period ending on or after the basis {ctx.basis} -> {year}")
    return True, year


def _period_due(groups: dict[str, str | None], ctx: _Context, trace: list[str]) -> tuple[bool, dt.date | None]:
    """(valid, due) of a quarter, half-year or month (range) reference."""
    g = ctx.grammar
    if groups.get("q") or groups.get("h"):
        quarter = bool(groups.get("q"))
        number = g.ordinals.get(g.lex.fold(groups["q"] if quarter else groups["h"]))
        if number not in ((1, 2, 3, 4) if quarter else (1, 2)):
            return False, None
        last = number * (3 if quarter else 6)
        trace.append(f"{'quarter' if quarter else 'half-year'} {number}")
        _, year = _period_year(groups.get("qy" if quarter else "hy"), ctx, last, trace)
    elif groups.get("m1"):
        first, last = g.month_of(groups["m1"]), g.month_of(groups.get("m2") or groups["m1"])
        if first is None or last is None or last < first:
            return False, None
        trace.append(f"month {first}" if first == last else f"months {first}-{last}")
        _, year = _period_year(groups.get("my"), ctx, last, trace)
    else:
        return False, None
    if year is None:
        return True, None
    due = dt.date(year, last, monthrange(year, last)[1])
    trace.append(f"end of the period: {due}")
    return True, due


def _interpret_period_end(m: re.Match[str], ctx: _Context) -> _Result:
    groups = m.groupdict()
    if not (groups["end_b"] or groups["end_a"]):
        return None
    trace = [f"period_end: {_quote(m.group(0))}"]
    if groups["y"]:
        due = dt.date(int(groups["y"]), 12, 31)
        trace.append(f"end of the year: {due}")
        return _deadline(ctx, m, "period_end", trace, due=due)
    if groups["bare"]:
        if ctx.basis is None:
            trace.append("the year of the basis, but there is no basis date: not computed")
            return _deadline(ctx, m, "period_end", trace)
        due = dt.date(ctx.basis.year, 12, 31)
        trace.append(f"end of the year of the basis: {due}")
        return _deadline(ctx, m, "period_end", trace, due=due)
    valid, due = _period_due(groups, ctx, trace)
    return _deadline(ctx, m, "period_end", trace, due=due) if valid else None


def _interpret_period(m: re.Match[str], ctx: _Context) -> _Result:
    g = ctx.grammar
    groups = m.groupdict()
    trace = [f"period: {_quote(m.group(0))}"]
    if groups["mm"]:
        month = g.month_of(groups["mm"])
        if not (groups["in"] or groups["mw"]) or month is None:
            return None
        trace.append(f"month {month}")
        _, year = _period_year(None, ctx, month, trace)
        due = dt.date(year, month, monthrange(year, month)[1]) if year else None
        if due:
            trace.append(f"end of the period: {due}")
        return _deadline(ctx, m, "period_end", trace, due=due)
    valid, due = _period_due(groups, ctx, trace)
    return _deadline(ctx, m, "period_end", trace, due=due) if valid else None


def _names_a_horizon(start: int, end: int, ctx: _Context) -> bool:
    """Whether the year target text[start:end] closes the name of a document ("Concept ... until
    2029"): a word beginning with a horizon stem stands before it in its clause, or right after it."""
    g = ctx.grammar
    before = ctx.text[max(0, start - _HORIZON_REACH):start]
    clause = _HORIZON_CLAUSE_END.split(before)[-1]
    words = [g.lex.fold(word) for word in _WORD.findall(clause)[-_HORIZON_WORDS:]]
    after = g.lex.fold(_word_after(ctx.text, end))
    return (any(word.startswith(g.horizon_before) for word in words)
            or bool(g.horizon_after) and after.startswith(g.horizon_after))


def _interpret_year(m: re.Match[str], ctx: _Context) -> _Result:
    """A year or a range of years: "in 2025", "in 2024-2025", "by 2025" → the end of the (last) year."""
    g = ctx.grammar
    groups = m.groupdict()
    marker = g.year_marker.search(ctx.text, max(0, m.start() - _MARKER_REACH), m.start())
    start = marker.start() if marker else m.start()
    word = g.lex.fold(groups["yw"])
    first, last = int(groups["y1"]), int(groups["y2"] or groups["y1"])
    if last < first:
        return None
    target = bool(marker and marker.group("by_b") or groups["by_a"]) and word in g.by_year_words and first == last
    within = ((marker and marker.group("in") or not g.data["years"]["in_before"])
              and word in (g.in_years_words if groups["y2"] else g.in_year_words))
    if not (target or within):
        return None
    neighbours = {g.lex.fold(_word_before(ctx.text, start)), g.lex.fold(_word_after(ctx.text, m.end()))}
    if neighbours & g.year_blockers:
        return _BLOCKED  # the year dates an event ("inspections begun in 2019"), it is no term
    if _names_a_horizon(start, m.end(), ctx):
        return _BLOCKED  # the horizon of a programme or a concept, no term
    trace = [f"year: {_quote(ctx.text[start:m.end()])}"]
    due = dt.date(last, 12, 31)
    if target:
        trace.append(f"a term ending with the year {last}: {due}")
    else:
        trace.append(f"within the year{'s' if groups['y2'] else ''}: the end of {last}, {due}")
    return _deadline(ctx, m, "period_end", trace, due=due, start=start)


@dataclass(frozen=True, slots=True)
class _Anchor:
    """What a periodic term's anchor names: (day, month) dates, the day of the month that follows
    each period (or of its last month), months, or a day of the week."""

    dates: tuple[tuple[int, int], ...] = ()
    day_of_month: int | None = None
    last_month: bool = False  # the day is one of each period's last month, not of the month after it
    lead: tuple[int, str, bool] | None = None  # (count, unit, working days) before each date
    months: tuple[int, ...] = ()
    weekday: int | None = None


def _anchor(text: str | None, g: _Grammar) -> _Anchor:
    if not text:
        return _Anchor()
    dates = g.parse_dates(text)
    if dates:
        lead = g.lead_time.search(text)
        if lead:
            count, unit, kind_word = _read_duration(lead.group("duration"), g)
            if count and unit:
                working = kind_word is not None and g.lex.fold(kind_word) in g.working_words
                return _Anchor(dates=tuple((p.day, p.month) for p in dates), lead=(count, unit, working))
        return _Anchor(dates=tuple((p.day, p.month) for p in dates))
    folded = g.lex.fold(text)
    if any(word in folded for word in g.day_of_month_words):
        day = g.day_number.search(text)
        if day:
            last_month = any(g.lex.fold(found.group(0)) in g.last_month
                             for found in g.period_month_phrase.finditer(text))
            return _Anchor(day_of_month=int(day.group(0)), last_month=last_month)
    weekday = g.weekday_word.search(text)
    if weekday:
        return _Anchor(weekday=g.weekdays.get(g.lex.fold(weekday.group(0))))
    months = (g.month_of(found.group(0)) for found in g.month_word.finditer(text))
    return _Anchor(months=tuple(month for month in months if month))


def _schedule(freq: str, basis: dt.date, anchor: _Anchor, step: int = 1) -> tuple[dt.date, ...]:
    """The next due dates on or after ``basis``; ``step`` > 1 keeps every step-th period from the
    first ("every two years")."""
    count = _SCHEDULE_LENGTH[freq]
    if freq == "yearly":
        count = max(count, len(anchor.dates), len(anchor.months))
    if freq == "weekly":
        first = basis + dt.timedelta(days=7 * step if anchor.weekday is None else (anchor.weekday - basis.weekday()) % 7)
        return tuple(first + dt.timedelta(days=7 * step * k) for k in range(count))
    found: set[dt.date] = set()
    for year in range(basis.year, basis.year + 4 * step):
        if anchor.dates:
            found.update(dt.date(year, month, min(day, monthrange(year, month)[1])) for day, month in anchor.dates)
        elif anchor.months:
            found.update(dt.date(year, month, monthrange(year, month)[1]) for month in anchor.months)
        elif anchor.day_of_month is not None:
            months = (_PERIOD_END_MONTHS if anchor.last_month else _FOLLOWING_MONTHS)[freq]
            found.update(dt.date(year, month, min(anchor.day_of_month, monthrange(year, month)[1]))
                         for month in months)
        else:
            found.update(dt.date(year, month, monthrange(year, month)[1]) for month in _PERIOD_END_MONTHS[freq])
    due = sorted(day for day in found if day >= basis)
    if step > 1 and due:
        size = dict(_MONTHS_PER_PERIOD)[freq]
        periods = [(day.year * 12 + day.month - 1) // size for day in due]  # the period each date closes
        due = [day for day, period in zip(due, periods) if (period - periods[0]) % step == 0]
    return tuple(due[:count])


def _every(count: int, unit: str) -> tuple[str, int]:
    """(frequency, step) of "once in ``count`` ``unit``s"."""
    if unit == "week":
        return "weekly", count
    months = count * (12 if unit == "year" else 1)
    return next((freq, months // size) for freq, size in _MONTHS_PER_PERIOD if months % size == 0)


def _interpret_periodic(m: re.Match[str], ctx: _Context) -> _Result:
    g = ctx.grammar
    step = 1
    if "every_unit" in m.re.groupindex:  # "once in two years"
        count = g.number_of(m.group("every_n"))
        if not (m.group("every_b") or m.group("every_a")) or not count:
            return None
        freq, step = _every(count, g.every_units[g.lex.fold(m.group("every_unit"))])
    else:
        freq = g.frequencies.get(g.lex.fold(m.group("freq")))
    if freq is None:
        return None
    return _periodic(m, ctx, freq, step, "periodic")


def _interpret_reporting(m: re.Match[str], ctx: _Context) -> _Result:
    g = ctx.grammar
    named = g.period_month_phrase.search(m.group(0))
    phrase = g.lex.fold(named.group(0)) if named else ""
    freq = g.reporting.get(phrase) or g.last_month.get(phrase)
    if freq is None:
        return None  # a date or a day of a month with no period: the date stage reads it
    if m.group("named") and _word_before(ctx.text, m.start()).isdigit():
        return _BLOCKED  # the results of one year ("2025 year's results"), no frequency
    source = f"the {'reporting ' if phrase in g.reporting else ''}period {_quote(named.group(0))}"
    if not (m.group("post") or m.group("pre")):
        trace = [f"reporting: {_quote(m.group(0))}", f"frequency: {freq.replace('_', '-')}, from {source}",
                 "after each period, on no day the act names: no due date"]
        return _deadline(ctx, m, "periodic", trace)
    return _periodic(m, ctx, freq, 1, "reporting", source)


def _periodic(m: re.Match[str], ctx: _Context, freq: str, step: int, stage: str, source: str = "") -> Deadline:
    """A periodic term of frequency ``freq`` (every ``step``-th period) and the anchor the match names."""
    g = ctx.grammar
    groups = m.groupdict()
    frequency = f"every {step} {_PERIOD_NAMES[freq]}" if step > 1 else freq.replace("_", "-")
    trace = [f"{stage}: {_quote(m.group(0))}", f"frequency: {frequency}" + (f", from {source}" if source else "")]
    anchor = _anchor(groups["post"] or groups.get("glued") or groups.get("pre"), g)
    if anchor.dates:
        trace.append("due on " + ", ".join(f"{day:02d}.{month:02d}" for day, month in anchor.dates))
        if anchor.lead:
            trace.append(f"lead time: {_duration_shown(*anchor.lead)} before each date")
    elif anchor.day_of_month is not None:
        which = "the last month of" if anchor.last_month else "the month following"
        trace.append(f"due on day {anchor.day_of_month} of {which} each period")
    elif anchor.months:
        trace.append("due at the end of month(s) " + ", ".join(map(str, anchor.months)))
    elif anchor.weekday is not None and freq == "weekly":
        trace.append(f"due every {calendar_module.day_name[anchor.weekday]}")
    elif freq == "weekly":
        trace.append("no anchor: every 7 days from the basis")
    else:
        trace.append("no anchor: due at the end of each period")
    if ctx.basis is None:
        trace.append("no basis date: no schedule")
        return _deadline(ctx, m, "periodic", trace)
    if anchor.lead:  # the dates a lead after the basis reaches, each counted back by the lead
        count, unit, working = anchor.lead
        dates = _schedule(freq, _counted(ctx, ctx.basis, count, unit, working, "the basis", []), anchor, step)
        schedule = tuple(_counted(ctx, day, -count, unit, working, "the date", []) for day in dates)
    else:
        schedule = _schedule(freq, ctx.basis, anchor, step)
    trace.append(f"next due dates on or after the basis {ctx.basis}: " + ", ".join(map(str, schedule)))
    return _deadline(ctx, m, "periodic", trace, due=schedule[0] if schedule else None, schedule=schedule)


def _interpret_standing(m: re.Match[str], ctx: _Context) -> _Result:
    group = "cell" if "cell" in m.groupdict() else None
    trace = [f"standing: {_quote(m.group(group or 0))}", "a standing duty: periodic without a due date"]
    return _deadline(ctx, m, "periodic", trace, group=group)


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

class _Occupied:
    """The non-overlapping spans taken so far, sorted by start."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._starts, start)
        if index and self._ends[index - 1] > start:
            return False
        return index == len(self._starts) or self._starts[index] >= end

    def take(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)


def _trimmed(span: Span, text: str) -> Span:
    start, end = span
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def find_deadlines(text: str, lang: str, basis: dt.date | None, *, offset: int = 0,
                   calendar: WorkCalendar | None = None) -> list[Deadline]:
    """Every deadline phrase of ``text``, in text order.

    ``basis`` is the date relative terms count from (the act's date or the date of receipt);
    ``offset`` is added to every span (where ``text`` starts in ``Act.text``); ``calendar``
    defaults to :func:`kz_calendar`. A language without data raises :class:`DataError`.
    """
    grammar = _grammar(lang)
    ctx = _Context(text, grammar, basis, calendar or kz_calendar())
    occupied = _Occupied()
    for clause in grammar.effective_clauses(text):  # the entry into force is no deadline
        occupied.take(*clause.span)
    candidates = [(match.start() - match.end(), order, match.start(), stage, match)
                  for order, stage in enumerate(grammar.stages)
                  if stage.gate is None or stage.gate.search(text)
                  for match in stage.pattern.finditer(text) if match.end() > match.start()]
    candidates.sort(key=lambda candidate: candidate[:3])
    found: list[Deadline] = []
    for _, _, start, stage, match in candidates:
        if not occupied.free(start, match.end()):
            continue
        result = stage.interpret(match, ctx)
        if result is None:
            continue
        occupied.take(start, match.end())
        if isinstance(result, Deadline):
            start, end = _trimmed(result.span, text)
            found.append(result.model_copy(update={"text": text[start:end], "span": (start + offset, end + offset)}))
    return sorted(found, key=lambda deadline: deadline.span)


def find_deadline(text: str, lang: str, basis: dt.date | None, *, offset: int = 0,
                  calendar: WorkCalendar | None = None) -> Deadline | None:
    """The governing deadline of an item: its first deadline phrase in text order.

    An instruction states its term where it gives the task ("yearly by 15 January draw up ...");
    later phrases are terms of sub-steps or clarifications, which :func:`find_deadlines` lists.
    """
    found = find_deadlines(text, lang, basis, offset=offset, calendar=calendar)
    return found[0] if found else None


def personal_instruction_default(signed: dt.date, *, calendar: WorkCalendar | None = None,
                                 lang: str = "ru") -> Deadline:
    """The term of a personal instruction of the President that sets none (paragraph 51 of the
    Rules): two weeks from signing; a due date on a day off moves to the next working day."""
    grammar = _grammar(lang)
    ctx = _Context("", grammar, signed, calendar or kz_calendar())
    due = signed + dt.timedelta(days=_PERSONAL_TERM_DAYS)
    trace = ["default: the instruction sets no term of its own",
             f"{_PERSONAL_TERM_DAYS} calendar days after signing on {signed} -> {due}"]
    due, _ = _moved_off_day_off(ctx, due, trace)
    return Deadline(kind="default", due=due, basis=signed, rule=grammar.data["rules"]["personal_default"],
                    trace=tuple(trace))


def find_effective_date(text: str, lang: str, *, signed: dt.date | None = None,
                        published: dt.date | None = None) -> tuple[dt.date | None, Span] | None:
    """The act's entry into force: (date, span of the clause), or None when there is no clause.

    The date is the one written in the clause, or computed from ``signed`` (in force from signing)
    or ``published`` (from publication; "after N calendar days from publication" = the day after
    those N days); None when it depends on something not given or on an undated event. The act's
    own clause (it names "this decree") wins over clauses quoted in footnotes, else the last one.
    """
    grammar = _grammar(lang)
    verb_first = grammar.data["effective"]["verb_first"]
    clauses = grammar.effective_clauses(text)
    if not clauses:
        return None

    def own(clause: _Clause) -> re.Match[str] | None:
        """The words naming the act itself ("this decree") before the verb or opening the condition."""
        if verb_first:
            return grammar.effective_self.search(text, max(0, clause.verb_start - 40), clause.verb_start)
        start = clause.when_start + len(text[clause.when_start:clause.when_end]) - len(
            text[clause.when_start:clause.when_end].lstrip())
        return grammar.effective_self.match(text, start)

    chosen = next((clause for clause in clauses if own(clause)), clauses[-1])
    when = text[chosen.when_start:chosen.when_end]
    closeness = (lambda pos: pos) if verb_first else (lambda pos: len(when) - pos)
    conditions: list[tuple[int, dt.date | None]] = []
    conditions += [(closeness(found.start()), signed) for found in grammar.effective_signing.finditer(when)]
    for found in grammar.effective_publication.finditer(when):
        lapse = grammar.effective_lapse.search(when)
        duration = next((d for d in grammar.duration.finditer(when) if d.group("num")), None)
        if lapse and duration:
            days = grammar.number_of(duration.group("num")) or 1
            date = published + dt.timedelta(days=days + 1) if published else None  # the day after N days
            conditions.append((closeness(found.start()), date))
        else:
            conditions.append((closeness(found.start()), published))
    for parts in grammar.parse_dates(when):
        try:
            written = dt.date(parts.year, parts.month, parts.day) if parts.year else None
            conditions.append((closeness(parts.start), written))
        except ValueError:
            continue
    date = min(conditions, key=lambda condition: condition[0])[1] if conditions else None
    own_words = own(chosen)
    start, end = chosen.span
    if own_words and verb_first:
        start = own_words.start()
    return date, _trimmed((start, end), text)
