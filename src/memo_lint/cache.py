"""The per-user cache: validated packs and configs, and one lint result per memo.

The contract (DESIGN.md, README "Cache"): a cached result is only ever the result a fresh run
would give for the same bytes, config chain, pack chain, options and reference date, and
nothing read from inside a repository can change a result. So:

- the cache lives in a per-user folder (``MEMO_LINT_CACHE_DIR``, else the platform's user
  cache folder, ``$XDG_CACHE_HOME/memo-lint`` on Linux), never in the repository by default;
- every entry carries a MAC (keyed BLAKE2b) under a per-user secret key (``key``, mode 0400,
  made by memo-lint); an entry without a valid tag is a miss, so a file someone placed in the
  folder — committed into a repository that ``MEMO_LINT_CACHE_DIR`` points into — is ignored;
- with ``CI`` set the cache is off unless asked for (``--cache``);
- reads never follow a symlink and are bounded; writes go to a temp file in the same folder
  and are renamed into place (never through a symlink); a failed write only costs speed;
- entries unused for :data:`MAX_AGE_DAYS` are removed (checked at most once a day), and
  ``memo-lint clean`` removes everything memo-lint put there.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from memo_lint.digests import blake2b
from memo_lint.model import FrozenRecord

if TYPE_CHECKING:
    from memo_lint.report import FileReport

CACHE_ENV = "MEMO_LINT_CACHE_DIR"
KEY_FILE = "key"
# Read-only for its owner alone: git checks files out writable (0644 or 0755 less the umask,
# 0600 under umask 077), so a key committed into a cache folder never has this mode.
KEY_MODE = 0o400
TAG_FILE = "CACHEDIR.TAG"
PRUNE_STAMP = "pruned"
KINDS = ("packs", "configs", "results")
MAX_ENTRY_BYTES = 16 * 1024 * 1024  # a memo with thousands of findings stays far below
MAX_AGE_DAYS = 30  # an entry unused this long goes (deleted memos, old option sets)
TOUCH_AFTER_DAYS = 7  # a hit on an entry older than this marks it as used again
PRUNE_EVERY_SECONDS = 24 * 3600
_DAY = 24 * 3600
# Compact JSON, anything else as its text (a date); one encoder for every entry written.
_ENCODE = json.JSONEncoder(separators=(",", ":"), default=str).encode
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_TAG_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is memo-lint's cache; 'memo-lint clean' removes it.\n"
)


def enabled(requested: bool | None) -> bool:
    """``--cache``/``--no-cache`` when given; else on, except in CI (``CI`` set and not false)."""
    if requested is not None:
        return requested
    return os.environ.get("CI", "").strip().lower() in ("", "0", "false", "no")


def cache_root() -> Path:
    """``MEMO_LINT_CACHE_DIR``, else the per-user cache folder (outside every repository)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    return _xdg_cache_root() or _platform_cache_root()


def _xdg_cache_root() -> Path | None:
    """The per-user cache folder on Linux where the XDG rule alone decides it, as platformdirs
    does: ``$XDG_CACHE_HOME/memo-lint`` when that is absolute, else ``~/.cache/memo-lint``
    when ``$HOME`` is absolute. Importing platformdirs costs a default run ~18 ms (it imports
    tempfile, with shutil, bz2, lzma and random): a fifth of a one-memo check. Every other case
    (another system, Android, no absolute home) is platformdirs' to decide; a test holds the
    two to the same folder."""
    if not sys.platform.startswith("linux") or hasattr(sys, "getandroidapilevel"):
        return None
    if "ANDROID_DATA" in os.environ or "ANDROID_ROOT" in os.environ:
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        if not os.path.isabs(os.environ.get("HOME", "")):
            return None
        base = os.path.expanduser("~/.cache")
    return Path(os.path.join(base, "memo-lint"))


def _platform_cache_root() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("memo-lint", appauthor=False)


