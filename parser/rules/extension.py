"""Extensions of a term (п.69–74): whether one more is possible and who decides it."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..model import Act, Item, RuleDecision
from .control import level_of
from .profile import ADMINISTRATION_ID, Profile, profile

ExtensionKind = Literal["extension", "medium_term", "long_term", "new_term"]

# Who decides, as codes a UI can translate.
PRESIDENT = "president"
PRESIDENT_OR_HEAD = "president_or_head_of_administration"
SC_SECRETARY = "secretary_security_council"
PRESIDENT_OR_SC_SECRETARY = "president_or_secretary_security_council"
GOVERNMENT_REGULATION = "government_regulation"


class Extension(BaseModel):
    """One decision already taken on the item's term.

    ``kind``: ``extension`` (продление), ``medium_term`` / ``long_term`` (перевод на средне- или
    долгосрочный контроль), which п.69 counts together, or ``new_term`` (новый срок, п.70), which
    it does not.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: ExtensionKind = "extension"
    new_due: dt.date
    previous_due: dt.date | None = None
    decided: dt.date | None = None
    decided_by: str | None = None


def extension_decision(
    item: Item, history: list[Extension], *, requested: dt.date, act: Act, kind: ExtensionKind = "extension"
) -> RuleDecision:
    """Whether the term of ``item`` may be moved to ``requested`` and who decides.

    ``value`` is the decider's code (``president``, ``president_or_head_of_administration``,
    ``secretary_security_council``, ``president_or_secretary_security_council``,
    ``government_regulation``), or None when the Rules name nobody or the request is no extension.
    """
    p = profile(item, act)
    lx = p.lexicon
    counted = [e for e in history if e.kind != "new_term"]
    current = max((e.new_due for e in history), default=item.deadline.due)
    past = tuple(
        lx.note(
            "extension_history",
            decided=e.decided.isoformat() if e.decided else "?",
            previous=e.previous_due.isoformat() if e.previous_due else "?",
            new=e.new_due.isoformat(),
        )
        for e in history
    )
    if current is not None and requested <= current:
        return RuleDecision(value=None, rule=lx.ref("69", part=1), evidence=past,
                            note=lx.note("extension_not_later", requested=requested.isoformat(), due=current.isoformat()))
    if not p.presidential:
        return RuleDecision(value=None, rule=lx.ref("42"), note=lx.note("not_presidential"))
    value, rule, note, words = _who_decides(p, kind, repeated=bool(counted) and kind != "new_term", count=len(counted) + 1)
    if kind == "medium_term":
        note += " " + lx.note("extension_medium_term")
    elif kind == "long_term":
        note += " " + lx.note("extension_long_term")
    return RuleDecision(value=value, rule=rule, evidence=words + past, note=note)


def _who_decides(p: Profile, kind: ExtensionKind, *, repeated: bool, count: int) -> tuple[str | None, str, str, tuple[str, ...]]:
    lx = p.lexicon
    sc_words = p.evidence("security_council")
    if kind == "new_term":
        if sc_words:
            return PRESIDENT_OR_SC_SECRETARY, lx.ref("70", part=3), lx.note("extension_new_term_sc"), sc_words
        return None, lx.ref("70", part=1), lx.note("extension_new_term"), ()
    repeated_note = ""
    if p.personal and not p.published:
        if repeated:
            repeated_note = " " + lx.note("extension_repeated", count=count)
        return PRESIDENT, lx.ref("74"), lx.note("extension_personal") + repeated_note, p.evidence("personal")
    published_note = lx.note("extension_published") + " " if p.published else ""
    if sc_words:
        if repeated:
            return (PRESIDENT_OR_SC_SECRETARY, lx.ref("72", part=3),
                    published_note + lx.note("extension_repeated_sc", count=count), sc_words)
        return SC_SECRETARY, lx.ref("69", part=2), published_note + lx.note("extension_first_sc"), sc_words
    if repeated and (plan_words := p.evidence("national_plan")):
        return PRESIDENT, lx.ref("72", part=1), published_note + lx.note("extension_repeated_plan", count=count), plan_words
    if level_of(p) not in (ADMINISTRATION_ID, None):
        if repeated:
            repeated_note = " " + lx.note("extension_repeated", count=count)
        return GOVERNMENT_REGULATION, lx.ref("74-1"), published_note + lx.note("extension_government") + repeated_note, ()
    words = p.evidence("published")
    if repeated:
        return PRESIDENT_OR_HEAD, lx.ref("72", part=2), published_note + lx.note("extension_repeated", count=count), words
    return PRESIDENT_OR_HEAD, lx.ref("69", part=1), published_note + lx.note("extension_first"), words
