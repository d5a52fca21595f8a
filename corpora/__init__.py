"""Data files of tapsyrma: per-language phrase data, the state-body gazetteer, the calendar,
sample acts and gold annotations. Code reads them through :func:`data_path` so that an
installed wheel works outside the checkout."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


def data_path(*parts: str) -> Path:
    """Path of a bundled data file, e.g. ``data_path("lang", "ru", "structure.toml")``."""
    return DATA_DIR.joinpath(*parts)
