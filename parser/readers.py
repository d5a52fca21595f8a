"""Document readers: a file, an upload or stdin in, plain text out.

Every reader returns a :class:`Document` whose text follows one convention the structure parser
relies on: paragraphs are lines ("\\n" line ends); a table is one line per row with cells
separated by a TAB (newlines inside a cell become spaces) and a blank line before and after it;
Word's automatic numbering and HTML ordered lists come out as visible numbers ("1. ", "2) ").
Plain text and Markdown are returned as decoded (line ends unified, BOM removed).

Bad input raises one :class:`~tapsyrma.parser.errors.InputError` naming the file, never a
traceback from a library underneath.
"""

from __future__ import annotations

import codecs
import io
import itertools
import os
import re
import stat
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import PurePath
from typing import BinaryIO

import charset_normalizer

from .errors import InputError, InputTooLargeError, ScannedPdfError, UnsupportedFormatError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Document",
    "decode_text",
    "html_to_text",
    "read_bytes",
    "read_path",
    "read_stream",
]


@dataclass(frozen=True)
class Document:
    """The text of one input document and where it came from."""

    text: str
    source: str
    format: str
    encoding: str | None


DEFAULT_MAX_BYTES: int = 20 * 1024 * 1024

_FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_FORMAT_BY_SUFFIX)

_STDIN_NAME = "-"


# --------------------------------------------------------------------------------------------
# Entry points