def read_bounded(
    path: str | Path, limit: int = MAX_ENTRY_BYTES, follow: bool = False, listed: bool = False
) -> tuple[bytes, os.stat_result] | None:
    """A regular file's bytes and its ``fstat`` (the very file read: its mtime, device and
    inode), or None: never past ``limit``, never through a symlink unless ``follow`` (a memo
    may be a link; a cache file may not). ``listed``: a folder walk has just seen a regular
    file there, so no stat before opening it (the type is checked again once it is open)."""
    try:
        if follow and not listed and not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a device or FIFO given by name is not even opened
        handle = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC | (0 if follow else _NOFOLLOW))
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        # One read of the size fstat gave, plus a byte: a regular file returns less only at
        # its end, so a file that did not grow (every memo and entry of a re-run) is one call.
        data = os.read(handle, info.st_size + 1)
        if len(data) == info.st_size:
            return data, info
        chunks, size = [data], len(data)
        while data and size <= limit:
            data = os.read(handle, min(1 << 20, limit + 1 - size))
            chunks.append(data)
            size += len(data)
        return (b"".join(chunks), info) if size <= limit else None
    except OSError:
        return None
    finally:
        os.close(handle)


def _create_exclusive(path: str | Path, data: bytes) -> None:
    """Create a new file (never through a symlink, never over anything); errors ignored."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o644)
    except OSError:
        return
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)


def _create_temporary(folder: str | Path, prefix: str) -> tuple[int, str]:
    """A new file of our own in ``folder``, as ``tempfile.mkstemp`` makes one (mode 0600, never
    through a link, never over anything; a random name, another tried if taken), without
    importing tempfile: with shutil, random, bz2 and lzma that was 15 M instructions, 1.7 %
    of a one-memo run that writes its cache entry."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        path = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}.tmp")
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary file name in {folder}")


