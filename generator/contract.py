"""Templates are contracts: every variable a template uses must exist in its document model.

A template (bundled or the user's own) is parsed once and walked before it is rendered: each name
and attribute chain (``act.number``, ``row.deadline`` inside ``{% for row in rows %}``) is
resolved against the dataclasses of :mod:`.context`. A variable the model does not have fails
with a :class:`TemplateError` naming the variable and the template line, instead of an empty
cell in a document someone signs.

For a DOCX the line is the paragraph (table cell paragraphs included) as docxtpl sees it.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, nodes

from tapsyrma.parser.errors import TemplateError

_TAGS = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"<w:p([ >])")
_ANY = object()  # a value the contract does not follow (a string, a loop counter, a filter's result)
_GLOBALS = frozenset(("range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop"))


@dataclass(slots=True)
class Usage:
    """What a template uses: the dotted variables found in the model, and those not found."""

    used: set[str] = field(default_factory=set)
    unknown: list[tuple[str, int]] = field(default_factory=list)


def model_fields(model: type) -> dict[str, object]:
    return typing.get_type_hints(model) if dataclasses.is_dataclass(model) else {}


def _element(kind: object) -> object:
    """The type of the elements of ``tuple[X, ...]``."""
    if typing.get_origin(kind) in (tuple, list):
        args = typing.get_args(kind)
        return args[0] if args else _ANY
    return _ANY


def _dotted(node: nodes.Node) -> str:
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    if isinstance(node, nodes.Name):
        return node.name
    return "…"


class _Walker:
    def __init__(self) -> None:
        self.usage = Usage()

    def type_of(self, node: nodes.Node, scope: dict[str, object]) -> object:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                self.usage.used.add(node.name)
                return scope[node.name]
            if node.name not in _GLOBALS:
                self.usage.unknown.append((node.name, node.lineno))
            return _ANY
        if isinstance(node, nodes.Getattr):
            base = self.type_of(node.node, scope)
            if base is _ANY or not dataclasses.is_dataclass(base):
                return _ANY
            fields = model_fields(base)
            path = _dotted(node)
            if node.attr not in fields:
                self.usage.unknown.append((path, node.lineno))
                return _ANY
            self.usage.used.add(path)
            return fields[node.attr]
        for child in node.iter_child_nodes():
            self.visit(child, scope)
        return _ANY

    def visit(self, node: nodes.Node, scope: dict[str, object]) -> None:
        if isinstance(node, nodes.For):
            element = _element(self.type_of(node.iter, scope))
            inner = dict(scope, loop=_ANY)
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = element
            else:
                inner.update((name.name, _ANY) for name in node.target.find_all(nodes.Name))
            if node.test is not None:
                self.visit(node.test, inner)
            for child in node.body:
                self.visit(child, inner)
            for child in node.else_:
                self.visit(child, scope)
            return
        if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
            for child in node.iter_child_nodes(exclude=("target",)):
                self.visit(child, scope)
            scope.update((name.name, _ANY) for name in node.target.find_all(nodes.Name))
            return
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            inner = dict(scope)
            inner.update((arg.name, _ANY) for arg in node.args)
            inner.update(caller=_ANY, varargs=_ANY, kwargs=_ANY)
            for child in node.body:
                self.visit(child, inner)
            return
        if isinstance(node, (nodes.Name, nodes.Getattr)):
            self.type_of(node, scope)
            return
        for child in node.iter_child_nodes():
            self.visit(child, scope)


def usage(tree: nodes.Template, model: type) -> Usage:
    """The variables a parsed template uses, checked against ``model``."""
    walker = _Walker()
    walker.visit(tree, dict(model_fields(model)))
    return walker.usage


def _fail(name: str, lineno: int, line: str, what: str) -> TemplateError:
    text = " ".join(_TAGS.sub("", line).split())
    if len(text) > 80:
        text = text[:77] + "..."
    return TemplateError(f"template {name}, line {lineno} «{text}»: {what}")


def check(source: str, model: type, *, name: str, environment: Environment) -> Usage:
    """Parse and check a template's source; raise :class:`TemplateError` on the first unknown variable."""
    source_lines = source.splitlines()

    def line(number: int) -> str:
        return source_lines[number - 1] if 0 < number <= len(source_lines) else ""

    try:
        tree = environment.parse(source)
    except TemplateSyntaxError as exc:
        raise _fail(name, exc.lineno, line(exc.lineno), exc.message or "syntax error") from None
    found = usage(tree, model)
    if found.unknown:
        path, lineno = found.unknown[0]
        known = ", ".join(sorted(model_fields(model)))
        raise _fail(
            name, lineno, line(lineno),
            f"variable '{path}' is not in the {model.__name__.lower()} model (its variables: {known})",
        )
    return found


def docx_source(path: Path) -> str:
    """The Jinja source docxtpl renders from a DOCX: body, headers and footers, one paragraph a line."""
    from docx import Document
    from docx.oxml import parse_xml
    from docxtpl import DocxTemplate

    template = DocxTemplate(path)
    document = Document(path)
    parts = [template.patch_xml(template.xml_to_string(document.element.body))]
    for relation in document.part.rels.values():
        if relation.reltype in (template.HEADER_URI, template.FOOTER_URI) and relation.target_part.blob:
            parts.append(template.patch_xml(template.xml_to_string(parse_xml(relation.target_part.blob))))
    return _PARAGRAPH.sub(r"\n<w:p\1", "".join(parts))


@lru_cache(maxsize=64)
def _checked_docx(path: Path, stamp: tuple[int, int], model: type, environment: Environment) -> Usage:
    try:
        source = docx_source(path)
    except Exception as exc:  # python-docx raises zip, XML and KeyError for a file that is not a DOCX
        raise TemplateError(f"template {path}: expected a Word .docx file, got {type(exc).__name__}: {exc}") from None
    return check(source, model, name=str(path), environment=environment)


def check_docx(path: Path, model: type, environment: Environment) -> Usage:
    stat = path.stat()
    return _checked_docx(path, (stat.st_mtime_ns, stat.st_size), model, environment)


@lru_cache(maxsize=64)
def _checked_html(path: Path, stamp: tuple[int, int], model: type, environment: Environment) -> Usage:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"template {path}: expected a UTF-8 HTML file, got {exc}") from None
    return check(source, model, name=str(path), environment=environment)


def check_html(path: Path, model: type, environment: Environment) -> Usage:
    stat = path.stat()
    return _checked_html(path, (stat.st_mtime_ns, stat.st_size), model, environment)
