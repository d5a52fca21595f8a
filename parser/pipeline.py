"""The parse pipeline: reader → language → normalisation → structure → items → control rules."""

from __future__ import annotations

import datetime as dt
import os

from .executors import find_aliases, find_executors
from .items import build_items
from .language import resolve_language
from .model import Act, Body, ControlClause
from .normalize import normalize
from .readers import DEFAULT_MAX_BYTES, Document, read_path
from .rules import decide_control
from .structure import grammar, parse_structure


def parse_text(text: str, *, lang: str = "auto", source: str = "-", received: dt.date | None = None) -> Act:
    """Parse the text of one act.

    ``lang`` is "auto", "ru" or "kk". ``received`` is the date the act reached the executing
    body: relative terms count from it (п.50 of the Rules); by default from the act's own date.
    """
    language = resolve_language(text, lang)
    normalized = normalize(text, language)
    parsed = parse_structure(normalized, language, source=source)
    basis = received or parsed.header.date
    items, item_warnings = build_items(parsed, normalized.text, language, basis=basis, on=parsed.header.date)
    act = Act(
        language=language,
        source=source,
        act=parsed.header,
        structure=parsed.structure,
        items=items,
        control=parsed.control,
        amendments=parsed.amendments,
        effective=parsed.effective,
        warnings=parsed.warnings + item_warnings,
        text=normalized.text,
    )
    decided = tuple(item.model_copy(update={"control": decide_control(item, act, received=received)}) for item in act.items)
    control = _with_body(parsed.control, normalized.text, language, parsed.header.date)
    return act.model_copy(update={"items": decided, "control": control})


def _with_body(control: ControlClause | None, text: str, lang: str, on: dt.date | None) -> ControlClause | None:
    """The body the control clause puts the act on the control of: the first body it names."""
    if control is None:
        return None
    start, end = control.span
    opening = grammar(lang).control_body.search(text, start, end)  # after «... возложить на», «... бақылау»
    if opening is not None:
        start = opening.end()
    bodies, _ = find_executors(text[start:end], lang, offset=start, on=on, mode="list", aliases=find_aliases(text, lang, on=on))
    if not bodies:
        return control
    body = bodies[0]
    return control.model_copy(update={"body": Body(id=body.id, name_ru=body.name_ru, name_kk=body.name_kk)})


def parse_document(document: Document, *, lang: str = "auto", received: dt.date | None = None) -> Act:
    """Parse what a reader returned."""
    return parse_text(document.text, lang=lang, source=document.source, received=received)


def parse_file(path: str | os.PathLike, *, lang: str = "auto", received: dt.date | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Act:
    """Read and parse one file (.txt .md .html .docx .pdf)."""
    return parse_document(read_path(path, max_bytes=max_bytes), lang=lang, received=received)
