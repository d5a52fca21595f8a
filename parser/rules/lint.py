"""Checks of a draft of instructions against п.30 of the Rules (and п.4, п.50, п.51): a concrete
expected result, a realistic term, named and known executors. The duplicate check of п.33 needs a
registry: the CLI adds its findings with :func:`duplicate_finding`."""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..calendar import WorkCalendar
from ..model import Act, Item, Language, Span
from .control import working_calendar
from .lexicon import lexicon
from .profile import Profile, profile

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
# п.30 пп.4): a term shorter than this many working days from the act (or receipt) is unrealistic.
MIN_WORKING_DAYS = 2


class LintFinding(BaseModel):
    """One finding: which rule, how grave, which item, the message in the act's language."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    rule: str
    severity: Severity
    item: str | None
    message: str
    evidence: tuple[str, ...] = ()
    span: Span | None = None


class LintReport(BaseModel):
    """The findings on one draft, in item order, errors first within an item."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    language: Language
    source: str
    findings: tuple[LintFinding, ...] = ()

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def with_findings(self, extra: list[LintFinding], *, order: list[str | None]) -> LintReport:
        """This report with ``extra`` findings merged in, sorted by ``order``, the act's item labels."""
        rank = {number: i for i, number in enumerate(order)}
        merged = sorted(
            (*self.findings, *extra),
            key=lambda f: (rank.get(f.item, len(rank)), SEVERITIES.index(f.severity)),
        )
        return self.model_copy(update={"findings": tuple(merged)})

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def item_label(item: Item) -> str | None:
    """How findings name an item: its path ("4.1"), which, unlike a subpoint's number, is unique."""
    return ".".join(item.path) or item.number


def severity_label(severity: Severity, language: Language) -> str:
    """The word for ``severity`` in ``language``."""
    return lexicon(language).name(f"severity_{severity}")


def lint_draft(act: Act, *, received: dt.date | None = None, calendar: WorkCalendar | None = None) -> LintReport:
    """Check every item of a draft; terms count from ``received``, else from the act's date."""
    basis = received or act.act.date
    findings: list[LintFinding] = []
    for item in act.items:
        p = profile(item, act)
        findings += _executors(p)
        findings += _result(p)
        findings += _term(p, basis, calendar)
    report = LintReport(language=act.language, source=act.source)
    return report.with_findings(findings, order=[item_label(item) for item in act.items])


def duplicate_finding(act: Act, item: Item, *, earlier: str, score: float) -> LintFinding:
    """A п.33 finding: ``item`` may duplicate the earlier instruction ``earlier`` (a reference)."""
    lx = lexicon(act.language)
    return LintFinding(
        code="duplicate", rule=lx.ref("33"), severity="warning", item=item_label(item), span=item.span,
        message=lx.message("duplicate", item=item_label(item), earlier=earlier, score=f"{score:.0f}"),
    )


def _finding(p: Profile, code: str, severity: Severity, rule: str, *, evidence: tuple[str, ...] = (),
             **values: str) -> LintFinding:
    return LintFinding(
        code=code, rule=rule, severity=severity, item=item_label(p.item), evidence=evidence, span=p.item.span,
        message=p.lexicon.message(code, item=item_label(p.item), **values),
    )


def _executors(p: Profile) -> list[LintFinding]:
    lx = p.lexicon
    if not p.item.executors:
        return [_finding(p, "no_executors", "error", lx.ref("4", sub="5)"))]
    return [
        _finding(p, "unknown_executor", "warning", lx.ref("30", sub="1)"), evidence=(e.text,), words=e.text)
        for e in p.item.executors
        if e.id is None
    ]


def _result(p: Profile) -> list[LintFinding]:
    lx = p.lexicon
    item = p.item
    if item.final_result:
        return []
    found = []
    if vague := p.evidence("vague"):
        found.append(_finding(p, "vague", "warning", lx.ref("30", sub="3)"), evidence=vague, words="; ".join(vague)))
    if not item.completion_form:
        found.append(_finding(p, "no_result", "info", lx.ref("4", sub="5)")))
    return found


def _term(p: Profile, basis: dt.date | None, calendar: WorkCalendar | None) -> list[LintFinding]:
    lx = p.lexicon
    deadline = p.item.deadline
    if deadline.due is None:
        if deadline.kind == "periodic":
            return []
        if p.personal:
            return [_finding(p, "no_deadline_personal", "info", lx.ref("51"))]
        return [_finding(p, "no_deadline", "info", lx.ref("50", part=2))]
    if basis is None:
        return []
    words = (deadline.text,) if deadline.text else ()
    values = {"due": deadline.due.isoformat(), "basis": basis.isoformat()}
    if deadline.due < basis:
        return [_finding(p, "deadline_before", "error", lx.ref("30", sub="4)"), evidence=words, **values)]
    if deadline.due < working_calendar(calendar).add_working_days(basis, MIN_WORKING_DAYS):
        return [_finding(p, "deadline_short", "error", lx.ref("30", sub="4)"), evidence=words, **values)]
    return []
