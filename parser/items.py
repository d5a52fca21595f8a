"""Instruction items: the points, subpoints and plan-table rows that tell a named executor to act.

An item is a node whose own words name an addressee (found by parser/executors.py), or a subpoint
under an intro that names one ("Акимам областей: 1) ...; 2) ..."), or a plan-table row with a
responsible executor. The intro itself is then no item; a point whose subpoints are a list of
exceptions ("за исключением:") is one item with its list. Deadlines come from the item's words,
else from its intro. Quoted new text of amendments, the control clause and the effective-date
clause hold no items.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import langdata
from .deadlines import find_deadline
from .executors import common_name, find_aliases, find_executors
from .model import Deadline, Executor, Item, Node
from .structure import ParsedStructure

_MIN_ACTION_WORDS = 3  # fewer words after the executors are no action of their own (a verb, a person)
_TRAILING_PREPOSITION = re.compile(r"\s+\w{1,2}$")  # «... возложить на»
_TRIM = " \t\n,;:.–—-"


@dataclass(frozen=True)
class _ItemGrammar:
    completion_forms: tuple[tuple[str, re.Pattern[str]], ...]
    final_result: re.Pattern[str]
    columns: dict[str, re.Pattern[str]]
    ditto: re.Pattern[str]
    after_executors: re.Pattern[str]


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _ItemGrammar:
    data = langdata.load(lang, "items")
    flags = re.IGNORECASE
    return _ItemGrammar(
        completion_forms=tuple(
            (form["name"], re.compile(form["pattern"], flags)) for form in data["completion_forms"].values()
        ),
        final_result=re.compile(data["final_result"]["pattern"], flags),
        columns={key: re.compile(value, flags) for key, value in data["columns"].items()},
        ditto=re.compile(data["ditto"]["pattern"], flags),
        after_executors=re.compile(data["after_executors"]["pattern"], flags),
    )


@dataclass(frozen=True)
class _Context:
    """What an intro hands down to its subpoints."""

    executors: tuple[Executor, ...] = ()
    deadline: Deadline | None = None
    action: str | None = None


class _Builder:
    def __init__(self, parsed: ParsedStructure, text: str, lang: str, basis: dt.date | None, on: dt.date | None):
        self.parsed = parsed
        self.text = text
        self.lang = lang
        self.basis = basis
        self.on = on
        self.g = _grammar(lang)
        self.items: list[Item] = []
        self.warnings: list[str] = []
        self.inert = sorted(parsed.inert_spans)
        self.aliases = find_aliases(text, lang, on=on)

    # -- helpers -------------------------------------------------------------------------------

    def _inert(self, span: tuple[int, int]) -> bool:
        return any(start <= span[0] and span[1] <= end for start, end in self.inert)

    @staticmethod
    def _end(node: Node) -> int:
        """End of the node with everything under it."""
        end = node.span[1]
        for child in node.children:
            end = max(end, _Builder._end(child))
        return end

    def _executors(self, start: int, end: int, own_end: int, mode: str = "addressee",
                   co_end: int | None = None) -> tuple[Executor, ...]:
        """Executors named in the node's own words. The slice may run on past the node's own
        words (a Kazakh intro's verb stands after its subpoints), but only names that start
        within the own words count, and co-executors up to ``co_end``: the paragraphs of a
        leaf item are its words too («внести: совместно с Председателем Агентства проекты ...;
        совместно с Правительством предложения ...»)."""
        found, warnings = find_executors(self.text[start:end], self.lang, offset=start, on=self.on, mode=mode,
                                         aliases=self.aliases)
        kept = tuple(e for e in found if e.span[0] < own_end or e.role == "co" and e.span[0] < (co_end or own_end))
        # Only the warnings about executors this item keeps (unknown, or read through a misspelling).
        marks = [f"«{e.text}» at {e.span[0]}" for e in kept]
        self.warnings.extend(w for w in warnings if any(mark in w for mark in marks))
        return kept

    def _paragraphs_end(self, node: Node, own_end: int) -> int:
        """The end of the paragraphs that follow the node's own words, before any subpoint: their
        co-executors are the item's («внести: совместно с Председателем Агентства проекты ...;
        совместно с Правительством предложения ...»)."""
        end = own_end
        for child in node.children:
            if child.kind != "paragraph" or self._inert(child.span):
                break
            end = child.span[1]
        return end

    def _deadline(self, start: int, end: int) -> Deadline | None:
        return find_deadline(self.text[start:end], self.lang, self.basis, offset=start)

    def _completion_form(self, text: str) -> str | None:
        first: tuple[int, str] | None = None
        for name, pattern in self.g.completion_forms:
            match = pattern.search(text)
            if match and (first is None or match.start() < first[0]):
                first = (match.start(), name)
        return first[1] if first else None

    def _final_result(self, text: str) -> str | None:
        match = self.g.final_result.search(text)
        if not match:
            return None
        rest = text[match.end():]
        sentence = re.split(r"[.;\n]", rest, maxsplit=1)[0]
        return sentence.strip(_TRIM) or None

    def _action(self, start: int, own_end: int, executors: tuple[Executor, ...], deadline: Deadline | None) -> str | None:
        """The item's own words less the addressees and the term: what is to be done."""
        own = self.text[start:own_end]
        cut = 0
        for executor in executors:
            if start <= executor.span[0] < own_end:
                cut = max(cut, executor.span[1] - start)
        action = own[cut:]
        if cut:
            skipped = self.g.after_executors.match(action)
            if skipped:
                action, cut = action[skipped.end():], cut + skipped.end()
        if deadline and deadline.span and deadline.text:
            local = (deadline.span[0] - start - cut, deadline.span[1] - start - cut)
            if 0 <= local[0] < local[1] <= len(action):
                action = action[: local[0]] + " " + action[local[1]:]
        action = re.sub(r"\s+", " ", action).strip(_TRIM)
        first = min((e.span[0] - start for e in executors if start <= e.span[0] < own_end), default=0)
        before = re.sub(r"\s+", " ", own[:first]).strip(_TRIM)
        if len(before.split()) >= _MIN_ACTION_WORDS and len(action.split()) < _MIN_ACTION_WORDS:
            # the task handed over to the executors stands before them: «Персональную
            # ответственность за ... возложить на X», «... дербес жауапкершілік X-ке жүктелсін»
            before = _TRAILING_PREPOSITION.sub("", before)
            # the verb after them goes with it («... жүктелсін»), a person's name does not
            return before if not action or action[0].isupper() else f"{before} {action}"
        if not action:
            # The whole clause is the term ("после проведения встреч:"): the words stay the action.
            action = re.sub(r"\s+", " ", own[cut:]).strip(_TRIM)
        return action or None

    # -- walk ----------------------------------------------------------------------------------

    def build(self) -> None:
        for node in self.parsed.structure:
            self._visit(node, _Context())
        self._visit_rows(self.parsed.structure)
        self._complete_short_names()

    def _complete_short_names(self) -> None:
        """A body the act names once with its proper name and elsewhere without it («Областной
        штаб "Зима-2001"», «Қыс-2001 облыстық штабы» ... «областной штаб») is the same body: it
        keeps the full name."""
        key = f"name_{self.lang}"
        full: dict[tuple[str | None, str], set[tuple[str | None, str | None]]] = {}
        for item in self.items:
            for executor in item.executors:
                common = common_name(getattr(executor, key) or "")
                if common is not None:
                    full.setdefault((executor.id, common.casefold()), set()).add((executor.name_ru, executor.name_kk))
        if not full:
            return
        for index, item in enumerate(self.items):
            executors = tuple(
                e.model_copy(update=dict(zip(("name_ru", "name_kk"), next(iter(names)))))
                if len(names := full.get((e.id, " ".join((getattr(e, key) or "").split()).casefold()), set())) == 1
                else e
                for e in item.executors
            )
            if executors != item.executors:
                self.items[index] = item.model_copy(update={"executors": executors})

    def _visit(self, node: Node, context: _Context) -> None:
        if self._inert(node.span):
            return
        if node.kind == "appendix":
            self._visit_children(node, _Context())
            return
        if node.kind == "table_row":
            return  # rows are handled with their table, by the parent
        if node.kind not in ("point", "subpoint"):
            return
        start, own_end = node.span
        end = self._end(node)
        subpoints = [c for c in node.children if c.kind == "subpoint" and not self._inert(c.span)]
        lists_exceptions = node.path in self.parsed.exception_lists
        if subpoints and not lists_exceptions:
            executors = self._executors(start, end, own_end) or context.executors
            deadline = self._deadline(start, own_end) or context.deadline
            action = self._action(start, own_end, executors, None) if executors else context.action
            for child in node.children:
                self._visit(child, _Context(executors, deadline, action))
            self._visit_rows(node.children)
            return
        executors = self._executors(start, end, own_end, co_end=self._paragraphs_end(node, own_end))
        inherited = not executors
        if inherited:
            executors = context.executors
        elif context.executors and not any(e.role == "lead" for e in executors):
            # "совместно с X принять меры" under an intro: the intro's addressee leads.
            executors = context.executors + executors
        if executors:
            self._add_item(node, start, end, own_end, executors, context, inherited=inherited)
        self._visit_rows(node.children)

    def _visit_children(self, node: Node, context: _Context) -> None:
        for child in node.children:
            self._visit(child, context)
        self._visit_rows(node.children)

    def _add_item(self, node: Node, start: int, end: int, own_end: int, executors: tuple[Executor, ...],
                  context: _Context, *, inherited: bool) -> None:
        end = self._end_without_inert(node, end)
        text = self.text[start:end]
        deadline = self._deadline(start, end) or context.deadline or Deadline(kind="none", basis=self.basis)
        action = self._action(start, own_end, () if inherited else executors, deadline)
        paragraphs = [c.text for c in node.children if c.kind == "paragraph" and not self._inert(c.span)]
        if paragraphs and self.text[start:own_end].rstrip().endswith(":"):
            # "обеспечить до проведения встреч:" + the list of what to ensure, one paragraph each.
            listed = "; ".join(p.strip(_TRIM) for p in paragraphs)
            action = f"{action}: {listed}" if action else listed
        if inherited and context.action and action and context.action not in action:
            action = f"{context.action}: {action}"
        self.items.append(Item(
            number=node.number,
            path=node.path,
            text=text,
            span=(start, end),
            action=action,
            executors=executors,
            deadline=deadline,
            completion_form=self._completion_form(text),
            final_result=self._final_result(text),
        ))

    def _end_without_inert(self, node: Node, end: int) -> int:
        """The item ends before quoted amendment text or a clause that is not part of it."""
        for start_inert, end_inert in self.inert:
            if node.span[1] <= start_inert < end:
                end = start_inert
        return len(self.text[:end].rstrip())

    # -- plan tables ---------------------------------------------------------------------------

    def _visit_rows(self, nodes: tuple[Node, ...]) -> None:
        columns: dict[str, int] = {}
        previous: dict[str, tuple[str, tuple[int, int]]] = {}
        previous_executors: tuple[Executor, ...] = ()
        for row in nodes:
            if row.kind != "table_row" or row.cells is None:
                if row.kind != "table_row":
                    columns, previous = {}, {}
                continue
            if row.number is None:
                mapped = self._map_columns(row.cells)
                if "executors" in mapped:
                    columns = mapped
                continue
            if "executors" not in columns:
                continue
            cells = self._cell_spans(row)
            values: dict[str, tuple[str, tuple[int, int]]] = {}
            for key, index in columns.items():
                if index >= len(cells):
                    continue
                value, span = cells[index]
                if self.g.ditto.match(value) and key in previous:
                    values[key] = (previous[key][0], span)
                    values[key + ":ditto"] = (value, span)
                else:
                    values[key] = (value, span)
            previous = {k: v for k, v in values.items() if not k.endswith(":ditto")}
            executors_value, executors_span = values.get("executors", ("", row.span))
            if "executors:ditto" in values:
                executors = tuple(e.model_copy(update={"span": executors_span, "text": values["executors:ditto"][0]})
                                  for e in previous_executors)
            else:
                executors = self._executors(executors_span[0], executors_span[1], executors_span[1], mode="list")
            previous_executors = executors
            if not executors:
                continue
            deadline = None
            if "deadline" in values:
                deadline_value, deadline_span = values["deadline"]
                if "deadline:ditto" in values:
                    found = find_deadline(deadline_value, self.lang, self.basis)
                    deadline = found.model_copy(update={"span": deadline_span, "text": deadline_value}) if found else None
                else:
                    deadline = self._deadline(*deadline_span)
                if deadline is None and deadline_value.strip():
                    deadline = Deadline(kind="none", text=deadline_value.strip(), basis=self.basis, span=deadline_span)
            action = values.get("action", ("", row.span))[0].strip(_TRIM) or None
            form = values.get("completion_form", ("", row.span))[0].strip() or None
            result = values.get("final_result", ("", row.span))[0].strip() or None
            self.items.append(Item(
                number=row.number,
                path=row.path,
                text=row.text,
                span=row.span,
                action=action,
                executors=executors,
                deadline=deadline or Deadline(kind="none", basis=self.basis),
                completion_form=form or (self._completion_form(action) if action else None),
                final_result=result,
            ))

    def _map_columns(self, cells: tuple[str, ...]) -> dict[str, int]:
        mapped: dict[str, int] = {}
        for index, cell in enumerate(cells):
            for key, pattern in self.g.columns.items():
                if key not in mapped and pattern.search(cell.strip()):
                    mapped[key] = index
                    break
        return mapped

    @staticmethod
    def _cell_spans(row: Node) -> list[tuple[str, tuple[int, int]]]:
        spans = []
        position = row.span[0]
        for cell in row.cells or ():
            spans.append((cell, (position, position + len(cell))))
            position += len(cell) + 1
        return spans


def build_items(parsed: ParsedStructure, text: str, lang: str, *, basis: dt.date | None,
                on: dt.date | None = None) -> tuple[tuple[Item, ...], tuple[str, ...]]:
    """The instruction items of a parsed act, and warnings (unknown bodies...).

    ``basis`` is the date relative terms count from (the act's date, or the date the act was
    received, п.50); ``on`` is the date the act speaks of, for names of bodies that changed.
    """
    builder = _Builder(parsed, text, lang, basis, on)
    builder.build()
    return tuple(builder.items), tuple(dict.fromkeys(builder.warnings))
