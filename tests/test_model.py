"""The JSON contract tapsyrma/act@1: the shipped schema is the model's, and JSON round-trips."""

from __future__ import annotations

import json
from pathlib import Path

import tapsyrma.parser as parser_package
from tapsyrma.parser.model import Act, ActHeader, Deadline, Executor, Item, act_json_schema

SHIPPED_SCHEMA = Path(parser_package.__file__).resolve().parent / "act.schema.json"


def test_shipped_schema_is_the_models_schema():
    assert json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8")) == act_json_schema(), (
        "parser/act.schema.json is stale: regenerate it with "
        "python -m tapsyrma.parser.model > parser/act.schema.json")


def test_json_round_trip_keeps_the_contract_names():
    act = Act(
        language="ru", source="act.txt", act=ActHeader(kind="указ", number="403", date="2023-12-04"),
        items=(Item(number="4", path=("4",), text="Правительству принять меры", span=(0, 26),
                    executors=(Executor(id="government", name_ru="Правительство Республики Казахстан",
                                        name_kk="Қазақстан Республикасының Үкіметі", kind="body", role="lead",
                                        text="Правительству", span=(0, 13)),),
                    deadline=Deadline(kind="relative", text="в месячный срок", due="2024-01-04")),),
        text="Правительству принять меры")
    data = json.loads(act.to_json())
    assert data["schema"] == "tapsyrma/act@1"
    assert set(data) >= {"schema", "language", "source", "act", "structure", "items", "control", "amendments", "effective", "warnings"}
    assert data["items"][0]["deadline"]["due"] == "2024-01-04"
    assert Act.from_json(act.to_json()) == act
