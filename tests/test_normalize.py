"""Normalisation of the forms acts arrive in: Markdown of the database, hard-wrapped plain text,
HTML tables inside Markdown, TAB rows."""

from __future__ import annotations

from tapsyrma.corpora import data_path
from tapsyrma.parser.normalize import normalize


def test_markdown_markup_and_provenance_are_removed():
    raw = data_path("samples", "kz-ru-ukaz-20191226-a137658.txt").read_text(encoding="utf-8")
    normalized = normalize(raw, "ru")
    assert normalized.provenance[0].startswith("# source:")
    assert "# source" not in normalized.text and "**" not in normalized.text
    # "1\\)" escapes become "1)".
    assert "\n1) проверок, направленных на предотвращение" in normalized.text
    quote = next(b for b in normalized.blocks if b.kind == "quote")
    assert quote.text == "Подлежит опубликованию в Собрании актов Президента и Правительства Республики Казахстан и республиканской печати"
    title = next(b for b in normalized.blocks if b.kind == "heading")
    assert title.text.startswith("О введении моратория на проведение проверок")


def test_hard_wrapped_text_is_joined_and_spaced_capitals_closed_up():
    raw = data_path("samples", "ru-rasporyazhenie-2002-484-rp.txt").read_text(encoding="utf-8")
    normalized = normalize(raw, "ru")
    texts = [b.text for b in normalized.blocks]
    assert texts[0] == "РАСПОРЯЖЕНИЕ"
    point = next(t for t in texts if t.startswith("2. Поручить"))
    assert point.startswith("2. Поручить ФПС России провести переговоры с Таджикистанской Стороной и по достижении")
    assert "  " not in point


def test_html_table_inside_markdown_becomes_rows():
    raw = data_path("samples", "kz-ru-reshenie-akima-19970527-5-150.txt").read_text(encoding="utf-8")
    normalized = normalize(raw, "ru")
    rows = [b for b in normalized.blocks if b.kind == "row"]
    assert rows[0].cells == ("№№ ПП", "Наименование мероприятия", "Сроки исполнения", "Ответственный за исполнение")
    assert rows[2].cells[0] == "1." and rows[2].cells[2] == "До 1 апреля 1997 г."
    assert "<td>" not in normalized.text and "<a id" not in normalized.text


def test_kazakh_latin_i_is_restored():
    raw = data_path("samples", "kz-kk-reshenie-akima-19970401-a1811.txt").read_text(encoding="utf-8")
    normalized = normalize(raw, "kk")
    assert "әкімдері" in normalized.text
    assert "әкiмдерi" not in normalized.text


def test_block_offsets_index_the_text():
    raw = data_path("samples", "ukaz-403-2023-kk.txt").read_text(encoding="utf-8")
    normalized = normalize(raw, "kk")
    for block in normalized.blocks:
        assert normalized.text[block.start:block.end] == block.text


def test_pipe_tables_and_tab_rows():
    raw = "| № | Мероприятие | Срок |\n|---|---|---|\n| 1 | Провести | до 1 мая 2024 года |\n\n1.\tРазработать\tежегодно\n"
    normalized = normalize(raw, "ru")
    assert [b.cells for b in normalized.blocks] == [
        ("№", "Мероприятие", "Срок"), ("1", "Провести", "до 1 мая 2024 года"), ("1.", "Разработать", "ежегодно")]


def test_text_without_blank_lines_has_a_paragraph_per_line():
    # pasted from a page, or a PDF's paragraphs: a line goes on the one above only where the
    # sentence plainly goes on
    text = ("Указ Президента Республики Казахстан\nО мерах по совершенствованию управления\nПОСТАНОВЛЯЮ:\n"
            "1. Правительству Республики Казахстан:\nпринять меры,\nвытекающие из настоящего Указа.\n"
            "Президент Республики Казахстан К. Токаев\nАстана, Акорда, 10 марта 2025 года\n№ 801")
    assert [b.text for b in normalize(text, "ru").blocks] == [
        "Указ Президента Республики Казахстан", "О мерах по совершенствованию управления", "ПОСТАНОВЛЯЮ:",
        "1. Правительству Республики Казахстан: принять меры, вытекающие из настоящего Указа.",
        "Президент Республики Казахстан К. Токаев", "Астана, Акорда, 10 марта 2025 года", "№ 801"]


def test_a_short_text_without_blank_lines_is_one_hard_wrapped_paragraph():
    assert [b.text for b in normalize("Правительству Республики Казахстан\nпринять меры\nПо итогам года", "ru").blocks] == [
        "Правительству Республики Казахстан принять меры По итогам года"]
