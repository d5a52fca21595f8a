"""Document readers on real act text: every format, every encoding, every kind of bad input."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from tapsyrma.parser import readers
from tapsyrma.parser.errors import (
    InputError,
    InputTooLargeError,
    ScannedPdfError,
    UnsupportedFormatError,
)
from tapsyrma.parser.readers import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    Document,
    decode_text,
    html_to_text,
    read_bytes,
    read_path,
    read_stream,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
_spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)

SAMPLES = make_fixtures.SAMPLES
RU_ACT = "kz-ru-ukaz-20220303-826.txt"
KK_ACT = "kz-kk-ukaz-20220303-826.txt"
TABLE_ACT = "kz-ru-reshenie-akima-19980205-2-46.txt"
RU = make_fixtures.act_paragraphs(RU_ACT)
KK = make_fixtures.act_paragraphs(KK_ACT)

# Word's russianLower sequence (no й ъ ы ь ё), written out independently of the reader.
RUSSIAN_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _error(excinfo: pytest.ExceptionInfo, source: str) -> str:
    """The message of a reader error, checked to be one line naming the file."""
    message = str(excinfo.value)
    assert source in message
    assert "\n" not in message
    return message


# --------------------------------------------------------------------------------------------
# Plain text and Markdown


def test_txt_is_returned_as_decoded(tmp_path):
    raw = (SAMPLES / RU_ACT).read_bytes()
    path = tmp_path / "ukaz-826.txt"
    path.write_bytes(raw)
    document = read_path(path)
    assert document == Document(raw.decode("utf-8"), str(path), "txt", "utf-8")


def test_md_keeps_markdown_and_unifies_line_ends(tmp_path):
    text = (SAMPLES / KK_ACT).read_text(encoding="utf-8")
    path = tmp_path / "ukaz-826-kk.md"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    document = read_path(path)
    assert document.format == "md"
    assert document.encoding == "utf-8-sig"
    assert document.text == text  # BOM gone, CRLF -> LF, the `>` quotes and `#` marks kept
    assert document.text.startswith("# source:")


def test_old_mac_line_ends_become_newlines():
    document = read_bytes("\r".join(RU[:3]).encode("cp1251"), "old.txt")
    assert document.text.split("\n") == RU[:3]


def _typewriter(text: str) -> str:
    """The text as a DOS/KOI8 file would hold it: no typographic quotes, dashes or numero."""
    return text.translate(
        {ord("«"): '"', ord("»"): '"', ord("–"): "-", ord("—"): "-", ord("№"): "N"}
    )


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("\n".join(RU[:8]), "cp1251"),
        (_typewriter("\n".join(RU[:8])), "koi8-r"),
        (_typewriter("\n".join(RU[:8])), "cp866"),
        ("\n".join(RU[:8]), "mac-cyrillic"),
        ("\n".join(KK[:8]), "kz1048"),
        ("\n".join(KK[:8]), "utf-16"),
    ],
)
def test_each_encoding_is_detected(text, encoding):
    data = text.encode(encoding)
    document = read_bytes(data, "act.txt")
    assert document.text == text
    assert document.encoding == encoding


def test_utf16_big_endian_with_bom():
    text = "\n".join(KK[:4])
    document = read_bytes(b"\xfe\xff" + text.encode("utf-16-be"), "act.txt")
    assert (document.text, document.encoding) == (text, "utf-16")


def test_kazakh_in_kz1048_is_not_read_as_cp1251_mojibake():
    # cp1251 would turn Қ ә ң ү into Ќ ј Ѕ ї: the bytes decode in both, only one reads as Kazakh.
    document = read_bytes("\n".join(KK[:3]).encode("kz1048"), "act.txt")
    assert "Қазақстан Республикасының" in document.text
    assert not set("ЌЋќћЎўЈҐЄЇґєјЅѕї") & set(document.text)


def _sample_names() -> list[str]:
    return sorted(path.name for path in SAMPLES.glob("*.txt") if path.name != "README.md")


@pytest.mark.parametrize("name", _sample_names())
def test_every_sample_in_every_code_page_it_fits(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    kazakh = "-kk-" in name or name.endswith("-kk.txt")
    for encoding in (
        ("kz1048",) if kazakh else ("cp1251", "koi8-r", "cp866", "mac-cyrillic", "kz1048")
    ):
        data = text.encode(encoding, errors="replace")
        decoded, _detected = decode_text(data, name)
        assert decoded == data.decode(encoding), f"{name} in {encoding}"


def test_utf8_with_one_broken_byte_stays_utf8():
    data = "\n".join(RU[:3]).encode("utf-8")
    broken = data[:40] + b"\xff" + data[41:]
    text, encoding = decode_text(broken, "broken.txt")
    assert encoding == "utf-8"
    assert text.count("\ufffd") <= 2
    assert text.endswith(RU[2])


def test_capitals_only_word_that_reads_in_two_code_pages_is_refused():
    # "ПОСТАНОВЛЯЮ:" in koi8-r is "рпуфбопчмса:" in cp1251: both are case-consistent words and
    # one word gives no letter statistics, so the reader refuses instead of guessing.
    with pytest.raises(InputError) as excinfo:
        read_bytes("ПОСТАНОВЛЯЮ:".encode("koi8-r"), "one-word.txt")
    assert "cannot tell the text encoding" in _error(excinfo, "one-word.txt")


def test_capitals_only_text_is_decided_by_letter_statistics():
    text = _typewriter(RU[0].upper() + "\n" + RU[1].upper())
    for encoding in ("cp1251", "koi8-r"):
        assert read_bytes(text.encode(encoding), "caps.txt").text == text


def test_bytes_that_are_no_cyrillic_text_are_refused():
    with pytest.raises(InputError) as excinfo:
        read_bytes(bytes(range(0x80, 0x100)) * 8, "noise.txt")
    assert "cannot tell the text encoding" in _error(excinfo, "noise.txt")


# --------------------------------------------------------------------------------------------
# HTML


def _sample_table_html() -> str:
    source = (SAMPLES / TABLE_ACT).read_text(encoding="utf-8")
    start = source.index("<table>")
    return source[start : source.index("</table>", start) + len("</table>")]


PLANTING_HEADER = (
    "Наименова ние районов\tВсего пло щадь (га)\tКол- во сажен цев (тыс.шт.)\tОбъем работ\t\t\t\t\t"
)
PLANTING_YEARS = "\t\t\t1998 г.\t\t1999 г.\t\t2000 г.\t"
PLANTING_ROW = "Енбекшиказахский\t80\t400\t10\t50\t30\t150\t40\t200"
PLANTING_TOTAL = "ИТОГО:\t928\t4580\t198\t980\t305\t1475\t425\t2125"


def test_html_table_from_a_sample_keeps_columns_under_spans():
    rows = html_to_text(_sample_table_html()).split("\n")
    assert rows[:2] == [PLANTING_HEADER, PLANTING_YEARS]
    assert rows[2].startswith("\t\t\tпло щадь(га)\tсаженцев (тысшт)")
    assert PLANTING_ROW in rows
    assert rows[-1] == PLANTING_TOTAL
    assert all(row.count("\t") == 8 for row in rows)


def _act_html() -> str:
    items = "".join(f"<li>{re.sub(r'^[0-9]+[.] ', '', item)}</li>" for item in RU[2:4])
    preamble = RU[1].replace("«", "&laquo;").replace("»", "&raquo;")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Указ № 826</title>"
        "<style>p { text-indent: 1cm }</style><script>var read = 'not text';</script></head>"
        f"<body><h1>{RU[0]}</h1>\n<p>{preamble}</p>\n<ol>{items}</ol>\n"
        f"{_sample_table_html()}\n<p>{RU[4]}<br>{RU[5]}</p></body></html>"
    )


def test_html_document(tmp_path):
    path = tmp_path / "ukaz.html"
    path.write_text(_act_html(), encoding="utf-8")
    document = read_path(path)
    assert (document.format, document.encoding) == ("html", "utf-8")
    lines = document.text.split("\n")
    assert lines[:4] == RU[:4]  # title, preamble with entities unescaped, "1. ", "2. "
    assert lines[4:7] == ["", PLANTING_HEADER, PLANTING_YEARS]
    assert lines[-4:] == [PLANTING_TOTAL, "", RU[4], RU[5]]  # <br> breaks the line
    assert "not text" not in document.text and "Указ № 826" not in document.text


def test_html_in_a_legacy_code_page(tmp_path):
    path = tmp_path / "ukaz.htm"
    path.write_bytes(_act_html().encode("cp1251", errors="xmlcharrefreplace"))
    document = read_path(path)
    assert (document.format, document.encoding) == ("html", "cp1251")
    assert document.text.split("\n")[:4] == RU[:4]


def test_html_ordered_lists_number_like_a_browser():
    html = (
        '<ol start="4"><li>четвёртый</li><li>пятый<ol type="a"><li>а</li><li>б</li></ol></li>'
        '<li value="9">девятый</li></ol><ol type="I"><li>раздел</li></ol><ul><li>пункт</li></ul>'
        "<ol><li><p>абзац в пункте</p><p>второй абзац</p></li></ol>"
    )
    assert html_to_text(html).split("\n") == [
        "4. четвёртый",
        "5. пятый",
        "a. а",
        "b. б",
        "9. девятый",
        "I. раздел",
        "• пункт",
        "1. абзац в пункте",
        "второй абзац",
    ]


# --------------------------------------------------------------------------------------------
# DOCX


def _outline(sample: str) -> list[tuple[int, str, str]]:
    """(depth, the act's own number, text without it) for the numbered lines of a sample act:
    "1. " at depth 0, "   1) " at depth 1, the unnumbered "      " paragraphs at depth 2."""
    lines = []
    for line in (SAMPLES / sample).read_text(encoding="utf-8").splitlines():
        if match := re.match(r"([0-9]+)\. (.*)", line):
            lines.append((0, match[1], match[2]))
        elif match := re.match(r" {3}([0-9]+)\) (.*)", line):
            lines.append((1, match[1], match[2]))
        elif line.startswith(" " * 6) and lines:
            lines.append((2, "", line.strip()))
    return lines


def _docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_list(document, levels, *, start_overrides=None) -> int:
    """Add a numbering definition (levels: (numFmt, lvlText, start)) and a list using it."""
    numbering = document.part.numbering_part.element
    abstracts = numbering.findall(f"{{{W_NS}}}abstractNum")
    abstract_id = 1 + max(int(a.get(f"{{{W_NS}}}abstractNumId")) for a in abstracts)
    num_id = 1 + max(int(n.get(f"{{{W_NS}}}numId")) for n in numbering.findall(f"{{{W_NS}}}num"))
    level_xml = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, (fmt, text, start) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{level_xml}</w:abstractNum>'
    )
    numbering.find(f"{{{W_NS}}}num").addprevious(abstract)
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{overrides}</w:num>"
        )
    )
    return num_id


def _add_numbered(container, text: str, num_id: int, ilvl: int):
    paragraph = container.add_paragraph(text)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
    return paragraph


ACT_LEVELS = [("decimal", "%1.", 1), ("decimal", "%2)", 1), ("russianLower", "%3)", 1)]


def _expected_outline(outline, labels) -> list[str]:
    """Lines with the act's own numbers at depth 0/1 and letters restarting under each parent."""
    lines, letter = [], 0
    for depth, number, text in outline:
        if depth == 2:
            lines.append(f"{RUSSIAN_LETTERS[letter]}) {text}")
            letter += 1
        else:
            letter = 0
            lines.append(f"{labels(depth, number)} {text}")
    return lines


def test_docx_custom_numbering_reproduces_the_acts_numbers(tmp_path):
    full = _outline(RU_ACT)
    outline = full[: full.index(next(line for line in full if line[:2] == (0, "4")))]  # items 1-3
    document = docx.Document()
    document.add_paragraph(RU[0])
    num_id = _add_list(document, ACT_LEVELS)
    for depth, _number, text in outline:
        _add_numbered(document, text, num_id, depth)
    path = tmp_path / "ukaz-826.docx"
    path.write_bytes(_docx_bytes(document))

    result = read_path(path)
    assert (result.format, result.encoding) == ("docx", None)
    lines = result.text.split("\n")
    assert lines[0] == RU[0]
    expected = _expected_outline(outline, lambda depth, n: f"{n}." if depth == 0 else f"{n})")
    assert lines[1:] == expected
    # in plain sight: letters run on under "1) ", "2) " follows them, "1) " restarts under "3. "
    assert lines[
        lines.index(f"2. {outline[1][2]}") + 2 : lines.index(f"2. {outline[1][2]}") + 9
    ] == [
        "а) раз в полугодие не менее одной выездной встречи акима области в каждом районе "
        "и городе областного значения;",
        *[f"{letter}) {text}" for letter, (_, _, text) in zip("бвгде", outline[4:9], strict=True)],
        f"2) {outline[9][2]}",
    ]
    assert lines[lines.index(f"3. {outline[10][2]}") + 1].startswith("1) проводить по требованию")


def test_docx_russian_letters_skip_short_i_and_signs():
    paragraphs = [text for depth, _, text in _outline(RU_ACT) if depth == 2][:12]
    document = docx.Document()
    num_id = _add_list(document, [("russianLower", "%1)", 1)])
    for text in paragraphs:
        _add_numbered(document, text, num_id, 0)
    lines = read_bytes(_docx_bytes(document), "letters.docx").text.split("\n")
    assert [line.split(" ", 1)[0] for line in lines] == [
        "а)", "б)", "в)", "г)", "д)", "е)", "ж)", "з)", "и)", "к)", "л)", "м)",
    ]  # fmt: skip
    assert lines[9] == f"к) {paragraphs[9]}"


def test_docx_legal_style_numbers_and_start_override():
    outline = [line for line in _outline(RU_ACT) if line[0] < 2]
    from_item_5 = outline[[line[:2] for line in outline].index((0, "5")) :]
    document = docx.Document()
    num_id = _add_list(
        document, [("decimal", "%1.", 1), ("decimal", "%1.%2.", 1)], start_overrides={0: 5}
    )
    for depth, _number, text in from_item_5:
        _add_numbered(document, text, num_id, depth)
    lines = read_bytes(_docx_bytes(document), "legal.docx").text.split("\n")
    parent, expected = "", []
    for depth, number, text in from_item_5:
        parent = number if depth == 0 else parent
        expected.append(f"{number}. {text}" if depth == 0 else f"{parent}.{number}. {text}")
    assert lines == expected
    assert lines[1].startswith("5.1. представление в Администрацию Президента")


def test_docx_list_number_style_table_and_document_order():
    items = [text for depth, _, text in _outline(RU_ACT) if depth == 0]
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Колонтитул не текст акта"
    document.add_paragraph(RU[0], style="Title")
    for text in items[:3]:
        document.add_paragraph(text, style="List Number")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, make_fixtures.TABLE_ROWS, strict=False):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    cell = table.cell(2, 2)
    cell.text = "400\tтыс."  # a TAB typed in a cell must not split the column
    cell.add_paragraph(items[3], style="List Number")
    cell.add_paragraph(items[4], style="List Number")
    document.add_paragraph(items[5], style="List Number")
    unnumbered = document.add_paragraph(items[6], style="List Number")
    num_pr = unnumbered._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = 0  # numId 0: numbering switched off for this paragraph

    text = read_bytes(_docx_bytes(document), "with-table.docx").text
    assert text.split("\n") == [
        RU[0],
        f"1. {items[0]}",
        f"2. {items[1]}",
        f"3. {items[2]}",
        "",
        "\t".join(make_fixtures.TABLE_ROWS[0]),
        "\t".join(make_fixtures.TABLE_ROWS[1]),
        f"{make_fixtures.TABLE_ROWS[2][0]}\t{make_fixtures.TABLE_ROWS[2][1]}"
        f"\t400 тыс. 4. {items[3]} 5. {items[4]}",
        "",
        f"6. {items[5]}",
        items[6],
    ]
    assert "Колонтитул" not in text


