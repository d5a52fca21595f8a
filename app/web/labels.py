"""Interface words of the web app (corpora/lang/<ui>/web.toml) and errors said in plain words.

The interface language is chosen per request (form field, query, cookie, browser language) and is
independent of the act's language: a Kazakh-speaking drafter may review a Russian act.
"""

from __future__ import annotations

from typing import Any

from tapsyrma.parser import langdata
from tapsyrma.parser.errors import (
    InputError,
    InputTooLargeError,
    LanguageError,
    RegistryError,
    ScannedPdfError,
    UnsupportedFormatError,
)

__all__ = ["UI_COOKIE", "UI_LANGUAGES", "choose_ui", "error_key", "labels", "plain_error"]

UI_LANGUAGES = ("ru", "kk")
UI_COOKIE = "tapsyrma_ui"

# Most specific class first: the first that matches names the message of [errors].
_ERROR_KEYS: tuple[tuple[type[BaseException], str], ...] = (
    (ScannedPdfError, "scanned"),
    (InputTooLargeError, "too_large"),
    (UnsupportedFormatError, "wrong_type"),
    (LanguageError, "language"),
    (InputError, "unreadable"),
    (RegistryError, "registry"),
    (TimeoutError, "timeout"),
)


def labels(ui: str) -> dict[str, Any]:
    """The interface words of ``ui`` ("ru" or "kk")."""
    return langdata.load(ui, "web")


def choose_ui(*candidates: str | None, accept_language: str | None = None) -> str:
    """The first of ``candidates`` that is an interface language, else the browser's, else Russian."""
    for candidate in candidates:
        if candidate in UI_LANGUAGES:
            return candidate
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in UI_LANGUAGES:
            return code
    return UI_LANGUAGES[0]


def error_key(exc: BaseException) -> str:
    """The key of [errors] that says what went wrong with ``exc``."""
    for cls, key in _ERROR_KEYS:
        if isinstance(exc, cls):
            return key
    return "internal"


def plain_error(exc: BaseException, ui: str, *, limit_mb: str, timeout_s: float) -> str:
    """What went wrong, in the drafter's words; the technical one-liner stays in the details."""
    template = labels(ui)["errors"][error_key(exc)]
    return template.format(limit_mb=limit_mb, seconds=f"{timeout_s:g}")
