"""The Russian–Kazakh check as a tool: read the two versions, pair files of a folder, and render a
:class:`Comparison` as a terminal table, a self-contained HTML page (both passages side by side,
the differing words highlighted) or a DOCX table.

``compare_files`` and ``pair_files`` are what a batch run needs::

    for ru_path, kk_path in pair_files(paths):
        comparison = compare_files(ru_path, kk_path)
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from jinja2 import Environment
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tapsyrma.parser import Act
from tapsyrma.parser.compare import Comparison, compare_acts
from tapsyrma.parser.errors import InputError, LanguageError
from tapsyrma.parser.language import resolve_language
from tapsyrma.parser.model import Span
from tapsyrma.parser.normalize import normalize
from tapsyrma.parser.readers import DEFAULT_MAX_BYTES, read_path
from tapsyrma.parser.structure import parse_structure

__all__ = ["compare_files", "compare_pairs", "pair_files", "read_version", "render_docx", "render_html", "render_table"]

_LANGUAGE_NAMES = {"ru": "Russian", "kk": "Kazakh"}
# A file of one version names its language as a part of its name: kz-ru-X / kz-kk-X, X-ru / X-kk.
_LANGUAGE_PART = re.compile(r"(?:^|(?<=[-_.]))(ru|kk)(?=$|[-_.])", re.IGNORECASE)
_EXCERPT = 360   # characters of a passage the terminal table shows around the highlighted words


def read_version(path: str | os.PathLike, lang: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Act:
    """One version of the act: a file ``parse`` reads, or the JSON ``parse --format json`` wrote.
    Raises :class:`LanguageError` when the file is in the other language."""
    from .cli import read_act

    if str(path).casefold().endswith(".json"):
        act = _read_json_act(Path(path), max_bytes)
    else:
        act = read_act(str(path), lang="auto", received=None, max_bytes=max_bytes)
    if act.language != lang:
        raise LanguageError(f"{path}: expected the {_LANGUAGE_NAMES[lang]} version, got a "
                            f"{_LANGUAGE_NAMES.get(act.language, act.language)} text")
    return act


def _read_json_act(path: Path, max_bytes: int) -> Act:
    try:
        if path.stat().st_size > max_bytes:
            raise InputError(f"{path}: expected at most {max_bytes} bytes, got {path.stat().st_size}")
        return Act.from_json(path.read_bytes())
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    except ValidationError as exc:
        raise InputError(f"{path}: expected the JSON of `tapsyrma parse --format json` (tapsyrma/act@1), "
                         f"got {exc.error_count()} schema errors") from None


def compare_files(ru_path: str | os.PathLike, kk_path: str | os.PathLike, *,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Comparison:
    """Compare the Russian version in ``ru_path`` with the Kazakh version in ``kk_path``."""
    return compare_acts(read_version(ru_path, "ru", max_bytes=max_bytes), read_version(kk_path, "kk", max_bytes=max_bytes))


# ---------------------------------------------------------------------------------------------
# Pairing the files of a folder
# ---------------------------------------------------------------------------------------------

def _name_key(path: Path) -> tuple[str, str] | None:
    """(language, the name without its language part), when the name has exactly one."""
    found = list(_LANGUAGE_PART.finditer(path.stem))
    if len(found) != 1:
        return None
    match = found[0]
    rest = (path.stem[:match.start()] + path.stem[match.end():]).strip("-_.").casefold()
    rest = re.sub(r"[-_.]{2,}", "-", rest)
    return match.group(1).casefold(), rest


def _requisites(path: Path, max_bytes: int) -> tuple[str, tuple] | None:
    """(language, (kind, number, date)) of an act, from its text alone."""
    text = read_path(path, max_bytes=max_bytes).text
    lang = resolve_language(text)
    header = parse_structure(normalize(text, lang), lang, source=str(path)).header
    if not (header.number and header.date):
        return None
    return lang, (header.kind, header.number.casefold(), header.date)


def pair_files(paths: Iterable[str | os.PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[tuple[Path, Path]]:
    """The (Russian, Kazakh) versions among ``paths``, paired by name (``kz-ru-X`` with
    ``kz-kk-X``, ``X-ru.txt`` with ``X-kk.txt``) and, for the other files, by the act's kind,
    number and date read from the text. A file without exactly one twin is left out.
    """
    files = sorted(dict.fromkeys(Path(p) for p in paths))
    by_name: dict[str, dict[str, list[Path]]] = {}
    for path in files:
        key = _name_key(path)
        if key is not None:
            by_name.setdefault(key[1], {}).setdefault(key[0], []).append(path)
    pairs: list[tuple[Path, Path]] = []
    paired: set[Path] = set()
    for versions in by_name.values():
        if len(versions.get("ru", ())) == 1 and len(versions.get("kk", ())) == 1:
            pairs.append((versions["ru"][0], versions["kk"][0]))
            paired.update((versions["ru"][0], versions["kk"][0]))
    by_act: dict[tuple, dict[str, list[Path]]] = {}
    for path in files:
        if path in paired:
            continue
        try:
            found = _requisites(path, max_bytes)
        except (InputError, LanguageError):
            continue  # not an act this tool reads: it has no twin
        if found is not None:
            by_act.setdefault(found[1], {}).setdefault(found[0], []).append(path)
    for versions in by_act.values():
        if len(versions.get("ru", ())) == 1 and len(versions.get("kk", ())) == 1:
            pairs.append((versions["ru"][0], versions["kk"][0]))
    return sorted(pairs)


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------

def _segments(text: str | None, span: Span | None, marks: Sequence[Span]) -> list[tuple[str, bool]]:
    """The passage cut into (words, highlighted) pieces; marks are spans into the act's text."""
    if text is None or span is None:
        return []
    start = span[0]
    pieces: list[tuple[str, bool]] = []
    at = 0
    for mark_start, mark_end in sorted(marks):
        a, b = max(mark_start - start, at), min(mark_end - start, len(text))
        if b <= a:
            continue
        pieces += [(text[at:a], False), (text[a:b], True)]
        at = b
    pieces.append((text[at:], False))
    return [piece for piece in pieces if piece[0]]