def test_docx_merged_cells_keep_columns():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    header = table.cell(0, 0).merge(table.cell(0, 2))
    header.text = "Объем работ"
    for cell, value in zip(table.rows[1].cells, ("1998 г.", "1999 г.", "2000 г."), strict=True):
        cell.text = value
    text = read_bytes(_docx_bytes(document), "merged.docx").text
    assert text.split("\n") == ["Объем работ\t\t", "1998 г.\t1999 г.\t2000 г."]


# --------------------------------------------------------------------------------------------
# PDF


def test_pdf_text_tables_in_place_and_pages_in_order():
    document = read_path(make_fixtures.TEXT_PDF)
    assert (document.format, document.encoding) == ("pdf", None)
    ru = RU[: make_fixtures.RU_PARAGRAPHS]
    kk = KK[: make_fixtures.KK_PARAGRAPHS]
    table = ["\t".join(row) for row in make_fixtures.TABLE_ROWS]
    # Wrapped lines are joined back into paragraphs; the table's words appear only in its rows.
    assert document.text.split("\n") == [*ru, "", *table, "", ru[1], *kk]


# --------------------------------------------------------------------------------------------
# stdin and uploads


@pytest.mark.parametrize(
    ("payload", "fmt", "first_line"),
    [
        (lambda: _act_html().encode("utf-8"), "html", RU[0]),
        (lambda: "\n".join(RU[:3]).encode("cp1251"), "txt", RU[0]),
        (lambda: make_fixtures.TEXT_PDF.read_bytes(), "pdf", RU[0]),
        (lambda: _list_docx(), "docx", RU[2]),
    ],
)
def test_stdin_is_sniffed(payload, fmt, first_line):
    document = read_stream(io.BytesIO(payload()))
    assert (document.source, document.format) == ("-", fmt)
    assert document.text.split("\n")[0] == first_line


