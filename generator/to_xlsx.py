"""XLSX output: the document's table as a worksheet, laid out for printing on A4.

There is no template: the words come from documents.toml and the layout from :mod:`.layout`;
the lines above and below the table are filled the way a template would fill them.
"""

from __future__ import annotations

import io
from functools import lru_cache

from jinja2 import Environment, StrictUndefined, Template
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from .context import DocumentModel, template_variables
from .contract import check
from .layout import Layout
from .wording import Section

# Lines are plain cell text here, so nothing is escaped.
_ENVIRONMENT = Environment(undefined=StrictUndefined)
# An Excel column width unit is about the width of one digit: ~0.19 cm in the default font.
_CM_PER_WIDTH_UNIT = 0.19
_SIDE = Side(style="thin")
_BORDER = Border(left=_SIDE, right=_SIDE, top=_SIDE, bottom=_SIDE)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
_RIGHT = Alignment(wrap_text=True, horizontal="right")
_BOLD = Font(bold=True)


@lru_cache(maxsize=256)
def _line(text: str, model: type, name: str) -> Template:
    check(text, model, name=name, environment=_ENVIRONMENT)
    return _ENVIRONMENT.from_string(text)


class _Sheet:
    """Writes rows top to bottom; lines outside the table span all its columns."""

    def __init__(self, sheet, widths: tuple[float, ...]) -> None:
        self.sheet = sheet
        self.span = len(widths)
        self.row = 0
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width / _CM_PER_WIDTH_UNIT

    def line(self, text: str, *, alignment: Alignment = _WRAP, font: Font | None = None) -> None:
        self.row += 1
        cell = self.sheet.cell(row=self.row, column=1, value=text)
        cell.alignment = alignment
        if font is not None:
            cell.font = font
        if self.span > 1:
            self.sheet.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=self.span)

    def cells(self, values: list[str], *, alignment: Alignment = _WRAP, font: Font | None = None,
              merged: bool = False) -> None:
        self.row += 1
        for column, value in enumerate(values, start=1):
            cell = self.sheet.cell(row=self.row, column=column, value=value)
            cell.border = _BORDER
            cell.alignment = alignment
            if font is not None:
                cell.font = font
        if merged:
            self.sheet.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=self.span)


def render_xlsx(layout: Layout, section: Section, model: DocumentModel, *, lang: str) -> bytes:
    variables = template_variables(model)
    name = f"corpora/lang/{lang}/documents.toml [{layout.document}]"

    def fill(text: str) -> str:
        return _line(text, type(model), name).render(variables)

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = layout.document
    keys = [key for key, _ in layout.columns]
    widths = layout.field_widths if layout.table == "fields" else tuple(width for _, width in layout.columns)
    sheet = _Sheet(worksheet, widths)

    for text in section.caption:
        sheet.line(fill(text), alignment=_RIGHT)
    for text in section.title:
        sheet.line(fill(text), alignment=_CENTRE, font=_BOLD)
    for text in section.subtitle:
        sheet.line(fill(text), alignment=_CENTRE)
    for text in section.intro:
        sheet.line(fill(text))

    if layout.table == "fields":
        card = variables["card"]
        for key in keys:
            sheet.cells([section.fields[key], getattr(card, key)])
    else:
        sheet.cells([section.columns[key] for key in keys], alignment=_CENTRE, font=_BOLD)
        worksheet.print_title_rows = f"{sheet.row}:{sheet.row}"
        worksheet.freeze_panes = worksheet.cell(row=sheet.row + 1, column=1)
        if layout.table == "rows":
            for item in variables["rows"]:
                sheet.cells([getattr(item, key) for key in keys])
        else:
            for group in variables["groups"]:
                sheet.cells([group.title] + [""] * (sheet.span - 1), font=_BOLD, merged=True)
                for item in group.rows:
                    sheet.cells([getattr(item, key) for key in keys])

    for text in (*section.footnote, *section.footer):
        sheet.line(fill(text))

    worksheet.page_setup.paperSize = worksheet.PAPERSIZE_A4
    worksheet.page_setup.orientation = "landscape" if layout.landscape else "portrait"
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
