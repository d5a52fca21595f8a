"""tapsyrma.app.batch: thousands of acts in, one act per line, item tables, a summary and
(optionally) the registry out; parallel, resumable after any interruption, safe with archives.

>>> from tapsyrma.app.batch import run_batch
>>> result = run_batch(["archive.zip", "acts/"], "out", jobs=4)  # doctest: +SKIP
>>> result.summary.acts, result.summary.errors, result.exit_code  # doctest: +SKIP
"""

from .progress import BatchProgress
from .run import (
    FORMATS,
    BatchResult,
    RegistryImport,
    default_jobs,
    run_batch,
    write_reports,
)
from .sources import ArchiveLimits
from .summary import Summary

__all__ = [
    "FORMATS",
    "ArchiveLimits",
    "BatchProgress",
    "BatchResult",
    "RegistryImport",
    "Summary",
    "default_jobs",
    "run_batch",
    "write_reports",
]
