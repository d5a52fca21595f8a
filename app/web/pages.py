"""The drafter's pages: paste or upload an act, review and correct its items, download documents.

One form carries everything between requests: the reader's text of the act (to parse it again in
another language or from another receipt date), the parsed act as JSON, and the table's fields.
Corrections are applied to a copy of that act on every request, so they reach the documents
whichever button the drafter presses. Errors come back as the page with a message in plain words.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData, UploadFile

from tapsyrma.parser import parse_document, parse_text
from tapsyrma.parser.errors import InputError, InputTooLargeError, TapsyrmaError
from tapsyrma.parser.model import Act
from tapsyrma.parser.readers import read_bytes
from tapsyrma.registry import DraftItemMatches, find_duplicates

from .documents import DOWNLOADS, download
from .edits import apply_edits, fields_from_form
from .labels import UI_COOKIE, UI_LANGUAGES, choose_ui, labels, plain_error
from .server import Services, error_status
from .views import act_header, item_rows, source_segments

__all__ = ["router"]

log = logging.getLogger("tapsyrma.web")
router = APIRouter(include_in_schema=False)

ACT_LANGUAGES = ("auto", *UI_LANGUAGES)
# The result form holds four fields per item; acts of thousands of points stay within this.
MAX_FORM_FIELDS = 20_000
COOKIE_MAX_AGE = 365 * 24 * 3600


class PageError(Exception):
    """A form field the app cannot use; ``key`` names the message of [errors] that says so."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


@dataclass
class Options:
    """What the drafter chose besides the act: its language, the receipt date, the duplicate check."""

    lang: str = "auto"
    received: str = ""
    duplicates: bool = True

    @classmethod
    def from_form(cls, form: FormData) -> Options:
        lang = str(form.get("lang") or "auto")
        return cls(
            lang=lang if lang in ACT_LANGUAGES else "auto",
            received=str(form.get("received") or "").strip(),
            duplicates=form.get("duplicates") is not None,
        )

    def received_date(self) -> dt.date | None:
        if not self.received:
            return None
        try:
            return dt.date.fromisoformat(self.received)
        except ValueError:
            raise PageError("date", f"received: expected YYYY-MM-DD, got {self.received!r}") from None


@dataclass
class Page:
    """Everything a page may show; the start page uses the first fields only."""

    ui: str
    options: Options = field(default_factory=Options)
    text: str = ""
    error: str = ""
    error_details: str = ""
    notice: str = ""
    act: Act | None = None
    matches: list[DraftItemMatches] | None = None
    registry_note: str = ""
    edited: tuple[int, ...] = ()


def _services(request: Request) -> Services:
    return request.app.state.services


def _ui(request: Request, form: FormData | None = None) -> str:
    # The result page's language buttons send switch_ui next to the page's own ui field.
    return choose_ui(
        form.get("switch_ui") if form is not None else None,
        form.get("ui") if form is not None else None,
        request.query_params.get("ui"),
        request.cookies.get(UI_COOKIE),
        accept_language=request.headers.get("accept-language"),
    )


async def _form(request: Request) -> FormData:
    limit = _services(request).settings.max_body_bytes
    return await request.form(max_files=1, max_fields=MAX_FORM_FIELDS, max_part_size=limit)


def _registry_status(services: Services, ui: str) -> str:
    words = labels(ui)["input"]
    stats = services.registry().stats()
    acts, items = sum(stats.acts.values()), sum(stats.items.values())
    return words["registry"].format(acts=acts, items=items) if acts else words["registry_empty"]


def _render(request: Request, page: Page, *, status: int = 200) -> HTMLResponse:
    services = _services(request)
    settings = services.settings
    context = {
        "t": labels(page.ui),
        "ui": page.ui,
        "ui_languages": UI_LANGUAGES,
        "page": page,
        "options": page.options,
        "limit_mb": settings.limit_mb,
        "max_bytes": settings.max_bytes,
    }
    if page.act is not None:
        act = page.act
        context.update(
            act=act,
            act_json=act.to_json(indent=None),
            header=act_header(act, page.ui),
            rows=item_rows(act, page.ui, page.matches, page.edited),
            source=source_segments(act),
            downloads=DOWNLOADS,
        )
        name = "result.html"
    else:
        name = "start.html"
    response = services.templates.TemplateResponse(request, name, context, status_code=status)
    response.set_cookie(UI_COOKIE, page.ui, max_age=COOKIE_MAX_AGE, samesite="strict")
    return response


def _failed(page: Page, exc: BaseException, services: Services) -> int:
    """Put ``exc`` on ``page`` in plain words; the status to answer with."""
    settings = services.settings
    if isinstance(exc, PageError):
        page.error = labels(page.ui)["errors"][exc.key]
        page.error_details = str(exc)
        return 400
    page.error = plain_error(exc, page.ui, limit_mb=settings.limit_mb, timeout_s=settings.timeout)
    if isinstance(exc, TapsyrmaError):
        page.error_details = str(exc)
    else:
        log.error("request failed", exc_info=exc)
    return error_status(exc)


@router.get("/", response_class=HTMLResponse)
async def start(request: Request) -> HTMLResponse:
    page = Page(ui=_ui(request))
    services = _services(request)
    try:
        page.registry_note = await services.worker.run(_registry_status, services, page.ui)
    except (TapsyrmaError, TimeoutError) as exc:
        page.registry_note = plain_error(exc, page.ui, limit_mb=services.settings.limit_mb, timeout_s=services.settings.timeout)
    return _render(request, page)


