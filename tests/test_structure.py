"""The structure parser on real acts: reviewed goldens per act, and the phenomena one by one."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from golden.structure_outline import SAMPLES, golden_path, outline
from tapsyrma.corpora import data_path
from tapsyrma.parser.normalize import normalize
from tapsyrma.parser.structure import parse_structure


def _parse(name: str, lang: str):
    raw = data_path("samples", name).read_text(encoding="utf-8")
    normalized = normalize(raw, lang)
    return normalized, parse_structure(normalized, lang, source=name)


def _first_difference(expected, got, where="") -> str:
    if isinstance(expected, dict) and isinstance(got, dict):
        for key in expected.keys() | got.keys():
            if expected.get(key) != got.get(key):
                return _first_difference(expected.get(key), got.get(key), f"{where}.{key}")
    if isinstance(expected, list) and isinstance(got, list):
        for index, (left, right) in enumerate(zip(expected, got)):
            if left != right:
                return _first_difference(left, right, f"{where}[{index}]")
        if len(expected) != len(got):
            return f"{where}: {len(expected)} entries expected, got {len(got)}"
    return f"{where}: expected {expected!r}\n   got {got!r}"


@pytest.mark.parametrize("name", SAMPLES)
def test_structure_matches_reviewed_golden(name):
    expected = json.loads(golden_path(name).read_text(encoding="utf-8"))
    got = json.loads(json.dumps(outline(name), ensure_ascii=False))
    assert got == expected, _first_difference(expected, got)


def _nodes(structure):
    for node in structure:
        yield node
        yield from _nodes(node.children)


def test_spans_index_the_normalised_text():
    for name in SAMPLES:
        normalized, parsed = _parse(name, "kk" if "-kk" in name else "ru")
        for node in _nodes(parsed.structure):
            start, end = node.span
            assert normalized.text[start:end] == node.text, (name, node.path)


@pytest.mark.parametrize("name, lang", [("ukaz-403-2023-ru.txt", "ru"), ("ukaz-403-2023-kk.txt", "kk")])
def test_seed_header_and_amending_structure(name, lang):
    _, parsed = _parse(name, lang)
    assert parsed.header.kind == "указ"
    assert parsed.header.number == "403"
    assert parsed.header.date == dt.date(2023, 12, 4)
    # Only two operative points: the quoted new text of the Rules never becomes points of the act.
    assert [n.number for n in parsed.structure if n.kind == "point"] == ["1", "2"]
    assert [n.number for n in parsed.structure if n.kind == "appendix"] == ["1", "2"]
    operations = {a.operation for a in parsed.amendments}
    assert {"replace", "add", "delete", "replace_words"} <= operations
    assert len(parsed.amendments) >= 40
    assert parsed.effective.date == dt.date(2024, 2, 1)


def test_cyrillic_b_for_six_in_the_russian_seed():
    """п.42-1 of the Russian seed types "б)" where the list 1)…7) needs "6)"."""
    _, parsed = _parse("ukaz-403-2023-ru.txt", "ru")
    point_one = parsed.structure[0] if parsed.structure[0].number == "1" else parsed.structure[1]
    numbers = [n.number for n in point_one.children]
    start = numbers.index("42-1")
    assert numbers[start + 1: start + 8] == ["1", "2", "3", "4", "5", "6", "7"]
    amendment = next(a for a in parsed.amendments if "42-1" in a.target)
    assert amendment.operation == "add"
    assert "б) поручения, данные непосредственно в адрес Администрации Президента" in amendment.text


def test_amendment_targets_in_both_languages():
    _, ru = _parse("ukaz-403-2023-ru.txt", "ru")
    _, kk = _parse("ukaz-403-2023-kk.txt", "kk")
    assert (ru.amendments[0].operation, ru.amendments[0].target) == ("replace", "в пункте 4: подпункты 2) и 5)")
    assert ru.amendments[1].operation == "delete" and ru.amendments[1].target.endswith("подпункт 14)")
    assert (kk.amendments[1].operation, kk.amendments[1].target) == ("delete", "4-тармақта: 14) тармақша")
    assert any(a.operation == "add" and a.target == "пунктом 30-1" for a in ru.amendments)
    assert any(a.operation == "add" and a.target == "30-1-тармақпен" for a in kk.amendments)
    replaced_words = next(a for a in ru.amendments if a.operation == "replace_words")
    assert "стратегических и программных документов" in replaced_words.text


def test_plan_table_rows_in_appendix():
    _, parsed = _parse("kz-ru-reshenie-akima-19970527-5-150.txt", "ru")
    appendix = next(n for n in parsed.structure if n.kind == "appendix")
    rows = [n for n in appendix.children if n.kind == "table_row"]
    data_rows = [r for r in rows if r.number]
    assert [r.number for r in data_rows] == [str(i) for i in range(1, 11)]
    assert rows[0].cells[1] == "Наименование мероприятия"
    assert data_rows[0].path == ("appendix-1", "1")
    assert data_rows[0].cells[2] == "До 1 апреля 1997 г."


def test_kazakh_header_date_and_signature_of_akim():
    _, parsed = _parse("kz-kk-reshenie-akima-19970527-5-150.txt", "kk")
    assert (parsed.header.kind, parsed.header.number, parsed.header.date) == ("решение", "5-150", dt.date(1997, 5, 27))
    assert parsed.header.issuer == "Әкім"
    assert parsed.control is not None and "бақылау" in parsed.control.text


_LOCAL_BLANK = ("постановление", "18/01", dt.date(2023, 3, 15))
_PASTED_DECREE = ("указ", "801", dt.date(2025, 3, 10))


@pytest.mark.parametrize(
    ("lang", "text", "requisites", "title"),
    [
        # the blank of a local executive body: kind line, then «от ... № ...» alone, then the title
        ("ru", "ПОСТАНОВЛЕНИЕ АКИМАТА КАРАГАНДИНСКОЙ ОБЛАСТИ\n\nот 15 марта 2023 года № 18/01\n\n"
               "О мерах по подготовке к паводковому периоду 2023 года\n\nАкимат Карагандинской области ПОСТАНОВЛЯЕТ:\n\n"
               "1. Акимам городов и районов в двухнедельный срок обеспечить готовность сил.\n",
         _LOCAL_BLANK, "О мерах по подготовке к паводковому периоду 2023 года"),
        ("kk", "ҚАРАҒАНДЫ ОБЛЫСЫ ӘКІМДІГІНІҢ ҚАУЛЫСЫ\n\n2023 жылғы 15 наурыздағы № 18/01\n\n"
               "2023 жылғы су тасқыны кезеңіне дайындық жөніндегі шаралар туралы\n\nҚарағанды облысының әкімдігі ҚАУЛЫ ЕТЕДІ:\n\n"
               "1. Қалалар мен аудандардың әкімдері екі апта мерзімде күштердің дайындығын қамтамасыз етсін.\n",
         _LOCAL_BLANK, "2023 жылғы су тасқыны кезеңіне дайындық жөніндегі шаралар туралы"),
        # a decree pasted as plain lines: the kind line is no title, and the place, date and number
        # join the signature's block
        ("ru", "Указ Президента Республики Казахстан\nО мерах по совершенствованию системы государственного управления\n"
               "ПОСТАНОВЛЯЮ:\n1. Правительству Республики Казахстан в трехмесячный срок принять меры.\n"
               "2. Настоящий Указ вводится в действие со дня его подписания.\n"
               "Президент Республики Казахстан К. Токаев\nАстана, Акорда, 10 марта 2025 года\n№ 801\n",
         _PASTED_DECREE, "О мерах по совершенствованию системы государственного управления"),
        ("kk", "Қазақстан Республикасы Президентінің Жарлығы\nМемлекеттік басқару жүйесін жетілдіру жөніндегі шаралар туралы\n"
               "ҚАУЛЫ ЕТЕМІН:\n1. Қазақстан Республикасының Үкіметі үш ай мерзімде шаралар қабылдасын.\n"
               "2. Осы Жарлық қол қойылған күнінен бастап қолданысқа енгізіледі.\n"
               "Қазақстан Республикасының Президенті Қ. Тоқаев\nАстана, Ақорда, 2025 жылғы 10 наурыз\n№ 801\n",
         _PASTED_DECREE, "Мемлекеттік басқару жүйесін жетілдіру жөніндегі шаралар туралы"),
    ],
)
def test_synthetic_requisites_and_title(lang, text, requisites, title):
    parsed = parse_structure(normalize(text, lang), lang)
    assert (parsed.header.kind, parsed.header.number, parsed.header.date) == requisites
    assert parsed.header.title == title


def test_hard_wrapped_russian_order_requisites_at_the_end():
    normalized, parsed = _parse("ru-rasporyazhenie-2002-391-rp.txt", "ru")
    assert (parsed.header.kind, parsed.header.number, parsed.header.date) == ("распоряжение", "391-рп", dt.date(2002, 8, 30))
    assert parsed.header.issuer == "Президент Российской Федерации"
    assert parsed.header.title.startswith("О направлении сотрудников органов внутренних дел")
    points = [n for n in parsed.structure if n.kind == "point"]
    assert [p.number for p in points] == ["1", "2", "3", "4"]
    # Wrapped lines are joined into one paragraph.
    assert points[1].text == "Правительству Российской Федерации принять решения, направленные на реализацию настоящего распоряжения."


def test_exception_list_is_marked():
    _, parsed = _parse("kz-ru-ukaz-20191226-a137658.txt", "ru")
    assert ("1",) in parsed.exception_lists


def test_control_and_effective_clauses():
    _, parsed = _parse("kz-ru-ukaz-20220303-826.txt", "ru")
    assert parsed.control.text.startswith("Контроль за исполнением настоящего Указа возложить на Администрацию Президента")
    assert parsed.effective.text.startswith("Настоящий Указ вводится в действие")
    assert parsed.effective.date is None  # counted from publication: unknown in the text
    _, kk = _parse("kz-kk-ukaz-20220105-a162981.txt", "kk")
    assert kk.effective.date == dt.date(2022, 1, 5)  # from signing
