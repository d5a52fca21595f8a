"""Control documents rendered from real parsed acts, reopened and read back.

Every template of both languages is rendered from acts of corpora/samples and reopened with
python-docx / openpyxl / an HTML parser; the column titles are compared with the forms as the
Rules themselves print them (the sample of decree No. 403).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
import typer
from docx import Document
from docxtpl import DocxTemplate
from openpyxl import load_workbook
from typer.testing import CliRunner

from tapsyrma.corpora import data_path
from tapsyrma.generator import (
    DOCUMENTS,
    ReportEntry,
    ReportInput,
    default_template,
    document_model,
    read_entries,
    render,
    report_input,
    soffice,
    write,
)
from tapsyrma.generator.build_templates import build_html
from tapsyrma.generator.contract import check_docx, check_html, model_fields
from tapsyrma.generator.layout import LAYOUTS
from tapsyrma.generator.spheres import sphere_keys, sphere_of, sphere_title
from tapsyrma.generator.to_docx import ENVIRONMENT
from tapsyrma.generator.to_html import html_environment
from tapsyrma.generator.wording import wording
from tapsyrma.parser import parse_file
from tapsyrma.parser.errors import InputError, LanguageError, TemplateError
from tapsyrma.parser.gazetteer import gazetteer
from tapsyrma.parser.model import Act

SAMPLES = data_path("samples")
UKAZ_826 = {"ru": "kz-ru-ukaz-20220303-826.txt", "kk": "kz-kk-ukaz-20220303-826.txt"}
RESOLUTION = {"ru": "kz-ru-postanovlenie-20230316-a179116.txt", "kk": "kz-kk-postanovlenie-20230316-a179116.txt"}
# Point 5 names a lead executor and four co-executors.
SEVERAL = {"ru": "kz-ru-ukaz-20220105-a162981.txt", "kk": "kz-kk-ukaz-20220105-a162981.txt"}
LANGS = ("ru", "kk")
TRICKY = 'A & B < C > D «кавычки» "quotes" \'apostrophe\' ]]> {{ not a tag }}'


@cache
def parsed(name: str) -> Act:
    return parse_file(SAMPLES / name)


def docx(data: bytes):
    return Document(io.BytesIO(data))


def paragraphs(document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs if paragraph.text.strip()]


def table_rows(document) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in document.tables[0].rows]


class _Cells(HTMLParser):
    """The text of every table cell of an HTML page, row by row (entities resolved)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self.inside = True
            self.rows[-1].append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.rows[-1][-1] += data


def html_cells(page: str) -> list[list[str]]:
    parser = _Cells()
    parser.feed(page)
    return parser.rows


def rules_form_header(lang: str, appendix: int) -> list[str]:
    """The column titles of Appendix 5 or 8 as the sample of decree No. 403 prints them (a tab-separated line)."""
    text = (SAMPLES / f"ukaz-403-2023-{lang}.txt").read_text(encoding="utf-8")
    # Appendix 8 of the Kazakh text types "р/с" with Latin letters; the documents use Cyrillic.
    headers = [line.replace("p/c", "р/с") for line in text.splitlines() if line.startswith(("№ п/п\t", "р/с №\t", "p/c №\t"))]
    assert len(headers) == 2, headers
    return [cell.strip() for cell in headers[{5: 0, 8: 1}[appendix]].split("\t")]


def act_with_texts(act: Act, texts: list[str]) -> Act:
    """The act with one item per text, copied from its first item (executors, deadline, control)."""
    first = act.items[0]
    items = tuple(
        first.model_copy(update={"text": text, "number": str(index), "path": (str(index),)})
        for index, text in enumerate(texts, start=1)
    )
    return act.model_copy(update={"items": items})


