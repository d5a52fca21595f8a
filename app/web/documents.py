"""The files a drafter downloads: Appendix 5, the control cards, the items table, the parse.

Documents are written in the act's language (the generator refuses a Russian form for a Kazakh
act); the cards of all items come as one DOCX, one card after another on its own page.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Literal, get_args

from tapsyrma.generator import render
from tapsyrma.parser.errors import InputError
from tapsyrma.parser.model import Act

__all__ = ["DOWNLOADS", "Download", "DownloadKind", "compose_cards", "download"]

DownloadKind = Literal["assignment", "cards", "xlsx", "json"]
DOWNLOADS: tuple[str, ...] = get_args(DownloadKind)

MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
}
_NOT_IN_FILE_NAME = re.compile(r"[^0-9A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Download:
    data: bytes
    filename: str
    media_type: str


def file_stem(act: Act) -> str:
    """A file name stem that says which act: ``tapsyrma-826-2022-03-03-ru`` (ASCII, no spaces)."""
    parts = ["tapsyrma", _NOT_IN_FILE_NAME.sub("-", act.act.number or "").strip("-"),
             act.act.date.isoformat() if act.act.date else "", act.language]
    return "-".join(part for part in parts if part)


def compose_cards(act: Act) -> bytes:
    """The control card of every item in one DOCX, each card starting a page."""
    from docx import Document
    from docxcompose.composer import Composer

    if not act.items:
        raise InputError(f"act: expected instruction items, got none in {act.source}")
    # One card per item, each rendered from a copy of the act holding that item alone: items
    # without a number, or with a number another item shares, get their card all the same.
    cards = [render("card", act.model_copy(update={"items": (item,)}), lang=act.language) for item in act.items]
    first = Document(io.BytesIO(cards[0]))
    composer = Composer(first)
    for card in cards[1:]:
        first.add_page_break()
        composer.append(Document(io.BytesIO(card)))
    out = io.BytesIO()
    composer.save(out)
    return out.getvalue()


def download(kind: DownloadKind, act: Act) -> Download:
    """The file ``kind`` for ``act``."""
    stem = file_stem(act)
    if kind == "json":
        return Download((act.to_json() + "\n").encode("utf-8"), f"{stem}.json", MEDIA_TYPES["json"])
    if kind == "cards":
        return Download(compose_cards(act), f"{stem}-cards.docx", MEDIA_TYPES["docx"])
    if kind == "assignment":
        return Download(render("assignment", act, lang=act.language), f"{stem}-appendix5.docx", MEDIA_TYPES["docx"])
    if kind == "xlsx":
        return Download(render("assignment", act, lang=act.language, fmt="xlsx"), f"{stem}-appendix5.xlsx", MEDIA_TYPES["xlsx"])
    raise InputError(f"download: expected one of {', '.join(DOWNLOADS)}, got {kind!r}")
