"""Inputs of a batch → the documents to read, one :class:`Candidate` each.

Inputs are files, folders (walked recursively, hidden entries skipped), glob patterns and archives
(.zip, .tar, .tar.gz/.tgz, .tar.bz2, .tar.xz), also archives found inside folders. Archive members
are streamed from the archive, never unpacked to disk. Whatever cannot be read safely becomes a
candidate with a ``rejection`` (the reason), so the batch records it and goes on:

- member names that are absolute or climb out with ``..``; links and devices inside archives;
- symbolic links in a folder that point outside that folder;
- members over the size limit, members whose compression ratio exceeds the ratio limit (zip
  bombs), archives whose members add up to more than ``max_ratio`` times the archive's size, and
  archives with more members than ``max_members`` (the rest of such an archive is not read).

Candidates are drawn lazily, and archives are read front to back: load a member's content
(:meth:`Candidate.unit`) before drawing the next candidate.
"""

from __future__ import annotations

import glob
import os
import stat
import tarfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from tapsyrma.parser.readers import DEFAULT_MAX_BYTES

__all__ = ["DEFAULT_LIMITS", "ArchiveLimits", "Candidate", "Unit", "archive_kind", "expand_inputs", "iter_candidates"]

ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
# Separates an archive from the name of its member in a source name: "acts.zip!/2024/826.docx".
MEMBER_SEPARATOR = "!/"
# Below this many bytes a member's compression ratio is not judged: a small file of blanks
# compresses well and harms nobody.
_RATIO_FLOOR = 1 << 20
_GLOB_CHARS = frozenset("*?[")
_JUNK_FOLDERS = frozenset({"__MACOSX"})


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    """What a batch refuses to read."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_members: int = 100_000
    max_ratio: float = 100.0


DEFAULT_LIMITS = ArchiveLimits()


@dataclass(frozen=True, slots=True)
class Unit:
    """One document to parse: a file the worker reads, or archive member content read here."""

    source: str
    fingerprint: dict
    path: str | None = None
    data: bytes | None = None
    rejection: str | None = None


@dataclass(slots=True)
class Candidate:
    """A document found in the inputs. ``fingerprint`` tells a resumed run whether it is the
    same document as before without reading it: size and modification time of a file, size and
    CRC (zip) or modification time (tar) of a member."""

    source: str
    fingerprint: dict
    path: str | None = None
    rejection: str | None = None
    loader: Callable[[], bytes] | None = field(default=None, repr=False)

    def unit(self) -> Unit:
        """The unit of work; reads a member's content (a read that fails becomes a rejection)."""
        if self.loader is None:
            return Unit(self.source, self.fingerprint, self.path, None, self.rejection)
        try:
            data = self.loader()
        except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, ValueError) as error:
            return Unit(self.source, self.fingerprint, rejection=f"archive member cannot be read ({_one_line(error)})")
        return Unit(self.source, self.fingerprint, data=data)


def archive_kind(name: str) -> str | None:
    """The kind of archive a name's suffix says ("zip" or "tar"), None for any other file."""
    lowered = name.lower()
    if lowered.endswith(ZIP_SUFFIXES):
        return "zip"
    if lowered.endswith(TAR_SUFFIXES):
        return "tar"
    return None


def expand_inputs(inputs: Iterable[str]) -> tuple[list[str], list[str]]:
    """Inputs as paths (a pattern that names no existing path is expanded as a glob, ``**``
    included) and the inputs that matched nothing."""
    found: list[str] = []
    missing: list[str] = []
    for raw in inputs:
        if os.path.lexists(raw):
            found.append(raw)
        elif _GLOB_CHARS & set(raw) and (matches := sorted(glob.glob(raw, recursive=True))):
            found.extend(matches)
        else:
            missing.append(raw)
    return found, missing


def iter_candidates(
    paths: Iterable[str], limits: ArchiveLimits = DEFAULT_LIMITS, *, outdir: str | os.PathLike | None = None
) -> Iterator[Candidate]:
    """Every document of ``paths`` (see :func:`expand_inputs`), each real file once; a walk
    never enters ``outdir`` (a batch writing into the folder it reads would read its outputs)."""
    seen: set[str] = set()
    if outdir is not None:
        seen.add(os.path.realpath(outdir))
    for path in paths:
        if os.path.isdir(path):
            yield from _folder(path, limits, seen)
        else:
            yield from _file(path, limits, seen)