# --- templates are contracts ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("document", DOCUMENTS)
def test_template_variables_are_fields_of_the_document_model(document, lang):
    model = LAYOUTS[document].model
    docx_path = default_template(document, lang, ".docx")
    undeclared = DocxTemplate(docx_path).get_undeclared_template_variables(jinja_env=ENVIRONMENT)
    assert undeclared and undeclared <= set(model_fields(model))
    for usage in (check_docx(docx_path, model, ENVIRONMENT),
                  check_html(default_template(document, lang, ".html"), model, html_environment(docx_path.parent))):
        assert not usage.unknown
        # every column of the layout is filled from the model
        prefix = "card" if LAYOUTS[document].table == "fields" else "row"
        assert {f"{prefix}.{key}" for key, _ in LAYOUTS[document].columns} <= usage.used


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("document", DOCUMENTS)
def test_bundled_templates_carry_the_words_of_documents_toml(document, lang):
    """The committed templates are what `python -m tapsyrma.generator.build_templates` builds."""
    section = wording(lang).section(document)
    template = Document(default_template(document, lang, ".docx"))
    texts = [paragraph.text for paragraph in template.paragraphs]
    texts += [cell.text for table in template.tables for row in table.rows for cell in row.cells]
    words = [*section.caption, *section.title, *section.subtitle, *section.intro, *section.footnote,
             *section.footer, *section.columns.values(), *section.fields.values()]
    assert [line for line in words if line not in texts] == []
    built = build_html(LAYOUTS[document], section, lang)
    assert default_template(document, lang, ".html").read_text(encoding="utf-8") == built


def test_user_template_with_an_unknown_variable_names_it_and_its_line(tmp_path):
    document = Document()
    document.add_paragraph("Акт: {{ act.requisites }}")
    document.add_paragraph("Подписал: {{ act.signatory }}")
    bad = tmp_path / "bad.docx"
    document.save(bad)
    act = parsed(UKAZ_826["ru"])
    with pytest.raises(TemplateError, match=r"line \d+ «Подписал: \{\{ act\.signatory \}\}».*'act\.signatory'"):
        render("assignment", act, lang="ru", template=bad)


def test_user_template_checks_loop_variables_against_the_row_model(tmp_path):
    document = Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "{%tr for row in rows %}"
    table.cell(1, 0).text = "{{ row.number }}"
    table.cell(1, 1).text = "{{ row.colour }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    bad = tmp_path / "rows.docx"
    document.save(bad)
    with pytest.raises(TemplateError, match=r"'row\.colour'"):
        render("assignment", parsed(UKAZ_826["ru"]), lang="ru", template=bad)


def test_user_html_template_with_an_unknown_variable_names_its_line(tmp_path):
    bad = tmp_path / "card.html"
    bad.write_text("<p>{{ act.requisites }}</p>\n<p>{{ card.point }}</p>\n<p>{{ card.owner }}</p>\n", encoding="utf-8")
    act = parsed(UKAZ_826["ru"])
    with pytest.raises(TemplateError, match=r"line 3 .*'card\.owner'"):
        render("card", act, lang="ru", fmt="html", item=act.items[0].number, template=bad)


def test_user_template_that_is_valid_renders(tmp_path):
    document = Document()
    document.add_paragraph("{{ act.requisites }}: {{ rows|length }}")
    good = tmp_path / "short.docx"
    document.save(good)
    act = parsed(UKAZ_826["ru"])
    text = paragraphs(docx(render("assignment", act, lang="ru", template=good)))
    assert text == [f"Указ Президента Республики Казахстан от 3 марта 2022 года № 826: {len(act.items)}"]


