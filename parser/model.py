"""The act model: typed, immutable results with offsets and a versioned JSON form.

Every ``span`` is a ``(start, end)`` pair of character offsets into ``Act.text``, the normalised
text that ``tapsyrma parse --format text`` prints, so a UI can highlight what was matched.
The JSON form (``Act.to_json()``) is the contract ``tapsyrma/act@1``; its JSON Schema ships in the
package (``tapsyrma schema``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "tapsyrma/act@1"

Language = Literal["ru", "kk"]
Span = tuple[int, int]
NodeKind = Literal["point", "subpoint", "paragraph", "table_row", "appendix"]
ExecutorKind = Literal["body", "group", "official"]
ExecutorRole = Literal["lead", "co"]
DeadlineKind = Literal["date", "relative", "period_end", "periodic", "none", "default"]
AmendmentOperation = Literal["replace", "add", "delete", "replace_words"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class JsonDocument(_Frozen):
    """A top-level result with a versioned ``schema`` field and a JSON form."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes | dict):
        if isinstance(data, dict):
            return cls.model_validate(data)
        return cls.model_validate_json(data)


class Body(_Frozen):
    """A state body (or official) of the gazetteer, by stable id and both official names."""

    id: str | None
    name_ru: str | None
    name_kk: str | None


class ActHeader(_Frozen):
    """Requisites of the act: kind, number, date, title and issuer."""

    kind: str | None = Field(None, description="указ|постановление|распоряжение|решение|приказ|... (Russian word)")
    number: str | None = None
    date: dt.date | None = None
    title: str | None = None
    issuer: str | None = None


class Node(_Frozen):
    """One element of the act's structure; ``path`` is the chain of numbers from the top."""

    number: str | None
    path: tuple[str, ...]
    kind: NodeKind
    text: str
    span: Span
    cells: tuple[str, ...] | None = Field(None, description="the cells of a table_row")
    children: tuple[Node, ...] = ()


class Executor(_Frozen):
    """A responsible executor named in an item, resolved against the gazetteer when known."""

    id: str | None
    name_ru: str | None
    name_kk: str | None
    kind: ExecutorKind
    role: ExecutorRole
    text: str = Field(description="the words of the act, as written")
    span: Span


class Deadline(_Frozen):
    """The term of an item: the phrase, its kind, the computed due date and how it was computed."""

    kind: DeadlineKind
    text: str | None = None
    due: dt.date | None = None
    basis: dt.date | None = Field(None, description="the date relative terms count from (act date or receipt)")
    rule: str | None = Field(None, description="the rule applied, e.g. 'п.50: working days from receipt'")
    trace: tuple[str, ...] = ()
    schedule: tuple[dt.date, ...] = Field((), description="next due dates of a periodic term")
    span: Span | None = None


class RuleDecision(_Frozen):
    """A decision proposed by the control rules, with the rule reference and the evidence."""

    value: str | bool | None
    rule: str = Field(description="reference into decree No. 403, e.g. 'п.42-1 пп.2)'")
    evidence: tuple[str, ...] = ()
    note: str | None = None


class ItemControl(_Frozen):
    """The control decisions for one item (level, monitoring, roadmap, reporting...)."""

    decisions: dict[str, RuleDecision] = {}


class Item(_Frozen):
    """An instruction item: an action assigned to executors with a term."""

    number: str | None
    path: tuple[str, ...]
    text: str
    span: Span
    action: str | None = None
    executors: tuple[Executor, ...] = ()
    deadline: Deadline = Deadline(kind="none")
    completion_form: str | None = None
    final_result: str | None = None
    control: ItemControl | None = None


class ControlClause(_Frozen):
    """The clause that puts the whole act on someone's control."""

    text: str
    span: Span
    body: Body | None = None


class Amendment(_Frozen):
    """One amendment an amending act makes to another act."""

    target: str
    operation: AmendmentOperation
    text: str
    span: Span


class Effective(_Frozen):
    """When the act enters into force."""

    text: str | None = None
    date: dt.date | None = None


class Act(JsonDocument):
    """A parsed act."""

    schema_id: Literal["tapsyrma/act@1"] = Field(SCHEMA_ID, alias="schema")
    language: Language
    source: str
    act: ActHeader
    structure: tuple[Node, ...] = ()
    items: tuple[Item, ...] = ()
    control: ControlClause | None = None
    amendments: tuple[Amendment, ...] = ()
    effective: Effective = Effective()
    warnings: tuple[str, ...] = ()
    text: str = Field("", description="the normalised text every span indexes into")

    def iter_nodes(self):
        """All structure nodes, depth first."""
        stack = list(reversed(self.structure))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def act_json_schema() -> dict:
    """The JSON Schema of ``tapsyrma/act@1`` as generated from the model."""
    schema = Act.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = SCHEMA_ID
    schema["title"] = "tapsyrma act"
    return schema


if __name__ == "__main__":
    # Regenerate the shipped schema deliberately: python -m tapsyrma.parser.model > parser/act.schema.json
    print(json.dumps(act_json_schema(), ensure_ascii=False, indent=2))
