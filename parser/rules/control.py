"""Control decisions for one item: level (п.42-1), monitoring (п.66-3), roadmap (п.56), deadline
(п.50, п.51) and intermediate reporting (п.66-1), each with its rule and the words behind it."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from ..calendar import WorkCalendar, kz_calendar
from ..deadlines import personal_instruction_default
from ..model import Act, Item, ItemControl, RuleDecision
from .profile import ADMINISTRATION_ID, GOVERNMENT_ID, Profile, profile

LOCAL_EXECUTIVE = "local_executive_body"

# п.66-3: subpoint, code, subjects; the first one found is the monitoring method.
MONITORING = (
    ("1)", "construction", ("construction",)),
    ("2)", "digitalisation", ("digitalisation",)),
    ("3)", "legislation", ("legislation",)),
    ("4)", "events", ("events", "naming")),
)
# п.42-1 ч.1: subpoint → subjects that put an item there (6) also by its executors).
LEVEL_CATEGORIES = (
    ("1", ("strategic",)),
    ("2", ("legislation",)),
    ("3", ("large_project",)),
    ("4", ("security_council", "assembly")),
    ("5", ("personal", "published")),
    ("6", ("inform_president",)),
)
# The Rules leave the periodicity of intermediate informing to the Administration (п.66-1 ч.1).
# tapsyrma proposes one by term length (months, up to and including): none for short terms (the
# working order of п.66-1 ч.3), then monthly, quarterly, semi-annual, and annual beyond.
REPORTING_BY_TERM = ((2, None), (6, "monthly"), (24, "quarterly"), (36, "semiannual"))
REPORTING_LONGEST = "annual"
PERIODICITIES = ("monthly", "quarterly", "semiannual", "annual")
ROADMAP_WORKING_DAYS = 10
ROADMAP_TERM = relativedelta(months=6)
_AVERAGE_MONTH_DAYS = 30.44


def decide_control(
    item: Item, act: Act, *, received: dt.date | None = None, calendar: WorkCalendar | None = None
) -> ItemControl:
    """The control decisions the Rules propose for ``item`` of ``act``.

    ``received`` is the day the act reached the executing body (terms in working days count from
    it, п.50 ч.3); unknown, the act's date stands in and the notes say so. ``calendar`` defaults to
    the Kazakhstan working calendar.
    """
    p = profile(item, act)
    decisions = {"level": _level(p)}
    if not p.presidential:
        return ItemControl(decisions=decisions)
    decisions["monitoring"] = _monitoring(p)
    roadmap = _roadmap(p, received)
    decisions["roadmap"] = roadmap
    if roadmap.value is True and (due := _roadmap_due(p, received, calendar)) is not None:
        decisions["roadmap_due"] = due
    decisions["deadline"] = _deadline(p, calendar)
    decisions["reporting"] = _reporting(p, received)
    return ItemControl(decisions=decisions)


def working_calendar(calendar: WorkCalendar | None) -> WorkCalendar:
    return calendar if calendar is not None else kz_calendar()


# --- level (п.42-1) ------------------------------------------------------------------------


def level_categories(p: Profile) -> list[tuple[str, tuple[str, ...]]]:
    """The subpoints of п.42-1 ч.1 the item falls under, with the words that put it there."""
    found = []
    for sub, subjects in LEVEL_CATEGORIES:
        words = p.evidence(*subjects)
        if sub == "6":
            words = p.administration_executors + words
        if words:
            found.append((sub, words))
    return found


def level_of(p: Profile) -> str | None:
    """The item's control level: the one already decided (and maybe confirmed) on the item, else proposed."""
    decided = p.item.control.decisions.get("level") if p.item.control else None
    value = decided.value if decided is not None else _level(p).value
    return value if isinstance(value, str) else None


def _clause_level(p: Profile) -> tuple[str, str, str] | None:
    """(controlling body id, clause words, body name) when the act puts its execution on someone's control."""
    clause = p.act.control
    if clause is None:
        return None
    lx = p.lexicon
    name_field = "name_ru" if p.act.language == "ru" else "name_kk"
    if clause.body is not None and clause.body.id:
        hits = lx.find("administration", clause.text) or lx.find("government", clause.text)
        words = hits[0].text if hits else clause.text
        return clause.body.id, words, getattr(clause.body, name_field) or words
    for subject, body_id in (("administration", ADMINISTRATION_ID), ("government", GOVERNMENT_ID)):
        if hits := lx.find(subject, clause.text):
            return body_id, hits[0].text, hits[0].text
    return None


