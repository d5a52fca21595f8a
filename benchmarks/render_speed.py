"""Render speed: Appendix 5 (closing of control) for a 500-item act through the template
(docxtpl: contract check, autoescape, template loops), next to python-docx alone building the
same table from the same rows in the same run, plus HTML and XLSX of the same act.

    python benchmarks/render_speed.py [--items 500] [--repeat 5] [--lang ru]

The items are those of a real parsed decree (corpora/samples), repeated to the count asked.
The figure is the median of the repeats and the template/python-docx ratio.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from functools import partial

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm
from jinja2 import Template

from tapsyrma.corpora import data_path
from tapsyrma.generator import document_model, render
from tapsyrma.generator.layout import LAYOUTS
from tapsyrma.generator.wording import wording
from tapsyrma.parser import parse_file

SAMPLE = {"ru": "kz-ru-ukaz-20220303-826.txt", "kk": "kz-kk-ukaz-20220303-826.txt"}


def big_act(lang: str, count: int):
    act = parse_file(data_path("samples", SAMPLE[lang]))
    items = tuple(
        act.items[n % len(act.items)].model_copy(update={"number": str(n + 1), "path": (str(n + 1),)})
        for n in range(count)
    )
    return act.model_copy(update={"items": items})


def python_docx_only(model, lang: str) -> bytes:
    """The same page, caption, title and table written cell by cell with python-docx."""
    section = wording(lang).assignment
    layout = LAYOUTS["assignment"]
    document = Document()
    page = document.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    document.add_paragraph(model.act.attached_to)
    for line in (*section.title, *section.subtitle):
        document.add_paragraph(Template(line).render(act=model.act))
    keys = [key for key, _ in layout.columns]
    table = document.add_table(rows=1 + len(model.rows), cols=len(keys))
    table.style = document.styles["Table Grid"]
    for cell, key in zip(table.rows[0].cells, keys):
        cell.text = section.columns[key]
    for row, values in zip(table.rows[1:], model.rows):
        for cell, key in zip(row.cells, keys):
            cell.text = getattr(values, key)
    for line in section.footnote:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def timed(function, repeat: int) -> float:
    function()  # warm: template parsing and contract check are cached after the first call
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--items", type=int, default=500)
    options.add_argument("--repeat", type=int, default=5)
    options.add_argument("--lang", choices=("ru", "kk"), action="append")
    args = options.parse_args()
    print(f"{'lang':4} {'items':>5} {'docxtpl s':>10} {'python-docx s':>14} {'ratio':>6} {'html s':>7} {'xlsx s':>7}")
    for lang in args.lang or ("ru", "kk"):
        act = big_act(lang, args.items)
        model = document_model("assignment", act, lang=lang)
        template = timed(partial(render, "assignment", act, lang=lang), args.repeat)
        plain = timed(partial(python_docx_only, model, lang), args.repeat)
        page = timed(partial(render, "assignment", act, lang=lang, fmt="html"), args.repeat)
        sheet = timed(partial(render, "assignment", act, lang=lang, fmt="xlsx"), args.repeat)
        print(f"{lang:4} {args.items:>5} {template:>10.3f} {plain:>14.3f} {template / plain:>6.2f} {page:>7.3f} {sheet:>7.3f}")


if __name__ == "__main__":
    main()