def _folder(root: str, limits: ArchiveLimits, seen: set[str]) -> Iterator[Candidate]:
    real_root = os.path.realpath(root)
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not _hidden(d) and os.path.realpath(os.path.join(folder, d)) not in seen)
        for name in list(dirs):
            path = os.path.join(folder, name)
            if os.path.islink(path):
                dirs.remove(name)  # never followed: inside the root it is walked anyway
                if not _within(os.path.realpath(path), real_root):
                    yield Candidate(path, _link_fingerprint(path), rejection=f"symbolic link to a folder outside {root}; not followed")
        for name in sorted(files):
            if _hidden(name):
                continue
            path = os.path.join(folder, name)
            if os.path.islink(path) and not _within(os.path.realpath(path), real_root):
                yield Candidate(path, _link_fingerprint(path), rejection=f"symbolic link pointing outside {root}; not read")
                continue
            yield from _file(path, limits, seen)


def _file(path: str, limits: ArchiveLimits, seen: set[str]) -> Iterator[Candidate]:
    """The file itself, or the members of an archive; ``path`` is also its name in the outputs."""
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    try:
        info = os.stat(path)
    except OSError:  # a dangling link or a vanished file: the worker says why it cannot be read
        yield Candidate(path, {}, path=os.path.abspath(path))
        return
    fingerprint = {"size": info.st_size, "mtime_ns": info.st_mtime_ns}
    kind = archive_kind(path)
    if kind == "zip":
        yield from _zip_members(path, fingerprint, limits)
    elif kind == "tar":
        yield from _tar_members(path, fingerprint, limits)
    elif not stat.S_ISREG(info.st_mode):
        yield Candidate(path, fingerprint, rejection="not a regular file (device, pipe...); not read")
    else:
        yield Candidate(path, fingerprint, path=os.path.abspath(path))


@dataclass(frozen=True, slots=True)
class _Member:
    """A file inside an archive, as its directory entry describes it (before it is read)."""

    name: str
    size: int
    fingerprint: dict
    compressed: int | None  # None where the format does not compress member by member (tar)
    problem: str | None
    loader: Callable[[], bytes]


def _zip_members(path: str, fingerprint: dict, limits: ArchiveLimits) -> Iterator[Candidate]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        yield Candidate(path, fingerprint, rejection=f"not a readable zip archive ({_one_line(error)})")
        return
    with archive:
        members = (
            _Member(info.filename, info.file_size, {"size": info.file_size, "crc": info.CRC}, info.compress_size,
                    _zip_special(info), _zip_loader(archive, info, limits))
            for info in archive.infolist() if not info.is_dir()
        )
        yield from _member_candidates(members, path, fingerprint, limits)


def _zip_loader(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ArchiveLimits) -> Callable[[], bytes]:
    def load() -> bytes:
        with archive.open(info) as stream:
            return stream.read(limits.max_bytes + 1)  # one byte over: the reader reports it

    return load


def _tar_members(path: str, fingerprint: dict, limits: ArchiveLimits) -> Iterator[Candidate]:
    try:
        archive = tarfile.open(path, mode="r:*")  # noqa: SIM115 - closed by the with below; a failure to open is a rejection
    except (tarfile.TarError, OSError, EOFError) as error:
        yield Candidate(path, fingerprint, rejection=f"not a readable tar archive ({_one_line(error)})")
        return
    with archive:
        members = (
            _Member(info.name, info.size, {"size": info.size, "mtime": int(info.mtime)}, None,
                    _tar_special(info), _tar_loader(archive, info, limits))
            for info in _tar_infos(archive) if not info.isdir()
        )
        yield from _member_candidates(members, path, fingerprint, limits)