def _list_docx() -> bytes:
    document = docx.Document()
    for text in RU[2:4]:
        document.add_paragraph(re.sub(r"^[0-9]+[.] ", "", text), style="List Number")
    return _docx_bytes(document)


def test_upload_name_picks_the_reader():
    data = "\n".join(RU[:3]).encode("utf-8")
    assert read_bytes(data, "upload.md").format == "md"
    assert read_stream(io.BytesIO(data), "upload.txt").format == "txt"
    assert read_bytes(_list_docx(), "UPLOAD.DOCX").text.split("\n") == RU[2:4]


def test_stream_reads_at_most_one_byte_over_the_limit():
    class Endless(io.RawIOBase):
        served = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            size = min(len(buffer), 1000)  # short reads, as a pipe gives them
            buffer[:size] = b"a" * size
            self.served += size
            return size

    stream = Endless()
    with pytest.raises(InputTooLargeError) as excinfo:
        read_stream(stream, max_bytes=10_000)
    assert stream.served == 10_001
    assert "10000" in _error(excinfo, "-")


# --------------------------------------------------------------------------------------------
# Bad input


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError) as excinfo:
        read_path(path)
    assert "empty" in _error(excinfo, str(path))


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.md"
    path.write_bytes(b" \r\n\t\n   \n")
    with pytest.raises(InputError) as excinfo:
        read_path(path)
    assert "only whitespace" in _error(excinfo, str(path))


