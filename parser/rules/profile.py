"""What the Rules need to know about one item: where it comes from, which subjects its words touch,
who executes it. Matching only; the decision modules turn a profile into decisions.

The item's own words are searched with the executors' names and the inside of quotes blanked out,
so that "Министерству промышленности и строительства" is not a construction item and a quoted
referendum question is not an instruction. Sources (Security Council, personal instruction, ...)
are also searched in the act's title, issuer and preamble, where instruction documents name them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..model import Act, Executor, Item
from .lexicon import Hit, Lexicon, lexicon

ADMINISTRATION_ID = "administration_president"
GOVERNMENT_ID = "government"

SOURCE_SUBJECTS = ("security_council", "assembly", "personal", "published", "national_plan")
ITEM_SUBJECTS = (
    "strategic", "legislation", "large_project", "inform_president", "resonance",
    "construction", "monumental", "digitalisation", "events", "naming", "new_approaches", "vague",
)  # fmt: skip
_QUOTE_PAIRS = {"«": "»", "„": "“", "“": "”"}
_STRAIGHT_QUOTE = '"'


def blank_quotes(text: str) -> str:
    """``text`` with what stands inside quotes (nested «» included) replaced by spaces."""
    chars = list(text)
    closing: list[str] = []
    for i, ch in enumerate(text):
        if closing and ch == closing[-1]:
            closing.pop()
        elif ch in _QUOTE_PAIRS:
            if closing:
                chars[i] = " "
            closing.append(_QUOTE_PAIRS[ch])
        elif closing and not ch.isspace():
            chars[i] = " "
    if closing:  # unbalanced: keep the text as written rather than blank to the end
        return _blank_straight_quotes(text)
    return _blank_straight_quotes("".join(chars))


def _blank_straight_quotes(text: str) -> str:
    if text.count(_STRAIGHT_QUOTE) % 2:
        return text
    chars = list(text)
    inside = False
    for i, ch in enumerate(text):
        if ch == _STRAIGHT_QUOTE:
            inside = not inside
        elif inside and not ch.isspace():
            chars[i] = " "
    return "".join(chars)


def blank_executors(item: Item) -> str:
    """The item's text with the executors' names replaced by spaces (offsets kept)."""
    chars = list(item.text)
    for executor in item.executors:
        start, end = executor.span[0] - item.span[0], executor.span[1] - item.span[0]
        if 0 <= start < end <= len(item.text) and item.text[start:end] == executor.text:
            chars[start:end] = " " * (end - start)
            continue
        at = item.text.find(executor.text)
        while executor.text and at >= 0:
            chars[at : at + len(executor.text)] = " " * len(executor.text)
            at = item.text.find(executor.text, at + 1)
    return "".join(chars)


def head_parts(act: Act, item: Item) -> tuple[str, ...]:
    """Title, issuer and preamble of the act: what an instruction document says of its source."""
    starts = [other.span[0] for other in act.items] + [item.span[0]]
    preamble = act.text[: min(starts)] if act.text else ""
    return tuple(part for part in (act.act.title, act.act.issuer, preamble) if part)


@dataclass(frozen=True)
class Profile:
    """The hits of one item against the control-rules lexicon of its act's language."""

    item: Item
    act: Act
    lexicon: Lexicon
    hits: dict[str, tuple[Hit, ...]]

    def has(self, subject: str) -> bool:
        return bool(self.hits[subject])

    def evidence(self, *subjects: str) -> tuple[str, ...]:
        """The words that triggered ``subjects``, as written, first seen first, without repeats."""
        return tuple(dict.fromkeys(hit.text for subject in subjects for hit in self.hits[subject]))

    @cached_property
    def presidential(self) -> bool:
        """Whether the act is an act or instruction of the President of Kazakhstan (п.42)."""
        header = self.act.act
        if header.issuer:
            return self.lexicon.names_president(header.issuer)
        return (header.kind or "").casefold() in self.lexicon.presidential_kinds

    @property
    def security_council(self) -> bool:
        return self.has("security_council")

    @property
    def personal(self) -> bool:
        """A personal instruction of the President, published in official accounts or not (п.42 пп.3)."""
        return self.has("personal") or self.has("published")

    @property
    def published(self) -> bool:
        return self.has("published")

    @cached_property
    def administration_executors(self) -> tuple[str, ...]:
        """Executors that are the Administration or its leading officials (п.42-1 пп.6)."""
        return tuple(
            executor.text
            for executor in self.item.executors
            if executor.id == ADMINISTRATION_ID or self.lexicon.find("administration", executor.text)
        )

    @cached_property
    def body_count(self) -> int:
        """How many state bodies execute the item; a group wording stands for two or more."""
        if any(executor.kind == "group" for executor in self.item.executors):
            return max(2, len(self.item.executors))
        return len({executor.id or executor.text.casefold() for executor in self.item.executors})

    @cached_property
    def local_only(self) -> bool:
        """All executors are local executive or representative bodies or their akims."""
        return bool(self.item.executors) and all(self._is_local(e) for e in self.item.executors)

    def _is_local(self, executor: Executor) -> bool:
        return bool(self.lexicon.find("local_bodies", executor.text))

    def named_act(self) -> tuple[str, ...]:
        """Words naming a separate legislative act in the completion form, final result or text."""
        for text in (self.item.completion_form, self.item.final_result, blank_executors(self.item)):
            if text and (hits := self.lexicon.find("named_act", text)):
                return tuple(hit.text for hit in hits)
        return ()


def profile(item: Item, act: Act) -> Profile:
    """Search the item (and, for its source, the act's head) with the lexicon of the act's language."""
    lex = lexicon(act.language)
    own = blank_executors(item)
    searched = blank_quotes(own)
    head = head_parts(act, item)
    hits: dict[str, tuple[Hit, ...]] = {}
    for subject in SOURCE_SUBJECTS:
        found = [_as_written(h, part) for part in head for h in lex.find(subject, blank_quotes(part))]
        hits[subject] = (*found, *(_as_written(h, item.text) for h in lex.find(subject, searched)))
    for subject in ITEM_SUBJECTS:
        hits[subject] = tuple(_as_written(h, item.text) for h in lex.find(subject, searched))
    return Profile(item=item, act=act, lexicon=lex, hits=hits)


def _as_written(hit: Hit, text: str) -> Hit:
    """The hit with its words taken from the original text (blanked parts restored)."""
    return Hit(hit.subject, " ".join(text[hit.start : hit.end].split()), hit.start, hit.end)
