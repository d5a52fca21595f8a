"""The one exception family of tapsyrma.

Every error the library raises on purpose derives from :class:`TapsyrmaError` and reads as one
line saying what was expected and what was got. The CLI prints it and exits with the error's
``exit_code``; integrators catch ``TapsyrmaError``.
"""

from __future__ import annotations


class TapsyrmaError(Exception):
    """Base of every error tapsyrma raises on purpose."""

    exit_code = 1


class InputError(TapsyrmaError):
    """The input cannot be read as an act: empty, binary, corrupt, too large, unknown type."""


class UnsupportedFormatError(InputError):
    """The file type is not one tapsyrma reads."""


class ScannedPdfError(InputError):
    """A PDF without a text layer (a scan); OCR is not supported."""


class InputTooLargeError(InputError):
    """The input exceeds the configured size limit."""


class LanguageError(TapsyrmaError):
    """The language is not Russian or Kazakh, or a forced language does not fit the text."""


class DataError(TapsyrmaError):
    """A bundled or user-supplied data file (gazetteer, phrases, calendar) is invalid."""


class TemplateError(TapsyrmaError):
    """A document template uses a variable the model does not have, or cannot be rendered."""


class RegistryError(TapsyrmaError):
    """The registry of earlier instructions cannot be opened, read or written."""
