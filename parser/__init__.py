"""tapsyrma.parser: text in, :class:`Act` out.

>>> from tapsyrma.parser import parse_text
>>> act = parse_text("1. Правительству Республики Казахстан в месячный срок принять меры, "
...                  "вытекающие из настоящего Указа.", lang="ru")
>>> act.items[0].executors[0].id
'government'
"""

from .errors import TapsyrmaError
from .model import Act, ActHeader, Amendment, ControlClause, Deadline, Effective, Executor, Item, Node
from .pipeline import parse_document, parse_file, parse_text

__all__ = [
    "Act",
    "ActHeader",
    "Amendment",
    "ControlClause",
    "Deadline",
    "Effective",
    "Executor",
    "Item",
    "Node",
    "TapsyrmaError",
    "parse_document",
    "parse_file",
    "parse_text",
]
