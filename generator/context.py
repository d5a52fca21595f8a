"""The document models: what a template sees, built from an act, its items and their control.

Each document has one frozen dataclass whose fields are the template's top-level variables
(``act``, ``rows``, ``card``, ``groups``...). Every value is a ready string in the document's
language; a line break inside a value becomes a line break in the document. A decision that is
not taken yet (``item.control`` is None or has no such key) is written as a blank line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tapsyrma.parser.errors import InputError, LanguageError
from tapsyrma.parser.gazetteer import gazetteer
from tapsyrma.parser.model import Act, Deadline, Executor, Item, RuleDecision

from .entries import ReportEntry, ReportInput
from .spheres import sphere_keys, sphere_named, sphere_of, sphere_title
from .wording import (
    act_kind,
    act_reference,
    lines,
    long_date,
    point_reference,
    quoted,
    short_date,
    wording,
)

# Characters XML 1.0 forbids; a decree copied from a PDF may carry them, and they would corrupt a DOCX.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# How many next dates of a periodic term the documents list.
_SCHEDULE_SHOWN = 3


def clean(text: str | None) -> str:
    return _NOT_XML.sub("", text) if text else ""


@dataclass(frozen=True, slots=True)
class ActView:
    """The act's requisites as the documents write them."""

    kind: str
    number: str
    date: str
    title: str
    title_quoted: str
    requisites: str
    attached_to: str
    genitive: str
    control: str


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    number: str
    measure: str
    deadline: str
    completion_form: str
    final_result: str
    executors: str
    controller: str


@dataclass(frozen=True, slots=True)
class Assignment:
    """Appendix 5 of the Rules: the closing of control of an act, one row per item."""

    act: ActView
    rows: tuple[AssignmentRow, ...]


@dataclass(frozen=True, slots=True)
class CardView:
    act: str
    point: str
    text: str
    action: str
    lead: str
    co_executors: str
    deadline: str
    due: str
    computation: str
    deadline_rule: str
    completion_form: str
    final_result: str
    act_control: str
    level: str
    monitoring: str
    roadmap: str
    reporting: str


@dataclass(frozen=True, slots=True)
class Card:
    """A control card draft for one item."""

    act: ActView
    card: CardView


@dataclass(frozen=True, slots=True)
class ReportRow:
    number: str
    requisites: str
    content: str
    status: str
    final_result: str
    interim_result: str


@dataclass(frozen=True, slots=True)
class ReportGroup:
    title: str
    rows: tuple[ReportRow, ...]


@dataclass(frozen=True, slots=True)
class ReportHeader:
    reporter: str
    year: str


@dataclass(frozen=True, slots=True)
class Report:
    """Appendix 8 of the Rules: the annual consolidated report, rows grouped by sphere."""

    report: ReportHeader
    groups: tuple[ReportGroup, ...]


@dataclass(frozen=True, slots=True)
class RoadmapView:
    target: str
    text: str
    deadline: str
    lead: str
    basis: str
    due: str


@dataclass(frozen=True, slots=True)
class RoadmapRow:
    number: str
    measure: str
    completion_form: str
    deadline: str
    executors: str


@dataclass(frozen=True, slots=True)
class Roadmap:
    """A skeleton of the plan of organisational measures (roadmap, points 56 and 59 of the Rules)."""

    act: ActView
    roadmap: RoadmapView
    rows: tuple[RoadmapRow, ...]


DocumentModel = Assignment | Card | Report | Roadmap


def template_variables(model: DocumentModel) -> dict[str, object]:
    """The top-level variables of a template: the model's fields."""
    return {field.name: getattr(model, field.name) for field in dataclasses.fields(model)}


def check_language(act: Act, lang: str) -> None:
    if act.language != lang:
        raise LanguageError(
            f"document language: expected an act in {lang!r} for a {lang!r} document, "
            f"got an act in {act.language!r} ({act.source}); choose --lang {act.language} or the {lang!r} text of the act"
        )


def require_items(act: Act) -> None:
    if not act.items:
        raise InputError(f"act: expected instruction items, got none in {act.source}")


def item_key(item: Item) -> str:
    """How documents and ``--item`` name an item: its path in the act ("2.1"), else its number."""
    return ".".join(item.path) or (item.number or "")


def select_item(act: Act, number: str | None) -> Item:
    """The item ``number`` names ("2.1", "2.1)", or a number that only one item has), or the only item."""
    require_items(act)
    known = [item_key(item) for item in act.items]
    if number is None:
        if len(act.items) == 1:
            return act.items[0]
        raise InputError(f"item: expected one of {', '.join(known)} (--item), got none")
    wanted = number.strip().rstrip(".").replace(")", "")
    by_path = [item for item, key in zip(act.items, known) if key == wanted]
    by_number = [item for item in act.items if item.number == wanted]
    found = by_path or by_number
    if len(found) == 1:
        return found[0]
    raise InputError(f"item: expected one of {', '.join(known)}, got {number!r}")


