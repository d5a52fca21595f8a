"""Removal from control (п.75, п.76, п.76-1, п.77, п.79): the ground, who removes, what evidence
the item's kind needs, and the order between the Administration and the executing body."""

from __future__ import annotations

from typing import Literal

from ..model import Act, Item, RuleDecision
from .control import level_of, monitoring_category
from .extension import PRESIDENT, PRESIDENT_OR_HEAD, PRESIDENT_OR_SC_SECRETARY
from .profile import ADMINISTRATION_ID, Profile, profile

RemovalGround = Literal["executed", "superseded", "impossible", "transferred"]
# п.75: ground → subpoint, and the evidence each ground other than execution needs.
GROUNDS: dict[str, str] = {"executed": "1)", "superseded": "2)", "impossible": "3)", "transferred": "4)"}
_GROUND_EVIDENCE = {
    "superseded": ("new_instruction", "removal_superseded"),
    "impossible": ("justification", "removal_impossible"),
    "transferred": ("transfer_decision", "removal_transferred"),
}


def removal_requirements(item: Item, act: Act, *, ground: RemovalGround = "executed") -> dict[str, RuleDecision]:
    """What removing ``item`` from control on ``ground`` takes.

    Keys: ``removal_ground`` (п.75), ``removal_by`` (who removes: п.76, п.77), ``removal_evidence``
    (what document closes it: п.76-1 for the kinds of п.66-3, else п.75) and, for items on the
    Administration's control, ``removal_order`` (п.79).
    """
    p = profile(item, act)
    lx = p.lexicon
    if not p.presidential:
        return {"removal_by": RuleDecision(value=None, rule=lx.ref("42"), note=lx.note("not_presidential"))}
    level = level_of(p)
    decisions = {
        "removal_ground": RuleDecision(
            value=ground, rule=lx.ref("75", sub=GROUNDS[ground]),
            note=lx.note("removal_ground", name=lx.name(f"ground_{GROUNDS[ground][0]}")),
        ),
        "removal_by": _removal_by(p, level),
        "removal_evidence": _evidence(p, ground),
    }
    if level == ADMINISTRATION_ID:
        decisions["removal_order"] = RuleDecision(value=True, rule=lx.ref("79"), note=lx.note("removal_order"))
    return decisions


def _removal_by(p: Profile, level: str | None) -> RuleDecision:
    lx = p.lexicon
    if p.personal:
        return RuleDecision(value=PRESIDENT, rule=lx.ref("77"), evidence=p.evidence("personal", "published"),
                            note=lx.note("removal_by_personal"))
    if p.security_council:
        return RuleDecision(value=PRESIDENT_OR_SC_SECRETARY, rule=lx.ref("76", part=4),
                            evidence=p.evidence("security_council"), note=lx.note("removal_by_sc"))
    if level == ADMINISTRATION_ID:
        return RuleDecision(value=PRESIDENT_OR_HEAD, rule=lx.ref("76", part=1), note=lx.note("removal_by_general"))
    return RuleDecision(value=None, rule=lx.ref("75-1"), note=lx.note("removal_by_government"))


def _evidence(p: Profile, ground: RemovalGround) -> RuleDecision:
    lx = p.lexicon
    if ground in _GROUND_EVIDENCE:
        value, note = _GROUND_EVIDENCE[ground]
        return RuleDecision(value=value, rule=lx.ref("75", sub=GROUNDS[ground]), note=lx.note(note))
    found = monitoring_category(p)
    if not found:
        return RuleDecision(value="official_report", rule=lx.ref("75", sub="1)"), note=lx.note("removal_executed"))
    _, code, words = found[0]
    if code == "construction":
        if monumental := p.evidence("monumental"):
            return RuleDecision(value="administration_memo", rule=lx.ref("76-1", paragraph=2), evidence=monumental,
                                note=lx.note("removal_monumental"))
        return RuleDecision(value="final_report", rule=lx.ref("76-1", paragraph=2), evidence=words,
                            note=lx.note("removal_construction"))
    if code == "digitalisation":
        return RuleDecision(value="memo_and_final_report", rule=lx.ref("76-1", paragraph=3), evidence=words,
                            note=lx.note("removal_digitalisation"))
    if code == "legislation":
        if named := p.named_act():
            return RuleDecision(value="signing", rule=lx.ref("76-1", paragraph=5), evidence=named,
                                note=lx.note("removal_named_act"))
        return RuleDecision(value="expert_opinion", rule=lx.ref("76-1", paragraph=6), evidence=words,
                            note=lx.note("removal_amendments"))
    return RuleDecision(value="fact", rule=lx.ref("76-1", paragraph=7), evidence=words, note=lx.note("removal_events"))