# --- Appendix 5: closing of control --------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_assignment_docx_from_a_real_decree(lang):
    act = parsed(UKAZ_826[lang])
    assert act.items
    document = docx(render("assignment", act, lang=lang))
    text = paragraphs(document)
    if lang == "ru":
        assert text[:4] == [
            "к Указу Президента Республики Казахстан от 3 марта 2022 года № 826",
            "ЗАКРЕПЛЕНИЕ КОНТРОЛЯ",
            "по реализации акта или поручения Президента Республики Казахстан «О проведении встреч акимов с населением»",
            "№ 826 от 3 марта 2022 года",
        ]
        assert text[-1].startswith("* конечный результат определяется только по поручениям и актам")
    else:
        assert text[:3] == [
            "Қазақстан Республикасы Президентінің 2022 жылғы 3 наурыздағы № 826 Жарлығына",
            "Қазақстан Республикасы Президентінің 2022 жылғы 3 наурыздағы",
            "№ 826 актісін немесе тапсырмасын іске асыру бойынша БАҚЫЛАУДЫ БЕКІТУ",
        ]
        assert text[-1].startswith("* түпкілікті нәтиже өздерінің мазмұны")
    rows = table_rows(document)
    assert rows[0] == rules_form_header(lang, 5)
    assert len(rows) == 1 + len(act.items)
    for row, item in zip(rows[1:], act.items):
        assert row[0] == ".".join(item.path) + "."
        assert row[1] == item.text
        if item.deadline.text:
            assert row[2].splitlines()[0] == item.deadline.text
        if item.deadline.due:
            assert item.deadline.due.strftime("%d.%m.%Y") in row[2]
        leads = [e for e in item.executors if e.role == "lead"]
        if leads:
            lead = leads[0]
            assert row[5].startswith(getattr(lead, f"name_{lang}") or lead.text)
        level = item.control.decisions.get("level") if item.control else None
        if level is not None and level.value:
            body = gazetteer().get(level.value)
            assert row[6] == (body.name(lang) if body else row[6]) != wording(lang).common.blank
        else:
            assert row[6] == wording(lang).common.blank


@pytest.mark.parametrize("lang", LANGS)
def test_assignment_marks_the_lead_when_there_are_several_executors(lang):
    act = parsed(SEVERAL[lang])
    mark = wording(lang).common.lead_mark
    rows = table_rows(docx(render("assignment", act, lang=lang)))[1:]
    marked_rows = 0
    for row, item in zip(rows, act.items):
        names = row[5].splitlines()
        assert len(names) == max(1, len(item.executors))
        if len(item.executors) > 1:
            assert names[0].endswith(mark) and item.executors[0].role == "lead"
            assert not any(name.endswith(mark) for name in names[1:])
            marked_rows += 1
        else:
            assert mark not in row[5]
    assert marked_rows


def test_assignment_is_landscape_a4():
    section = docx(render("assignment", parsed(UKAZ_826["ru"]), lang="ru")).sections[0]
    assert round(section.page_width.cm, 1) == 29.7 and round(section.page_height.cm, 1) == 21.0


@pytest.mark.parametrize("lang", LANGS)
def test_assignment_html_and_xlsx_carry_the_same_table(lang):
    act = parsed(UKAZ_826[lang])
    header = rules_form_header(lang, 5)

    page = render("assignment", act, lang=lang, fmt="html").decode("utf-8")
    assert "@page { size: A4 landscape" in page
    cells = html_cells(page)
    assert cells[0] == header
    assert [row[1] for row in cells[1:]] == [item.text for item in act.items]

    sheet = load_workbook(io.BytesIO(render("assignment", act, lang=lang, fmt="xlsx"))).active
    values = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    header_row = next(index for index, row in enumerate(values) if row[0] == header[0])
    assert values[header_row] == header
    assert [row[1] for row in values[header_row + 1: header_row + 1 + len(act.items)]] == [item.text for item in act.items]
    assert sheet.page_setup.orientation == "landscape"


def test_document_language_must_match_the_act():
    with pytest.raises(LanguageError, match="expected an act in 'kk'"):
        render("assignment", parsed(UKAZ_826["ru"]), lang="kk")


# --- escaping and size ---------------------------------------------------------------------