def act_view(act: Act, lang: str) -> ActView:
    header = act.act
    control = act.control
    control_text = ""
    if control is not None:
        body = control.body
        control_text = clean((getattr(body, f"name_{lang}") if body else None) or control.text)
    return ActView(
        kind=act_kind(header, lang).name,
        number=clean(header.number) or wording(lang).common.blank_number,
        date=long_date(header.date, lang),
        title=clean(header.title),
        title_quoted=quoted(clean(header.title), lang),
        requisites=act_reference(header, lang, "nominative"),
        attached_to=act_reference(header, lang, "attached_to"),
        genitive=act_reference(header, lang, "genitive"),
        control=control_text,
    )


def executor_name(executor: Executor, lang: str) -> str:
    return clean(getattr(executor, f"name_{lang}") or executor.text)


def ordered_executors(item: Item, lang: str) -> list[str]:
    """Names of the item's executors, lead first; when there are several, the lead is marked."""
    executors = sorted(item.executors, key=lambda executor: executor.role != "lead")
    leads = sum(executor.role == "lead" for executor in executors)
    mark = wording(lang).common.lead_mark
    names = []
    for executor in executors:
        name = executor_name(executor, lang)
        if executor.role == "lead" and 0 < leads < len(executors):
            name = f"{name} {mark}"
        names.append(name)
    return names


def deadline_phrase(deadline: Deadline, lang: str) -> str:
    if deadline.text:
        return clean(deadline.text)
    return wording(lang).deadline.default if deadline.kind == "default" else ""


def due_dates(deadline: Deadline, lang: str) -> str:
    if deadline.schedule:
        dates = ", ".join(short_date(date, lang) for date in deadline.schedule[:_SCHEDULE_SHOWN])
        return wording(lang).deadline.schedule.format(dates=dates)
    return short_date(deadline.due, lang) if deadline.due else ""


def deadline_cell(deadline: Deadline, lang: str) -> str:
    """The term as the act words it and the date computed from it."""
    return lines((deadline_phrase(deadline, lang), due_dates(deadline, lang)))


def _decision_value(key: str, value: str | bool, lang: str) -> str:
    words = wording(lang)
    if isinstance(value, bool):
        return words.common.yes if value else words.common.no
    said = getattr(words.decision, key, {}).get(value)
    if said:
        return said
    if key == "level" and (body := gazetteer().get(value)) is not None:
        return body.name(lang)
    if _ISO_DATE.fullmatch(value):
        return short_date(dt.date.fromisoformat(value), lang)
    return clean(value)


def _decided(item: Item, key: str, lang: str) -> str:
    """The value of a decision alone, or "" while undecided."""
    found = item.control.decisions.get(key) if item.control else None
    return _decision_value(key, found.value, lang) if found is not None and found.value is not None else ""


def decision(item: Item, key: str, lang: str) -> str:
    """A control decision with its note and reference into the Rules, or a blank line while undecided."""
    words = wording(lang)
    found: RuleDecision | None = item.control.decisions.get(key) if item.control else None
    if found is None or found.value is None:
        return words.common.blank
    basis = words.common.basis.format(rule=clean(found.rule)) if found.rule else ""
    return lines((_decision_value(key, found.value, lang), clean(found.note), basis))


def controller(item: Item, lang: str) -> str:
    """Who controls the item (the "level" decision without its reasons), or a blank line while undecided."""
    return _decided(item, "level", lang) or wording(lang).common.blank


def assignment(act: Act, lang: str) -> Assignment:
    check_language(act, lang)
    require_items(act)
    blank = wording(lang).common.blank
    rows = tuple(
        AssignmentRow(
            number=f"{item_key(item) or index}.",
            measure=clean(item.text),
            deadline=deadline_cell(item.deadline, lang) or blank,
            completion_form=clean(item.completion_form),
            final_result=clean(item.final_result),
            executors=lines(ordered_executors(item, lang)) or blank,
            controller=controller(item, lang),
        )
        for index, item in enumerate(act.items, start=1)
    )
    return Assignment(act=act_view(act, lang), rows=rows)


