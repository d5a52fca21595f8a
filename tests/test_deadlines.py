"""The deadline grammar: golden cases per language and phenomenon (tests/golden/deadlines/*.toml,
mostly verbatim from the sample acts), plus the API around them."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from tapsyrma.corpora import data_path
from tapsyrma.parser import deadlines as deadlines_module
from tapsyrma.parser.calendar import kz_calendar
from tapsyrma.parser.deadlines import (
    find_deadline,
    find_deadlines,
    find_effective_date,
    personal_instruction_default,
)
from tapsyrma.parser.errors import DataError

GOLDEN = Path(__file__).parent / "golden" / "deadlines"
D = dt.date


def _golden_cases():
    for lang in ("ru", "kk"):
        with (GOLDEN / f"{lang}.toml").open("rb") as fh:
            for index, case in enumerate(tomllib.load(fh)["case"], 1):
                yield pytest.param(lang, case, id=f"{lang}-{index:03d}-{case['phenomenon']}")


GOLDEN_CASES = list(_golden_cases())


def _in_context(text: str, span: tuple[int, int] | None) -> str:
    if span is None:
        return repr(text[:160])
    start, end = span
    return repr(text[max(0, start - 60):start] + "[[" + text[start:end] + "]]" + text[end:end + 60])


@pytest.mark.parametrize("lang, case", GOLDEN_CASES)
def test_golden(lang, case):
    text, basis = case["text"], case.get("basis")
    found = find_deadline(text, lang, basis)
    where = _in_context(text, found.span if found else None)
    if case["kind"] == "none":
        assert found is None, f"expected no deadline, got {found.kind} {found.due} in {where}"
        return
    assert found is not None, f"expected {case['kind']}, found nothing in {where}"
    got = (found.kind, found.due)
    trace = "\n".join(found.trace)
    expected = (case["kind"], case.get("due"))
    assert got == expected, f"expected {expected}, got {got} in {where}\n{trace}"
    if "schedule" in case:
        head = found.schedule[:len(case["schedule"])]
        assert list(head) == case["schedule"] and (case["schedule"] or not found.schedule), \
            f"expected schedule {case['schedule']}, got {found.schedule} in {where}"
    if "phrase" in case:
        assert found.text == case["phrase"], f"expected the phrase {case['phrase']!r}, got {found.text!r} in {where}"
    assert text[found.span[0]:found.span[1]] == found.text
    stages = {stage.name for stage in deadlines_module._grammar(lang).stages}
    assert found.trace and found.trace[0].split(":")[0] in stages


def test_golden_cases_are_real_and_many():
    for lang in ("ru", "kk"):
        cases = [param.values[1] for param in GOLDEN_CASES if param.values[0] == lang]
        from_samples = [case for case in cases if "source" in case]
        assert len(cases) >= 60 and len(from_samples) > len(cases) / 2, lang
        for case in from_samples:
            sample = data_path("samples", case["source"]).read_text(encoding="utf-8")
            assert case["text"] in sample, f"not verbatim from {case['source']}: {case['text'][:80]!r}"
        assert {case["kind"] for case in cases} >= {"date", "relative", "period_end", "periodic", "none"}


def test_spans_are_shifted_by_offset():
    text = "Акимам в течение пяти рабочих дней представить отчет."
    plain = find_deadline(text, "ru", D(2024, 3, 1))
    shifted = find_deadline(text, "ru", D(2024, 3, 1), offset=1000)
    assert shifted.span == (plain.span[0] + 1000, plain.span[1] + 1000)
    assert text[plain.span[0]:plain.span[1]] == plain.text == "в течение пяти рабочих дней"


def test_every_phrase_in_text_order():
    text = ("Министерству в месячный срок разработать план, ежеквартально, не позднее 10 числа месяца, "
            "следующего за отчетным кварталом, информировать, до конца 2025 года завершить работу.")
    found = find_deadlines(text, "ru", D(2024, 3, 1))
    assert [d.kind for d in found] == ["relative", "periodic", "period_end"]
    assert [d.span for d in found] == sorted(d.span for d in found)
    assert find_deadline(text, "ru", D(2024, 3, 1)) == found[0]


@pytest.mark.parametrize("lang, text, frequency, schedule", [
    ("ru", "раз в шесть месяцев", "frequency: half-yearly", [D(2024, 6, 30), D(2024, 12, 31)]),
    ("ru", "один раз в 24 месяца", "frequency: every 2 years", [D(2024, 12, 31), D(2026, 12, 31)]),
    ("kk", "алты айда бір рет", "frequency: half-yearly", [D(2024, 6, 30), D(2024, 12, 31)]),
    ("kk", "әр үш жыл сайын", "frequency: every 3 years", [D(2024, 12, 31), D(2027, 12, 31)]),
])
def test_once_in_n_periods_is_a_frequency_and_a_step(lang, text, frequency, schedule):
    found = find_deadline(text, lang, D(2024, 3, 1))
    assert found.text == text and frequency in found.trace
    assert list(found.schedule) == schedule


def test_reporting_period_without_a_day_has_no_due_date():
    found = find_deadline("Руководитель Администрации по итогам года докладывает Президенту", "ru", D(2024, 3, 1))
    assert (found.kind, found.due, found.schedule, found.text) == ("periodic", None, (), "по итогам года")
    assert found.trace[0].startswith("reporting:") and "frequency: yearly" in found.trace[1]


@pytest.mark.parametrize("lang, text", [
    ("ru", "ежеквартально до 25 числа последнего месяца квартала"),
    ("kk", "тоқсан сайын тоқсанның соңғы айының 25-іне дейін"),
])
def test_a_day_of_the_last_month_is_not_one_of_the_month_after(lang, text):
    found = find_deadline(text, lang, D(2024, 6, 1))
    assert "due on day 25 of the last month of each period" in found.trace
    assert found.schedule[:2] == (D(2024, 6, 25), D(2024, 9, 25))
    following = find_deadline("ежеквартально до 25 числа месяца, следующего за отчетным кварталом", "ru", D(2024, 6, 1))
    assert following.schedule[:2] == (D(2024, 7, 25), D(2024, 10, 25))


@pytest.mark.parametrize("lang, text, lead", [
    ("ru", "за 5 рабочих дней до 1 апреля 2025 года", "за 5 рабочих дней "),
    ("kk", "2025 жылғы 1 сәуірге дейін 5 жұмыс күні бұрын", " дейін 5 жұмыс күні бұрын"),
])
def test_a_lead_in_working_days_counts_back_by_the_calendar(lang, text, lead):
    found = find_deadline(text, lang, D(2024, 6, 1))
    assert found.due == kz_calendar().add_working_days(D(2025, 4, 1), -5) == D(2025, 3, 20)
    assert found.text == text and lead in found.text
    assert "5 working day(s) before the date 2025-04-01, the date not counted -> 2025-03-20" in found.trace


def test_relative_trace_names_the_moved_day():
    found = find_deadline("в двухнедельный срок", "ru", D(2024, 3, 7))
    assert found.due == D(2024, 3, 26) and found.rule
    assert any("2024-03-21 is a day off (Наурыз мейрамы)" in step for step in found.trace)
    kk = find_deadline("екі апталық мерзімде", "kk", D(2024, 3, 7))
    assert kk.due == D(2024, 3, 26)
    assert any("(Наурыз мейрамы)" in step for step in kk.trace)


def test_working_days_follow_paragraph_50():
    found = find_deadline("в течение десяти рабочих дней", "ru", D(2024, 3, 15))
    assert found.rule.startswith("п.50")
    assert found.due == kz_calendar().add_working_days(D(2024, 3, 15), 10) == D(2024, 4, 3)


def test_explicit_dates_are_not_moved():
    found = find_deadline("2025 жылғы 1 наурызға дейін", "kk", D(2024, 3, 1))
    assert found.due == D(2025, 3, 1)  # a Saturday, as written
    assert "explicit dates are not moved" in found.trace[-1]


def test_no_basis_leaves_relative_and_periodic_terms_open():
    cases = [("бір ай мерзімде", "relative"), ("тоқсан сайын", "periodic"), ("жыл соңына дейін", "period_end")]
    for text, kind in cases:
        found = find_deadline(text, "kk", None)
        assert found.kind == kind and found.due is None and found.schedule == ()
        assert any("no basis" in step for step in found.trace)


def test_personal_instruction_default():
    default = personal_instruction_default(D(2024, 3, 7))
    assert (default.kind, default.due, default.basis) == ("default", D(2024, 3, 26), D(2024, 3, 7))
    assert default.rule.startswith("п.51")
    assert personal_instruction_default(D(2024, 6, 3)).due == D(2024, 6, 17)
    assert personal_instruction_default(D(2024, 6, 3), lang="kk").rule.startswith("51-тармақ")


def test_calendar_can_be_passed(tmp_path):
    path = tmp_path / "cal.toml"
    path.write_text("schema = 1\n[[day_off]]\ndate = 2024-04-01\nru = 'День проверки'\nkk = 'Тексеру күні'\n",
                    encoding="utf-8")
    found = find_deadline("в месячный срок", "ru", D(2024, 3, 1), calendar=kz_calendar(path))
    assert found.due == D(2024, 4, 2)
    assert any("День проверки" in step for step in found.trace)


@pytest.mark.parametrize("lang, sample, signed, published, expected, clause", [
    ("ru", "kz-ru-postanovlenie-20210315-a153979.txt", D(2021, 3, 15), None, D(2021, 3, 15),
     "Настоящее постановление вводится в действие со дня его подписания и подлежит опубликованию"),
    ("kk", "kz-kk-postanovlenie-20210315-a153979.txt", D(2021, 3, 15), None, D(2021, 3, 15),
     "Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі"),
    ("ru", "kz-ru-postanovlenie-20220525-a168134.txt", None, None, D(2022, 7, 1),
     "Настоящее постановление вводится в действие с 1 июля 2022 года"),
    ("kk", "kz-kk-postanovlenie-20220525-a168134.txt", None, None, D(2022, 7, 1),
     "Осы қаулы 2022 жылғы 1 шілдеден бастап қолданысқа енгізіледі"),
    ("ru", "kz-ru-postanovlenie-20230316-a179116.txt", D(2023, 3, 16), D(2023, 3, 20), D(2023, 3, 31), None),
    ("kk", "kz-kk-postanovlenie-20230316-a179116.txt", D(2023, 3, 16), D(2023, 3, 20), D(2023, 3, 31), None),
    ("ru", "kz-ru-postanovlenie-20230316-a179116.txt", D(2023, 3, 16), None, None, None),
    ("ru", "kz-ru-ukaz-20190409-a130175.txt", D(2019, 4, 9), D(2019, 4, 10), D(2019, 4, 10), None),
    ("kk", "kz-kk-ukaz-20201021-a147637.txt", D(2020, 10, 21), D(2020, 10, 22), D(2020, 10, 22), None),
    ("ru", "kz-ru-ukaz-20190319-884.txt", D(2019, 3, 19), None, None,
     ("Настоящий Указ вводится в действие с момента прекращения президентских полномочий Первого Президента "
      "Республики Казахстан – Елбасы")),
    ("ru", "kz-ru-ukaz-20220503-a167469.txt", D(2022, 5, 3), None, D(2022, 6, 7), None),
    ("kk", "kz-kk-ukaz-20240902-a200256.txt", D(2024, 9, 2), None, D(2024, 9, 2),
     "Осы Жарлық қол қойылған күнінен бастап күшіне енеді"),
    ("ru", "ukaz-403-2023-ru.txt", D(2023, 12, 4), None, D(2024, 2, 1), None),
    ("kk", "ukaz-403-2023-kk.txt", D(2023, 12, 4), None, D(2024, 2, 1), None),
    ("ru", "kz-ru-ukaz-20191226-a137658.txt", D(2019, 12, 26), None, None,
     "Настоящий Указ вводится в действие со дня его первого официального опубликования"),
])
def test_effective_date(lang, sample, signed, published, expected, clause):
    text = data_path("samples", sample).read_text(encoding="utf-8")
    date, (start, end) = find_effective_date(text, lang, signed=signed, published=published)
    assert date == expected, text[start:end]
    if clause:
        assert text[start:end] == clause


def test_no_effective_clause():
    text = data_path("samples", "kz-ru-reshenie-akima-19970401-a1811.txt").read_text(encoding="utf-8")
    assert find_effective_date(text, "ru") is None


def test_the_effective_clause_is_no_deadline():
    text = ("8. Настоящий Указ вводится в действие по истечении десяти календарных дней после дня его первого "
            "официального опубликования.")
    assert find_deadlines(text, "ru", D(2024, 1, 1)) == []


def test_unknown_language_is_refused():
    with pytest.raises(DataError, match="expected one of ru, kk"):
        find_deadlines("до 1 марта 2025 года", "en", D(2024, 1, 1))


def test_logic_holds_no_russian_or_kazakh_words():
    source = Path(deadlines_module.__file__).read_text(encoding="utf-8")
    assert not re.search("[\u0400-\u04ff]", source)


def test_invalid_data_is_reported(monkeypatch):
    data = dict(deadlines_module.langdata.load("ru", "deadlines"))
    data["months"] = {**data["months"], "names": data["months"]["names"][:11]}
    monkeypatch.setattr(deadlines_module.langdata, "load", lambda lang, name: data)
    with pytest.raises(DataError, match="months.names to be 12 lists of forms"):
        deadlines_module._Grammar("ru")
