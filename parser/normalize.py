"""Normalisation: the text a reader gives → the normalised text every span indexes into.

Acts arrive as Markdown from the official database (headings, ``>`` quotes, ``**bold**``, backslash
escapes, ``<a id>`` anchors, inline HTML tables), as hard-wrapped plain text with centred titles, or
from DOCX/PDF/HTML readers as lines with TAB-separated table rows. Normalisation turns every one of
them into *blocks*: one paragraph or one table row each, markup removed, wrapped lines joined,
whitespace folded. The normalised text is the blocks, one per line, a blank line between paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from . import langdata

BlockKind = Literal["para", "heading", "quote", "row"]

# Provenance lines of the sample corpus format ("# source: ...", "# note: ..."): not act text.
_PROVENANCE = re.compile(r"#\s*(source|note)\s*:", re.IGNORECASE)
_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
_MD_HEADING = re.compile(r"#{1,6}\s+")
_MD_QUOTE = re.compile(r"(>\s?)+")
_MD_BULLET = re.compile(r"[-+•]\s+(?=\S)")
_MD_PIPE_ROW = re.compile(r"\|.*\|\s*$")
_MD_PIPE_SEPARATOR = re.compile(r"\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_EMPHASIS = re.compile(r"\*+|(?<![\w\uE000-\uF8FF])__+|__+(?![\w\uE000-\uF8FF])")
_SPACES = re.compile(r"[ \u00a0\u2007\u202f]+")
# "Р А С П О Р Я Ж Е Н И Е": a word typed with a space between its capital letters.
_LETTER_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
# A line that begins a structural unit ("1.", "30-1.", "2)", "а)") must not be joined to the line above.
_UNIT_START = re.compile(r"(\d+(-\d+)*[.)]|[^\W\d_]\))(\s|$)")
# Fewer lines than this without a blank one are one paragraph hard-wrapped, not one per line.
_MIN_LINES_PER_PARAGRAPH = 3
# Private-use code points stand in for escaped Markdown characters while emphasis is stripped.
_ESCAPE_BASE = 0xE000


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    start: int
    end: int
    cells: tuple[str, ...] | None = None
    bold: bool = False


@dataclass(frozen=True, slots=True)
class NormalizedText:
    text: str
    blocks: tuple[Block, ...]
    provenance: tuple[str, ...] = ()


@dataclass(slots=True)
class _Line:
    kind: BlockKind
    text: str
    indent: int
    bold: bool
    cells: tuple[str, ...] | None = None


def _unescape_markdown(line: str) -> tuple[str, bool]:
    """Strip Markdown emphasis but keep escaped characters literally; say whether it was bold."""
    protected = _MD_ESCAPE.sub(lambda m: chr(_ESCAPE_BASE + ord(m.group(1))), line) if "\\" in line else line
    bold = protected.startswith("**") or protected.startswith("__")
    stripped = _MD_EMPHASIS.sub("", protected)
    if protected is not line:
        stripped = "".join(chr(ord(ch) - _ESCAPE_BASE) if _ESCAPE_BASE <= ord(ch) < _ESCAPE_BASE + 128 else ch for ch in stripped)
    return stripped, bold


def _fold_spaces(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    if " " in text:
        text = _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
    return text


def _split_provenance(lines: list[str]) -> tuple[list[str], tuple[str, ...]]:
    provenance = []
    index = 0
    while index < len(lines) and (not lines[index].strip() or _PROVENANCE.match(lines[index].lstrip())):
        if lines[index].strip():
            provenance.append(lines[index].strip())
        index += 1
    return lines[index:], tuple(provenance)


def _classify(raw: str) -> _Line | None:
    """One raw line → a typed line, or None for a blank (or markup-only) line."""
    expanded = raw.expandtabs(4) if "\t" not in raw.strip(" ") else raw
    indent = len(expanded) - len(expanded.lstrip(" "))
    line = raw.strip(" \u00a0")
    if not line.strip():
        return None
    core = line.lstrip("\t")
    if "\t" in core:
        cells = tuple(_fold_spaces(_unescape_markdown(cell)[0]) for cell in core.split("\t"))
        if not any(cells):
            return None
        return _Line("row", "\t".join(cells), indent, False, cells)
    kind: BlockKind = "para"
    quote = _MD_QUOTE.match(line)
    if quote:
        kind = "quote"
        line = line[quote.end():]
    heading = _MD_HEADING.match(line)
    if heading:
        kind = "heading"
        line = line[heading.end():]
    if _MD_PIPE_ROW.match(line):
        if _MD_PIPE_SEPARATOR.match(line):
            return None
        cells = tuple(_fold_spaces(_unescape_markdown(cell)[0]) for cell in line.strip().strip("|").split("|"))
        return _Line("row", "\t".join(cells), indent, False, cells)
    bullet = _MD_BULLET.match(line)
    if bullet and not line.startswith("--"):
        line = line[bullet.end():]
    text, bold = _unescape_markdown(line)
    text = _fold_spaces(text)
    if not text or set(text) <= set("*_-=~ "):
        return None
    return _Line(kind, text, indent, bold)


def _starts_new_block(previous: _Line, line: _Line, line_per_paragraph: bool) -> bool:
    if previous.kind != line.kind or line.kind in ("row", "heading"):
        return True
    if _UNIT_START.match(line.text):
        return True
    # Hard-wrapped plain text: a paragraph's first line is indented, its continuation lines are not.
    if line.indent >= previous.indent + 2 and previous.indent <= 2:
        return True
    # Text with no blank line anywhere (pasted from a page) breaks lines between paragraphs: a line
    # goes on the one above only where a sentence plainly goes on (a small letter, a hyphenated word).
    if line_per_paragraph:
        return not (line.text[:1].islower() or previous.text.endswith(("-", ",")))
    return False


def normalize(raw: str, lang: str | None = None) -> NormalizedText:
    """Normalise a reader's text; ``lang`` enables that language's character repairs."""
    lines, provenance = _split_provenance(raw.split("\n"))
    body = "\n".join(lines)
    if "<" in body:
        from .readers import html_to_text  # the readers' HTML conversion, for tables inside Markdown

        body = _HTML_TABLE.sub(lambda m: "\n\n" + html_to_text(m.group(0)) + "\n\n", body)
        body = _HTML_TAG.sub("", body)
    repairs = _character_repairs(lang) if lang else None

    merged: list[_Line] = []
    previous: _Line | None = None
    raw_lines = body.split("\n")
    filled = [i for i, raw_line in enumerate(raw_lines) if raw_line.strip()]
    line_per_paragraph = len(filled) > _MIN_LINES_PER_PARAGRAPH and filled[-1] - filled[0] + 1 == len(filled)
    for raw_line in raw_lines:
        line = _classify(raw_line)
        if line is None:
            previous = None
            continue
        if previous is not None and not _starts_new_block(previous, line, line_per_paragraph):
            joiner = "" if previous.text.endswith("-") and previous.text[-2:-1].isalpha() and line.text[:1].islower() else " "
            previous.text = previous.text + joiner + line.text
            previous.bold = previous.bold and line.bold
        else:
            merged.append(line)
            previous = line

    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    last_kind: BlockKind | None = None
    for line in merged:
        text = _repair(line.text, repairs) if repairs else line.text
        cells = tuple(text.split("\t")) if line.kind == "row" else None
        separator = "" if not parts else ("\n" if line.kind == "row" and last_kind == "row" else "\n\n")
        offset += len(separator)
        parts.append(separator + text)
        blocks.append(Block(line.kind, text, offset, offset + len(text), cells, line.bold))
        offset += len(text)
        last_kind = line.kind
    return NormalizedText("".join(parts), tuple(blocks), provenance)


def _character_repairs(lang: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """Old texts carry Latin look-alikes inside Cyrillic words ("жиіледi" with a Latin i) and
    damaged letters; the per-language data says which characters to restore."""
    repairs = langdata.load(lang, "language")["character_repairs"]
    table = dict(zip(repairs["latin"], repairs["cyrillic"], strict=True))
    letters = "".join(re.escape(ch) for ch in table)
    pattern = re.compile(rf"(?<=[\u0400-\u04FF])[{letters}]|[{letters}](?=[\u0400-\u04FF])")
    return pattern, table


def _repair(text: str, repairs: tuple[re.Pattern[str], dict[str, str]]) -> str:
    pattern, table = repairs
    return pattern.sub(lambda m: table[m.group(0)], text)
