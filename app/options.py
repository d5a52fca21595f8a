"""Choices the commands share, so `--lang` means the same everywhere."""

from __future__ import annotations

from enum import Enum


class ActLanguage(str, Enum):
    """Language of an input act: auto detects Russian or Kazakh."""

    auto = "auto"
    ru = "ru"
    kk = "kk"


class OutputLanguage(str, Enum):
    """Language of a document or report the command writes."""

    ru = "ru"
    kk = "kk"