class Store:
    """Authenticated JSON entries by kind and name, in one cache folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._key: bytes | None = None
        self._dirs_ok: set[Path] = set()
        self._base = os.fspath(root)
        self._readable: set[str] = set()  # entry folders seen to be real folders (strings)

    # -- the secret key ------------------------------------------------------------------

    def _secret(self, create: bool) -> bytes | None:
        """The per-user key; one we did not make (wrong owner or mode, a link) is replaced."""
        if self._key is not None:
            return self._key
        path = self.root / KEY_FILE
        found = read_bounded(path, 256)
        if found is not None and self._own_key(path, found[0]):
            self._key = found[0]
            return self._key
        if not create or not self._ensure_dir(self.root):
            return None
        import secrets

        key = secrets.token_hex(32).encode()
        try:
            handle, temporary = _create_temporary(self.root, ".key.")
            _write_all(handle, key)
            if hasattr(os, "getuid"):  # POSIX: the mode no checkout gives a file (_own_key)
                os.chmod(temporary, KEY_MODE)
            try:
                os.link(temporary, path)  # only if there is none: two runs agree on one key
            except FileExistsError:
                again = read_bounded(path, 256)
                if again is not None and self._own_key(path, again[0]):
                    key = again[0]
                else:
                    os.replace(temporary, path)  # replaces a link itself, never its target
            finally:
                Path(temporary).unlink(missing_ok=True)
        except OSError:
            return None
        self._key = key
        return key

    @staticmethod
    def _own_key(path: Path, data: bytes) -> bool:
        if len(data) != 64:
            return False
        try:
            info = os.lstat(path)
        except OSError:
            return False
        if hasattr(os, "getuid") and (
            info.st_uid != os.getuid() or stat.S_IMODE(info.st_mode) != KEY_MODE
        ):
            return False  # a checkout (writable, whatever the umask) or another user's file
        return stat.S_ISREG(info.st_mode)

    @staticmethod
    def _tag(key: bytes, name: str, payload: bytes) -> bytes:
        """BLAKE2b in its keyed mode, a MAC of its own (RFC 7693; :mod:`memo_lint.digests`,
        which every run imports anyway): the hmac module's import was ~1.1 M instructions of a
        one-memo run, more than a third of what a cache miss cost beyond ``--no-cache``."""
        mac = blake2b(name.encode(), digest_size=32, key=key)
        mac.update(b"\0")
        mac.update(payload)
        return mac.hexdigest().encode()

    # -- folders -------------------------------------------------------------------------

    def _ensure_dir(self, folder: Path) -> bool:
        """Make ``folder`` (a real folder, not a link); the root gets its tag and .gitignore."""
        if folder in self._dirs_ok:
            return True
        try:
            if folder == self.root:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            else:
                if not self._ensure_dir(folder.parent):
                    return False
                with contextlib.suppress(FileExistsError):
                    os.mkdir(folder, 0o700)
            if not stat.S_ISDIR(os.lstat(folder).st_mode) and folder != self.root:
                return False
        except OSError:
            return False
        if folder == self.root:
            _create_exclusive(folder / TAG_FILE, _TAG_TEXT.encode())
            _create_exclusive(folder / ".gitignore", b"# created by memo-lint\n*\n")
        self._dirs_ok.add(folder)
        return True

    def _real_dirs(self, kind: str, folder: str) -> bool:
        """The kind's folder and the entry's folder are real folders (no link out); strings,
        not paths: a re-run asks this for every memo."""
        if folder in self._readable:
            return True
        for each in (f"{self._base}/{kind}", folder):
            try:
                if not stat.S_ISDIR(os.lstat(each).st_mode):
                    return False
            except OSError:
                return False
        self._readable.add(folder)
        return True

    # -- entries -------------------------------------------------------------------------

    def get(self, kind: str, name: str, head: bytes = b"") -> Any:
        """The value stored under (kind, name), or None when absent, unreadable or forged.

        ``head``: what the entry must start with, as :meth:`put` was given it (a result's
        memo digest). An entry that does not is a miss, forged or not, so it is told before
        the key is read, the tag computed or the value decoded: the lookup of an edited memo
        costs a read and a comparison."""
        payload = self._payload(kind, name, head)
        try:
            return None if payload is None else json.loads(payload[len(head) :])
        except ValueError:
            return None

    def get_headed(self, kind: str, name: str) -> tuple[str, Any] | None:
        """An entry stored with a one-line ``head``: that line and the value, or None."""
        payload = self._payload(kind, name, b"")
        if payload is None:
            return None
        head, _, body = payload.partition(b"\n")
        try:
            return head.decode("ascii"), json.loads(body)
        except ValueError:
            return None

    def _payload(self, kind: str, name: str, head: bytes) -> bytes | None:
        """The entry's bytes after its tag, when it starts with ``head`` and the tag is ours."""
        folder = f"{self._base}/{kind}/{name[:2]}"
        if not self._real_dirs(kind, folder):
            return None
        path = f"{folder}/{name}.json"
        found = read_bounded(path)
        if found is None:
            return None
        data, info = found
        tag, _, payload = data.partition(b"\n")
        if not payload.startswith(head):
            return None
        key = self._secret(create=False)
        if key is None or not _equal(tag, self._tag(key, name, payload)):
            return None
        if time.time() - info.st_mtime > TOUCH_AFTER_DAYS * _DAY:
            with contextlib.suppress(OSError):
                os.utime(path)  # still in use: keep it past the age limit
        return payload

    def put(self, kind: str, name: str, value: Any, head: bytes = b"") -> None:
        """Store atomically (``head``, then the value as JSON, under one tag); any failure
        (read-only, full disk, a link in the way) is ignored.

        The entry's folders are made only when they are not yet seen to be real folders
        (:meth:`_real_dirs`, as the lookup before a miss has just done): making them again
        (the root's tag files included) was a fifth of what a miss cost beyond ``--no-cache``."""
        key = self._secret(create=True)
        folder = f"{self._base}/{kind}/{name[:2]}"
        if key is None or not (self._real_dirs(kind, folder) or self._ensure_dir(Path(folder))):
            return
        # ASCII: a file name that is not valid UTF-8 (surrogate escapes) round-trips too.
        data = head + _ENCODE(value).encode("ascii")
        try:
            handle, temporary = _create_temporary(folder, "tmp")
            try:
                _write_all(handle, self._tag(key, name, data) + b"\n" + data)
                os.replace(temporary, f"{folder}/{name}.json")
            except BaseException:
                _unlink(temporary)
                raise
        except OSError:
            pass

    # -- upkeep --------------------------------------------------------------------------

    def prune(self, now: float | None = None) -> int:
        """Remove entries unused for MAX_AGE_DAYS and stale temp files; at most once a day."""
        now = time.time() if now is None else now
        stamp = f"{self._base}/{PRUNE_STAMP}"  # a string: every run with a miss stats it
        try:
            if now - os.lstat(stamp).st_mtime < PRUNE_EVERY_SECONDS:
                return 0
        except FileNotFoundError:
            pass
        except OSError:
            return 0
        if not self._ensure_dir(self.root):
            return 0
        removed = 0
        for kind in KINDS:
            for folder in _subfolders(self.root / kind):
                for entry in _files(folder):
                    try:
                        age = now - entry.stat(follow_symlinks=False).st_mtime
                    except OSError:  # gone since the listing: another run renamed or removed it
                        continue
                    stale_temp = entry.name.endswith(".tmp") and age > 3600
                    if age > MAX_AGE_DAYS * _DAY or stale_temp:
                        removed += _unlink(Path(entry.path))
        _unlink(stamp)
        _create_exclusive(stamp, b"")
        return removed

    def clean(self) -> list[Path]:
        """Remove what memo-lint put in the cache folder (only that), then the folder if empty."""
        import shutil

        removed: list[Path] = []
        for kind in KINDS:
            folder = self.root / kind
            if folder.is_dir() and not folder.is_symlink():
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        for name in (KEY_FILE, TAG_FILE, PRUNE_STAMP, ".gitignore"):
            if _unlink(self.root / name):
                removed.append(self.root / name)
        for leftover in self.root.glob(".key.*.tmp") if self.root.is_dir() else ():
            _unlink(leftover)
        with contextlib.suppress(OSError):
            self.root.rmdir()  # fails when something else lives there: it stays
        return removed