def _level(p: Profile) -> RuleDecision:
    lx = p.lexicon
    if not p.presidential:
        header = p.act.act
        return RuleDecision(
            value=None,
            rule=lx.ref("42"),
            evidence=tuple(word for word in (header.issuer, header.kind) if word),
            note=lx.note("not_presidential"),
        )
    categories = level_categories(p)
    subs = [sub for sub, _ in categories]
    category_words = tuple(dict.fromkeys(word for _, words in categories for word in words))
    category_note = ""
    if categories:
        names = "; ".join(f"{sub}) {lx.name('level_' + sub)}" for sub in subs)
        category_note = lx.note("level_categories", names=names)
        if "6" in subs:
            category_note += " " + lx.note("level_slip")
    if (clause := _clause_level(p)) is not None:
        body_id, words, body_name = clause
        note = lx.note("level_clause", body=body_name)
        return RuleDecision(
            value=body_id,
            rule=lx.ref("30-1"),
            evidence=(words, *category_words),
            note=f"{note} {category_note}".strip(),
        )
    if categories:
        return RuleDecision(
            value=ADMINISTRATION_ID,
            rule=lx.ref("42-1", sub=", ".join(f"{sub})" for sub in subs)),
            evidence=category_words,
            note=category_note,
        )
    if p.has("resonance"):
        return RuleDecision(
            value=ADMINISTRATION_ID, rule=lx.ref("42-1", part=2), evidence=p.evidence("resonance"),
            note=lx.note("level_resonance"),
        )
    if p.local_only:
        return RuleDecision(
            value=LOCAL_EXECUTIVE, rule=lx.ref("42-1", part=2),
            evidence=tuple(executor.text for executor in p.item.executors), note=lx.note("level_local"),
        )
    return RuleDecision(value=GOVERNMENT_ID, rule=lx.ref("42-1", part=3), note=lx.note("level_other"))


# --- monitoring (п.66-3) -------------------------------------------------------------------


def monitoring_category(p: Profile) -> list[tuple[str, str, tuple[str, ...]]]:
    """The subpoints of п.66-3 the item falls under: (subpoint, code, words), in the order of п.66-3."""
    return [(sub, code, words) for sub, code, subjects in MONITORING if (words := p.evidence(*subjects))]


def _monitoring(p: Profile) -> RuleDecision:
    lx = p.lexicon
    found = monitoring_category(p)
    if not found:
        return RuleDecision(value="general", rule=lx.ref("66-2"), note=lx.note("monitoring_general"))
    sub, code, _ = found[0]
    note = lx.note(f"monitoring_{code}")
    if len(found) > 1:
        others = ", ".join(lx.ref("66-3", sub=other) for other, _, _ in found[1:])
        note += " " + lx.note("monitoring_also", others=others)
    evidence = tuple(dict.fromkeys(word for _, _, w in found for word in w))
    return RuleDecision(value=code, rule=lx.ref("66-3", sub=sub), evidence=evidence, note=note)


# --- roadmap (п.56) ------------------------------------------------------------------------


