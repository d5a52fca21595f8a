"""An instruction list approved by an act (synthetic fixtures, written as the Government's lists are):
the approval stamp gives the act's requisites, the table gives one item per row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tapsyrma.parser import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "instruction_lists"


@pytest.fixture(scope="module", params=["ru", "kk"])
def act(request):
    return parse_file(FIXTURES / f"{request.param}.md")


def test_the_stamp_gives_the_approving_act(act):
    assert act.act.kind == "распоряжение"
    assert act.act.date == dt.date(2025, 1, 15)
    assert act.act.number in ("5-р", "5-ө")
    assert act.act.title.startswith(("ПЕРЕЧЕНЬ ПОРУЧЕНИЙ", "Қазақстан Республикасы Үкіметінің кеңейтілген"))
    assert not any("operative structure" in w or "act date" in w for w in act.warnings)


def test_each_row_is_an_item_with_abbreviated_executors_lead_first(act):
    rows = [[(e.id, e.role) for e in item.executors] for item in act.items]
    assert rows == [
        [("mf", "lead"), ("mne", "co"), ("group_central_state_bodies", "co")],
        [("mz", "lead"), ("group_local_executive_bodies", "co")],
        [("mdd", "lead"), ("nit", "co")],
        [("mts", "lead"), ("samruk_kazyna", "co")],
    ]


def test_terms_count_from_the_approving_act(act):
    due = [(item.deadline.kind, item.deadline.due) for item in act.items]
    assert due == [
        ("date", dt.date(2025, 3, 1)),
        ("periodic", dt.date(2025, 4, 10)),  # quarterly, by the 10th of the month after the quarter
        ("period_end", dt.date(2025, 12, 31)),
        ("date", dt.date(2025, 6, 21)),  # ten days before 1 July
    ]
    assert all(item.completion_form for item in act.items)
