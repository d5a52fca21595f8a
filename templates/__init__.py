"""Document templates (DOCX and HTML) per language; editable in Word."""

from __future__ import annotations

from pathlib import Path

TEMPLATES_DIR = Path(__file__).resolve().parent