def test_markup_characters_of_decree_text_round_trip_in_docx_html_xlsx():
    act = act_with_texts(parsed(UKAZ_826["ru"]), [TRICKY, TRICKY + " 2"])
    data = render("assignment", act, lang="ru")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
    rows = table_rows(docx(data))
    assert [row[1] for row in rows[1:]] == [TRICKY, TRICKY + " 2"]
    page = render("assignment", act, lang="ru", fmt="html").decode("utf-8")
    assert TRICKY not in page and "A &amp; B &lt; C &gt; D" in page
    assert [row[1] for row in html_cells(page)[1:]] == [TRICKY, TRICKY + " 2"]
    sheet = load_workbook(io.BytesIO(render("assignment", act, lang="ru", fmt="xlsx"))).active
    assert TRICKY in [row[1] for row in sheet.iter_rows(values_only=True)]


def test_control_characters_of_a_pdf_copy_do_not_corrupt_the_docx():
    act = act_with_texts(parsed(UKAZ_826["kk"]), ["мәтін\x0bбөлігі\x07 соңы\x00"])
    rows = table_rows(docx(render("assignment", act, lang="kk")))
    assert rows[1][1] == "мәтінбөлігі соңы"


def test_a_500_item_act_renders_every_row():
    act = parsed(UKAZ_826["ru"])
    texts = [f"{act.items[n % len(act.items)].text} ({n})" for n in range(500)]
    document = docx(render("assignment", act_with_texts(act, texts), lang="ru"))
    rows = table_rows(document)
    assert len(rows) == 501
    assert rows[500][0] == "500." and rows[500][1] == texts[-1]


# --- control card and roadmap --------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_card_from_a_real_item(lang):
    act = parsed(UKAZ_826[lang])
    item = act.items[-1]
    number = ".".join(item.path)
    fields = wording(lang).card.fields
    document = docx(render("card", act, lang=lang, item=number))
    rows = {row[0]: row[1] for row in table_rows(document)}
    assert set(rows) == set(fields.values())
    assert rows[fields["text"]] == item.text
    assert rows[fields["act"]].splitlines()[0] == document_model("assignment", act, lang=lang).act.requisites
    decisions = item.control.decisions if item.control else {}
    for key in ("level", "monitoring", "reporting"):
        if key in decisions and decisions[key].value is not None:
            assert rows[fields[key]] != wording(lang).common.blank
            assert decisions[key].rule in rows[fields[key]]
        else:
            assert rows[fields[key]] == wording(lang).common.blank
    if item.deadline.due:
        assert item.deadline.due.strftime("%d.%m.%Y") in rows[fields["due"]]


def test_card_needs_an_item_when_the_act_has_several():
    act = parsed(UKAZ_826["ru"])
    assert len(act.items) > 1
    with pytest.raises(InputError, match="expected one of"):
        render("card", act, lang="ru")
    with pytest.raises(InputError, match="got '999'"):
        render("card", act, lang="ru", item="999")


@pytest.mark.parametrize("lang", LANGS)
def test_roadmap_skeleton_from_a_real_item(lang):
    act = parsed(SEVERAL[lang])
    item = max(act.items, key=lambda item: len(item.executors))
    assert len(item.executors) > 1
    document = docx(render("roadmap", act, lang=lang, item=".".join(item.path)))
    text = paragraphs(document)
    words = wording(lang).roadmap
    assert words.caption[0] in text  # the approval stamp
    assert any(words.title[-1] in line for line in text)
    target = "пункта" if lang == "ru" else "тармағын"
    assert any(target in line and document_model("assignment", act, lang=lang).act.genitive in line for line in text)
    rows = table_rows(document)
    assert rows[0] == list(words.columns.values())
    # one stage row per executor for a person to fill in, then the item itself as the last stage
    assert len(rows) == 1 + len(item.executors) + 1
    assert [row[4] for row in rows[1:-1]] == rows[-1][4].splitlines()
    assert rows[-1][1] == item.text


