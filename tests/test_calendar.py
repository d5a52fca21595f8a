"""The working-day calendar of Kazakhstan on real 2023-2026 cases."""

from __future__ import annotations

import datetime as dt
import re
import tomllib

import holidays
import pytest

from tapsyrma.corpora import data_path
from tapsyrma.parser.calendar import kz_calendar
from tapsyrma.parser.errors import DataError

D = dt.date


@pytest.fixture(scope="module")
def cal():
    return kz_calendar()


@pytest.mark.parametrize("day", [
    D(2024, 1, 1), D(2024, 1, 2), D(2025, 1, 1), D(2025, 1, 2), D(2026, 1, 1), D(2026, 1, 2),  # New Year
    D(2024, 3, 8), D(2025, 3, 10), D(2026, 3, 9),  # Women's Day; 2025 and 2026 moved off the weekend
    D(2024, 3, 21), D(2024, 3, 22), D(2024, 3, 25),  # Nauryz 2024: 23 March is a Saturday -> Monday 25th
    D(2025, 3, 21), D(2025, 3, 24), D(2025, 3, 25),  # Nauryz 2025: 22-23 March on the weekend
    D(2026, 3, 23), D(2026, 3, 24), D(2026, 3, 25),  # Nauryz 2026: 21-22 March on the weekend
    D(2024, 5, 1), D(2024, 5, 7), D(2024, 5, 8), D(2024, 5, 9),  # 8 May 2024: transfer from Saturday 4 May
    D(2026, 5, 1), D(2026, 5, 7), D(2026, 5, 11),  # Victory Day 2026 is a Saturday -> Monday 11 May
    D(2024, 7, 8), D(2025, 7, 7), D(2026, 7, 6),  # Capital Day (6 July) and its moves
    D(2023, 7, 7),  # transfer from Saturday 1 July 2023
    D(2024, 10, 25), D(2025, 10, 27), D(2026, 10, 26),  # Republic Day
    D(2024, 12, 16), D(2025, 12, 16), D(2026, 12, 16),  # Independence Day
    D(2025, 1, 3),  # transfer from Sunday 5 January 2025
    D(2024, 8, 30), D(2025, 9, 1),  # Constitution Day (2025: Saturday -> Monday 1 September)
    D(2025, 1, 7), D(2026, 1, 7),  # Orthodox Christmas on a weekday: a day off (Labour Code art. 84 p.5)
    D(2025, 6, 6), D(2026, 5, 27),  # first day of Kurban Ait on a weekday: a day off
])
def test_days_off(cal, day):
    assert not cal.is_working_day(day)


@pytest.mark.parametrize("day", [
    D(2024, 5, 4),  # Saturday made a working day by the 2024 transfer
    D(2025, 1, 5),  # Sunday made a working day by the 2025 transfer
    D(2023, 7, 1),  # Saturday made a working day by the 2023 transfer
    D(2024, 3, 26),  # the day after Nauryz 2024
    D(2024, 1, 8),  # Christmas 2024 fell on Sunday 7 January: religious days off never move
    D(2024, 6, 17),  # Kurban Ait 2024 fell on Sunday 16 June: no day off on Monday
    D(2026, 8, 31),  # 30 August 2026 is no longer Constitution Day: nothing moves to Monday
    D(2026, 1, 5), D(2026, 1, 6),  # between New Year and Christmas 2026: no transfer
    D(2024, 12, 31), D(2025, 12, 31),  # 31 December is a working day
])
def test_working_days(cal, day):
    assert cal.is_working_day(day)


def test_weekends_are_days_off(cal):
    assert not cal.is_working_day(D(2026, 2, 7))  # an ordinary Saturday
    assert not cal.is_working_day(D(2026, 2, 8))  # an ordinary Sunday
    assert cal.is_working_day(D(2026, 2, 9))


def test_next_working_day(cal):
    assert cal.next_working_day(D(2024, 3, 21)) == D(2024, 3, 26)
    assert cal.next_working_day(D(2024, 3, 26)) == D(2024, 3, 26)
    assert cal.next_working_day(D(2026, 5, 9)) == D(2026, 5, 12)
    assert cal.next_working_day(D(2025, 12, 31)) == D(2025, 12, 31)
    assert cal.next_working_day(D(2026, 1, 1)) == D(2026, 1, 5)


