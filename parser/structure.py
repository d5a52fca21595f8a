"""Structure of an act: header, points, subpoints, paragraphs, appendices and their tables,
signature, control clause, effective-date clause and, in amending acts, the amendments.

The parser walks the normalised blocks once. Every language-specific word comes from
``corpora/lang/<lang>/structure.toml``; this module only knows the shapes: "1." and "30-1." open a
point, "1)" and "а)" a subpoint, a TAB row is a table row, a quoted block after an amending
instruction is the amendment's new text (never operative points of this act).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath

from . import langdata
from .model import ActHeader, Amendment, ControlClause, Effective, Node
from .normalize import Block, NormalizedText

_POINT = re.compile(r"(?P<number>\d{1,3}(?:-\d{1,3})*)\.\s*(?=\S)(?!\d)")
_SUBPOINT = re.compile(r"(?P<number>\d{1,3}(?:-\d{1,3})*)\)\s*")
_NUMERIC_DATE = re.compile(r"(?<!\d)(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})(?!\d)")
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
_OPENING_QUOTES = "\"«“„"
_CLOSING_QUOTES = "\"»”“"
_WORD = re.compile(r"\w+")
# A data row whose first cell is a number: "1.", "1", "2.1", "12)".
_ROW_NUMBER = re.compile(r"(?P<number>\d{1,3}(?:[.-]\d{1,3})*)[.)]?")
# Provenance file names of the sample corpus: "kz-ru-ukaz-20220303-826".
_FILE_KIND_WORDS = {
    "ukaz": "ukaz",
    "postanovlenie": "postanovlenie",
    "rasporyazhenie": "rasporyazhenie",
    "reshenie": "reshenie",
    "prikaz": "prikaz",
    "zakon": "zakon",
}
SIGNATURE_MAX_WORDS = 12
_KIND_LINE_MAX_WORDS = 6
APPENDIX_HEADER_MAX_WORDS = 40


@dataclass(frozen=True)
class _Grammar:
    """The structure grammar of one language, compiled from its data file."""

    kinds: dict[str, re.Pattern[str]]
    kind_names: dict[str, str]
    formulas: dict[str, re.Pattern[str]]
    issuers: tuple[tuple[str, str, re.Pattern[str]], ...]
    appendix: re.Pattern[str]
    appendix_number: re.Pattern[str]
    appendix_reference: re.Pattern[str]
    note: re.Pattern[str]
    stamp: re.Pattern[str]
    approval: re.Pattern[str]
    number: re.Pattern[str]
    date_words: re.Pattern[str]
    months: tuple[re.Pattern[str], ...]
    control: re.Pattern[str]
    control_body: re.Pattern[str]  # where the body the act is put on the control of begins in that clause
    effective: re.Pattern[str]
    signing_day: re.Pattern[str]
    operations: dict[str, re.Pattern[str]]
    amendment_context: re.Pattern[str]
    point_target: re.Pattern[str]
    target_noise: re.Pattern[str]
    exceptions: re.Pattern[str]
    letter_subpoint: re.Pattern[str]
    digit_lookalikes: dict[str, str]


@lru_cache(maxsize=None)
def grammar(lang: str) -> _Grammar:
    data = langdata.load(lang, "structure")
    patterns = data["patterns"]
    flags = re.IGNORECASE
    month_names = patterns["month_names"]
    month_alternation = "|".join(month_names)
    letters = data["subpoints"]["letters"]
    return _Grammar(
        kinds={key: re.compile(rf"(?<!\w)(?:{value})", flags) for key, value in data["kinds"].items()},
        kind_names=dict(langdata.load("ru", "structure")["kind_names"]),
        formulas={key: re.compile(rf"(?<!\w)(?:{value})\W{{0,3}}:", flags) for key, value in data["formulas"].items()},
        issuers=tuple((entry["id"], entry["name"], re.compile(entry["pattern"], flags)) for entry in data["issuers"]),
        appendix=re.compile(patterns["appendix"]),
        appendix_number=re.compile(patterns["appendix_number"]),
        appendix_reference=re.compile(patterns["appendix_reference"], flags),
        note=re.compile(patterns["note"], flags),
        stamp=re.compile(patterns["stamp"], flags),
        approval=re.compile(patterns["approval"]),
        number=re.compile(patterns["number"]),
        date_words=re.compile(patterns["date_words"].replace("{month}", month_alternation), flags),
        months=tuple(re.compile(rf"(?:{name})", flags) for name in month_names),
        control=re.compile(patterns["control"], flags),
        control_body=re.compile(patterns["control_body"], flags),
        effective=re.compile(patterns["effective"], flags),
        signing_day=re.compile(patterns["signing_day"], flags),
        operations={key: re.compile(value, flags) for key, value in data["amendment_operations"].items()},
        amendment_context=re.compile(data["amendment_context"]["pattern"], flags),
        point_target=re.compile(data["amendment_context"]["point_target"], flags),
        target_noise=re.compile(data["amendment_context"]["target_noise"], flags),
        exceptions=re.compile(data["lists"]["exceptions"], flags),
        letter_subpoint=re.compile(rf"(?P<number>[{letters}])\)\s*"),
        digit_lookalikes=dict(data["subpoints"]["digit_lookalikes"]),
    )


# --------------------------------------------------------------------------------------------
# The mutable tree built while walking the blocks; frozen into model.Node at the end.


@dataclass(eq=False)
class _Node:
    kind: str
    number: str | None
    path: tuple[str, ...]
    block: Block
    text: str
    quoted: bool = False
    role: str | None = None  # "control" | "effective" | None
    children: list[_Node] = field(default_factory=list)
    # Characters of the block before ``text`` starts: the marker "1. ", "2) ".
    marker_length: int = 0

    @property
    def span(self) -> tuple[int, int]:
        return (self.block.start + self.marker_length, self.block.end)

    def freeze(self) -> Node:
        return Node(
            number=self.number,
            path=self.path,
            kind=self.kind,  # type: ignore[arg-type]
            text=self.text,
            span=self.span,
            cells=self.block.cells if self.kind == "table_row" else None,
            children=tuple(child.freeze() for child in self.children),
        )


@dataclass(frozen=True)
class ParsedStructure:
    """What the structure parser found; items are built on top of it."""

    header: ActHeader
    structure: tuple[Node, ...]
    control: ControlClause | None
    amendments: tuple[Amendment, ...]
    effective: Effective
    warnings: tuple[str, ...]
    # Spans that hold no instructions of this act: quoted new text of amendments, the control
    # clause, the effective-date clause, editorial notes.
    inert_spans: tuple[tuple[int, int], ...]
    # Nodes whose subpoints are a list of exceptions or objects, not separate instructions.
    exception_lists: frozenset[tuple[str, ...]]


# --------------------------------------------------------------------------------------------
# Dates and requisites


def find_date(text: str, lang: str) -> tuple[dt.date, tuple[int, int]] | None:
    """The first calendar date written in ``text`` ("4 декабря 2023 года", "2023 жылғы 4
    желтоқсандағы", "03.03.2022")."""
    g = grammar(lang)
    best: tuple[dt.date, tuple[int, int]] | None = None
    for match in g.date_words.finditer(text):
        month = next((i + 1 for i, month in enumerate(g.months) if month.match(match.group("month"))), None)
        value = _safe_date(int(match.group("year")), month, int(match.group("day"))) if month else None
        if value:
            best = (value, match.span())
            break
    numeric = _NUMERIC_DATE.search(text)
    if numeric:
        value = _safe_date(int(numeric.group("year")), int(numeric.group("month")), int(numeric.group("day")))
        if value and (best is None or numeric.start() < best[1][0]):
            best = (value, numeric.span())
    return best


def _safe_date(year: int, month: int | None, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if month else None
    except ValueError:
        return None


def _kind_in(text: str, g: _Grammar) -> str | None:
    first: tuple[int, str] | None = None
    for kind, pattern in g.kinds.items():
        match = pattern.search(text)
        if match and (first is None or match.start() < first[0]):
            first = (match.start(), kind)
    return first[1] if first else None


def _requisites_kind(text: str, g: _Grammar) -> str | None:
    """The kind of act when ``text`` opens or closes with its name, as requisites lines do."""
    stripped = text.strip(" .")
    for kind, pattern in g.kinds.items():
        for match in pattern.finditer(stripped):
            if match.start() == 0 or match.end() == len(stripped):
                return kind
    return None


def _issuer_in(text: str, g: _Grammar, *, at_start: bool = False) -> tuple[str, str] | None:
    for issuer_id, name, pattern in g.issuers:
        match = pattern.match(text) if at_start else pattern.search(text)
        if match:
            return issuer_id, name
    return None


def _kind_line(text: str, g: _Grammar) -> bool:
    """Whether ``text`` is the line naming the kind of act and its issuer alone («Указ
    Президента Республики Казахстан», «Қазақстан Республикасы Үкіметінің қаулысы»)."""
    return _word_count(text) <= _KIND_LINE_MAX_WORDS and _kind_in(text, g) is not None and _issuer_in(text, g) is not None


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


# --------------------------------------------------------------------------------------------
# The walk


class _Walker:
    def __init__(self, normalized: NormalizedText, lang: str) -> None:
        self.normalized = normalized
        self.blocks = normalized.blocks
        self.lang = lang
        self.g = grammar(lang)
        self.top: list[_Node] = []
        self.warnings: list[str] = []
        self.amendments: list[Amendment] = []
        self.inert: list[tuple[int, int]] = []
        self.exception_lists: set[tuple[str, ...]] = set()
        self.control: ControlClause | None = None
        self.effective = Effective()
        self.signature_index: int | None = None
        self.formula_kind: str | None = None

    # -- zones ---------------------------------------------------------------------------------

    def operative_start(self) -> int:
        """Index of the first block of the operative part (after the formula, or the first point)."""
        for index, block in enumerate(self.blocks):
            if block.kind == "row":
                continue
            if _POINT.match(block.text) and block.kind != "quote":
                return index
            for kind, formula in self.g.formulas.items():
                if formula.search(block.text):
                    self.formula_kind = kind
                    return index + 1
        return 0

    def is_signature(self, index: int) -> bool:
        block = self.blocks[index]
        if block.kind == "row" or _word_count(block.text) > SIGNATURE_MAX_WORDS or block.text.endswith(":"):
            return False
        if _POINT.match(block.text) or _issuer_in(block.text, self.g, at_start=True) is None:
            return False
        if self.g.approval.search(block.text):
            return False  # "... Премьер-Министрінің ... өкімімен БЕКІТІЛГЕН" names the issuer, but signs nothing
        if block.bold or block.kind == "quote":
            return True
        # Not bold: a signature only if no operative point follows before an appendix.
        for later in self.blocks[index + 1:]:
            if self.is_appendix_marker(later):
                return True
            if _POINT.match(later.text) and later.kind != "quote" or later.kind == "row":
                return False  # points or a table follow: a title naming its issuer, no signature
        return True

    def is_appendix_marker(self, block: Block) -> bool:
        if block.kind == "row" or _word_count(block.text) > APPENDIX_HEADER_MAX_WORDS:
            return False
        return self.g.appendix.search(block.text) is not None and not block.text.rstrip().endswith((";", ":"))

    # -- main ----------------------------------------------------------------------------------

    def walk(self) -> None:
        start = self.operative_start()
        if start > 0:
            preamble = [b for b in self.blocks[:start] if b.kind != "row"]
            self.header_blocks = self.blocks[:start]
            last = self.blocks[start - 1]
            if preamble and self.formula_kind and _word_count(last.text) > 3:
                self.top.append(_Node("paragraph", None, (), last, last.text))
        else:
            self.header_blocks = ()
        stack: list[_Node] = []  # the open point / subpoint chain
        quote_depth = 0
        quote_container: _Node | None = None
        pending_operation: tuple[str, str] | None = None
        quote_opened = False
        context = ""
        appendix: _Node | None = None
        table_rows = 0
        index = start
        while index < len(self.blocks):
            block = self.blocks[index]
            text = block.text
            # Editorial notes of the database: outside the act.
            if self.g.note.search(text):
                self.inert.append((block.start, block.end))
                index += 1
                continue
            # Inside the quoted new text of an amendment.
            if quote_depth or (pending_operation and text[:1] in _OPENING_QUOTES):
                opening = quote_container is None
                if opening:
                    quote_container = stack[-1] if stack else appendix
                self._quoted_node(block, quote_container)
                quote_depth = _quote_balance(text, quote_depth)
                self.inert.append((block.start, block.end))
                if pending_operation:
                    operation, target = pending_operation
                    self._extend_amendment(operation, target, block, first=opening and quote_opened is False)
                    quote_opened = True
                if quote_depth == 0:
                    # Another quoted block may follow for the same operation
                    # ("подпункты 2) и 5) изложить в следующей редакции:" + two quoted subpoints).
                    quote_container = None
                index += 1
                continue
            pending_operation = None
            if self.signature_index is None and appendix is None and self.is_signature(index):
                self.signature_index = index
                stack = []
                index += 1
                continue
            if self.is_appendix_marker(block) and not _POINT.match(text):
                # Without a signature before it, an appendix header still shows itself: set apart
                # as a quote (the database's italic header) or naming the act it belongs to.
                if self.signature_index is not None or appendix is not None or block.kind == "quote" or self.g.number.search(text):
                    appendix = self._open_appendix(block, appendix)
                    stack = []
                    table_rows = 0
                    index += 1
                    continue
            # Between the signature and the first appendix: the signer's name, date and number.
            if self.signature_index is not None and appendix is None:
                index += 1
                continue
            if block.kind == "row":
                parent = stack[-1] if stack else appendix
                table_rows = self._add_row(block, parent, table_rows)
                index += 1
                continue
            table_rows = 0
            point = _POINT.match(text) if block.kind != "quote" else None
            subpoint = None if point else self._subpoint_match(text, self._previous_subpoint_number(stack))
            prefix = appendix.path if appendix else ()
            if point:
                node = _Node("point", point.group("number"), prefix + (point.group("number"),), block,
                             text[point.end():], marker_length=point.end())
                (appendix.children if appendix else self.top).append(node)
                stack = [node]
                context = ""
                self._classify_clause(node)
            elif subpoint is not None and stack:
                number, letter, marker_length = subpoint
                parent = self._subpoint_parent(stack, letter)
                node = _Node("subpoint", number, parent.path + (number,), block, text[marker_length:],
                             marker_length=marker_length)
                parent.children.append(node)
                stack = stack[: stack.index(parent) + 1] + [node]
                self._classify_clause(node)
            else:
                parent = stack[-1] if stack else appendix
                node = _Node("paragraph", None, parent.path if parent else prefix, block, text)
                (parent.children if parent else self.top).append(node)
                if parent is None and appendix is None and self.signature_index is None:
                    self._classify_clause(node)
            # Amending instructions.
            operation = self._operation(text)
            if operation:
                target = self._target(text, operation, context)
                if text.rstrip().endswith(":"):
                    pending_operation = (operation, target)
                    quote_opened = False
                else:
                    self.amendments.append(Amendment(target=target, operation=operation, text=text, span=(block.start, block.end)))
            elif text.rstrip().endswith(":") and self.g.amendment_context.search(text):
                context = text.rstrip(" :")
            if text.rstrip().endswith(":") and self.g.exceptions.search(text) and stack:
                self.exception_lists.add(stack[-1].path)
            index += 1
        if self.signature_index is None and not any(n.kind in ("point", "table_row") for n in self.top):
            self.warnings.append("no numbered points or table rows found: the act has no operative structure")

    @staticmethod
    def _previous_subpoint_number(stack: list[_Node]) -> str | None:
        if not stack:
            return None
        parent = stack[0]
        numbered = [c for c in parent.children if c.kind == "subpoint"]
        return numbered[-1].number if numbered else None

    def _subpoint_match(self, text: str, previous: str | None) -> tuple[str, bool, int] | None:
        """The subpoint number at the start of ``text``, whether it is a letter, and the marker's
        length. A letter that looks like the digit the numbering expects next ("б)" after "5)")
        is that digit."""
        match = _SUBPOINT.match(text)
        if match:
            return match.group("number"), False, match.end()
        letter = self.g.letter_subpoint.match(text)
        if not letter:
            return None
        value = letter.group("number")
        lookalike = self.g.digit_lookalikes.get(value)
        if lookalike is not None and previous and previous.isdigit() and int(previous) + 1 == int(lookalike):
            return lookalike, False, letter.end()
        return value, True, letter.end()

    @staticmethod
    def _subpoint_parent(stack: list[_Node], letter: bool) -> _Node:
        """Numbered subpoints belong to the point; lettered ones to the current numbered subpoint
        when there is one ("1) ... а) ..."), else to the point."""
        point = stack[0]
        if letter and len(stack) > 1 and stack[1].number and stack[1].number[0].isdigit():
            return stack[1]
        return point

    def _quoted_node(self, block: Block, parent: _Node | None) -> None:
        inner = block.text.lstrip(_OPENING_QUOTES)
        siblings = parent.children if parent else self.top
        previous = next((c.number for c in reversed(siblings) if c.quoted and c.number), None)
        point = _POINT.match(inner)
        subpoint = None if point else self._subpoint_match(inner, previous)
        number = point.group("number") if point else (subpoint[0] if subpoint else None)
        node = _Node("paragraph", number, parent.path if parent else (), block, block.text, quoted=True)
        (parent.children if parent else self.top).append(node)

    def _open_appendix(self, block: Block, current: _Node | None) -> _Node:
        # The first marker numbers the appendix: a Kazakh header may carry two ("... Жарлығына
        # 2-ҚОСЫМША ... Қағидаларға 8-ҚОСЫМША", the number in this act and in the amended one).
        match = self.g.appendix_number.search(block.text)
        number = next((g for g in match.groups() if g), None) if match else None
        # "ПРИЛОЖЕНИЕ 5 к Правилам" right under "ПРИЛОЖЕНИЕ 1 к Указу": the number the appendix
        # takes in the amended act, part of the same header.
        if current is not None and all(child.kind == "paragraph" and not child.children for child in current.children) and len(current.children) <= 2:
            node = _Node("paragraph", None, current.path, block, block.text)
            current.children.append(node)
            return current
        path_element = f"appendix-{number}" if number else "appendix"
        node = _Node("appendix", number, (path_element,), block, block.text)
        self.top.append(node)
        return node

    def _add_row(self, block: Block, parent: _Node | None, rows_so_far: int) -> int:
        cells = block.cells or ()
        first = cells[0].strip() if cells else ""
        number_match = _ROW_NUMBER.fullmatch(first) if first else None
        filled = [c for c in cells if c.strip()]
        # The first row without a number is the header; a lone label row ("В сфере
        # здравоохранения") heads a group of rows.
        is_header = (rows_so_far == 0 and not number_match) or _is_column_numbering(cells) or (
            len(filled) == 1 and not number_match)
        base = parent.path if parent else ()
        if is_header:
            node = _Node("table_row", None, base + ("header",), block, block.text)
        else:
            ordinal = str(sum(1 for c in (parent.children if parent else self.top) if c.kind == "table_row" and c.number) + 1)
            number = number_match.group("number") if number_match else ordinal
            node = _Node("table_row", number, base + (number,), block, block.text)
        (parent.children if parent else self.top).append(node)
        return rows_so_far + 1

    def _classify_clause(self, node: _Node) -> None:
        text = node.text
        body = text
        if self.g.control.search(body):
            node.role = "control"
            self.control = ControlClause(text=text, span=node.span)
            self.inert.append((node.block.start, node.block.end))
        elif self.g.effective.search(body) and node.kind in ("point", "paragraph"):
            node.role = "effective"
            self.effective = Effective(text=text)
            self.inert.append((node.block.start, node.block.end))

    def _operation(self, text: str) -> str | None:
        if text[:1] in _OPENING_QUOTES:
            return None
        for operation, pattern in self.g.operations.items():
            if pattern.search(text):
                # "слова ... заменить словами ..." is a word-level change even though it may say "дополнить".
                if operation != "replace_words" and self.g.operations["replace_words"].search(text):
                    return "replace_words"
                return operation
        return None

    def _target(self, text: str, operation: str, context: str) -> str:
        target = self.g.operations[operation].sub(" ", text)
        target = self.g.target_noise.sub(" ", target)
        target = re.sub(r"\s+", " ", target).strip(" :;,.")
        # "пункт 13 изложить ..." names its own point: the context of "в пункте 4:" is over.
        if context and context not in target and not self.g.point_target.search(target):
            return f"{context}: {target}" if target else context
        return target

    def _extend_amendment(self, operation: str, target: str, block: Block, *, first: bool) -> None:
        text = block.text
        if first:
            self.amendments.append(Amendment(target=target, operation=operation, text=_strip_quotes(text), span=(block.start, block.end)))
            return
        last = self.amendments[-1]
        self.amendments[-1] = Amendment(
            target=last.target,
            operation=last.operation,
            text=last.text + "\n" + _strip_quotes(text),
            span=(last.span[0], block.end),
        )


def _strip_quotes(text: str) -> str:
    text = text.strip()
    if text[:1] in _OPENING_QUOTES:
        text = text[1:]
    stripped = text.rstrip(" ;.,")
    if stripped[-1:] in _CLOSING_QUOTES and _quote_balance(text, 1) == 0:
        text = stripped[:-1]
    return text.strip()


def _quote_balance(text: str, depth: int) -> int:
    """Quote depth after ``text`` given the depth before it. Guillemets nest; straight quotes
    toggle, so an odd count of them flips between inside and outside."""
    depth += text.count("«") + text.count("„") - text.count("»")
    straight = text.count('"')
    if straight % 2:
        depth = 0 if depth > 0 else 1
    return max(depth, 0)


def _is_column_numbering(cells: tuple[str, ...]) -> bool:
    """The "1 | 2 | 3 | 4" row under a table header that numbers the columns."""
    values = [c.strip().rstrip(".") for c in cells if c.strip()]
    return len(values) >= 3 and all(v.isdigit() for v in values) and [int(v) for v in values] == list(range(1, len(values) + 1))


# --------------------------------------------------------------------------------------------
# Header


_APPROVAL_BLOCKS = 4  # the approval stamp stands in the first lines


def _parse_header(walker: _Walker, provenance: tuple[str, ...], source: str) -> tuple[ActHeader, list[str]]:
    g = walker.g
    lang = walker.lang
    warnings: list[str] = []
    header_blocks = [b for b in walker.header_blocks if b.kind != "row" and not g.note.search(b.text)]
    kind = number = date = title = issuer = None

    # Requisites line: "Указ Президента Республики Казахстан от 4 декабря 2023 года № 403" —
    # the kind word opens it (Russian) or closes it (Kazakh "... № 403 Жарлығы").
    for block in header_blocks:
        found_kind = _requisites_kind(block.text, g)
        found_date = find_date(block.text, lang)
        found_number = g.number.search(block.text)
        if found_kind and (found_date or found_number) and _word_count(block.text) <= 25 and block.kind != "heading":
            kind = kind or found_kind
            date = date or (found_date[0] if found_date else None)
            number = number or (found_number.group("number") if found_number else None)
            issuer = issuer or _issuer_in(block.text, g)
    # The date and number on a line of their own under the kind line ("ПОСТАНОВЛЕНИЕ АКИМАТА ...",
    # "от 15 марта 2023 года № 18/01"; "2023 жылғы 15 наурыздағы № 18/01").
    requisites = None
    if not (date or number):
        for block in header_blocks:
            found_date = find_date(block.text, lang)
            found_number = g.number.search(block.text)
            if found_date and found_number and _word_count(block.text) <= 8 and block.kind != "heading":
                date, number, requisites = found_date[0], found_number.group("number"), block
                break
    # A line that is just the kind ("Р А С П О Р Я Ж Е Н И Е" → "РАСПОРЯЖЕНИЕ").
    for block in header_blocks:
        if not kind and (_word_count(block.text) <= 2 or _kind_line(block.text, g)):
            kind = _kind_in(block.text, g)
        if _word_count(block.text) <= 6 and not issuer:
            issuer = _issuer_in(block.text, g, at_start=True)
    # Signature and the lines after it: issuer, and in Russian orders the date and number.
    if walker.signature_index is not None:
        signature = walker.blocks[walker.signature_index]
        found = _issuer_in(signature.text, g, at_start=True)
        if found:
            issuer = found
        # a text pasted with single line breaks joins them into the signature's block: «Президент
        # ... К. Токаев Астана, Акорда, 10 марта 2025 года № 801»
        for block in walker.blocks[walker.signature_index: walker.signature_index + 5]:
            if walker.is_appendix_marker(block):
                break
            if _word_count(block.text) > 10 and block is not signature:
                continue
            found_date = find_date(block.text, lang)
            found_number = g.number.search(block.text)
            if found_date and not date:
                date = found_date[0]
            if found_number and not number:
                number = found_number.group("number")
    # The formula sentence names the issuer: "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:".
    if walker.header_blocks and not issuer:
        issuer = _issuer_in(walker.header_blocks[-1].text, g)
    # An appendix header names its own act: "к Указу ... от 4 декабря 2023 года № 403".
    if not (date and number):
        for node in walker.top:
            if node.kind != "appendix":
                continue
            marker = g.appendix.search(node.block.text)
            reference = node.block.text[marker.end():] if marker else node.block.text
            for text in [reference] + [c.block.text for c in node.children[:3] if c.kind == "paragraph"]:
                found_date = find_date(text, lang)
                numbers = list(g.number.finditer(text))
                if found_date and numbers:
                    date = date or found_date[0]
                    number = number or numbers[-1].group("number")
                    break
            break
    # A list or plan approved by an act names it in its stamp: "УТВЕРЖДЕН распоряжением
    # Премьер-Министра Республики Казахстан от 15 января 2025 года № 5-р" ("... өкімімен БЕКІТІЛГЕН").
    approval: int | None = None
    if not (kind and date and number):
        for index, block in enumerate(walker.blocks[:_APPROVAL_BLOCKS]):
            if block.kind == "row" or not g.approval.search(block.text) or _word_count(block.text) > 30:
                continue
            approval = index
            found_date = find_date(block.text, lang)
            found_number = g.number.search(block.text)
            if found_date or found_number:
                kind = kind or _kind_in(block.text, g)
                date = date or (found_date[0] if found_date else None)
                number = number or (found_number.group("number") if found_number else None)
                issuer = issuer or _issuer_in(block.text, g)
                break
    # Provenance: the "# note:" line and the file name of the database copy.
    if not (kind and date and number):
        for line in provenance:
            note_kind = _kind_in(line, grammar("ru")) or _kind_in(line, grammar("kk"))
            note_date = find_date(line, "ru") or find_date(line, "kk")
            note_number = g.number.search(line)
            if note_kind and not kind:
                kind = note_kind
            if note_date and not date:
                date = note_date[0]
                warnings.append("act date taken from the provenance note, not from the act text")
            if note_number and not number:
                number = note_number.group("number")
                warnings.append("act number taken from the provenance note, not from the act text")
    stem = PurePath(source).stem if source and source != "-" else ""
    if stem and not date:
        found = _FILE_DATE.search(stem)
        if found:
            date = _safe_date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
            if date:
                warnings.append(f"act date taken from the file name {PurePath(source).name}")
    if stem and not kind:
        kind = next((kind_id for word, kind_id in _FILE_KIND_WORDS.items() if word in stem.lower()), None)
    if not kind and walker.formula_kind:
        kind = walker.formula_kind
    # Title: the first heading; else the first bold line; else the first plain line that is not
    # the publication stamp, the kind line, the issuer line or the requisites line.
    candidates = [
        b for b in header_blocks
        if b.kind != "quote" and not g.stamp.search(b.text) and not g.note.match(b.text) and b is not requisites
        and not ((_word_count(b.text) <= 3 or b.text.isupper()) and _kind_in(b.text, g)) and not _kind_line(b.text, g)
        and not (requisites is not None and _word_count(b.text) <= 8 and _requisites_kind(b.text, g))
        and not _issuer_in(b.text, g, at_start=True) or b.kind == "heading"
    ]
    candidates = [b for b in candidates if not (g.formulas and any(f.search(b.text) for f in g.formulas.values()))]
    heading = next((b for b in candidates if b.kind == "heading"), None)
    bold = next((b for b in candidates if b.bold), None)
    plain = next((b for b in candidates if not (_kind_in(b.text, g) and (find_date(b.text, lang) or g.number.search(b.text)) and _word_count(b.text) <= 25)), None)
    chosen = heading or bold or plain
    if chosen is None and approval is not None:
        # the heading under the stamp: "ПЕРЕЧЕНЬ ПОРУЧЕНИЙ по итогам ..."
        chosen = next((b for b in walker.blocks[approval + 1 : approval + 3] if b.kind != "row"), None)
    title = chosen.text if chosen else None
    if not date:
        warnings.append("act date not found")
    if not number:
        warnings.append("act number not found")
    return ActHeader(
        kind=g.kind_names.get(kind) if kind else None,
        number=number,
        date=date,
        title=title,
        issuer=issuer[1] if issuer else None,
    ), warnings


def parse_structure(normalized: NormalizedText, lang: str, *, source: str = "-") -> ParsedStructure:
    """Parse the normalised text of an act into its structure."""
    walker = _Walker(normalized, lang)
    walker.walk()
    header, header_warnings = _parse_header(walker, normalized.provenance, source)
    effective = walker.effective
    if effective.text:
        effective = Effective(text=effective.text, date=_effective_date(effective.text, header.date, lang))
    return ParsedStructure(
        header=header,
        structure=tuple(node.freeze() for node in walker.top),
        control=walker.control,
        amendments=tuple(walker.amendments),
        effective=effective,
        warnings=tuple(header_warnings + walker.warnings),
        inert_spans=tuple(walker.inert),
        exception_lists=frozenset(walker.exception_lists),
    )


def _effective_date(text: str, signed: dt.date | None, lang: str) -> dt.date | None:
    """A fixed date in the clause, or the signing date when the act enters into force on signing;
    terms counted from publication are unknown here (None)."""
    found = find_date(text, lang)
    if found:
        return found[0]
    if grammar(lang).signing_day.search(text):
        return signed
    return None
