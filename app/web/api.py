"""The JSON API under /api: parse, duplicates, generate, and the registry.

Every call runs its work off the event loop with the app's limits; errors answer with
``{"error": key, "message": one line}`` and a 4xx/5xx status. The OpenAPI schema is at
/api/openapi.json.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, Field

from tapsyrma.generator import render
from tapsyrma.parser import parse_document, parse_text
from tapsyrma.parser.errors import InputError, InputTooLargeError
from tapsyrma.parser.model import Act
from tapsyrma.parser.readers import read_bytes
from tapsyrma.registry import DEFAULT_MIN_SCORE, DraftItemMatches, find_duplicates

from .documents import MEDIA_TYPES, compose_cards, file_stem
from .server import Services

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

ActLanguage = Literal["auto", "ru", "kk"]


class ErrorBody(BaseModel):
    error: str = Field(description="scanned, too_large, wrong_type, language, unreadable, registry, timeout or internal")
    message: str = Field(description="one line: what was expected and what was got")


ERRORS = {status: {"model": ErrorBody} for status in (400, 413, 415, 422, 503, 504)}


class ParseRequest(BaseModel):
    text: str = Field(description="the act's text (plain text or Markdown)")
    lang: ActLanguage = "auto"
    received: dt.date | None = Field(None, description="the day the act reached the executing body (п.50)")
    source: str = Field("-", description="a name for the act, kept as Act.source")


class DuplicatesRequest(BaseModel):
    act: Act
    top: int = Field(5, ge=1, le=50, description="matches per item")
    min_score: float = Field(DEFAULT_MIN_SCORE, ge=0, le=100, description="least text score (0-100) of a match")


class GenerateRequest(BaseModel):
    act: Act
    document: Literal["assignment", "card", "roadmap", "cards"] = Field(
        "assignment", description="assignment (Appendix 5), card or roadmap (one item), cards (every item's card, DOCX)"
    )
    format: Literal["docx", "html", "xlsx"] = "docx"
    item: str | None = Field(None, description="the item of a card or roadmap: 2, 2.1")


class RegistryImport(BaseModel):
    acts_added: int
    acts_skipped: int
    items_added: int


def _services(request: Request) -> Services:
    return request.app.state.services


@router.post("/parse", response_model=Act, responses=ERRORS)
async def parse(request: Request, body: ParseRequest) -> Act:
    """Parse an act's text into its structure and items (the tapsyrma/act@1 JSON)."""
    services = _services(request)
    size = len(body.text.encode("utf-8"))
    if size > services.settings.max_bytes:
        raise InputTooLargeError(f"text: expected at most {services.settings.max_bytes} bytes, got {size}")
    return await services.worker.run(parse_text, body.text, lang=body.lang, source=body.source, received=body.received)


@router.post("/parse/file", response_model=Act, responses=ERRORS)
async def parse_file(
    request: Request,
    file: Annotated[UploadFile, File(description=".txt .md .html .docx or .pdf with a text layer")],
    lang: Annotated[ActLanguage, Form()] = "auto",
    received: Annotated[dt.date | None, Form()] = None,
) -> Act:
    """Read and parse an uploaded act."""
    services = _services(request)
    max_bytes = services.settings.max_bytes
    data = await file.read(max_bytes + 1)

    def read_and_parse() -> Act:
        return parse_document(read_bytes(data, file.filename or "upload", max_bytes=max_bytes), lang=lang, received=received)

    return await services.worker.run(read_and_parse)


@router.post("/duplicates", response_model=list[DraftItemMatches], responses=ERRORS)
async def duplicates(request: Request, body: DuplicatesRequest) -> list[DraftItemMatches]:
    """Earlier instructions of the registry that each item duplicates or is related to (п.33)."""
    services = _services(request)
    return await services.worker.run(
        lambda: find_duplicates(body.act, services.registry(), top=body.top, min_score=body.min_score)
    )


@router.post(
    "/generate",
    response_class=Response,
    responses={200: {"content": {MEDIA_TYPES[fmt].split(";")[0]: {} for fmt in ("docx", "html", "xlsx")}}, **ERRORS},
)
async def generate(request: Request, body: GenerateRequest) -> Response:
    """A control document of the act, in the act's language."""
    services = _services(request)
    act = body.act
    if body.document == "cards":
        if body.format != "docx":
            raise InputError(f"cards: expected format docx, got {body.format}")
        data = await services.worker.run(compose_cards, act)
        fmt = "docx"
    else:
        data = await services.worker.run(render, body.document, act, lang=act.language, fmt=body.format, item=body.item)
        fmt = body.format
    filename = f"{file_stem(act)}-{body.document}.{fmt}"
    return Response(data, media_type=MEDIA_TYPES[fmt], headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.post("/registry", response_model=RegistryImport, responses=ERRORS)
async def add_to_registry(request: Request, act: Act) -> RegistryImport:
    """Add an act to the registry (adding the same act again changes nothing)."""
    services = _services(request)
    result = await services.worker.run(lambda: services.registry().import_acts([act]))
    return RegistryImport(acts_added=result.acts_added, acts_skipped=result.acts_skipped, items_added=result.items_added)