def term(p: Profile, received: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """(basis, due) of the item's term: the deadline's own basis, else receipt, else the act's date."""
    deadline = p.item.deadline
    return deadline.basis or received or p.act.act.date, deadline.due


def _roadmap(p: Profile, received: dt.date | None) -> RuleDecision:
    lx = p.lexicon
    basis, due = term(p, received)
    long_term = None if basis is None or due is None else due > basis + ROADMAP_TERM
    conditions = (
        ("roadmap_term", long_term, (p.item.deadline.text,) if long_term and p.item.deadline.text else ()),
        ("roadmap_executors", p.body_count >= 2, tuple(e.text for e in p.item.executors) if p.body_count >= 2 else ()),
        ("roadmap_approaches", p.has("new_approaches"), p.evidence("new_approaches")),
    )
    evidence = tuple(word for _, _, words in conditions for word in words)
    missing = [lx.name(name) for name, met, _ in conditions if met is False]
    if missing:
        return RuleDecision(value=False, rule=lx.ref("56"), evidence=evidence,
                            note=lx.note("roadmap_missing", missing="; ".join(missing)))
    if long_term is None:
        return RuleDecision(value=None, rule=lx.ref("56"), evidence=evidence, note=lx.note("roadmap_unknown_term"))
    return RuleDecision(value=True, rule=lx.ref("56"), evidence=evidence, note=lx.note("roadmap_required"))


def _roadmap_due(p: Profile, received: dt.date | None, calendar: WorkCalendar | None) -> RuleDecision | None:
    lx = p.lexicon
    basis = received or p.act.act.date
    if basis is None:
        return None
    due = working_calendar(calendar).add_working_days(basis, ROADMAP_WORKING_DAYS)
    note = lx.note("roadmap_due", basis=basis.isoformat())
    if received is None:
        note += " " + lx.note("roadmap_due_act_date", basis=basis.isoformat())
    return RuleDecision(value=due.isoformat(), rule=lx.ref("56"), note=note)


# --- deadline (п.50, п.51) -----------------------------------------------------------------


def _deadline(p: Profile, calendar: WorkCalendar | None) -> RuleDecision:
    lx = p.lexicon
    deadline = p.item.deadline
    personal = p.evidence("personal", "published")
    stated = (deadline.text,) if deadline.text else ()
    due = deadline.due.isoformat() if deadline.due else None
    if deadline.kind not in ("none", "default"):
        if personal:
            return RuleDecision(value=due, rule=lx.ref("51"), evidence=stated + personal,
                                note=lx.note("deadline_personal_stated"))
        if deadline.kind == "relative" and deadline.due is not None:
            return RuleDecision(value=due, rule=lx.ref("50", part=3), evidence=stated,
                                note=lx.note("deadline_working_days"))
        return RuleDecision(value=due, rule=lx.ref("50", part=1), evidence=stated, note=lx.note("deadline_stated"))
    if personal:
        signed = p.act.act.date
        if signed is None:
            return RuleDecision(value=None, rule=lx.ref("51"), evidence=personal,
                                note=lx.note("deadline_personal_unsigned"))
        if deadline.kind == "none":
            default = personal_instruction_default(signed, calendar=working_calendar(calendar), lang=p.act.language)
            due = default.due.isoformat() if default.due else None
        return RuleDecision(value=due, rule=lx.ref("51"), evidence=personal,
                            note=lx.note("deadline_personal_default", signed=signed.isoformat()))
    return RuleDecision(value=due, rule=lx.ref("50", part=2), evidence=stated, note=lx.note("deadline_none"))


# --- intermediate reporting (п.66-1) -------------------------------------------------------


def _reporting(p: Profile, received: dt.date | None) -> RuleDecision:
    lx = p.lexicon
    if monitoring_category(p):
        return RuleDecision(value="none", rule=lx.ref("66-3"), note=lx.note("reporting_without"))
    for text in (p.item.deadline.text, p.item.text):
        for periodicity in PERIODICITIES:
            if text and (hits := lx.find(periodicity, text)):
                return RuleDecision(value=periodicity, rule=lx.ref("66-1", part=1),
                                    evidence=tuple(h.text for h in hits), note=lx.note("reporting_stated"))
    basis, due = term(p, received)
    if basis is None or due is None:
        return RuleDecision(value=None, rule=lx.ref("66-1", part=1), note=lx.note("reporting_unknown"))
    months = round((due - basis).days / _AVERAGE_MONTH_DAYS)
    evidence = (p.item.deadline.text,) if p.item.deadline.text else ()
    periodicity = next((value for limit, value in REPORTING_BY_TERM if months <= limit), REPORTING_LONGEST)
    if periodicity is None:
        return RuleDecision(value="none", rule=lx.ref("66-1", part=3), evidence=evidence,
                            note=lx.note("reporting_short", months=months))
    return RuleDecision(value=periodicity, rule=lx.ref("66-1", part=1), evidence=evidence,
                        note=lx.note("reporting_by_term", months=months))
