"""Acts of local executive bodies as drafters paste them (synthetic fixtures, written as akimats'
resolutions and district akims' decisions are): the blank's kind line and requisites line, state
institutions named by their quoted names, departments and relative references of the issuer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tapsyrma.parser import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "local_acts"


def _act(name: str, lang: str):
    return parse_file(FIXTURES / f"{name}-{lang}.txt")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_akimat_resolution(lang):
    act = _act("akimat", lang)
    assert (act.act.kind, act.act.number, act.act.date) == ("постановление", "18/01", dt.date(2023, 3, 15))
    assert act.act.title.startswith(("О мерах по подготовке", "2023 жылғы су тасқыны"))
    rows = {item.number: item for item in act.items}
    assert [e.id for e in rows["2"].executors] == ["group_district_and_city_akims", "group_regional_department_energy_and_housing"]
    health = rows["3"].executors[0]
    assert health.id == "group_regional_department_health"
    assert health.name_ru == "управление здравоохранения Карагандинской области"
    assert health.name_kk == "Қарағанды облысының денсаулық сақтау басқармасы"
    assert (rows["3"].deadline.kind, rows["3"].deadline.due) == ("relative", dt.date(2023, 3, 29))
    assert rows["4"].deadline.due == dt.date(2023, 4, 1)
    assert act.control is not None


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_district_akim_decision(lang):
    act = _act("district", lang)
    assert (act.act.kind, act.act.number, act.act.date) == ("решение", "3", dt.date(2021, 2, 10))
    assert act.act.title.startswith(("Об организации весенних", "Аудан аумағында көктемгі"))
    by_path = {item.path: item for item in act.items}
    assert [e.id for e in by_path[("1", "1")].executors] == ["group_rural_akims"]
    monthly = by_path[("1", "2")].deadline
    assert (monthly.kind, monthly.due) == ("periodic", dt.date(2021, 3, 5))
    department = by_path[("2",)].executors
    assert [(e.id, e.role) for e in department] == [("group_district_department_agriculture", "lead"), ("group_rural_akims", "co")]
    assert by_path[("2",)].deadline.due == dt.date(2021, 2, 24)
    assert [e.id for e in by_path[("3",)].executors] == ["group_district_akim_office"]
    assert by_path[("3",)].deadline.due == dt.date(2021, 4, 10)
    assert act.control.body.id == "group_deputy_district_akims"
