"""HTML output: a printable page from a Jinja template of templates/<lang>/ (or the user's own)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2 import TemplateError as JinjaError

from tapsyrma.parser.errors import TemplateError

from .context import DocumentModel, template_variables
from .contract import check_html


@lru_cache(maxsize=16)
def html_environment(folder: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(template: Path, model: DocumentModel) -> bytes:
    environment = html_environment(template.parent)
    check_html(template, type(model), environment)
    context = template_variables(model)
    try:
        return environment.get_template(template.name).render(context).encode("utf-8")
    except JinjaError as exc:
        raise TemplateError(f"template {template}: cannot be rendered: {exc}") from None
