"""Every file memo-lint writes outside its cache: reports, ``init``'s files, suppression comments.

The guarantees (SECURITY.md, "Writes"): a report never replaces a memo being checked (same
file by device and inode, whatever the name); a device, FIFO or socket (``/dev/null``,
``/dev/stdout``) is written to, never replaced by a regular file; a symlink stays a link (a
report is written to its target in place, as ruff and markdownlint do; a memo behind a link is
not touched); new files get ``0666 & ~umask``, existing ones keep their mode; a write that fails
(a folder, a full disk, no permission) is one line and exit code 2.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from memo_lint.errors import MemoLintError, Phrase


class WriteError(MemoLintError):
    """A file memo-lint was asked to write cannot (or must not) be written: exit code 2."""


Identity = tuple[int, int]


class Protected:
    """The memos of a run, which no report may replace (same file by device and inode).

    Each memo read by this process counts as the file it was when read (``read``: its
    ``fstat``, which the read took anyway: a ``stat`` of each of 10,000 memos again was ~4 %
    of a cached re-run); any other is looked up now. A memo replaced since it was read (an
    editor saving it while the run went on) is the new file under its name: a destination
    that is no memo read is also compared with what each memo of its name (or of its link
    target's name) is now.
    """

    def __init__(
        self, paths: Iterable[str] = (), read: Mapping[str, Identity] | None = None
    ) -> None:
        self.paths = list(paths)
        known = read or {}
        found: set[Identity] = set()
        for path in self.paths:
            seen = known.get(path) or _identity_of(path)
            if seen is not None:
                found.add(seen)
        self.identities = frozenset(found)

    def holds(self, path: Path) -> bool:
        """``path`` names one of the memos (following links, as writing would). A file with
        more than one name may be a memo replaced since its read, under another name (a hard
        link made meanwhile): it is compared with what every memo is now."""
        try:
            info = path.stat()
        except (OSError, ValueError):
            return False
        current = info.st_dev, info.st_ino
        if current in self.identities:
            return True
        if info.st_nlink > 1:
            return any(_identity_of(memo) == current for memo in self.paths)
        names = (path.name, os.path.basename(os.path.realpath(path)))
        return any(
            os.path.basename(memo) in names and _identity_of(memo) == current
            for memo in self.paths
            if memo.endswith(names)
        )


def _identity_of(path: str) -> Identity | None:
    """The file a path names (device, inode), following links; ``None`` if there is none.
    The path as text: no Path object for each of many memos."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


NOTHING = Protected()  # for writes that concern no memo (init, template)


def _why(error: OSError) -> str:
    return error.strerror or str(error)


def check_destination(path: Path, protected: Protected) -> None:
    """Refuse, before anything is written, a report path that is a memo being checked."""
    if protected.holds(path):
        raise WriteError(Phrase("write.over-memo", path=path))


def write_file(path: Path, text: str | Iterable[str], protected: Protected = NOTHING) -> None:
    """Write a report or a generated file (UTF-8), by the rules in the module docstring.

    ``text`` may come in pieces (a reporter's chunks): each is encoded and written as it comes,
    so a large report is never held whole, in the same atomic way.
    """
    pieces = [text] if isinstance(text, str) else text
    data = (piece.encode("utf-8", "surrogateescape") for piece in pieces)
    check_destination(path, protected)
    try:
        info: os.stat_result | None = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise WriteError(Phrase("write.dangling-link", path=path)) from None
        info = None
    except OSError as error:
        raise WriteError(Phrase("write.failed", path=path, why=_why(error))) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise WriteError(Phrase("write.is-folder", path=path))
    try:
        if info is not None and (not stat.S_ISREG(info.st_mode) or path.is_symlink()):
            # A device, FIFO or socket is written to; a link's target is written in place.
            flags = os.O_WRONLY | (os.O_TRUNC if stat.S_ISREG(info.st_mode) else 0)
            with open(os.open(path, flags), "wb") as stream:
                stream.writelines(data)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = stat.S_IMODE(info.st_mode) if info is not None else None
        replace_atomically(path, data, mode)
    except OSError as error:
        raise WriteError(Phrase("write.failed", path=path, why=_why(error))) from None


def replace_atomically(path: Path, data: bytes | Iterable[bytes], mode: int | None) -> None:
    """Temp file in the same folder, then ``os.replace``: readers never see half a file.

    ``mode`` None: a new file, ``0666`` less the umask (the kernel applies it at creation).
    """
    temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with open(descriptor, "wb") as stream:
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
            stream.writelines([data] if isinstance(data, bytes) else data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def rewrite_memo(path: Path, before: bytes, after: bytes) -> str | None:
    """Replace a memo's bytes ``before`` with ``after`` (``--add-suppressions``).

    Returns why the memo was left alone, or ``None`` when it was written. A symlink is not
    written through, a read-only file is not overwritten, a file changed since it was read is
    not touched; a hard-linked file is written in place so every name keeps seeing it; else
    atomically, keeping the mode.
    """
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            return (
                "it is a symbolic link: run memo-lint on the file it points to "
                "(het is een symbolische koppeling)"
            )
        if not stat.S_ISREG(info.st_mode):
            return "not a regular file (geen gewoon bestand)"
        writable = info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        if not writable or not os.access(path, os.W_OK):
            return "the file is read-only (het bestand is alleen-lezen)"
        with path.open("rb") as stream:
            if stream.read(len(before) + 1) != before:
                return "changed since it was checked (gewijzigd sinds de controle)"
        if info.st_nlink > 1:
            with path.open("r+b") as stream:
                stream.write(after)
                stream.truncate()
                stream.flush()
                os.fsync(stream.fileno())
        else:
            replace_atomically(path, after, stat.S_IMODE(info.st_mode))
            with contextlib.suppress(OSError):  # only root may give a file to someone else
                os.chown(path, info.st_uid, info.st_gid)
    except OSError as error:
        return f"cannot write it: {_why(error)}"
    return None