# --- Appendix 8: annual report -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_report_groups_real_items_by_sphere(lang):
    acts = [parsed(UKAZ_826[lang]), parsed(RESOLUTION[lang])]
    rows = table_rows(docx(render("report", acts, lang=lang)))
    assert rows[0] == rules_form_header(lang, 8)
    # a sphere row is one merged cell: python-docx repeats it across the row
    titles = [row[0] for row in rows[1:] if len(set(row)) == 1]
    assert len(titles) == len(set(titles))
    assert set(titles) <= {sphere_title(key, lang) for key in sphere_keys()}
    assert sphere_title("local", lang) in titles  # decree 826: akims of all levels
    assert sphere_title("foreign", lang) in titles  # resolution, point 4: notify the Secretariat of the Convention
    data_rows = [row for row in rows[1:] if len(set(row)) > 1]
    assert len(data_rows) == sum(len(act.items) for act in acts)
    assert {row[1].split(",")[0] for row in data_rows} == {
        document_model("assignment", act, lang=lang).act.requisites for act in acts
    }
    assert all(row[0].endswith(".") for row in data_rows)


def test_sphere_comes_from_the_lead_body_then_from_the_words():
    assert sphere_of(["Министерство здравоохранения Республики Казахстан"], "") == "health"
    assert sphere_of(["Қазақстан Республикасының Денсаулық сақтау министрлігі"], "") == "health"
    assert sphere_of(["Акимы областей"], "вакцинация") == "local"
    assert sphere_of([], "обеспечить строительство школ и подготовку учителей") == "education"
    assert sphere_of([], "мектептер салу және мұғалімдерді даярлау") == "education"
    assert sphere_of([], "принять меры") == "other"


@pytest.mark.parametrize("lang", LANGS)
def test_report_xlsx_reads_back_as_the_same_list(lang):
    act = parsed(RESOLUTION[lang])
    data = render("report", act, lang=lang, fmt="xlsx")
    back = read_entries(data, source="report.xlsx", suffix=".xlsx")
    model = document_model("report", act, lang=lang)
    assert [entry.content for entry in back.entries] == [row.content for group in model.groups for row in group.rows]
    titles = [group.title for group in model.groups for _ in group.rows]
    assert [sphere_title(entry.sphere, lang) for entry in back.entries] == titles


def test_report_from_a_json_list_with_kazakh_and_russian_headers():
    items = [
        {"Тапсырманың деректемелері": "Жарлық № 1, 2-т.", "Тапсырманың мазмұны": "Денсаулық сақтау министрлігі вакцинациялауды қамтамасыз етсін",
         "Орындалу мәртебесі": "орындалған", "Түпкілікті нәтиже": "халықтың 80%-ы вакцина алды"},
        {"Реквизиты поручения": "Указ № 1, п. 3", "Содержание поручения": "Построить школы & <детские сады>",
         "Статус": "на исполнении", "Промежуточный результат": "построено 10 из 20"},
        {"requisites": "Указ № 1, п. 4", "content": "Провести форум", "status": "перенесено", "sphere": "Өзге де салаларда"},
    ]
    data = json.dumps({"year": 2024, "reporter": "Правительство Республики Казахстан", "items": items}, ensure_ascii=False)
    listed = read_entries(data.encode(), source="list.json", suffix=".json")
    assert [entry.status for entry in listed.entries] == ["done", "in_progress", None]
    assert listed.entries[2].status_text == "перенесено"
    document = docx(render("report", listed, lang="ru"))
    text = paragraphs(document)
    assert "Правительство Республики Казахстан" in text and "по итогам 2024 года" in text
    rows = table_rows(document)
    assert rows[1][0] == "В сфере здравоохранения" and rows[2][3] == "исполнено" and rows[2][4] == "халықтың 80%-ы вакцина алды"
    assert rows[3][0] == "В сфере просвещения" and rows[4][2] == "Построить школы & <детские сады>" and rows[4][3] == "на исполнении"
    assert rows[5][0] == "В иных сферах" and rows[6][3] == "перенесено"


def test_report_list_without_content_columns_is_refused():
    with pytest.raises(InputError, match="expected the content or the requisites"):
        read_entries(b'[{"colour": "red"}]', source="list.json", suffix=".json")