def read_path(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read the file at ``path``; its suffix picks the reader (no suffix: sniffed from content)."""
    source = os.fsdecode(path)
    try:
        info = os.stat(source)
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
    except OSError as error:
        raise InputError(f"{source}: cannot be read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{source}: is a directory, expected a file")
    fmt = _format_from_name(source)
    _check_size(source, info.st_size, max_bytes)
    try:
        with open(source, "rb") as handle:
            data = _read_limited(handle, source, max_bytes)
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
    except OSError as error:
        raise InputError(f"{source}: cannot be read ({error.strerror or error})") from None
    return _read(data, source, fmt, max_bytes)


def read_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read an in-memory document (a web upload, an archive member); ``name``'s suffix picks
    the reader, a name without suffix (or "-") is sniffed from the content."""
    fmt = _format_from_name(name)
    _check_size(name, len(data), max_bytes)
    return _read(bytes(data), name, fmt, max_bytes)


def read_stream(
    stream: BinaryIO, name: str = _STDIN_NAME, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read a binary stream such as ``sys.stdin.buffer``: at most ``max_bytes + 1`` bytes are
    read; without a suffix in ``name`` the format is sniffed (PDF, DOCX, HTML, else plain text)."""
    fmt = _format_from_name(name)
    data = _read_limited(stream, name, max_bytes)
    return _read(data, name, fmt, max_bytes)


def _format_from_name(name: str) -> str | None:
    """The reader a name's suffix asks for; None when the name has no suffix (sniff instead)."""
    if name == _STDIN_NAME:
        return None
    suffix = PurePath(name).suffix.lower()
    if not suffix:
        return None
    try:
        return _FORMAT_BY_SUFFIX[suffix]
    except KeyError:
        raise UnsupportedFormatError(
            f"{name}: unsupported file type '{suffix}'; supported: {', '.join(SUPPORTED_SUFFIXES)}"
        ) from None


def _check_size(source: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputTooLargeError(
            f"{source}: {size} bytes, over the size limit of {max_bytes} bytes"
        )


def _read_limited(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    """Read up to ``max_bytes + 1`` bytes; a raw stream may return short reads, so loop."""
    chunks: list[bytes] = []
    remaining = max_bytes + 1
    while remaining > 0:
        chunk = stream.read(min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"{source}: more than {max_bytes} bytes, over the size limit of {max_bytes} bytes"
        )
    return data


def _read(data: bytes, source: str, fmt: str | None, max_bytes: int) -> Document:
    if not data.strip():
        what = "is empty" if not data else "contains only whitespace"
        raise InputError(f"{source}: file {what}; expected the text of an act")
    if fmt is None:
        fmt = _sniff_binary_format(data)
    if fmt == "docx":
        return Document(_docx_text(data, source, max_bytes), source, "docx", None)
    if fmt == "pdf":
        return Document(_pdf_text(data, source), source, "pdf", None)
    text, encoding = decode_text(data, source)
    if fmt is None:
        fmt = "html" if _LOOKS_LIKE_HTML.match(text) else "txt"
    if fmt == "html":
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{source}: contains no visible text; expected the text of an act")
    return Document(text, source, fmt, encoding)


def _sniff_binary_format(data: bytes) -> str | None:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    return None


_LOOKS_LIKE_HTML = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|div|p|table|h[1-6])\b",
    re.IGNORECASE | re.DOTALL,
)


# --------------------------------------------------------------------------------------------
# Text encodings

# Single-byte Cyrillic code pages, in the order that wins a tie between identical decodings
# (Russian text is byte-identical in cp1251 and kz1048: call it cp1251).
_LEGACY_ENCODINGS = ("cp1251", "koi8-r", "cp866", "mac-cyrillic", "kz1048")
_ENCODINGS_EXPECTED = "UTF-8, UTF-16 with BOM, " + ", ".join(_LEGACY_ENCODINGS)

# Share of letters in plausible words below which every decoding is taken for mojibake.
_MIN_PLAUSIBILITY = 0.8
# Equally plausible readings that differ in fewer characters than this share are the same text
# for every practical purpose (e.g. capitals-only text in cp866 and mac-cyrillic).
_NEGLIGIBLE_DIFFERENCE = 0.01
# More control characters than this share of the text means a binary file.
_MAX_CONTROL_SHARE = 0.05

_RUSSIAN_LOWER = "".join(chr(code) for code in range(0x430, 0x450)) + "\u0451"
_KAZAKH_LOWER = "".join(
    unicodedata.lookup(f"CYRILLIC SMALL LETTER {name}")
    for name in (
        "SCHWA",
        "GHE WITH STROKE",
        "KA WITH DESCENDER",
        "EN WITH DESCENDER",
        "BARRED O",
        "STRAIGHT U WITH STROKE",
        "STRAIGHT U",
        "SHHA",
        "BYELORUSSIAN-UKRAINIAN I",
    )
)
_LOWER = "a-z" + _RUSSIAN_LOWER + _KAZAKH_LOWER
_UPPER = "A-Z" + _RUSSIAN_LOWER.upper() + _KAZAKH_LOWER.upper()
# A plausible word is in the Latin, Russian or Kazakh alphabet and is lower case, upper case or
# capitalised: a wrong code page gives letters of other alphabets, symbols and case flips.
_PLAUSIBLE_WORD = re.compile(f"[{_LOWER}]+|[{_UPPER}]+|[{_UPPER}][{_LOWER}]+")
_WORD_OR_CHAR = re.compile(r"[^\W\d_]+|.", re.DOTALL)
_NEUTRAL_CHARS = frozenset(
    "0123456789 \t\n\r\f\v!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    "\u00a0\u00ab\u00bb\u201e\u201c\u201d\u2018\u2019\u201a\u2013\u2014\u2011\u2010"
    "\u2026\u2116\u00a7\u2022\u00b0\u00b7\u00ad\u00b1\u00d7"
)
# A run of bytes that may be a word in a single-byte code page or a UTF-8 sequence; only runs
# with a non-ASCII byte tell the candidates apart.
_BYTE_WORD = re.compile(rb"[A-Za-z\x80-\xff]+")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Decode a text file; returns the text with "\\n" line ends and the encoding used.

    UTF-8 and UTF-16 are recognised by their BOM or (UTF-8) by decoding cleanly; otherwise each
    candidate code page is scored by how much of the decoded text forms plausible Latin,
    Russian or Kazakh words, so that a wrong guess (mojibake) never wins.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(f"{source}: has a UTF-16 BOM but is not valid UTF-16") from None
    elif b"\x00" in data:
        raise InputError(
            f"{source}: looks like a binary file (NUL bytes); "
            f"expected text in {_ENCODINGS_EXPECTED}"
        )
    elif data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data.decode("utf-8-sig", errors="replace"), "utf-8-sig"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            encoding = _guess_encoding(data, source)
            text = data.decode(encoding, errors="replace")
    if len(_CONTROL_CHARS.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(
            f"{source}: looks like a binary file (control characters); "
            f"expected text in {_ENCODINGS_EXPECTED}"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _guess_encoding(data: bytes, source: str) -> str:
    tokens = {
        token: count
        for token, count in Counter(_BYTE_WORD.findall(data)).items()
        if not token.isascii()
    }
    scores: dict[str, float] = {}
    readings: dict[str, list[str]] = {}
    for encoding in ("utf-8", *_LEGACY_ENCODINGS):
        reading = [token.decode(encoding, errors="replace") for token in tokens]
        if reading in readings.values():
            continue  # decodes exactly like a code page earlier in the order
        good = bad = 0
        for decoded, count in zip(reading, tokens.values(), strict=True):
            token_good, token_bad = _plausibility(decoded)
            good += token_good * count
            bad += token_bad * count
        readings[encoding] = reading
        scores[encoding] = good / (good + bad) if good + bad else 0.0
    best = max(scores.values())
    if best < _MIN_PLAUSIBILITY:
        raise InputError(
            f"{source}: cannot tell the text encoding (every candidate gives garbled text); "
            f"expected {_ENCODINGS_EXPECTED}"
        )
    tied = [name for name, score in scores.items() if score == best]
    if len(tied) == 1:
        return tied[0]
    counts = list(tokens.values())
    if all(
        _share_differing(readings[tied[0]], readings[other], counts) < _NEGLIGIBLE_DIFFERENCE
        for other in tied[1:]
    ):
        return tied[0]  # the readings differ in a stray symbol or two: keep the usual code page
    return _break_tie(data, tied, source)


def _share_differing(left: list[str], right: list[str], counts: list[int]) -> float:
    """Share of characters two readings of the same tokens disagree on."""
    differing = total = 0
    for one, other, count in zip(left, right, counts, strict=True):
        mismatches = sum(a != b for a, b in zip(one, other, strict=False))
        differing += count * (mismatches + abs(len(one) - len(other)))
        total += count * max(len(one), len(other))
    return differing / total if total else 0.0


def _plausibility(text: str) -> tuple[int, int]:
    """(letters in plausible words, letters in implausible words + stray symbols) of ``text``."""
    good = bad = 0
    for match in _WORD_OR_CHAR.finditer(text):
        piece = match.group()
        if piece[0].isalpha():
            if _PLAUSIBLE_WORD.fullmatch(piece):
                good += len(piece)
            else:
                bad += len(piece)
        elif piece not in _NEUTRAL_CHARS:
            bad += 1
    return good, bad


def _break_tie(data: bytes, tied: list[str], source: str) -> str:
    """Between equally plausible decodings (e.g. a text in capitals only, where koi8-r and
    cp1251 swap case) charset-normalizer's letter-frequency coherence decides; when it cannot
    either, refuse rather than guess."""
    matches = charset_normalizer.from_bytes(
        data, cp_isolation=[name.replace("-", "_") for name in tied]
    )
    coherence = {codecs.lookup(match.encoding).name: match.coherence for match in matches}
    ranked = sorted(
        ((coherence[codecs.lookup(name).name], name) for name in tied
         if codecs.lookup(name).name in coherence),
        reverse=True,
    )  # fmt: skip
    if len(ranked) == 1 or (len(ranked) > 1 and ranked[0][0] > ranked[1][0]):
        return ranked[0][1]
    raise InputError(
        f"{source}: cannot tell the text encoding (reads equally well as {' and '.join(tied)}); "
        "save it as UTF-8"
    )


# --------------------------------------------------------------------------------------------
# HTML

_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_HTML_BLOCKS = frozenset(
    "address article aside blockquote caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav "
    "ol p pre section summary ul".split()
)
_HTML_HIDDEN = frozenset({"script", "style", "template", "title"})
_HTML_CELLS = frozenset({"td", "th"})
_HTML_LIST_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
}
_BULLET = "\u2022"


def html_to_text(html: str) -> str:
    """Visible text of an HTML document or fragment: one line per block element, tables as
    TAB-separated rows between blank lines, ordered lists numbered."""
    extractor = _HtmlText()
    extractor.feed(html)
    extractor.close()
    return extractor.text()


# Browsers clamp spans to these; so do we, so that a hostile span cannot blow up memory.
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 1000


@dataclass
class _HtmlTable:
    """Rows of one HTML table; row- and column-spanned cells leave empty cells behind, so that
    every column keeps its position (as Word's merged cells do)."""

    rows: list[list[str]] = field(default_factory=list)
    row: list[str] | None = None
    cell: list[str] | None = None
    cell_spans: tuple[int, int] = (1, 1)
    rows_left_by_column: dict[int, int] = field(default_factory=dict)
    covered_columns: frozenset[int] = frozenset()

    def open_row(self) -> None:
        self.close_row()
        self.row = []
        self.covered_columns = frozenset(self.rows_left_by_column)
        self.rows_left_by_column = {
            column: left - 1 for column, left in self.rows_left_by_column.items() if left > 1
        }

    def open_cell(self, attrs: dict[str, str | None]) -> None:
        self.close_cell()
        self.cell = []
        colspan = min(max(_int_or_none(attrs.get("colspan")) or 1, 1), _MAX_COLSPAN)
        rowspan = min(max(_int_or_none(attrs.get("rowspan")) or 1, 1), _MAX_ROWSPAN)
        self.cell_spans = (colspan, rowspan)

    def close_cell(self) -> None:
        if self.cell is None:
            return
        if self.row is None:
            self.open_row()
        row = self.row
        assert row is not None
        self._skip_covered(row)
        column = len(row)
        row.append(_HTML_SPACE.sub(" ", "".join(self.cell)).strip())
        colspan, rowspan = self.cell_spans
        row.extend([""] * (colspan - 1))
        if rowspan > 1:
            for spanned in range(column, column + colspan):
                self.rows_left_by_column[spanned] = rowspan - 1
        self.cell = None
        self.cell_spans = (1, 1)

    def close_row(self) -> None:
        self.close_cell()
        if self.row is not None:
            if self.covered_columns:
                self.row.extend([""] * (max(self.covered_columns) + 1 - len(self.row)))
            self.rows.append(self.row)
            self.row = None

    def rendered_rows(self) -> list[str]:
        self.close_row()
        return ["\t".join(row) for row in self.rows if any(row)]

    def _skip_covered(self, row: list[str]) -> None:
        while len(row) in self.covered_columns:
            row.append("")


@dataclass
class _HtmlList:
    ordered: bool
    number_format: str
    next_value: int


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[str] = []
        self._inline: list[str] = []
        self._hidden: list[str] = []
        self._pre_depth = 0
        self._tables: list[_HtmlTable] = []
        self._lists: list[_HtmlList] = []
        # A list item's number waits for the item's first text, so that "<li><p>text" keeps
        # the number and the text on one line.
        self._pending_label: str | None = None

    def text(self) -> str:
        return _MANY_BLANK_LINES.sub("\n\n", "\n".join(self._lines)).strip("\n")

    # Where text goes: the open table cell, or the current top-level line.
    def _sink(self, opening: bool) -> list[str] | None:
        if not self._tables:
            return self._inline
        table = self._tables[-1]
        if table.cell is None:
            if not opening:
                return None
            table.open_cell({})  # text outside any cell: browsers show it, so keep it as a cell
        return table.cell

    def _break(self, *, keep_empty: bool = False) -> None:
        if self._tables:
            cell = self._tables[-1].cell
            if cell is not None:
                cell.append("\n")
            return
        line = _HTML_SPACE.sub(" ", "".join(self._inline)).strip()
        self._inline.clear()
        if line or keep_empty:
            self._lines.append(line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden:
            if tag in _HTML_HIDDEN:
                self._hidden.append(tag)
            return
        if tag in _HTML_HIDDEN:
            self._hidden.append(tag)
        elif tag == "br":
            self._break(keep_empty=True)
        elif tag == "table":
            self._break()
            self._tables.append(_HtmlTable())
        elif tag == "tr" and self._tables:
            self._tables[-1].open_row()
        elif tag in _HTML_CELLS and self._tables:
            self._tables[-1].open_cell(dict(attrs))
        elif tag in _HTML_BLOCKS:
            self._break()
            if tag == "pre":
                self._pre_depth += 1
            elif tag in ("ol", "ul"):
                self._lists.append(_list_from_attrs(tag, dict(attrs)))
            elif tag == "li":
                self._start_list_item(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            if tag == self._hidden[-1]:
                self._hidden.pop()
            return
        if tag == "table" and self._tables:
            self._end_table()
        elif tag == "tr" and self._tables:
            self._tables[-1].close_row()
        elif tag in _HTML_CELLS and self._tables:
            self._tables[-1].close_cell()
        elif tag in _HTML_BLOCKS:
            self._break()
            if tag == "pre" and self._pre_depth:
                self._pre_depth -= 1
            elif tag in ("ol", "ul") and self._lists:
                self._lists.pop()

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        sink = self._sink(opening=bool(data.strip()))
        if sink is None:
            return
        if self._pending_label is not None and data.strip():
            sink.append(self._pending_label + " ")
            self._pending_label = None
        if self._pre_depth:
            first, *rest = data.split("\n")
            sink.append(first)
            for part in rest:
                self._break(keep_empty=True)
                self._sink(opening=True).append(part)  # type: ignore[union-attr]
        else:
            sink.append(data)

    def close(self) -> None:
        super().close()
        self._flush_empty_item()
        while self._tables:
            self._end_table()
        self._break()

    def _flush_empty_item(self) -> None:
        """An item without text still shows its number, as in a browser."""
        if self._pending_label is not None:
            self._sink(opening=True).append(self._pending_label)  # type: ignore[union-attr]
            self._pending_label = None
            self._break()

    def _start_list_item(self, attrs: dict[str, str | None]) -> None:
        self._flush_empty_item()
        current = self._lists[-1] if self._lists else None
        if current is None or not current.ordered:
            label = _BULLET
        else:
            value = _int_or_none(attrs.get("value"))
            if value is not None:
                current.next_value = value
            label = _format_number(current.next_value, current.number_format) + "."
            current.next_value += 1
        self._pending_label = label

    def _end_table(self) -> None:
        table = self._tables.pop()
        rows = table.rendered_rows()
        if self._tables:
            # A table nested in a cell flattens into that cell's text.
            self._sink(opening=True).append(" " + " ".join(rows) + " ")  # type: ignore[union-attr]
        elif rows:
            self._lines.extend(["", *rows, ""])


def _list_from_attrs(tag: str, attrs: dict[str, str | None]) -> _HtmlList:
    number_format = _HTML_LIST_FORMATS.get(attrs.get("type") or "1", "decimal")
    start = _int_or_none(attrs.get("start"))
    return _HtmlList(tag == "ol", number_format, 1 if start is None else start)


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# Number formats shared by Word numbering and HTML lists

# Word's russianLower sequence: the Russian alphabet without \u0439 \u044a \u044b \u044c
# (and without \u0451, which lies outside the contiguous block).
_RUSSIAN_NUMBERING_LETTERS = "".join(
    chr(code) for code in range(0x430, 0x450) if code not in (0x439, 0x44A, 0x44B, 0x44C)
)
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _format_number(value: int, number_format: str) -> str:
    """``value`` in a Word ``w:numFmt`` (unknown formats fall back to decimal, as Word's
    text export does for formats it cannot spell)."""
    if number_format in ("lowerLetter", "upperLetter"):
        label = _letter_label(value, _LATIN_LETTERS)
    elif number_format in ("russianLower", "russianUpper"):
        label = _letter_label(value, _RUSSIAN_NUMBERING_LETTERS)
    elif number_format in ("lowerRoman", "upperRoman"):
        label = _roman(value)
    elif number_format == "decimalZero":
        return f"{value:02d}"
    elif number_format == "none":
        return ""
    else:
        return str(value)
    return (
        label.upper()
        if number_format.startswith("upper") or number_format == "russianUpper"
        else label
    )


def _letter_label(value: int, alphabet: str) -> str:
    # Word counts a..z, then aa..zz, then aaa..: the letter repeats, it does not carry.
    if value < 1:
        return str(value)
    index, repeat = (value - 1) % len(alphabet), (value - 1) // len(alphabet) + 1
    return alphabet[index] * repeat


def _roman(value: int) -> str:
    if value < 1:
        return str(value)
    parts = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        parts.append(numeral * count)
    return "".join(parts)


# --------------------------------------------------------------------------------------------
# DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_W_VAL = _W + "val"
_DOCX_SKIPPED = frozenset(
    _W + name
    for name in (
        "pPr", "rPr", "del", "moveFrom", "drawing", "pict", "object", "sdtPr", "sdtEndPr",
        "fldData", "footnoteReference", "endnoteReference", "commentReference",
    )
) | {_MC + "AlternateContent"}  # fmt: skip
_DOCX_CONTAINERS = frozenset({_W + "sdt", _W + "sdtContent", _W + "customXml"})
_SYMBOL_FONTS = frozenset({"symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings"})
# Unpacked DOCX members may take this many times the size limit (a guard against zip bombs;
# real documents unpack to a few times their packed size).
_MAX_UNPACK_RATIO = 10


def _docx_text(data: bytes, source: str, max_bytes: int) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(
            f"{source}: is a legacy Word 97-2003 (.doc) file, expected DOCX; save it as .docx"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise InputError(f"{source}: not a valid DOCX file (not a zip archive)") from None
    if "word/document.xml" not in names:
        raise InputError(f"{source}: not a valid DOCX file (no word/document.xml)")
    if unpacked > _MAX_UNPACK_RATIO * max_bytes:
        raise InputTooLargeError(
            f"{source}: DOCX unpacks to {unpacked} bytes, over the limit of "
            f"{_MAX_UNPACK_RATIO * max_bytes} bytes ({_MAX_UNPACK_RATIO} x the size limit)"
        )
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering.of(document)
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        XMLSyntaxError,
        zipfile.BadZipFile,
    ) as error:
        raise InputError(f"{source}: not a valid DOCX file ({error})") from None
    lines: list[str] = []
    for block in _docx_children(document.element.body, _DOCX_BLOCKS):
        if block.tag == _W + "tbl":
            rows = _docx_table_rows(block, numbering)
            if rows:
                lines.extend(["", *rows, ""])
        else:
            lines.append(_docx_paragraph(block, numbering))
    text = _MANY_BLANK_LINES.sub("\n\n", "\n".join(line.rstrip(" ") for line in lines)).strip("\n")
    if not text.strip():
        raise InputError(f"{source}: DOCX contains no text; expected the text of an act")
    return text


_DOCX_BLOCKS = frozenset({_W + "p", _W + "tbl"})
_DOCX_ROWS = frozenset({_W + "tr"})
_DOCX_CELLS = frozenset({_W + "tc"})


def _docx_children(container, tags: frozenset[str]) -> Iterator:
    """Children of ``container`` with one of ``tags``, in document order, looking inside
    content controls and custom XML wrappers."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag in _DOCX_CONTAINERS:
            yield from _docx_children(child, tags)


def _docx_table_rows(table, numbering: _Numbering) -> list[str]:
    rows = []
    for row in _docx_children(table, _DOCX_ROWS):
        gap_before = _int_or_none(_val(row.find(f"{_W}trPr/{_W}gridBefore"))) or 0
        cells = [""] * max(gap_before, 0)
        for cell in _docx_children(row, _DOCX_CELLS):
            cells.append(_docx_cell_text(cell, numbering))
            cells.extend([""] * (_grid_span(cell) - 1))  # keep later columns aligned
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def _grid_span(cell) -> int:
    value = _int_or_none(_val(cell.find(f"{_W}tcPr/{_W}gridSpan")))
    return value if value and value > 0 else 1


def _docx_cell_text(cell, numbering: _Numbering) -> str:
    parts = []
    for block in _docx_children(cell, _DOCX_BLOCKS):
        if block.tag == _W + "tbl":
            parts.extend(row.replace("\t", " ") for row in _docx_table_rows(block, numbering))
        else:
            parts.append(_docx_paragraph(block, numbering))
    return " ".join(" ".join(parts).split())


def _docx_paragraph(paragraph, numbering: _Numbering) -> str:
    text = "".join(_docx_runs_text(paragraph))
    label, separator = numbering.label(paragraph)
    if label:
        return f"{label}{separator}{text}"
    return text


def _docx_runs_text(element) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if tag == _W + "t":
            yield child.text or ""
        elif tag in (_W + "tab", _W + "ptab"):
            yield " "  # a TAB is reserved for table cells
        elif tag in (_W + "br", _W + "cr"):
            yield "\n"
        elif tag == _W + "noBreakHyphen":
            yield "-"
        elif tag in _DOCX_SKIPPED:
            continue
        elif tag == _W + "r" and _is_hidden(child):
            continue
        else:
            yield from _docx_runs_text(child)


def _is_hidden(run) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W_VAL, "true") not in ("0", "false", "off")


@dataclass(frozen=True)
class _Level:
    start: int
    number_format: str
    text: str
    legal: bool
    restart_after: int | None  # None: restart after any shallower level; 0: never
    separator: str
    style: str | None


class _Numbering:
    """Word's automatic numbering: resolves a paragraph's w:numPr (directly or through its
    style) to its list level and keeps the running counters per list (w:num) and level."""

    def __init__(self, numbering_element, styles_element) -> None:
        self._styles = {
            style.get(_W + "styleId"): style for style in _children(styles_element, "style")
        }
        self._default_style = next(
            (
                style_id
                for style_id, style in self._styles.items()
                if style.get(_W + "type") == "paragraph"
                and style.get(_W + "default") in ("1", "true", "on")
            ),
            None,
        )
        self._abstract = {
            element.get(_W + "abstractNumId"): element
            for element in _children(numbering_element, "abstractNum")
        }
        self._nums = {
            _int_or_none(element.get(_W + "numId")): element
            for element in _children(numbering_element, "num")
        }
        self._levels: dict[int, dict[int, _Level]] = {}
        self._counters: dict[int, dict[int, int]] = {}

    @classmethod
    def of(cls, document) -> _Numbering:
        from docx.opc.constants import RELATIONSHIP_TYPE

        part = document.part
        numbering_part = next(
            (
                rel.target_part
                for rel in part.rels.values()
                if rel.reltype == RELATIONSHIP_TYPE.NUMBERING
            ),
            None,
        )
        return cls(
            numbering_part.element if numbering_part is not None else None,
            document.styles.element,
        )

    def label(self, paragraph) -> tuple[str, str]:
        """The visible number of ``paragraph`` and the text that follows it; ("", "") if none.
        Each call advances the counters: call once per paragraph, in document order."""
        resolved = self._paragraph_list(paragraph)
        if resolved is None:
            return "", ""
        num_id, ilvl = resolved
        levels = self._levels_of(num_id)
        level = levels.get(ilvl)
        if level is None:
            return "", ""
        counters = self._counters.setdefault(num_id, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [other for other in counters if other > ilvl]:
            restart_after = levels[deeper].restart_after if deeper in levels else None
            if restart_after is None or (restart_after and ilvl < restart_after):
                del counters[deeper]
        if level.number_format == "bullet":
            return level.text, level.separator

        def placeholder(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            other = levels.get(index)
            if other is None:
                return ""
            value = counters.get(index, other.start)
            return _format_number(value, "decimal" if level.legal else other.number_format)

        label = _LEVEL_PLACEHOLDER.sub(placeholder, level.text)
        return label, level.separator if label else ""

    def _paragraph_list(self, paragraph) -> tuple[int, int] | None:
        num_pr = paragraph.find(f"{_W}pPr/{_W}numPr")
        num_id = ilvl = None
        if num_pr is not None:
            num_id = _int_or_none(_val(num_pr.find(_W + "numId")))
            ilvl = _int_or_none(_val(num_pr.find(_W + "ilvl")))
        if num_id is None:
            style_id = _val(paragraph.find(f"{_W}pPr/{_W}pStyle")) or self._default_style
            from_style = self._style_list(style_id)
            if from_style is None:
                return None
            num_id, style_ilvl, numbered_style = from_style
            if ilvl is None:
                ilvl = style_ilvl
            if ilvl is None:
                levels = self._levels_of(num_id)
                ilvl = next((i for i, lvl in levels.items() if lvl.style == numbered_style), 0)
        if not num_id:  # numId 0 switches numbering off
            return None
        return num_id, ilvl or 0

    def _style_list(self, style_id: str | None) -> tuple[int, int | None, str] | None:
        """(numId, ilvl, id of the style that sets them) of a paragraph style or its bases."""
        seen = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                num_id = _int_or_none(_val(num_pr.find(_W + "numId")))
                if num_id is not None:
                    return num_id, _int_or_none(_val(num_pr.find(_W + "ilvl"))), style_id
            style_id = _val(style.find(_W + "basedOn"))
        return None

    def _levels_of(self, num_id: int) -> dict[int, _Level]:
        if num_id not in self._levels:
            self._levels[num_id] = self._resolve_levels(num_id, depth=0)
        return self._levels[num_id]

    def _resolve_levels(self, num_id: int, depth: int) -> dict[int, _Level]:
        num = self._nums.get(num_id)
        if num is None or depth > 3:
            return {}
        abstract = self._abstract.get(_val(num.find(_W + "abstractNumId")))
        if abstract is None:
            return {}
        link = _val(abstract.find(_W + "numStyleLink"))
        if link is not None:
            # The list's levels live in the abstractNum reached through a numbering style.
            linked = self._style_list(link)
            levels = self._resolve_levels(linked[0], depth + 1) if linked else {}
        else:
            levels = {}
            for lvl in _children(abstract, "lvl"):
                level = _level(lvl)
                levels[_int_or_none(lvl.get(_W + "ilvl")) or 0] = level
        for override in _children(num, "lvlOverride"):
            ilvl = _int_or_none(override.get(_W + "ilvl")) or 0
            replacement = override.find(_W + "lvl")
            if replacement is not None:
                levels[ilvl] = _level(replacement)
            start = _int_or_none(_val(override.find(_W + "startOverride")))
            if start is not None and ilvl in levels:
                levels[ilvl] = replace(levels[ilvl], start=start)
        return levels


_LEVEL_PLACEHOLDER = re.compile(r"%([1-9])")
_SEPARATOR_BY_SUFFIX = {"tab": " ", "space": " ", "nothing": ""}


def _children(element, name: str) -> list:
    return [] if element is None else element.findall(_W + name)


def _val(element) -> str | None:
    return None if element is None else element.get(_W_VAL)


def _level(lvl) -> _Level:
    number_format = _val(lvl.find(_W + "numFmt")) or "decimal"
    text = _val(lvl.find(_W + "lvlText")) or ""
    if number_format == "bullet":
        text = _bullet_glyph(text, lvl)
    legal = lvl.find(_W + "isLgl")
    return _Level(
        start=_int_or_none(_val(lvl.find(_W + "start"))) or 0,  # the schema's default is 0
        number_format=number_format,
        text=text,
        legal=legal is not None and _val(legal) not in ("0", "false", "off"),
        restart_after=_int_or_none(_val(lvl.find(_W + "lvlRestart"))),
        separator=_SEPARATOR_BY_SUFFIX.get(_val(lvl.find(_W + "suff")) or "tab", " "),
        style=_val(lvl.find(_W + "pStyle")),
    )


def _bullet_glyph(text: str, lvl) -> str:
    """Symbol-font and private-use bullet glyphs (Word's "" in Symbol) print as a plain bullet."""
    fonts = lvl.find(f"{_W}rPr/{_W}rFonts")
    font = (fonts.get(_W + "ascii") or fonts.get(_W + "hAnsi") or "") if fonts is not None else ""
    if (
        not text
        or font.lower() in _SYMBOL_FONTS
        or any("\ue000" <= char <= "\uf8ff" or char.isalnum() for char in text)
    ):
        return _BULLET
    return text


# --------------------------------------------------------------------------------------------
# PDF

# A line continues the previous one when the previous reaches the right margin (the first
# word of this line would not have fitted there) and this one is not indented or set apart.
_INDENT_TOLERANCE_CHARS = 1.5
_PARAGRAPH_GAP_RATIO = 1.5


def _pdf_text(data: bytes, source: str) -> str:
    import pdfplumber
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                raise InputError(f"{source}: PDF has no pages")
            pages = [_pdf_page_lines(page) for page in pdf.pages]
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if type(cause).__name__ == "PDFPasswordIncorrect":
            raise InputError(
                f"{source}: PDF is encrypted (password-protected); expected an unprotected PDF"
            ) from None
        raise InputError(
            f"{source}: not a readable PDF ({cause or type(cause).__name__})"
        ) from None
    except PSException as error:
        raise InputError(
            f"{source}: not a readable PDF ({error or type(error).__name__})"
        ) from None
    if not any(line.strip() for lines in pages for line in lines):
        raise ScannedPdfError(
            f"{source}: PDF is a scan (no text layer); OCR is not supported, "
            "expected a PDF with text (run OCR first or supply DOCX/TXT)"
        )
    text = "\n".join("\n".join(lines) for lines in pages)
    return _MANY_BLANK_LINES.sub("\n\n", text).strip("\n")


def _pdf_page_lines(page) -> list[str]:
    """Lines of one page, top to bottom: running text with wrapped lines joined into
    paragraphs, and each table as TAB rows in its place (its characters kept out of the text)."""
    tables = [table for table in page.find_tables() if len(table.cells) > 1]
    boxes = [table.bbox for table in tables]

    def outside_tables(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_lines = page.filter(outside_tables).extract_text_lines(return_chars=True)
    items: list[tuple[float, str, object]] = [(line["top"], "line", line) for line in text_lines]
    items += [(table.bbox[1], "table", table) for table in tables]
    items.sort(key=lambda item: item[0])

    left = min((line["x0"] for line in text_lines), default=0.0)
    right = max((line["x1"] for line in text_lines), default=0.0)
    pitches = sorted(
        b["top"] - a["top"] for a, b in itertools.pairwise(text_lines) if b["top"] > a["top"]
    )
    usual_pitch = pitches[len(pitches) // 2] if pitches else None

    out: list[str] = []
    previous = None
    for _, kind, item in items:
        if kind == "table":
            rows = [
                "\t".join(" ".join((cell or "").split()) for cell in row) for row in item.extract()
            ]
            out.extend(["", *[row for row in rows if row.strip()], ""])
            previous = None
            continue
        if previous is not None and _continues(previous, item, left, right, usual_pitch):
            joiner = "" if re.search(r"\w-$", out[-1]) else " "
            out[-1] = out[-1] + joiner + item["text"]
        else:
            out.append(item["text"])
        previous = item
    return out


def _continues(
    previous: dict, line: dict, left: float, right: float, usual_pitch: float | None
) -> bool:
    chars = line["chars"]
    if not chars or not previous["text"]:
        return False
    char_width = (previous["x1"] - previous["x0"]) / max(len(previous["text"]), 1)
    if line["x0"] > left + _INDENT_TOLERANCE_CHARS * char_width:
        return False
    if (
        usual_pitch is not None
        and line["top"] - previous["top"] > _PARAGRAPH_GAP_RATIO * usual_pitch
    ):
        return False
    first_word = line["text"].split(" ", 1)[0]
    first_word_width = chars[min(len(first_word), len(chars)) - 1]["x1"] - chars[0]["x0"]
    return previous["x1"] + char_width + first_word_width > right