def card(act: Act, number: str | None, lang: str) -> Card:
    check_language(act, lang)
    item = select_item(act, number)
    words = wording(lang)
    blank, nothing = words.common.blank, words.common.nothing
    view = act_view(act, lang)
    leads = [executor_name(e, lang) for e in item.executors if e.role == "lead"]
    co = [executor_name(e, lang) for e in item.executors if e.role != "lead"]
    deadline = item.deadline
    basis = words.deadline.basis.format(date=short_date(deadline.basis, lang)) if deadline.basis else ""
    computation = lines((clean(deadline.rule), basis, *map(clean, deadline.trace)))
    return Card(
        act=view,
        card=CardView(
            act=lines((view.requisites, view.title_quoted)),
            point=point_reference(item, lang, "short"),
            text=clean(item.text),
            action=clean(item.action) or blank,
            lead=lines(leads) or blank,
            co_executors=lines(co) or (nothing if leads else blank),
            deadline=deadline_phrase(deadline, lang) or blank,
            due=due_dates(deadline, lang) or blank,
            computation=computation or blank,
            deadline_rule=decision(item, "deadline", lang),
            completion_form=clean(item.completion_form) or blank,
            final_result=clean(item.final_result) or blank,
            act_control=view.control or nothing,
            level=decision(item, "level", lang),
            monitoring=decision(item, "monitoring", lang),
            roadmap=lines((
                decision(item, "roadmap", lang),
                words.deadline.roadmap_due.format(date=due) if (due := _decided(item, "roadmap_due", lang)) else "",
            )),
            reporting=decision(item, "reporting", lang),
        ),
    )


def roadmap(act: Act, number: str | None, lang: str) -> Roadmap:
    check_language(act, lang)
    item = select_item(act, number)
    blank = wording(lang).common.blank
    executors = ordered_executors(item, lang)
    leads = [executor_name(e, lang) for e in item.executors if e.role == "lead"]
    deadline = deadline_cell(item.deadline, lang).replace("\n", ", ")
    # One row per executor for the stages a person will write in, then the item itself as the last stage.
    stage_rows = [
        RoadmapRow(number=f"{index}.", measure="", completion_form="", deadline="", executors=name)
        for index, name in enumerate(executors or [""], start=1)
    ]
    final_row = RoadmapRow(
        number=f"{len(stage_rows) + 1}.",
        measure=clean(item.text),
        completion_form=clean(item.completion_form),
        deadline=deadline,
        executors=lines(executors),
    )
    return Roadmap(
        act=act_view(act, lang),
        roadmap=RoadmapView(
            target=point_reference(item, lang, "target"),
            text=clean(item.text),
            deadline=deadline or blank,
            lead=lines(leads or executors[:1]).replace("\n", ", ") or blank,
            basis=decision(item, "roadmap", lang).replace("\n", "; "),
            due=_decided(item, "roadmap_due", lang) or blank,
        ),
        rows=(*stage_rows, final_row),
    )


def entries_from_act(act: Act, lang: str) -> list[ReportEntry]:
    """The act's items as report entries: requisites with the point, text, lead executor; no status yet."""
    requisites = act_reference(act.act, lang, "nominative")
    entries = []
    for item in act.items:
        lead = next((e for e in item.executors if e.role == "lead"), item.executors[0] if item.executors else None)
        entries.append(ReportEntry(
            requisites=f"{requisites}, {point_reference(item, lang, 'short')}",
            content=item.text,
            executor=executor_name(lead, lang) if lead else None,
        ))
    return entries


def report_input(sources: Sequence[Act | ReportInput], lang: str, *, year: int | None = None,
                 reporter: str | None = None) -> ReportInput:
    """One list of report entries from acts and lists; ``year`` and ``reporter`` override the lists'."""
    entries: list[ReportEntry] = []
    for source in sources:
        if isinstance(source, Act):
            check_language(source, lang)
            require_items(source)
            entries.extend(entries_from_act(source, lang))
        else:
            entries.extend(source.entries)
            year = year or source.year
            reporter = reporter or source.reporter
    return ReportInput(entries=tuple(entries), year=year, reporter=reporter)


def report(report_input: ReportInput, lang: str) -> Report:
    """Group the entries by sphere, in the order of spheres.toml; rows are numbered within a sphere."""
    if not report_input.entries:
        raise InputError("report: expected at least one instruction, got none")
    words = wording(lang)
    by_sphere: dict[str, list[ReportEntry]] = {key: [] for key in sphere_keys()}
    for entry in report_input.entries:
        key = (sphere_named(entry.sphere) if entry.sphere else None) or sphere_of(
            [entry.executor] if entry.executor else [], entry.content
        )
        by_sphere[key].append(entry)
    groups = tuple(
        ReportGroup(
            title=sphere_title(key, lang),
            rows=tuple(
                ReportRow(
                    number=f"{index}.",
                    requisites=clean(entry.requisites),
                    content=clean(entry.content),
                    status=words.report.status[entry.status] if entry.status else clean(entry.status_text),
                    final_result=clean(entry.final_result),
                    interim_result=clean(entry.interim_result),
                )
                for index, entry in enumerate(entries, start=1)
            ),
        )
        for key, entries in by_sphere.items()
        if entries
    )
    header = ReportHeader(
        reporter=clean(report_input.reporter) or words.common.blank,
        year=str(report_input.year) if report_input.year else words.common.blank_number,
    )
    return Report(report=header, groups=groups)