def _parse(text: str, upload: tuple[bytes, str] | None, options: Options, max_bytes: int) -> tuple[Act, str]:
    """The act and the text it was parsed from (a file's text as its reader gives it)."""
    received = options.received_date()
    if upload is not None:
        data, name = upload
        document = read_bytes(data, name, max_bytes=max_bytes)
        return parse_document(document, lang=options.lang, received=received), document.text
    if len(text.encode("utf-8")) > max_bytes:
        raise InputTooLargeError(f"pasted text: expected at most {max_bytes} bytes, got {len(text.encode('utf-8'))}")
    return parse_text(text, lang=options.lang, received=received), text


def _duplicates(services: Services, act: Act) -> list[DraftItemMatches]:
    return find_duplicates(act, services.registry())


async def _check_duplicates(page: Page, services: Services) -> None:
    """Search the registry when asked; a registry that fails leaves a note, not an error page."""
    if page.act is None or not page.options.duplicates:
        return
    try:
        page.matches = await services.worker.run(_duplicates, services, page.act)
    except (TapsyrmaError, TimeoutError) as exc:
        page.registry_note = plain_error(exc, page.ui, limit_mb=services.settings.limit_mb, timeout_s=services.settings.timeout)
        page.error_details = str(exc)


@router.post("/parse", response_class=HTMLResponse)
async def parse(request: Request) -> HTMLResponse:
    """Parse a pasted text or an uploaded file (the start form), or the same text again with
    other options (the result page's "parse again")."""
    services = _services(request)
    page = Page(ui=_ui(request))
    try:
        form = await _form(request)
        page.ui = _ui(request, form)
        page.options = Options.from_form(form)
        page.text = str(form.get("text") or "")
        upload = form.get("file")
        file = None
        if isinstance(upload, UploadFile) and upload.filename:
            file = (await upload.read(services.settings.max_bytes + 1), upload.filename)
        if file is None and not page.text.strip():
            page.error = labels(page.ui)["errors"]["empty"]
            return _render(request, page, status=400)
        page.act, page.text = await services.worker.run(_parse, page.text, file, page.options, services.settings.max_bytes)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a message on the page
        page.act = None
        return _render(request, page, status=_failed(page, exc, services))
    await _check_duplicates(page, services)
    return _render(request, page)


def _reviewed(form: FormData) -> tuple[Act, tuple[int, ...]]:
    """The act of the result form with the table's corrections applied, and the corrected items."""
    try:
        act = Act.from_json(str(form.get("act") or ""))
    except ValidationError as exc:
        raise PageError("form", f"act: expected the tapsyrma/act@1 JSON of the page, got {exc.error_count()} errors") from None
    previously = {int(value) for value in form.getlist("edited") if str(value).isdigit()}
    corrected, changed = apply_edits(act, [fields_from_form(form, index) for index in range(len(act.items))])
    return corrected, tuple(sorted(previously | set(changed)))


async def _review_page(request: Request) -> tuple[Page, FormData | None, int]:
    """The result page of a submitted result form (status 200), or the page with its error."""
    services = _services(request)
    page = Page(ui=_ui(request))
    form = None
    try:
        form = await _form(request)
        page.ui = _ui(request, form)
        page.options = Options.from_form(form)
        page.text = str(form.get("text") or "")
        page.act, page.edited = await services.worker.run(_reviewed, form)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a message on the page
        status = _failed(page, exc, services)
        if form is not None and page.act is None and not isinstance(exc, PageError):
            # The corrections could not be applied: show the act as it was sent.
            try:
                page.act = Act.from_json(str(form.get("act") or ""))
            except ValidationError:
                page.act = None
        return page, form, status
    return page, form, 200


@router.post("/review", response_class=HTMLResponse)
async def review(request: Request) -> HTMLResponse:
    """Apply the corrections and show the page again (also how the interface language switches)."""
    page, _, status = await _review_page(request)
    if status == 200:
        await _check_duplicates(page, _services(request))
    return _render(request, page, status=status)


@router.post("/download/{kind}", response_model=None)
async def download_file(request: Request, kind: str) -> Response:
    """One of the documents of the corrected act, as a file to save."""
    services = _services(request)
    page, _, status = await _review_page(request)
    if status != 200 or page.act is None:
        return _render(request, page, status=status)
    try:
        if kind not in DOWNLOADS:
            raise InputError(f"download: expected one of {', '.join(DOWNLOADS)}, got {kind!r}")
        if not page.act.items and kind != "json":
            page.error = labels(page.ui)["errors"]["no_items"]
            return _render(request, page, status=400)
        file = await services.worker.run(download, kind, page.act)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a message on the page
        return _render(request, page, status=_failed(page, exc, services))
    return Response(
        file.data,
        media_type=file.media_type,
        headers={"Content-Disposition": f'attachment; filename="{file.filename}"'},
    )


@router.post("/register", response_class=HTMLResponse)
async def register(request: Request) -> HTMLResponse:
    """Add the corrected act to the registry, so later drafts are checked against it."""
    services = _services(request)
    page, _, status = await _review_page(request)
    if status != 200 or page.act is None:
        return _render(request, page, status=status)
    act = page.act
    try:
        result = await services.worker.run(lambda: services.registry().import_acts([act]))
    except (TapsyrmaError, TimeoutError) as exc:
        return _render(request, page, status=_failed(page, exc, services))
    words = labels(page.ui)["downloads"]
    page.notice = words["registered"].format(items=result.items_added) if result.acts_added else words["already"]
    await _check_duplicates(page, services)
    return _render(request, page)
