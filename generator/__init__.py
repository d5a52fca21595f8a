"""tapsyrma.generator: control documents from parsed acts, in Russian and Kazakh.

Documents (the Rules of decree No. 976 as amended by decree No. 403 of 4 December 2023):

- ``assignment``: Appendix 5, the closing of control of an act, one row per item;
- ``card``: a control card draft for one item, with the control decisions and their basis;
- ``report``: Appendix 8, the annual consolidated report, rows grouped by sphere;
- ``roadmap``: a skeleton of the plan of organisational measures (points 56, 59) for one item.

Formats: ``docx`` (the Word templates of templates/<lang>/, or ``template=`` a user's own),
``html`` (printable), ``xlsx``, ``pdf`` (the DOCX converted by LibreOffice when installed).

>>> from tapsyrma.generator import render                         # doctest: +SKIP
>>> data = render("assignment", act, lang="ru")                   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal, get_args

from tapsyrma.parser.errors import InputError, TemplateError
from tapsyrma.parser.model import Act, Language
from tapsyrma.templates import TEMPLATES_DIR

from . import context
from .context import report_input
from .entries import ReportEntry, ReportInput, read_entries, read_entries_file
from .layout import LAYOUTS, DocumentKind
from .to_pdf import soffice
from .wording import LANGUAGES, wording

OutputFormat = Literal["docx", "html", "xlsx", "pdf"]
DOCUMENTS: tuple[str, ...] = get_args(DocumentKind)
FORMATS: tuple[str, ...] = get_args(OutputFormat)

Source = Act | ReportInput | Sequence[Act | ReportInput] | Sequence[ReportEntry]

__all__ = [
    "DOCUMENTS",
    "FORMATS",
    "DocumentKind",
    "OutputFormat",
    "ReportEntry",
    "ReportInput",
    "default_template",
    "document_model",
    "format_of",
    "read_entries",
    "read_entries_file",
    "render",
    "report_input",
    "soffice",
    "write",
]


def _one_act(document: str, source: Source) -> Act:
    if isinstance(source, Act):
        return source
    if isinstance(source, Sequence) and len(source) == 1 and isinstance(source[0], Act):
        return source[0]
    raise InputError(f"{document}: expected one act, got {type(source).__name__}")


def _report_input(source: Source, lang: str) -> ReportInput:
    if isinstance(source, ReportInput):
        return source
    if isinstance(source, Act):
        return context.report_input([source], lang)
    elements = list(source)
    if all(isinstance(element, ReportEntry) for element in elements):
        return ReportInput(entries=tuple(elements))
    if all(isinstance(element, (Act, ReportInput)) for element in elements):
        return context.report_input(elements, lang)
    raise InputError("report: expected acts, report lists (ReportInput) or report entries, got a mixed list")


def document_model(document: DocumentKind, source: Source, *, lang: Language, item: str | None = None) -> context.DocumentModel:
    """The document model a template is filled with (``Assignment``, ``Card``, ``Report``, ``Roadmap``)."""
    if lang not in LANGUAGES:
        raise InputError(f"document language: expected one of {', '.join(LANGUAGES)}, got {lang!r}")
    if document == "assignment":
        return context.assignment(_one_act(document, source), lang)
    if document == "card":
        return context.card(_one_act(document, source), item, lang)
    if document == "roadmap":
        return context.roadmap(_one_act(document, source), item, lang)
    if document == "report":
        return context.report(_report_input(source, lang), lang)
    raise InputError(f"document: expected one of {', '.join(DOCUMENTS)}, got {document!r}")


def default_template(document: DocumentKind, lang: Language, suffix: str) -> Path:
    """The bundled template of ``document`` in ``lang`` (``suffix`` ".docx" or ".html")."""
    return TEMPLATES_DIR / lang / f"{document}{suffix}"


def _template(document: str, lang: str, fmt: str, template: str | Path | None) -> Path:
    suffix = ".html" if fmt == "html" else ".docx"
    if template is None:
        return default_template(document, lang, suffix)  # type: ignore[arg-type]
    path = Path(template)
    if path.suffix.lower() != suffix:
        raise TemplateError(f"template {path}: expected a {suffix} file for {fmt} output, got {path.suffix or 'no extension'}")
    if not path.is_file():
        raise TemplateError(f"template {path}: expected a file, got nothing there")
    return path


def render(
    document: DocumentKind,
    source: Source,
    *,
    lang: Language,
    fmt: OutputFormat = "docx",
    item: str | None = None,
    template: str | Path | None = None,
) -> bytes:
    """Render ``document`` from ``source`` and return the file's bytes.

    ``source``: an :class:`~tapsyrma.parser.model.Act` (all documents), or for ``report`` also
    several acts, a :class:`ReportInput` (:func:`read_entries_file`) or report entries.
    ``item``: the item of a ``card`` or ``roadmap`` ("2", "2.1"); needed when the act has several.
    ``template``: a user's .docx (docx/pdf) or .html (html) template; every variable it uses must
    be in the document model, else :class:`TemplateError` names the variable and the line.
    XLSX has no template. Errors are :class:`~tapsyrma.parser.errors.TapsyrmaError` subclasses.
    """
    if fmt not in FORMATS:
        raise InputError(f"format: expected one of {', '.join(FORMATS)}, got {fmt!r}")
    if document not in LAYOUTS:
        raise InputError(f"document: expected one of {', '.join(DOCUMENTS)}, got {document!r}")
    if fmt == "xlsx" and template is not None:
        raise TemplateError("template: XLSX output takes no template; use docx or html with --template")
    model = document_model(document, source, lang=lang, item=item)
    if fmt == "xlsx":
        from .to_xlsx import render_xlsx

        return render_xlsx(LAYOUTS[document], wording(lang).section(document), model, lang=lang)
    path = _template(document, lang, fmt, template)
    if fmt == "html":
        from .to_html import render_html

        return render_html(path, model)
    from .to_docx import render_docx

    docx = render_docx(path, model)
    if fmt == "pdf":
        from .to_pdf import docx_to_pdf

        return docx_to_pdf(docx)
    return docx


def write(
    document: DocumentKind,
    source: Source,
    path: str | Path,
    *,
    lang: Language,
    fmt: OutputFormat | None = None,
    item: str | None = None,
    template: str | Path | None = None,
) -> Path:
    """Render and write to ``path``; the format defaults to the path's extension."""
    path = Path(path)
    if fmt is None:
        fmt = format_of(path)
    path.write_bytes(render(document, source, lang=lang, fmt=fmt, item=item, template=template))
    return path


def format_of(path: Path) -> OutputFormat:
    """The output format a file name asks for (.docx, .html/.htm, .xlsx, .pdf)."""
    suffix = path.suffix.lower().lstrip(".")
    suffix = "html" if suffix == "htm" else suffix
    if suffix not in FORMATS:
        raise InputError(f"output {path}: expected a .docx, .html, .xlsx or .pdf name (or --format), got {path.suffix or 'no extension'}")
    return suffix  # type: ignore[return-value]
