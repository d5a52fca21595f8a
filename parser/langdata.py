"""Per-language phrase data: ``corpora/lang/<lang>/<name>.toml``.

Logic never holds Russian or Kazakh words; it reads them from these files. Each file has the same
keys in both languages (checked by ``tests/test_langdata_parity.py``); each consumer validates the
file it reads with its own schema.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any

from tapsyrma.corpora import data_path

from .errors import DataError

LANGUAGES = ("ru", "kk")


@lru_cache(maxsize=None)
def load(lang: str, name: str) -> dict[str, Any]:
    """The parsed data file ``corpora/lang/<lang>/<name>.toml``."""
    if lang not in LANGUAGES:
        raise DataError(f"language data: expected one of {', '.join(LANGUAGES)}, got {lang!r}")
    path = data_path("lang", lang, f"{name}.toml")
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise DataError(f"language data: no file {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"language data: {path} is not valid TOML: {exc}") from None
