"""The FastAPI application: settings, shared services, limits, error pages and the routers.

``create_app(WebSettings(...))`` is what ``tapsyrma serve`` runs. Everything the pages load is
served from this package (the Content-Security-Policy allows nothing else), so the app works on a
network without internet.
"""

from __future__ import annotations

import os
import threading
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import anyio
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from tapsyrma.parser import parse_text
from tapsyrma.parser.errors import (
    InputTooLargeError,
    RegistryError,
    ScannedPdfError,
    TapsyrmaError,
    UnsupportedFormatError,
)
from tapsyrma.parser.readers import DEFAULT_MAX_BYTES
from tapsyrma.registry import Registry

from .labels import UI_LANGUAGES, error_key, labels
from .limits import BodySizeLimit, Worker

__all__ = ["Services", "WebSettings", "create_app", "error_status"]

HERE = Path(__file__).resolve().parent
# A request carries an act's JSON (its text, structure and items: up to ~10x the text) or a file.
BODY_FACTOR = 10
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How the app runs. ``db``: the registry (SQLite path or URL, PostgreSQL URL; None: the
    per-user default); ``max_bytes``: the largest act file or pasted text; ``timeout``: seconds a
    request may take; ``concurrency``: acts parsed at once; ``warm_up``: parse a short act in each
    language at start, so the first drafter does not wait for the language data to load."""

    db: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 60.0
    concurrency: int = max(1, min(4, os.cpu_count() or 1))
    warm_up: bool = True

    @property
    def max_body_bytes(self) -> int:
        return self.max_bytes * BODY_FACTOR

    @property
    def limit_mb(self) -> str:
        """The act size limit as the pages write it: 20, 1.5, 0.00391 (megabytes)."""
        return f"{self.max_bytes / 2**20:.3g}"


class Services:
    """What the routes share: settings, the worker threads, the templates and the registry."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.worker = Worker(concurrency=settings.concurrency, timeout=settings.timeout)
        environment = Environment(
            loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
            trim_blocks=True, lstrip_blocks=True,
        )
        self.templates = Jinja2Templates(env=environment)
        self._registry: Registry | None = None
        self._lock = threading.Lock()

    def registry(self) -> Registry:
        """The registry, opened on first use (from a worker thread: opening may create it)."""
        with self._lock:
            if self._registry is None:
                self._registry = Registry(self.settings.db)
            return self._registry

    def close(self) -> None:
        with self._lock:
            if self._registry is not None:
                self._registry.close()
                self._registry = None


def error_status(exc: BaseException) -> int:
    """The HTTP status of an error the drafter (or an API client) can act on."""
    if isinstance(exc, InputTooLargeError):
        return 413
    if isinstance(exc, UnsupportedFormatError):
        return 415
    if isinstance(exc, ScannedPdfError):
        return 422
    if isinstance(exc, RegistryError):
        return 503
    if isinstance(exc, TimeoutError):
        return 504
    if isinstance(exc, TapsyrmaError) and error_key(exc) != "internal":
        return 400
    return 500


def _warm_up() -> None:
    for lang in UI_LANGUAGES:
        parse_text(labels(lang)["warm_up"]["text"], lang=lang)


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The web app for drafters, with its JSON API under /api."""
    settings = settings or WebSettings()
    services = Services(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if settings.warm_up:
            await anyio.to_thread.run_sync(_warm_up)
        yield
        services.close()

    app = FastAPI(
        title="tapsyrma",
        summary="Instruction items from acts of Kazakhstan (Russian and Kazakh): executors, deadlines, duplicates, control documents.",
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        # Swagger UI and ReDoc load their scripts from a CDN; the schema itself is served.
        docs_url=None,
        redoc_url=None,
    )
    app.state.services = services
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    @app.exception_handler(TapsyrmaError)
    async def tapsyrma_error(request: Request, exc: TapsyrmaError) -> JSONResponse:
        # Pages catch their errors themselves; what reaches here is an API call (or a body
        # refused before a page route could read it).
        return JSONResponse({"error": error_key(exc), "message": str(exc)}, status_code=error_status(exc))

    @app.exception_handler(TimeoutError)
    async def timeout_error(request: Request, exc: TimeoutError) -> JSONResponse:
        message = f"expected an answer within {settings.timeout:g} s, got none"
        return JSONResponse({"error": "timeout", "message": message}, status_code=504)

    from . import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
