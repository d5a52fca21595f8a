"""The working-day calendar of Kazakhstan: a five-day week, holidays and transfers of days off.

Holidays come from the pinned ``holidays`` package (``country_holidays("KZ")``): national and
state holidays with their statutory moves off Saturdays and Sundays ("observed" days), the first
day of Kurban Ait and Orthodox Christmas (days off that never move), and the Government's
transfers of days off up to 2025. ``corpora/calendar/kz.toml`` adds what the package lacks: the
transfers of the years checked since (and of 2023-2025, which a test compares with the package),
and Russian names. A user's file in the same schema extends or corrects the bundled one.

Terms of instructions are counted in working days from receipt (п.50 of the Rules of decree
No. 403): :meth:`WorkCalendar.add_working_days` does not count the start day.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import holidays
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tapsyrma.corpora import data_path

from .errors import DataError

__all__ = ["WorkCalendar", "kz_calendar"]

CalendarLanguage = Literal["ru", "kk", "en"]
_LANGUAGES: tuple[CalendarLanguage, ...] = ("ru", "kk", "en")
_PACKAGE_LANGUAGE = {"kk": "kk", "en": "en_US"}
_SATURDAY = 5
_OBSERVED_SUFFIX = " (observed)"
_SUBSTITUTED = re.compile(r"Day off \(substituted from (\d\d)/(\d\d)/(\d{4})\)")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Transfer(_Strict):
    day_off: dt.date
    working_day: dt.date

    @model_validator(mode="after")
    def _weekday_for_weekend(self) -> _Transfer:
        if self.day_off.weekday() >= _SATURDAY:
            raise ValueError(f"day_off {self.day_off} must be a weekday, it is a {self.day_off:%A}")
        if self.working_day.weekday() < _SATURDAY:
            raise ValueError(f"working_day {self.working_day} must be a Saturday or Sunday, "
                             f"it is a {self.working_day:%A}")
        return self


class _Year(_Strict):
    year: int = Field(ge=1991, le=2100)
    source: str = ""
    transfers: tuple[_Transfer, ...] = ()


class _ExtraDayOff(_Strict):
    date: dt.date
    ru: str = Field(min_length=1)
    kk: str = Field(min_length=1)
    en: str | None = None


class _Labels(_Strict):
    observed: str
    transfer: str


class _CalendarFile(_Strict):
    schema_version: int = Field(1, alias="schema")
    year: tuple[_Year, ...] = ()
    day_off: tuple[_ExtraDayOff, ...] = ()
    working_day: tuple[dt.date, ...] = ()
    names: dict[Literal["ru"], dict[str, str]] = {}
    labels: dict[CalendarLanguage, _Labels] = {}

    @model_validator(mode="after")
    def _known_schema(self) -> _CalendarFile:
        if self.schema_version != 1:
            raise ValueError(f"schema must be 1, got {self.schema_version}")
        return self


def _read(path: Path) -> _CalendarFile:
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except FileNotFoundError:
        raise DataError(f"calendar: expected a TOML file, got no file {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"calendar: {path} is not valid TOML: {exc}") from None
    try:
        return _CalendarFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise DataError(f"calendar: {path}: {where}: {first['msg']}") from None


@dataclass(frozen=True, slots=True)
class _Day:
    """One day off of a year: its names in every language."""

    names: dict[str, str]


@dataclass(frozen=True, slots=True)
class _YearTable:
    days_off: dict[dt.date, _Day]
    working_weekends: frozenset[dt.date]


class WorkCalendar:
    """Working days of Kazakhstan for a five-day week.

    Built by :func:`kz_calendar`; every year is computed once, on first use.
    """

    def __init__(self, files: tuple[_CalendarFile, ...]):
        years: dict[int, _Year] = {}
        names: dict[str, str] = {}
        labels: dict[str, _Labels] = {}
        extra_off: dict[dt.date, _ExtraDayOff] = {}
        extra_working: set[dt.date] = set()
        for file in files:  # later files override earlier ones: a year's table replaces the year
            years.update((entry.year, entry) for entry in file.year)
            names.update(file.names.get("ru", {}))
            labels.update(file.labels)
            extra_off.update((entry.date, entry) for entry in file.day_off)
            extra_working.update(file.working_day)
        missing = [lang for lang in _LANGUAGES if lang not in labels]
        if missing:
            raise DataError(f"calendar: expected [labels.{missing[0]}] with observed/transfer names, got none")
        self._transfers = {t.day_off: t.working_day for entry in years.values() for t in entry.transfers}
        self._transfer_working = frozenset(self._transfers.values())
        self._names_ru = names
        self._labels = labels
        self._extra_off = extra_off
        self._extra_working = frozenset(extra_working)
        self._tables: dict[int, _YearTable] = {}

    # -- public API ---------------------------------------------------------------------------

    def is_working_day(self, day: dt.date) -> bool:
        """False for Saturdays, Sundays, holidays and transferred days off; True for the rest and
        for the Saturdays/Sundays a transfer made working days."""
        table = self._table(day.year)
        if day in table.working_weekends:
            return True
        if day in table.days_off:
            return False
        return day.weekday() < _SATURDAY

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``start`` (``start`` itself is not counted: п.50 counts
        from receipt); a negative ``n`` counts back, 0 gives ``start``."""
        step = dt.timedelta(days=1 if n >= 0 else -1)
        day, left = start, abs(n)
        while left:
            day += step
            if self.is_working_day(day):
                left -= 1
        return day

    def days_off(self, year: int, lang: CalendarLanguage = "ru") -> dict[dt.date, str]:
        """Holidays and other days off of ``year`` falling on any day of the week (weekends
        themselves are not listed), named in ``lang`` (ru, kk or en), in date order."""
        if lang not in _LANGUAGES:
            raise DataError(f"calendar: expected a language of {', '.join(_LANGUAGES)}, got {lang!r}")
        table = self._table(year)
        return {day: table.days_off[day].names[lang] for day in sorted(table.days_off)}

    # -- building a year ----------------------------------------------------------------------

    def _table(self, year: int) -> _YearTable:
        table = self._tables.get(year)
        if table is None:
            table = self._tables[year] = self._build(year)
        return table

    def _build(self, year: int) -> _YearTable:
        package = {
            lang: holidays.country_holidays("KZ", years=year, language=code, islamic_show_estimated=False)
            for lang, code in _PACKAGE_LANGUAGE.items()
        }
        days: dict[dt.date, _Day] = {}
        for day, english in package["en"].items():
            days[day] = _Day({"en": english, "kk": package["kk"][day], "ru": self._russian(english)})
        working = self._package_working_weekends(year)
        for day_off, working_day in self._transfers.items():
            if day_off.year == year:
                days[day_off] = self._transfer_day(working_day)
            if working_day.year == year:
                working.add(working_day)
        for day, extra in self._extra_off.items():
            if day.year == year:
                days[day] = _Day({"ru": extra.ru, "kk": extra.kk, "en": extra.en or extra.ru})
        working |= {day for day in self._extra_working if day.year == year}
        for day in working:
            days.pop(day, None)
        return _YearTable(days, frozenset(working))

    @staticmethod
    def _package_working_weekends(year: int) -> set[dt.date]:
        """Weekends the package's transfers made working days (a transfer may cross a year end)."""
        found = set()
        for name in holidays.country_holidays("KZ", years=(year, year + 1), language="en_US").values():
            for month, day, y in _SUBSTITUTED.findall(name):
                if int(y) == year:
                    found.add(dt.date(int(y), int(month), int(day)))
        return found

    def _transfer_day(self, working_day: dt.date) -> _Day:
        stamp = {"ru": working_day.strftime("%d.%m.%Y"), "kk": working_day.strftime("%d.%m.%Y"),
                 "en": working_day.strftime("%m/%d/%Y")}
        return _Day({lang: self._labels[lang].transfer.format(date=stamp[lang]) for lang in _LANGUAGES})

    def _russian(self, english: str) -> str:
        """Russian name of a package holiday from its English name (several joined by '; ')."""
        parts = []
        for name in english.split("; "):
            substituted = _SUBSTITUTED.fullmatch(name)
            if substituted:
                month, day, year = substituted.groups()
                parts.append(self._labels["ru"].transfer.format(date=f"{day}.{month}.{year}"))
            elif name.endswith(_OBSERVED_SUFFIX):
                base = self._names_ru.get(name.removesuffix(_OBSERVED_SUFFIX), name.removesuffix(_OBSERVED_SUFFIX))
                parts.append(self._labels["ru"].observed.format(name=base))
            else:
                parts.append(self._names_ru.get(name, name))
        return "; ".join(parts)


@lru_cache(maxsize=8)
def _cached_calendar(overrides: str | None) -> WorkCalendar:
    files = [_read(data_path("calendar", "kz.toml"))]
    if overrides is not None:
        files.append(_read(Path(overrides)))
    return WorkCalendar(tuple(files))


def kz_calendar(overrides: str | Path | None = None) -> WorkCalendar:
    """The calendar of Kazakhstan, built once per overrides file.

    ``overrides`` is a TOML file in the schema of ``corpora/calendar/kz.toml``: its ``[[year]]``
    tables replace the bundled ones of the same year, ``[[day_off]]`` (date, ru, kk) adds days off,
    ``working_day = [...]`` makes days working days, ``[names.ru]`` and ``[labels.*]`` rename.
    The file is read once; a changed file needs a new process (or another path).
    """
    key = None if overrides is None else str(Path(overrides).resolve())
    return _cached_calendar(key)
