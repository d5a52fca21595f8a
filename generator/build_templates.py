"""Rebuild the bundled templates templates/<lang>/<document>.docx and .html from documents.toml.

    python -m tapsyrma.generator.build_templates            # all documents, both languages
    python -m tapsyrma.generator.build_templates --lang kk  # one language

The templates are committed and may be edited in Word (or a text editor for HTML): move things,
change fonts, reword a heading. Running this command overwrites such edits with the layout of
:mod:`.layout` and the words of documents.toml, so change those when a change should last.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from jinja2 import Environment

from tapsyrma.templates import TEMPLATES_DIR

from .layout import LAYOUTS, Layout
from .wording import LANGUAGES, Section, wording

_FONT = "Times New Roman"
_BODY_PT = 12
_TABLE_PT = 10
_A4 = (Cm(21.0), Cm(29.7))
_MARGINS = {"top": Cm(1.5), "bottom": Cm(1.5), "left": Cm(2.0), "right": Cm(1.5)}
# The caption block (what the document is attached to, the approval stamp) takes the right part of the page.
_CAPTION_SHARE = 0.6


def _set_font(style, size: int) -> None:
    style.font.name = _FONT
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), _FONT)


def _paragraph(container, text: str, *, align=WD_ALIGN_PARAGRAPH.LEFT, bold: bool = False,
               size: int | None = None, indent=None, space_before: int = 0):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(space_before)
    if indent is not None:
        paragraph.paragraph_format.left_indent = indent
    run = paragraph.add_run(text)
    run.bold = bold
    if size is not None:
        run.font.size = Pt(size)
    return paragraph


def _cell_text(cell, text: str, *, bold: bool = False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    """Replace the cell's empty paragraph by one run of text (docxtpl needs a tag in one run)."""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(_TABLE_PT)


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _fixed_layout(table) -> None:
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def _table(document, layout: Layout, section: Section) -> None:
    keys = [key for key, _ in layout.columns]
    if layout.table == "fields":
        widths = [Cm(width) for width in layout.field_widths]
        table = document.add_table(rows=len(keys), cols=2)
        for row, key in zip(table.rows, keys):
            _cell_text(row.cells[0], section.fields[key], bold=True)
            _cell_text(row.cells[1], f"{{{{ card.{key} }}}}")
    else:
        widths = [Cm(width) for _, width in layout.columns]
        body = ["{%tr for row in rows %}", None, "{%tr endfor %}"]
        if layout.table == "groups":
            body = ["{%tr for group in groups %}", "group", "{%tr for row in group.rows %}", None,
                    "{%tr endfor %}", "{%tr endfor %}"]
        table = document.add_table(rows=1 + len(body), cols=len(keys))
        header = table.rows[0]
        _repeat_as_header(header)
        for cell, key in zip(header.cells, keys):
            _cell_text(cell, section.columns[key], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        for row, content in zip(table.rows[1:], body):
            if content is None:
                for cell, key in zip(row.cells, keys):
                    _cell_text(cell, f"{{{{ row.{key} }}}}")
            elif content == "group":
                merged = row.cells[0].merge(row.cells[-1])
                _cell_text(merged, "{{ group.title }}", bold=True)
            else:
                _cell_text(row.cells[0], content)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _fixed_layout(table)
    for index, width in enumerate(widths):
        table.columns[index].width = width
        for row in table.rows:
            if index < len(row.cells):
                row.cells[index].width = width


def build_docx(layout: Layout, section: Section):
    document = Document()
    _set_font(document.styles["Normal"], _BODY_PT)
    page = document.sections[0]
    width, height = _A4
    if layout.landscape:
        page.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    page.page_width, page.page_height = width, height
    for side, margin in _MARGINS.items():
        setattr(page, f"{side}_margin", margin)
    usable = width - _MARGINS["left"] - _MARGINS["right"]

    for line in section.caption:
        _paragraph(document, line, align=WD_ALIGN_PARAGRAPH.CENTER, indent=int(usable * _CAPTION_SHARE))
    if section.caption:
        _paragraph(document, "")
    for line in section.title:
        _paragraph(document, line, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    for line in section.subtitle:
        _paragraph(document, line, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, "")
    for line in section.intro:
        _paragraph(document, line, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    if section.intro:
        _paragraph(document, "")
    _table(document, layout, section)
    for index, line in enumerate(section.footnote):
        _paragraph(document, line, align=WD_ALIGN_PARAGRAPH.JUSTIFY, size=_TABLE_PT, space_before=6 if index == 0 else 0)
    for index, line in enumerate(section.footer):
        _paragraph(document, line, space_before=18 if index == 0 else 6)
    return document


# The HTML skeleton is filled twice: here, with the words and the layout ([[ ]] and [% %]), and
# at render time, with the document model ({{ }} and {% %}, copied through untouched).
_BUILD = Environment(
    block_start_string="[%", block_end_string="%]",
    variable_start_string="[[", variable_end_string="]]",
    comment_start_string="[#", comment_end_string="#]",
    autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
)

_HTML = _BUILD.from_string("""<!DOCTYPE html>
<html lang="[[ lang ]]">
<head>
<meta charset="utf-8">
<title>[% for line in section.title %][[ line ]] [% endfor %]</title>
<style>
@page { size: A4 [[ "landscape" if layout.landscape else "portrait" ]]; margin: 15mm 15mm 15mm 20mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 12pt; margin: 0 auto; max-width: [[ "267mm" if layout.landscape else "175mm" ]]; }
p { margin: 0; }
.caption { margin-left: 60%; text-align: center; }
.title { text-align: center; font-weight: bold; }
.subtitle { text-align: center; }
.intro { text-align: justify; }
.block { margin-bottom: 12pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 10pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; white-space: pre-line; overflow-wrap: anywhere; }
thead th { text-align: center; vertical-align: middle; }
thead { display: table-header-group; }
tr.group td, th[scope=row] { font-weight: bold; text-align: left; }
.footnote { font-size: 10pt; text-align: justify; margin-top: 6pt; }
.footer { margin-top: 18pt; }
@media print { body { max-width: none; } }
</style>
</head>
<body>
[% if section.caption %]
<div class="block">
[% for line in section.caption %]
<p class="caption">[[ line ]]</p>
[% endfor %]
</div>
[% endif %]
<div class="block">
[% for line in section.title %]
<p class="title">[[ line ]]</p>
[% endfor %]
[% for line in section.subtitle %]
<p class="subtitle">[[ line ]]</p>
[% endfor %]
</div>
[% if section.intro %]
<div class="block">
[% for line in section.intro %]
<p class="intro">[[ line ]]</p>
[% endfor %]
</div>
[% endif %]
<table>
[% if layout.table == "fields" %]
<colgroup><col style="width: [[ share[0] ]]%"><col style="width: [[ share[1] ]]%"></colgroup>
<tbody>
[% for key, _ in layout.columns %]
<tr><th scope="row">[[ section.fields[key] ]]</th><td>{{ card.[[ key ]] }}</td></tr>
[% endfor %]
</tbody>
[% else %]
<colgroup>[% for share_of_column in share %]<col style="width: [[ share_of_column ]]%">[% endfor %]</colgroup>
<thead><tr>[% for key, _ in layout.columns %]<th>[[ section.columns[key] ]]</th>[% endfor %]</tr></thead>
<tbody>
[% if layout.table == "groups" %]
{% for group in groups %}
<tr class="group"><td colspan="[[ layout.columns|length ]]">{{ group.title }}</td></tr>
{% for row in group.rows %}
<tr>[% for key, _ in layout.columns %]<td>{{ row.[[ key ]] }}</td>[% endfor %]</tr>
{% endfor %}
{% endfor %}
[% else %]
{% for row in rows %}
<tr>[% for key, _ in layout.columns %]<td>{{ row.[[ key ]] }}</td>[% endfor %]</tr>
{% endfor %}
[% endif %]
</tbody>
[% endif %]
</table>
[% for line in section.footnote %]
<p class="footnote">[[ line ]]</p>
[% endfor %]
[% for line in section.footer %]
<p class="footer">[[ line ]]</p>
[% endfor %]
</body>
</html>
""")


def build_html(layout: Layout, section: Section, lang: str) -> str:
    widths = layout.field_widths if layout.table == "fields" else tuple(width for _, width in layout.columns)
    share = [round(100 * width / sum(widths), 1) for width in widths]
    return _HTML.render(layout=layout, section=section, lang=lang, share=share)


def build(languages: tuple[str, ...] = LANGUAGES, folder: Path = TEMPLATES_DIR) -> list[Path]:
    """Write every template of ``languages`` under ``folder``; return the paths written."""
    written = []
    for lang in languages:
        words = wording(lang)
        (folder / lang).mkdir(parents=True, exist_ok=True)
        for document, layout in LAYOUTS.items():
            section = words.section(document)
            docx_path = folder / lang / f"{document}.docx"
            build_docx(layout, section).save(docx_path)
            html_path = folder / lang / f"{document}.html"
            html_path.write_text(build_html(layout, section, lang), encoding="utf-8")
            written += [docx_path, html_path]
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tapsyrma.generator.build_templates", description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, action="append", help="only this language (repeatable)")
    parser.add_argument("--out", type=Path, default=TEMPLATES_DIR, help="folder to write <lang>/<document>.* into")
    arguments = parser.parse_args(argv)
    for path in build(tuple(arguments.lang or LANGUAGES), arguments.out):
        print(path)


if __name__ == "__main__":
    main()