def test_add_working_days_counts_after_start(cal):
    assert cal.add_working_days(D(2024, 3, 20), 1) == D(2024, 3, 26)  # across Nauryz 2024
    assert cal.add_working_days(D(2024, 5, 3), 1) == D(2024, 5, 4)  # the working Saturday
    assert cal.add_working_days(D(2024, 5, 6), 2) == D(2024, 5, 13)  # 7, 8, 9 May off, 10 May is the 1st
    assert cal.add_working_days(D(2023, 12, 4), 10) == D(2023, 12, 19)  # 16 Dec 2023 Saturday -> 18 Dec off
    assert cal.add_working_days(D(2026, 3, 20), 3) == D(2026, 3, 30)
    assert cal.add_working_days(D(2026, 3, 20), 0) == D(2026, 3, 20)
    assert cal.add_working_days(D(2026, 3, 26), -1) == D(2026, 3, 20)


def test_days_off_names(cal):
    ru = cal.days_off(2024)
    assert ru[D(2024, 3, 21)] == "Наурыз мейрамы"
    assert ru[D(2024, 5, 8)] == "Выходной день (перенесён с 04.05.2024)"
    assert ru[D(2024, 3, 25)] == "Наурыз мейрамы (перенос выходного дня)"
    assert ru[D(2024, 6, 16)] == "Курбан айт"
    assert ru[D(2024, 10, 25)] == "День Республики"
    assert list(ru) == sorted(ru)
    assert cal.days_off(2024, "kk")[D(2024, 3, 21)] == "Наурыз мейрамы"
    assert cal.days_off(2024, "kk")[D(2024, 12, 16)] == "Тәуелсіздік күні"
    assert cal.days_off(2024, "en")[D(2024, 5, 9)] == "Victory Day"
    assert D(2026, 8, 30) not in cal.days_off(2026)
    with pytest.raises(DataError, match="expected a language"):
        cal.days_off(2024, "de")


def test_every_package_holiday_has_a_russian_name(cal):
    for year in range(2000, 2031):
        for day, name in cal.days_off(year, "ru").items():
            assert re.search("[А-Яа-я]", name) and not re.search("[A-Za-z]", name), (day, name)


def _package_transfers(year: int) -> set[tuple[dt.date, dt.date]]:
    found = set()
    for day, name in holidays.country_holidays("KZ", years=year, language="en_US").items():
        substituted = re.fullmatch(r"Day off \(substituted from (\d\d)/(\d\d)/(\d{4})\)", name)
        if substituted:
            month, dom, y = map(int, substituted.groups())
            found.add((day, D(y, month, dom)))
    return found


def test_bundled_transfers_agree_with_the_package():
    with data_path("calendar", "kz.toml").open("rb") as fh:
        years = {entry["year"]: entry for entry in tomllib.load(fh)["year"]}
    assert set(years) == {2023, 2024, 2025, 2026}
    for year in (2023, 2024, 2025):
        bundled = {(t["day_off"], t["working_day"]) for t in years[year]["transfers"]}
        assert bundled == _package_transfers(year), year
    assert not _package_transfers(2026) and years[2026]["transfers"] == []


def test_overrides_extend_the_bundled_calendar(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        "schema = 1\n"
        "[[year]]\nyear = 2026\nsource = 'a transfer for the test'\n"
        "transfers = [{ day_off = 2026-12-17, working_day = 2026-12-19 }]\n"
        "[[day_off]]\ndate = 2026-06-01\nru = 'Местный выходной'\nkk = 'Жергілікті демалыс'\n",
        encoding="utf-8",
    )
    mine = kz_calendar(path)
    assert mine is kz_calendar(path)
    assert not mine.is_working_day(D(2026, 12, 17)) and mine.is_working_day(D(2026, 12, 19))
    assert mine.days_off(2026)[D(2026, 6, 1)] == "Местный выходной"
    assert mine.days_off(2026, "kk")[D(2026, 12, 17)] == "Демалыс күні (19.12.2026 бастап ауыстырылды)"
    assert kz_calendar().is_working_day(D(2026, 12, 17))


@pytest.mark.parametrize("content, message", [
    ("schema = 1\n[[year]]\nyear = 2026\ntransfers = [{ day_off = 2026-12-19, working_day = 2026-12-17 }]\n",
     "must be a weekday"),
    ("schema = 2\n", "schema must be 1"),
    ("schema = 1\nholidays = 3\n", "holidays"),
    ("schema = [", "not valid TOML"),
])
def test_invalid_overrides_raise_data_error(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        kz_calendar(path)


def test_missing_overrides_file(tmp_path):
    with pytest.raises(DataError, match="no file"):
        kz_calendar(tmp_path / "absent.toml")