def test_binary_file_with_nul_bytes():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(InputError) as excinfo:
        read_bytes(png, "photo-of-act.txt")
    assert "binary" in _error(excinfo, "photo-of-act.txt")


def test_binary_file_of_control_characters():
    with pytest.raises(InputError) as excinfo:
        read_bytes(bytes(range(1, 32)) * 50 + RU[0].encode(), "dump.txt")
    assert "binary" in _error(excinfo, "dump.txt")


@pytest.mark.parametrize("name", ["act.doc", "act.rtf", "scan.jpg"])
def test_unknown_extension_lists_the_supported_ones(tmp_path, name):
    path = tmp_path / name
    path.write_bytes("\n".join(RU[:3]).encode())
    with pytest.raises(UnsupportedFormatError) as excinfo:
        read_path(path)
    message = _error(excinfo, str(path))
    assert all(suffix in message for suffix in SUPPORTED_SUFFIXES)
    with pytest.raises(UnsupportedFormatError):
        read_bytes(path.read_bytes(), name)


def test_docx_that_is_not_a_zip():
    with pytest.raises(InputError) as excinfo:
        read_bytes("\n".join(RU[:3]).encode(), "renamed.docx")
    assert "not a zip" in _error(excinfo, "renamed.docx")


def test_docx_without_document_xml():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/styles.xml", "<styles/>")
    with pytest.raises(InputError) as excinfo:
        read_bytes(buffer.getvalue(), "broken.docx")
    assert "word/document.xml" in _error(excinfo, "broken.docx")


