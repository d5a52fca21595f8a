"""DOCX output: a Word template of templates/<lang>/ (or the user's own) filled by docxtpl."""

from __future__ import annotations

import io
from pathlib import Path

from jinja2 import Environment, StrictUndefined
from jinja2 import TemplateError as JinjaError
from lxml.etree import XMLSyntaxError

from tapsyrma.parser.errors import TemplateError

from .context import DocumentModel, template_variables
from .contract import check_docx

# Autoescape: "&", "<" and quotes in a decree's text must reach Word as text, not as XML.
ENVIRONMENT = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def render_docx(template: Path, model: DocumentModel) -> bytes:
    """Fill the Word template with the document model and return the .docx bytes."""
    from docxtpl import DocxTemplate

    check_docx(template, type(model), ENVIRONMENT)
    document = DocxTemplate(template)
    context = template_variables(model)
    try:
        document.render(context, jinja_env=ENVIRONMENT, autoescape=True)
        buffer = io.BytesIO()
        document.save(buffer)
    except JinjaError as exc:
        raise TemplateError(f"template {template}: cannot be rendered: {exc}") from None
    except XMLSyntaxError as exc:
        raise TemplateError(f"template {template}: the filled document is not valid Word XML: {exc}") from None
    return buffer.getvalue()