def _excerpt(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The highlighted words with some context, for a terminal."""
    if sum(len(p) for p, _ in pieces) <= _EXCERPT:
        return pieces
    if not any(marked for _, marked in pieces):
        text = "".join(p for p, _ in pieces)
        return [(text[:_EXCERPT] + "…", False)]
    context = _EXCERPT // 4
    out: list[tuple[str, bool]] = []
    for index, (piece, marked) in enumerate(pieces):
        if marked:
            out.append((piece, True))
            continue
        first, last = index == 0, index == len(pieces) - 1
        if len(piece) <= 2 * context:
            out.append((piece, False))
        elif first:
            out.append(("…" + piece[-context:], False))
        elif last:
            out.append((piece[:context] + "…", False))
        else:
            out.append((piece[:context] + " … " + piece[-context:], False))
    return out


def _rich(pieces: list[tuple[str, bool]]) -> Text:
    text = Text()
    for piece, marked in pieces:
        text.append(piece, style="bold black on yellow" if marked else None)
    return text


def render_table(comparison: Comparison, console: Console) -> None:
    """The discrepancies as a table for a terminal, the differing words highlighted."""
    console.print(f"[bold]RU[/bold] {comparison.ru_source}  ·  [bold]KK[/bold] {comparison.kk_source}", highlight=False)
    if comparison.agree:
        console.print(f"The versions agree ({len(comparison.aligned_pairs)} passages compared).", highlight=False)
        return
    table = Table(show_lines=True)
    for column in ("#", "kind", "Russian", "Kazakh", "detail"):
        table.add_column(column, overflow="fold")
    for number, d in enumerate(comparison.discrepancies, 1):
        ru = _rich(_excerpt(_segments(d.ru_text, d.ru_span, d.ru_marks))) if d.ru_text is not None else Text("—")
        kk = _rich(_excerpt(_segments(d.kk_text, d.kk_span, d.kk_marks))) if d.kk_text is not None else Text("—")
        detail = d.detail + (f"\nRU: {d.ru_value}" if d.ru_value else "") + (f"\nKK: {d.kk_value}" if d.kk_value else "")
        table.add_row(str(number), d.kind, ru, kk, Text(detail))
    console.print(table)
    console.print(f"{len(comparison.discrepancies)} discrepancies; {len(comparison.aligned_pairs)} passages aligned.",
                  highlight=False)


_HTML = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>tapsyrma compare: {{ c.ru_source }} / {{ c.kk_source }}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #c8c8c8; padding: .5rem; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
td.passage { white-space: pre-wrap; }
td.missing { color: #888; font-style: italic; }
mark { background: #ffe066; padding: 0 .1em; }
.kind { font-weight: bold; }
.agree { color: #1b6e20; font-weight: bold; }
</style>
</head>
<body>
<h1>Russian and Kazakh versions compared</h1>
<p>Russian: {{ c.ru_source }}<br>Kazakh: {{ c.kk_source }}</p>
{% if c.agree %}
<p class="agree">The versions agree: {{ c.aligned_pairs|length }} passages compared, no discrepancy.</p>
{% else %}
<p>{{ c.discrepancies|length }} discrepancies; {{ c.aligned_pairs|length }} passages aligned.</p>
<table>
<colgroup><col style="width:3%"><col style="width:17%"><col style="width:40%"><col style="width:40%"></colgroup>
<tr><th>#</th><th>What differs</th><th>Russian</th><th>Kazakh</th></tr>
{% for row in rows %}
<tr>
<td>{{ loop.index }}</td>
<td><span class="kind">{{ row.d.kind }}</span><br>{{ row.d.detail }}
{% if row.d.ru_value %}<br>RU: {{ row.d.ru_value }}{% endif %}
{% if row.d.kk_value %}<br>KK: {{ row.d.kk_value }}{% endif %}</td>
{% for side in (row.ru, row.kk) %}
{% if side %}<td class="passage">{% for piece, marked in side %}{% if marked %}<mark>{{ piece }}</mark>{% else %}{{ piece }}{% endif %}{% endfor %}</td>
{% else %}<td class="missing">not in this version</td>{% endif %}
{% endfor %}
</tr>
{% endfor %}
</table>
{% endif %}
</body>
</html>
""")


