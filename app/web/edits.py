"""Corrections a drafter makes in the items table, applied to a copy of the parsed act.

The table shows each item's executors (one per line, lead first), deadline phrase, due date and
completion form as fields. A field sent back as it was shown changes nothing; a changed field
replaces the parsed value, and the item's control decisions are proposed again from the
corrected item, so the documents and the duplicate check see what the drafter decided.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tapsyrma.generator.context import executor_name
from tapsyrma.parser.deadlines import find_deadline
from tapsyrma.parser.errors import InputError
from tapsyrma.parser.gazetteer import gazetteer
from tapsyrma.parser.model import Act, Deadline, Executor, Item
from tapsyrma.parser.rules import decide_control

__all__ = ["FIELDS", "ItemFields", "apply_edits", "field_name", "fields_from_form", "shown_fields"]

FIELDS = ("executors", "deadline", "due", "form")


def field_name(field: str, index: int) -> str:
    """The form field of ``field`` for the item at ``index`` of ``act.items``."""
    return f"{field}-{index}"


@dataclass(frozen=True, slots=True)
class ItemFields:
    """An item as the table's fields show it: plain strings, as a form sends them back."""

    executors: str
    deadline: str
    due: str
    form: str

    def executor_names(self) -> list[str]:
        return list(dict.fromkeys(line.strip() for line in self.executors.splitlines() if line.strip()))


def shown_fields(item: Item, lang: str) -> ItemFields:
    """What the table shows for ``item`` of an act in ``lang``."""
    executors = sorted(item.executors, key=lambda executor: executor.role != "lead")
    return ItemFields(
        executors="\n".join(executor_name(executor, lang) for executor in executors),
        deadline=item.deadline.text or "",
        due=item.deadline.due.isoformat() if item.deadline.due else "",
        form=item.completion_form or "",
    )


def fields_from_form(form: Mapping[str, str], index: int) -> ItemFields | None:
    """The fields of the item at ``index`` as the form sent them, or None when it sent none."""
    values = {field: form.get(field_name(field, index)) for field in FIELDS}
    if all(value is None for value in values.values()):
        return None
    return ItemFields(*(_one_line_breaks(values[field] or "") for field in FIELDS))


def _one_line_breaks(value: str) -> str:
    # Browsers send a textarea's line breaks as CRLF.
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def apply_edits(act: Act, edits: Sequence[ItemFields | None]) -> tuple[Act, tuple[int, ...]]:
    """A copy of ``act`` with the edited items replaced, and the indices of the items that changed.

    ``edits`` runs parallel to ``act.items``; None leaves an item as it is.
    """
    if len(edits) > len(act.items):
        raise InputError(f"corrections: expected at most {len(act.items)} items, got {len(edits)}")
    items = list(act.items)
    changed = []
    for index, edited in enumerate(edits):
        if edited is None:
            continue
        item = items[index]
        shown = shown_fields(item, act.language)
        if edited == shown:
            continue
        update = {}
        if edited.executors != shown.executors:
            update["executors"] = _executors(item, edited.executor_names(), act)
        if (edited.deadline, edited.due) != (shown.deadline, shown.due):
            update["deadline"] = _deadline(item.deadline, shown, edited, act.language)
        if edited.form != shown.form:
            update["completion_form"] = edited.form or None
        items[index] = item.model_copy(update=update)
        changed.append(index)
    corrected = act.model_copy(update={"items": tuple(items)})
    decided = tuple(
        item.model_copy(update={"control": decide_control(item, corrected)}) if index in changed else item
        for index, item in enumerate(corrected.items)
    )
    return corrected.model_copy(update={"items": decided}), tuple(changed)


def _executors(item: Item, names: list[str], act: Act) -> tuple[Executor, ...]:
    """Executors named by the drafter: a name as shown keeps its executor (and its place in the
    text); another name is looked up in the gazetteer, or kept as written when it is unknown.
    A name the drafter typed is not in the act's text: its span is empty, at the item's start."""
    known = {executor_name(executor, act.language).casefold(): executor for executor in item.executors}
    here = (item.span[0], item.span[0])
    executors = []
    for position, name in enumerate(names):
        role = "lead" if position == 0 else "co"
        existing = known.get(name.casefold())
        if existing is not None:
            executors.append(existing.model_copy(update={"role": role}))
            continue
        entry = gazetteer().lookup(name, act.language, on=act.act.date)
        if entry is None:
            executors.append(Executor(id=None, name_ru=None, name_kk=None, kind="body", role=role, text=name, span=here))
            continue
        kind = "body" if entry.kind == "company" else entry.kind
        executors.append(
            Executor(id=entry.id, name_ru=entry.name_ru, name_kk=entry.name_kk, kind=kind, role=role, text=name, span=here)
        )
    return tuple(executors)


def _deadline(parsed: Deadline, shown: ItemFields, edited: ItemFields, lang: str) -> Deadline:
    """The drafter's term: a date they set wins; a new phrase alone is read as the parser reads
    terms (its date computed from the same basis); a phrase nobody can read stays as words.

    The span stays on the words of the act that the correction replaces: they are still the
    item's term in the text (the duplicate search, for one, leaves them out of the item's words).
    """
    phrase = edited.deadline or None
    span = parsed.span
    if edited.due != shown.due:
        due = _date(edited.due)
        return Deadline(kind="date" if due else "none", text=phrase, due=due, basis=parsed.basis, span=span)
    if phrase is None:
        return Deadline(kind="none", basis=parsed.basis, span=span)
    found = find_deadline(phrase, lang, parsed.basis)
    if found is None:
        return Deadline(kind="none", text=phrase, basis=parsed.basis, span=span)
    return found.model_copy(update={"text": phrase, "span": span})


def _date(value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"due date: expected YYYY-MM-DD, got {value!r}") from None