def test_report_input_merges_acts_and_lists_with_overrides():
    listed = ReportInput(entries=(ReportEntry(content="Провести форум"),), year=2023)
    merged = report_input([parsed(UKAZ_826["ru"]), listed], "ru", reporter="Аппарат Правительства")
    assert merged.year == 2023 and merged.reporter == "Аппарат Правительства"
    assert len(merged.entries) == len(parsed(UKAZ_826["ru"]).items) + 1


# --- command line and PDF ------------------------------------------------------------------


@pytest.fixture
def cli():
    from tapsyrma.app import generate_cmd

    app = typer.Typer()
    generate_cmd.register(app)

    @app.command()
    def version() -> None:  # a second command keeps `generate` a subcommand
        """Print nothing."""

    return app


def test_cli_generates_from_an_act_file_and_from_parse_json(cli, tmp_path):
    out = tmp_path / "assignment.docx"
    result = CliRunner().invoke(cli, ["generate", "assignment", str(SAMPLES / UKAZ_826["kk"]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert table_rows(docx(out.read_bytes()))[0][0] == "р/с №"

    act_json = tmp_path / "act.json"
    act_json.write_text(parsed(UKAZ_826["ru"]).to_json(), encoding="utf-8")
    card = tmp_path / "card.html"
    item = ".".join(parsed(UKAZ_826["ru"]).items[0].path)
    result = CliRunner().invoke(cli, ["generate", "card", str(act_json), "--item", item, "-o", str(card)])
    assert result.exit_code == 0, result.output
    assert "КАРТОЧКА КОНТРОЛЯ (ПРОЕКТ)" in card.read_text(encoding="utf-8")


def test_cli_report_from_act_and_xlsx_list(cli, tmp_path):
    listed = tmp_path / "list.xlsx"
    write("report", parsed(RESOLUTION["ru"]), listed, lang="ru")
    out = tmp_path / "report.docx"
    result = CliRunner().invoke(cli, ["generate", "report", str(listed), str(SAMPLES / UKAZ_826["ru"]),
                                      "--year", "2024", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [row for row in table_rows(docx(out.read_bytes()))[1:] if len(set(row)) > 1]
    assert len(rows) == len(parsed(RESOLUTION["ru"]).items) + len(parsed(UKAZ_826["ru"]).items)
    assert "по итогам 2024 года" in paragraphs(docx(out.read_bytes()))


def test_cli_refuses_a_document_language_other_than_the_acts(cli, tmp_path):
    result = CliRunner().invoke(cli, ["generate", "assignment", str(SAMPLES / UKAZ_826["kk"]), "--lang", "ru",
                                      "-o", str(tmp_path / "out.docx")])
    assert isinstance(result.exception, LanguageError)
    assert not (tmp_path / "out.docx").exists()


def test_pdf_without_libreoffice_is_a_clear_error(monkeypatch):
    monkeypatch.setattr("tapsyrma.generator.to_pdf.soffice", lambda: None)
    with pytest.raises(TemplateError, match="LibreOffice"):
        render("assignment", parsed(UKAZ_826["ru"]), lang="ru", fmt="pdf")


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_through_libreoffice():
    import pdfplumber

    data = render("assignment", parsed(UKAZ_826["kk"]), lang="kk", fmt="pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        assert (round(page.width), round(page.height)) == (842, 595)  # landscape A4 in points
        text = " ".join(page.extract_text().split())
    assert "БАҚЫЛАУДЫ БЕКІТУ" in text and "Іс-шараның атауы" in text


def test_documentation_examples_run():
    import doctest

    docs = Path(__file__).resolve().parent.parent / "docs" / "documents.md"
    result = doctest.testfile(str(docs), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 8 and result.failed == 0


def test_generator_logic_holds_no_russian_or_kazakh_words():
    """Words of the documents are data (documents.toml, spheres.toml, the templates), never code."""
    package = Path(__file__).resolve().parent.parent / "generator"
    offenders = [path.name for path in package.glob("*.py") if re.search("[\u0400-\u04ff]", path.read_text(encoding="utf-8"))]
    assert offenders == []