def render_html(comparison: Comparison) -> str:
    """A self-contained HTML page: each discrepancy with both passages side by side."""
    rows = [{"d": d, "ru": _segments(d.ru_text, d.ru_span, d.ru_marks),
             "kk": _segments(d.kk_text, d.kk_span, d.kk_marks)} for d in comparison.discrepancies]
    return _HTML.render(c=comparison, rows=rows)


def render_docx(comparison: Comparison) -> bytes:
    """A DOCX document with one table row per discrepancy, the differing words highlighted."""
    from docx import Document
    from docx.enum.text import WD_COLOR_INDEX

    document = Document()
    document.add_heading("Russian and Kazakh versions compared", level=1)
    document.add_paragraph(f"Russian: {comparison.ru_source}\nKazakh: {comparison.kk_source}")
    if comparison.agree:
        document.add_paragraph(f"The versions agree: {len(comparison.aligned_pairs)} passages compared, no discrepancy.")
    else:
        document.add_paragraph(f"{len(comparison.discrepancies)} discrepancies; "
                               f"{len(comparison.aligned_pairs)} passages aligned.")
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, title in zip(table.rows[0].cells, ("#", "What differs", "Russian", "Kazakh")):
            cell.text = title
        for number, d in enumerate(comparison.discrepancies, 1):
            cells = table.add_row().cells
            cells[0].text = str(number)
            what = f"{d.kind}\n{d.detail}"
            what += (f"\nRU: {d.ru_value}" if d.ru_value else "") + (f"\nKK: {d.kk_value}" if d.kk_value else "")
            cells[1].text = what
            for cell, (text, span, marks) in zip(cells[2:], ((d.ru_text, d.ru_span, d.ru_marks),
                                                             (d.kk_text, d.kk_span, d.kk_marks))):
                paragraph = cell.paragraphs[0]
                pieces = _segments(text, span, marks)
                if not pieces:
                    paragraph.add_run("not in this version").italic = True
                for piece, marked in pieces:
                    run = paragraph.add_run(piece)
                    if marked:
                        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# Every RU/KK pair of a collection (``tapsyrma batch --pairs``)
# ---------------------------------------------------------------------------------------------

def compare_pairs(paths: Iterable[str | os.PathLike], outdir: str | os.PathLike, *,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[int, int, int]:
    """Pair the Russian and Kazakh versions among the files under ``paths`` (folders walked),
    compare each pair and write ``pairs.jsonl`` (one comparison per line) and ``pairs.md`` into
    ``outdir``, with an HTML page per pair that differs under ``outdir/pairs/``. Returns the
    number of pairs, of pairs that differ and of pairs that could not be compared."""
    from tapsyrma.parser.readers import SUPPORTED_SUFFIXES

    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        walked = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        files += [p for p in walked if p.suffix.lower() in SUPPORTED_SUFFIXES]
    out = Path(outdir)
    pages = out / "pairs"
    lines, rows, differ, failed = [], [], 0, 0
    for ru_path, kk_path in pair_files(files, max_bytes=max_bytes):
        try:
            comparison = compare_files(ru_path, kk_path, max_bytes=max_bytes)
        except (InputError, LanguageError) as error:
            failed += 1
            rows.append(f"| {ru_path.name} | {kk_path.name} | error: {error} |")
            continue
        lines.append(comparison.to_json(indent=None))
        if comparison.agree:
            rows.append(f"| {ru_path.name} | {kk_path.name} | agree |")
            continue
        differ += 1
        pages.mkdir(parents=True, exist_ok=True)
        page = pages / f"{ru_path.stem}.html"
        page.write_text(render_html(comparison), encoding="utf-8")
        rows.append(f"| {ru_path.name} | {kk_path.name} | {len(comparison.discrepancies)} discrepancies: pairs/{page.name} |")
    out.mkdir(parents=True, exist_ok=True)
    (out / "pairs.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    header = ["# Russian and Kazakh versions", "", f"{len(rows)} pairs, {differ} differ, {failed} not compared.", "",
              "| Russian | Kazakh | result |", "|---|---|---|"]
    (out / "pairs.md").write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    return len(rows), differ, failed
