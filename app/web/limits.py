"""Limits that keep one drafter's request from stalling the app for everyone else.

- :class:`BodySizeLimit` refuses a request body larger than the cap, before reading it when the
  browser declares its length, and as soon as the count passes the cap otherwise. It raises
  :class:`RequestTooLarge` (an :class:`InputTooLargeError`) where the body is read, so a page
  says it in words and the API answers 413.
- :class:`Worker` runs CPU-bound work (parsing, duplicate search, rendering) in worker threads,
  off the event loop, a few at a time, and gives up waiting after a timeout.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

import anyio
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tapsyrma.parser.errors import InputTooLargeError

__all__ = ["BodySizeLimit", "RequestTooLarge", "Worker"]

T = TypeVar("T")


class RequestTooLarge(InputTooLargeError, HTTPException):
    """A request body over the cap. Also an HTTPException, so that FastAPI passes it on as it is
    when it reads a body for an API route (it turns other errors there into a bare 400)."""

    def __init__(self, message: str) -> None:
        InputTooLargeError.__init__(self, message)
        HTTPException.__init__(self, status_code=413, detail=message)

    def __str__(self) -> str:
        return self.detail


class BodySizeLimit:
    """ASGI middleware: an HTTP request body may carry at most ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            if declared is not None and declared > self.max_bytes:
                raise self._too_large(declared)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise self._too_large(received)
            return message

        await self.app(scope, limited_receive, send)

    def _too_large(self, size: int) -> RequestTooLarge:
        return RequestTooLarge(f"request: expected at most {self.max_bytes} bytes, got {size} or more")


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class Worker:
    """Runs blocking calls in threads, at most ``concurrency`` at once, each awaited at most
    ``timeout`` seconds (waiting for a free slot included), then :class:`TimeoutError`.

    A thread cannot be stopped: a call that timed out runs to its end and keeps its slot until
    then, so abandoned work cannot pile up; one that timed out while waiting does not start.
    """

    def __init__(self, *, concurrency: int, timeout: float) -> None:
        self.timeout = timeout
        self._slots = threading.BoundedSemaphore(concurrency)

    async def run(self, fn: Callable[..., T], *args, **kwargs) -> T:
        abandoned = threading.Event()

        def call() -> T:
            with self._slots:
                if abandoned.is_set():
                    raise TimeoutError("abandoned before it started")
                return fn(*args, **kwargs)

        try:
            with anyio.fail_after(self.timeout):
                return await anyio.to_thread.run_sync(call, abandon_on_cancel=True)
        finally:
            abandoned.set()
