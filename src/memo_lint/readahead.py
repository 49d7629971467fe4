"""A forked child that reads and hashes memos ahead of the cache lookup (``--jobs`` > 1).

Reading a memo and hashing its bytes is most of what a cache hit costs, and needs nothing of
the cache: :func:`memo_lint.parallel.stored_many` has a child do it for part of the memos
while this process looks up its own share, then checks the child's share from its digests.
Imported only when it forks (its struct and mmap extensions are no cost of a one-memo run).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import signal
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from memo_lint.linter import Linter, Read

# One memo as the child read it: whether it could, the SHA-256 of its bytes, the device and
# the inode of the file.
_RECORD = struct.Struct("=?32sQQ")
_BATCH = 64  # memos the child reads between two announcements


class Reader:
    """A forked child that reads and hashes ``memos`` for this process.

    It writes a record per memo into memory shared with this process and, after every
    :data:`_BATCH` memos and at the end, how many it has done into a pipe: this process reads
    only records the pipe has announced (the pipe orders the child's writes before them). A
    record the child did not write (it could not read the memo, or ended early) is None: the
    memo is read here. Leaving the ``with`` block early (an error, Ctrl-C) kills the child.
    """

    def __init__(self, linter: Linter, memos: list[Path], blocked: set[signal.Signals]) -> None:
        """Fork the child; the caller has ``blocked`` Ctrl-C and SIGTERM, which the child
        ignores or dies of before it unblocks them (a signal in between would run this
        process's handlers in the child)."""
        self.count = len(memos)
        self.shared = mmap.mmap(-1, max(1, self.count * _RECORD.size))  # shared, anonymous
        self.ready = 0  # records the child has announced
        self.ended = False  # the pipe has reached its end: the child is gone
        self.progress, announce = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            _read_in_child(linter, memos, self.shared, announce, blocked)
        os.close(announce)

    def __enter__(self) -> Reader:
        return self

    def __iter__(self) -> Iterator[Read | None]:
        size = _RECORD.size
        for index in range(self.count):
            while index >= self.ready and not self.ended:
                self._wait()
            if index >= self.ready:
                yield None
                continue
            read, digest, device, inode = _RECORD.unpack_from(self.shared, index * size)
            yield (digest.hex(), (device, inode)) if read else None

    def _wait(self) -> None:
        """Block until the child announces more records or ends."""
        announced = os.read(self.progress, 4096)  # whole 8-byte counts: each write is atomic
        if len(announced) < 8:
            self.ended = True
        else:
            self.ready = int.from_bytes(announced[-8:], "little")

    def __exit__(self, *exc: object) -> None:
        if not self.ended:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)  # not yet waited for: still our child
        os.waitpid(self.pid, 0)
        os.close(self.progress)
        self.shared.close()


def _read_in_child(
    linter: Linter,
    memos: list[Path],
    shared: mmap.mmap,
    announce: int,
    blocked: set[signal.Signals],
) -> NoReturn:
    """The child's work: each memo's record, then the end of the process (never returns:
    nothing of the parent's runs here, no exit handler, no buffered output)."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, blocked)
        for index, memo in enumerate(memos):
            try:
                limit = linter.limits_for(linter.config_for(memo)).max_file_bytes
                found = linter.digest_of(memo, limit)
            except Exception:  # e.g. a bad config: the parent meets it again, and says so
                found = None
            if found is not None:
                _, digest, (device, inode) = found
                record = (True, bytes.fromhex(digest), device, inode)
                _RECORD.pack_into(shared, index * _RECORD.size, *record)
            if index % _BATCH == _BATCH - 1 or index == len(memos) - 1:
                os.write(announce, (index + 1).to_bytes(8, "little"))
    finally:
        os._exit(0)
