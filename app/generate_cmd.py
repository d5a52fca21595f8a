"""``tapsyrma generate``: control documents (DOCX, HTML, XLSX, PDF) from acts or instruction lists."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tapsyrma.generator import (
    ReportInput,
    format_of,
    read_entries,
    render,
    report_input,
)
from tapsyrma.generator.to_pdf import docx_to_pdf
from tapsyrma.parser.errors import InputError
from tapsyrma.parser.model import SCHEMA_ID, Act

from .options import OutputLanguage


class Document(str, Enum):
    assignment = "assignment"
    card = "card"
    report = "report"
    roadmap = "roadmap"


class Format(str, Enum):
    docx = "docx"
    html = "html"
    xlsx = "xlsx"
    pdf = "pdf"


_LIST_SUFFIXES = (".json", ".xlsx")


def load_input(name: str, *, lang: str | None) -> Act | ReportInput:
    """An act (a file of any type the parser reads, or ``tapsyrma parse --format json`` output),
    or a JSON/XLSX list of instructions for the report; ``-`` reads standard input."""
    from tapsyrma.parser import parse_document
    from tapsyrma.parser.readers import DEFAULT_MAX_BYTES, read_bytes

    if name == "-":
        data, suffix = sys.stdin.buffer.read(DEFAULT_MAX_BYTES + 1), ""
    else:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror}") from None
        suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_entries(data, source=name, suffix=suffix)
    if suffix == ".json" or (not suffix and data.lstrip()[:1] in (b"{", b"[")):
        try:
            parsed = json.loads(data)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: expected JSON, got an error at line {exc.lineno}: {exc.msg}") from None
        if isinstance(parsed, dict) and parsed.get("schema") == SCHEMA_ID:
            return Act.from_json(parsed)
        return read_entries(data, source=name, suffix=".json")
    return parse_document(read_bytes(data, name, max_bytes=DEFAULT_MAX_BYTES))


def generate(
    document: Annotated[Document, typer.Argument(help="assignment (Appendix 5), card, report (Appendix 8) or roadmap.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write; its extension picks the format.")],
    inputs: Annotated[list[str] | None, typer.Argument(
        metavar="INPUT",
        help="An act (.txt .md .html .docx .pdf, the JSON of `tapsyrma parse --format json`, or - for standard input); "
             "for report also several acts and JSON/XLSX lists of instructions.",
    )] = None,
    lang: Annotated[OutputLanguage | None, typer.Option("--lang", "-l", help="Language of the document; default: the act's.")] = None,
    item: Annotated[str | None, typer.Option(help="The item of a card or roadmap: 2, 2.1 (needed when the act has several).")] = None,
    fmt: Annotated[Format | None, typer.Option("--format", "-f", help="docx, html, xlsx or pdf; default: from the output's extension.")] = None,
    template: Annotated[Path | None, typer.Option(help="Your own .docx (or .html) template for this document.")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write a PDF next to a DOCX output (needs LibreOffice).")] = False,
    year: Annotated[int | None, typer.Option(help="report: the year reported on.")] = None,
    reporter: Annotated[str | None, typer.Option(help="report: the body that reports.")] = None,
    db: Annotated[str | None, typer.Option("--db", help="report: also every act of this registry in the report's language (SQLite path or URL).")] = None,
) -> None:
    """Generate a control document from an act (or, for the report, from acts and instruction lists).

    Examples:

      tapsyrma generate assignment decree.docx -o zakreplenie.docx

      tapsyrma generate card act.json --item 2.1 -o card.html

      tapsyrma generate report plan-2024.xlsx decree.txt --lang ru --year 2024 -o report.xlsx

      tapsyrma generate report --db registry.db --lang kk --year 2024 -o report.docx
    """
    chosen = fmt.value if fmt else format_of(output)
    if db and document is not Document.report:
        raise InputError(f"--db: only the report reads the registry, got {document.value}")
    if not inputs and not db:
        raise InputError(f"{document.value}: expected an INPUT file (or --db for the report), got none")
    sources = [load_input(name, lang=lang.value if lang else None) for name in inputs or ()]
    acts = [source for source in sources if isinstance(source, Act)]
    language = lang.value if lang else (acts[0].language if acts else None)
    if language is None:
        raise InputError("--lang: expected ru or kk for a list of instructions or a registry, got none")
    if db:
        from tapsyrma.registry import Registry

        sources += [act for act in Registry(db).iter_acts() if act.language == language]
    if document is Document.report:
        source: Act | ReportInput = report_input(sources, language, year=year, reporter=reporter)
    elif len(sources) != 1 or not acts:
        raise InputError(f"{document.value}: expected one act, got {len(acts)} acts and {len(sources) - len(acts)} lists")
    else:
        source = acts[0]
    data = render(document.value, source, lang=language, fmt=chosen, item=item, template=template)
    output.write_bytes(data)
    if pdf and chosen == "docx":
        output.with_suffix(".pdf").write_bytes(docx_to_pdf(data))


def register(app: typer.Typer) -> None:
    """Add ``generate`` to the root command."""
    app.command(name="generate")(generate)