def test_docx_that_is_a_legacy_word_file():
    with pytest.raises(InputError) as excinfo:
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "old.docx")
    assert ".doc" in _error(excinfo, "old.docx")


def test_docx_with_no_text():
    with pytest.raises(InputError) as excinfo:
        read_bytes(_docx_bytes(docx.Document()), "blank.docx")
    assert "no text" in _error(excinfo, "blank.docx")


def test_corrupt_pdf():
    data = make_fixtures.TEXT_PDF.read_bytes()
    garbled = b"%PDF-1.7\n" + bytes(reversed(data[9:2000]))
    with pytest.raises(InputError) as excinfo:
        read_bytes(garbled, "corrupt.pdf")
    assert "not a readable PDF" in _error(excinfo, "corrupt.pdf")


def test_scanned_pdf():
    with pytest.raises(ScannedPdfError) as excinfo:
        read_path(make_fixtures.SCAN_PDF)
    message = _error(excinfo, str(make_fixtures.SCAN_PDF))
    assert "is a scan (no text layer); OCR is not supported" in message


def test_encrypted_pdf():
    with pytest.raises(InputError) as excinfo:
        read_path(make_fixtures.ENCRYPTED_PDF)
    assert "encrypted" in _error(excinfo, str(make_fixtures.ENCRYPTED_PDF))