def _write_all(handle: int, data: bytes) -> None:
    """Write ``data`` to a file descriptor and close it: no file object is built for one
    write (that was a tenth of storing a result)."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)


def _equal(left: bytes, right: bytes) -> bool:
    import hmac

    return hmac.compare_digest(left, right)


def _subfolders(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return [e for e in entries if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _files(folder: os.DirEntry[str]) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder.path) as entries:
            return [e for e in entries if not e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _unlink(path: str | Path) -> int:
    try:
        os.unlink(path)
        return 1
    except OSError:
        return 0


class Fingerprint(FrozenRecord):
    """What one lint result depended on, beyond the run's options and memo-lint's version."""

    digest: str  # SHA-256 of the memo's bytes as linted
    config: tuple[str, str] | None  # the config file used and the SHA-256 of its bytes
    today: str | None  # the reference date used, or None when the memo states its own date
    deps: tuple[tuple[str, str], ...]  # the pack chain: file and digest (packs.file_digest)


# Part of every result entry's name: entries of another layout are never read.
# 2: rules_checked as one comma-separated string; 3: the memo's digest as the entry's head,
# tagged with keyed BLAKE2b, and folder entries.
ENTRY_FORMAT = "3"
# A folder with at least this many memos in a run also gets a folder entry: every result of
# its memos in one file (see ResultCache). Fewer, and a run reads only its memos' entries.
BATCH_MIN = 64

_UNCHECKED: Any = object()  # a shape not yet checked in this run

# A folder entry's record of one memo: the digest of its bytes, the shared part of its entry
# (canonical JSON), its findings and why its pack was chosen (a detected memo's reason names
# its own lines: kept out of the shared part, which stays the same for most memos).
_Record = tuple[str, str, list[Any], str]


class _Folder:
    """A folder entry as read: the parts its memos' entries share (``shapes``: config, date,
    packs and the report but for its path, findings and pack reason), and each memo's record
    by file name, ``[digest, shape index, findings, pack reason]``."""

    __slots__ = ("current", "memos", "shapes")

    def __init__(self, shapes: list[dict[str, Any]], memos: dict[str, list[Any]]) -> None:
        self.shapes = shapes
        self.memos = memos
        # Each shape checked in this run, as a report of no memo (None: it does not hold).
        self.current: dict[tuple[int, Any, str], FileReport | None] = {}


class ResultCache:
    """One entry per memo and run kind; a hit needs the same bytes, config, packs and date.

    The entry's name comes from memo-lint's version, the run's options and the memo's absolute
    and displayed path, so two repositories never share an entry and a run reads only the
    entries of the memos it checks. What the result depended on is stored in the entry and
    compared on every hit: the memo's content hash (never its size or mtime), the config file
    found for it now (a config added nearer to the memo changes it), each pack file's hash
    and, for a memo without its own date, the reference date.

    Folder entries (issue 15: an unchanged re-run of 10,000 memos spent more on opening,
    authenticating and decoding 10,000 entries than on reading and hashing the memos): for a
    folder with :data:`BATCH_MIN` memos or more in a run, one more entry, named like a memo's
    but for the folder, holds a record of each memo's entry: its digest, its findings, and the
    rest of the entry shared between memos (mostly the same). A memo whose record holds (the
    same digest, and the shared part passes the same checks as an entry) is a hit from it;
    any other is looked up in its own entry as before. The folder entry is authenticated as
    a whole (a forged one is a miss for every memo, which then fall back to their own entries)
    and only ever says what the memos' own entries said, so it changes no result. It is
    written after a run that linted one of the folder's memos or found no folder entry:
    the previous records, those of the entries read back, and this run's new ones.
    """

    def __init__(self, store: Store, run_key: str) -> None:
        from memo_lint.model import Violation
        from memo_lint.report import FileReport

        self._report = FileReport
        self._violation = Violation.from_dict
        self.store = store
        self.run_key = run_key
        self._folders: dict[str, str] = {}  # a memo's folder as given → absolute
        self._codes: dict[str, list[str]] = {}  # an entry's rules checked → one list of them
        # The run's part of every entry name, hashed once: the key is ~700 characters (the
        # built-in packs' signature), the memo's part ~100.
        # BLAKE2b: ~3x fewer instructions than CPython's own SHA-256 for these ~1,000 bytes.
        self._named = blake2b(
            f"{run_key}\0{ENTRY_FORMAT}\0".encode("utf-8", "surrogateescape"), digest_size=32
        )
        self.batched: frozenset[str] = frozenset()  # folders (as given) with a folder entry
        self._batches: dict[str, _Folder | None] = {}
        self._written: dict[str, dict[str, _Record]] = {}  # this run's new records by folder

    def _name(self, memo: str | Path, display: str) -> str:
        """BLAKE2b-256 of the run key, the entry layout, the memo's absolute and displayed path."""
        name = self._named.copy()
        name.update(f"{self._absolute(memo)}\0{display}".encode("utf-8", "surrogateescape"))
        return name.hexdigest()

    def _folder_name(self, folder: str) -> str:
        """A folder entry's name: as a memo's, with a first part no absolute path has."""
        name = self._named.copy()
        text = f"\0folder\0{self._folder(folder)}\0{folder}"
        name.update(text.encode("utf-8", "surrogateescape"))
        return name.hexdigest()

    def _absolute(self, memo: str | Path) -> str:
        """``os.path.abspath(memo)``, its folder's part worked out once per folder (it asks
        the system for the working folder each time)."""
        folder, name = os.path.split(memo)
        if name in ("", ".", ".."):
            return os.path.abspath(memo)
        return os.path.join(self._folder(folder), name)

    def _folder(self, folder: str) -> str:
        absolute = self._folders.get(folder)
        if absolute is None:
            absolute = self._folders[folder] = os.path.abspath(folder)
        return absolute

    def batch(self, memos: list[Path]) -> None:
        """Use folder entries for the folders with :data:`BATCH_MIN` or more of ``memos``."""
        counts: dict[str, int] = {}
        for memo in memos:
            folder = os.path.dirname(memo)
            counts[folder] = counts.get(folder, 0) + 1
        self.batched = frozenset(f for f, n in counts.items() if n >= BATCH_MIN)

    def get(
        self,
        memo: str,
        display: str,
        digest: str,
        config: tuple[str, str] | None,
        today: str,
        file_digest: Any,
    ) -> FileReport | None:
        """The stored report when every dependency still matches, else None."""
        if self.batched:
            folder, file = os.path.split(memo)
            if folder in self.batched:
                found = self._from_folder(folder, file, display, digest, config, today, file_digest)
                if found is not None:
                    return found
        entry = self.store.get("results", self._name(memo, display), _head(digest))
        if not isinstance(entry, dict):
            return None
        try:
            if not _holds(entry, config, today, file_digest):
                return None
            report: dict[str, Any] = entry["report"]
            report["rules_checked"] = self._listed(report["rules_checked"])
            return self._report.from_dict(report)
        except (KeyError, TypeError, ValueError):
            return None

    def _from_folder(
        self,
        folder: str,
        file: str,
        display: str,
        digest: str,
        config: tuple[str, str] | None,
        today: str,
        file_digest: Any,
    ) -> FileReport | None:
        """The report a folder entry's record gives, checked as an entry would be; else None."""
        batch = self._folder_entry(folder)
        if batch is None:
            return None
        try:
            found, index, violations, reason = batch.memos[file]
            if found != digest:
                return None
            checked = (index, config, today)
            shape: FileReport | None = batch.current.get(checked, _UNCHECKED)
            if shape is _UNCHECKED:
                shape = batch.current[checked] = self._shape(
                    batch.shapes[index], config, today, file_digest
                )
            if shape is None:
                return None
            return shape.of_memo(display, [self._violation(v) for v in violations], reason)
        except (KeyError, TypeError, ValueError, IndexError):
            return None

    def _shape(
        self, shape: dict[str, Any], config: tuple[str, str] | None, today: str, file_digest: Any
    ) -> FileReport | None:
        """A folder entry's shared part as a report of no memo (None: it does not hold now)."""
        if not _holds(shape, config, today, file_digest):
            return None
        report = shape["report"] | {"path": "", "violations": [], "pack_reason": "", "lines": []}
        report["rules_checked"] = self._listed(report["rules_checked"])
        return self._report.from_dict(report)

    def _folder_entry(self, folder: str) -> _Folder | None:
        """The folder's entry, read once per run (None: none, or not ours)."""
        if folder not in self._batches:
            value = self.store.get("results", self._folder_name(folder))
            batch = None
            if isinstance(value, dict):
                shapes, memos = value.get("shapes"), value.get("memos")
                if isinstance(shapes, list) and isinstance(memos, dict):
                    batch = _Folder(shapes, memos)
            self._batches[folder] = batch
        return self._batches[folder]

    def _listed(self, codes: Any) -> list[str]:
        """An entry's rules checked (one string) as a list, one list per distinct string."""
        if not isinstance(codes, str):
            raise TypeError("rules_checked")
        listed = self._codes.get(codes)
        if listed is None:
            listed = self._codes[codes] = codes.split(",") if codes else []
        return listed

    def put(self, memo: Path, display: str, report: dict[str, Any], seen: Fingerprint) -> None:
        entry = {
            "memo": self._absolute(memo),
            "config": list(seen.config) if seen.config else None,
            "today": seen.today,
            "deps": [list(d) for d in seen.deps],
            # The memo itself is on disk: keeping its text would make the cache as large as the
            # archive. Reports that show findings in context read it again. The rules checked
            # (codes: no commas) as one string: a re-run decodes one string, not ~40.
            "report": report | {"lines": [], "rules_checked": ",".join(report["rules_checked"])},
        }
        self.store.put("results", self._name(memo, display), entry, _head(seen.digest))
        folder, file = os.path.split(memo)
        if folder in self.batched:
            record = _record(seen.digest, entry, display)
            if record is not None:
                self._written.setdefault(folder, {})[file] = record

    def write_folders(self, memos: list[Path]) -> None:
        """Write the folder entry of each batched folder whose memos were linted this run
        (new records) or that had none; ``memos``: the run's (their entries are read back
        when there was no folder entry to start from)."""
        for folder in sorted(self.batched):
            written = self._written.get(folder, {})
            batch = self._folder_entry(folder)
            if batch is not None and not written:
                continue
            records: dict[str, _Record] = {}
            if batch is not None:
                records.update(_records(batch))
            else:
                for memo in memos:
                    place, file = os.path.split(memo)
                    if place != folder or file in written:
                        continue
                    found = self.store.get_headed("results", self._name(memo, str(memo)))
                    record = _record(*found, str(memo)) if found else None
                    if record is not None:
                        records[file] = record
            records.update(written)
            shapes: dict[str, int] = {}
            listed = {
                file: [digest, shapes.setdefault(shape, len(shapes)), violations, reason]
                for file, (digest, shape, violations, reason) in records.items()
            }
            value = {"shapes": [json.loads(shape) for shape in shapes], "memos": listed}
            self.store.put("results", self._folder_name(folder), value)


