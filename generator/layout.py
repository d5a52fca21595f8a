"""The language-neutral layout of each document: page, table columns, which model fills it.

The words come from documents.toml (:mod:`.wording`); this module says where they go. The
template builder, the XLSX writer and the template contract all read the same layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .context import Assignment, Card, Report, Roadmap

DocumentKind = Literal["assignment", "card", "report", "roadmap"]

# How the table is filled: one row per element of `rows`; sphere title rows each followed by
# their rows (`groups`); or one row per field of the card, label on the left (`fields`).
TableKind = Literal["rows", "groups", "fields"]


@dataclass(frozen=True, slots=True)
class Layout:
    document: DocumentKind
    model: type
    landscape: bool
    table: TableKind
    # (key, width in cm): keys are columns of documents.toml [<document>.columns] and fields of
    # the row model; for a `fields` table, keys of [<document>.fields] and of the card model.
    columns: tuple[tuple[str, float], ...]
    # The width of the label and value columns of a `fields` table.
    field_widths: tuple[float, float] = (6.0, 11.0)


LAYOUTS: dict[str, Layout] = {
    "assignment": Layout(
        "assignment",
        Assignment,
        landscape=True,
        table="rows",
        columns=(
            ("number", 1.2),
            ("measure", 7.2),
            ("deadline", 3.0),
            ("completion_form", 2.8),
            ("final_result", 2.8),
            ("executors", 3.8),
            ("controller", 4.9),
        ),
    ),
    "card": Layout(
        "card",
        Card,
        landscape=False,
        table="fields",
        columns=tuple(
            (key, 0.0)
            for key in (
                "act", "point", "text", "action", "lead", "co_executors", "deadline", "due", "computation",
                "deadline_rule", "completion_form", "final_result", "act_control", "level", "monitoring",
                "roadmap", "reporting",
            )
        ),
    ),
    "report": Layout(
        "report",
        Report,
        landscape=True,
        table="groups",
        columns=(
            ("number", 1.2),
            ("requisites", 4.2),
            ("content", 7.5),
            ("status", 2.8),
            ("final_result", 4.5),
            ("interim_result", 5.5),
        ),
    ),
    "roadmap": Layout(
        "roadmap",
        Roadmap,
        landscape=True,
        table="rows",
        columns=(
            ("number", 1.2),
            ("measure", 10.5),
            ("completion_form", 4.0),
            ("deadline", 4.0),
            ("executors", 6.0),
        ),
    ),
}