def test_too_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: no disk used

    def refuse_open(*args, **kwargs):
        raise AssertionError("the file was opened although it is over the limit")

    monkeypatch.setattr(readers, "open", refuse_open, raising=False)
    with pytest.raises(InputTooLargeError) as excinfo:
        read_path(path)
    message = _error(excinfo, str(path))
    assert str(DEFAULT_MAX_BYTES + 1) in message and str(DEFAULT_MAX_BYTES) in message


def test_too_large_upload():
    data = make_fixtures.TEXT_PDF.read_bytes()
    with pytest.raises(InputTooLargeError) as excinfo:
        read_bytes(data, "act.pdf", max_bytes=1024)
    assert f"{len(data)} bytes" in _error(excinfo, "act.pdf")


def test_missing_path(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(InputError) as excinfo:
        read_path(path)
    assert "no such file" in _error(excinfo, str(path))


def test_directory_path(tmp_path):
    folder = tmp_path / "acts.txt"
    folder.mkdir()
    with pytest.raises(InputError) as excinfo:
        read_path(folder)
    assert "directory" in _error(excinfo, str(folder))


def test_unreadable_path(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(RU[0], encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # chmod 000 does not stop root (the CI user), so the refusal is simulated at open().
    monkeypatch.setattr(readers, "open", denied, raising=False)
    with pytest.raises(InputError) as excinfo:
        read_path(path)
    assert "permission denied" in _error(excinfo, str(path))