def _holds(
    entry: dict[str, Any], config: tuple[str, str] | None, today: str, file_digest: Any
) -> bool:
    """An entry's (or a folder entry's shared part's) config, reference date and packs are
    the ones a fresh run would use now."""
    if _pair(entry["config"]) != config:
        return False
    if entry["today"] is not None and entry["today"] != today:
        return False
    return all(file_digest(path) == want for path, want in entry["deps"])


def _record(digest: str, entry: Any, display: str) -> _Record | None:
    """A memo's entry as a folder entry's record (None: not an entry of this memo's report)."""
    try:
        report = dict(entry["report"])
        if report.pop("path") != display:
            return None
        violations, reason = report.pop("violations"), report.pop("pack_reason")
        report.pop("lines", None)
        shape = {"config": entry["config"], "today": entry["today"], "deps": entry["deps"]}
        shape["report"] = report
        text = json.dumps(shape, sort_keys=True, separators=(",", ":"))
        return digest, text, violations, str(reason)
    except (KeyError, TypeError, ValueError):
        return None


def _records(batch: _Folder) -> dict[str, _Record]:
    """A folder entry's records, each with its shared part as canonical JSON again."""
    texts = [json.dumps(shape, sort_keys=True, separators=(",", ":")) for shape in batch.shapes]
    found: dict[str, _Record] = {}
    for file, record in batch.memos.items():
        try:
            digest, index, violations, reason = record
            found[file] = (digest, texts[index], violations, reason)
        except (TypeError, ValueError, IndexError):
            continue
    return found


def _head(digest: str) -> bytes:
    """A result entry's first line: the digest of the memo's bytes it holds the result of."""
    return digest.encode() + b"\n"


def _pair(value: Any) -> tuple[str, str] | None:
    if value is None:
        return None
    first, second = value
    return str(first), str(second)
