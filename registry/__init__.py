"""tapsyrma.registry: the registry of earlier instructions and duplicate detection (rule п.33).

>>> from tapsyrma.registry import Registry, find_duplicates
>>> registry = Registry("sqlite:///registry.db")          # doctest: +SKIP
>>> import_paths(registry, ["corpora/samples"])          # doctest: +SKIP
>>> find_duplicates(draft_act, registry, top=5)           # doctest: +SKIP
"""

from .duplicates import (
    DEFAULT_MIN_SCORE,
    DraftItemMatches,
    EarlierItem,
    FieldDifference,
    Match,
    TranslationMatch,
    Verdict,
    compare,
    find_duplicates,
)
from .features import ItemFeatures, item_features
from .importers import FileImport, import_paths, read_acts
from .store import ImportResult, Registry, RegistryStats, default_url

__all__ = [
    "DEFAULT_MIN_SCORE",
    "DraftItemMatches",
    "EarlierItem",
    "FileImport",
    "FieldDifference",
    "ImportResult",
    "ItemFeatures",
    "Match",
    "Registry",
    "RegistryStats",
    "TranslationMatch",
    "Verdict",
    "compare",
    "default_url",
    "find_duplicates",
    "import_paths",
    "item_features",
    "read_acts",
]