def _tar_infos(archive: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    """The members of a tar archive, read in order, without the list of all members tarfile keeps
    (memory that would grow with the archive)."""
    while (info := archive.next()) is not None:
        archive.members.clear()
        yield info


def _tar_loader(archive: tarfile.TarFile, info: tarfile.TarInfo, limits: ArchiveLimits) -> Callable[[], bytes]:
    def load() -> bytes:
        stream = archive.extractfile(info)  # a regular file (see _tar_special): never None
        return stream.read(limits.max_bytes + 1)  # one byte over: the reader reports it

    return load


def _member_candidates(members: Iterator[_Member], source: str, fingerprint: dict, limits: ArchiveLimits) -> Iterator[Candidate]:
    """The candidates of one archive's members, with the archive's limits applied."""
    budget = _ExpansionBudget(fingerprint["size"], limits)
    count = 0
    while True:
        try:
            member = next(members, None)
        except (tarfile.TarError, zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            yield Candidate(source, fingerprint, rejection=f"archive is damaged after {count} members ({_one_line(error)})")
            return
        if member is None:
            return
        if _junk(member.name):
            continue
        count += 1
        if count > limits.max_members:
            yield Candidate(source, fingerprint, rejection=f"more than {limits.max_members} members; the rest of the archive was not read")
            return
        name = f"{source}{MEMBER_SEPARATOR}{member.name}"
        rejection = (
            _unsafe_name(member.name)
            or member.problem
            or _too_large(member.size, limits)
            or (_bomb(member.size, member.compressed, limits) if member.compressed is not None else None)
            or budget.spend(member.size)
        )
        if rejection:
            yield Candidate(name, member.fingerprint, rejection=rejection)
            if budget.exhausted:
                return
            continue
        yield Candidate(name, member.fingerprint, loader=member.loader)


class _ExpansionBudget:
    """Members of one archive may add up to ``max_ratio`` times the archive's own size (an
    archive of many small bombs, or of members sharing compressed data, stops there)."""

    def __init__(self, archive_size: int, limits: ArchiveLimits) -> None:
        self.allowed = max(archive_size * limits.max_ratio, _RATIO_FLOOR)
        self.ratio = limits.max_ratio
        self.spent = 0
        self.exhausted = False

    def spend(self, size: int) -> str | None:
        self.spent += size
        if self.spent > self.allowed:
            self.exhausted = True
            return (
                f"archive expands to more than {self.ratio:g} times its size (a zip bomb?); "
                "this member and the rest of the archive were not read"
            )
        return None


def _unsafe_name(name: str) -> str | None:
    posix = name.replace("\\", "/")
    parts = PurePosixPath(posix).parts
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":"):
        return f"unsafe member name {name!r}: an absolute path; not read"
    if ".." in parts:
        return f"unsafe member name {name!r}: climbs out of the archive with '..'; not read"
    return None


def _zip_special(info: zipfile.ZipInfo) -> str | None:
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "a symbolic link inside the archive; not followed"
    if info.flag_bits & 0x1:
        return "an encrypted member; expected an unprotected archive"
    return None


def _tar_special(info: tarfile.TarInfo) -> str | None:
    if info.issym() or info.islnk():
        return f"a link inside the archive (to {info.linkname!r}); not followed"
    if not info.isreg():
        return "not a regular file (device, pipe...); not read"
    return None


def _too_large(size: int, limits: ArchiveLimits) -> str | None:
    if size > limits.max_bytes:
        return f"{size} bytes, over the size limit of {limits.max_bytes} bytes"
    return None


def _bomb(size: int, compressed: int, limits: ArchiveLimits) -> str | None:
    if size > _RATIO_FLOOR and size > limits.max_ratio * max(compressed, 1):
        return (
            f"compression ratio {size / max(compressed, 1):,.0f}:1 exceeds the limit of "
            f"{limits.max_ratio:g}:1 (a zip bomb?); not read"
        )
    return None


def _link_fingerprint(path: str) -> dict:
    """A link is recognised by its own target, not by what it points to."""
    return {"link": os.readlink(path)}


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _junk(name: str) -> bool:
    """Hidden entries and the resource folders macOS adds to archives; ".." is not hidden, it
    is unsafe (see :func:`_unsafe_name`)."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return any((part.startswith(".") and part not in (".", "..")) or part in _JUNK_FOLDERS for part in parts)


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__
