"""A forked child that reads and hashes memos ahead of the cache lookup (``--jobs`` > 1).

Reading a memo and hashing its bytes is most of what a cache hit costs, and needs nothing of
the cache: while :func:`memo_lint.parallel.stored_many` looks the memos up in order, a child
reads and hashes them in the same order, ahead of it. Whatever the child has not done when
this process gets there, this process reads itself and claims, and the child skips it: neither
waits for the other, whatever the load, and this process checks every entry itself.
Imported only when it forks (its struct and mmap extensions are no cost of a one-memo run).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import signal
import struct
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from memo_lint.linter import Linter, Read

# The shared memory: what this process has claimed (it reads every memo before that index
# itself), then one record per memo: whether the child read it, the SHA-256 of its bytes, the
# device and the inode of the file.
_CLAIMED = struct.Struct("=Q")
_RECORD = struct.Struct("=?32sQQ")
_BATCH = 8  # memos the child reads between two announcements


class Reader:
    """A forked child that reads and hashes ``memos`` in order for this process.

    It writes a record per memo into memory shared with this process and, every
    :data:`_BATCH` memos and at the end, into a pipe how far it has got: this process uses
    only records the pipe has announced (the pipe orders the child's writes before them), so
    a record is whole or not used. A memo the child has not announced when this process gets
    to it (or could not read) is read here (:meth:`take` says None). Leaving the ``with``
    block (done, an error, Ctrl-C) kills the child if it is still running.
    """

    def __init__(self, linter: Linter, memos: list[Path], blocked: set[signal.Signals]) -> None:
        """Fork the child; the caller has ``blocked`` Ctrl-C and SIGTERM, which the child
        ignores or dies of before it unblocks them (a signal in between would run this
        process's handlers in the child)."""
        self.count = len(memos)
        size = _CLAIMED.size + self.count * _RECORD.size
        self.shared = mmap.mmap(-1, size)  # anonymous and shared with the child, zeroed
        self.ready = 0  # the child has got past every memo before this index
        self.ended = False  # the pipe has reached its end: the child is gone
        self.progress, announce = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            _read_in_child(linter, memos, self.shared, announce, blocked)
        os.close(announce)
        os.set_blocking(self.progress, False)

    def __enter__(self) -> Reader:
        return self

    def take(self, index: int) -> Read | None:
        """Memo ``index``'s digest and file as the child read them, or None: then this
        process reads it (and the child, told so, goes past it)."""
        if index >= self.ready and not self.ended:
            self._poll()
        if index >= self.ready:
            _CLAIMED.pack_into(self.shared, 0, index + 1)
            return None
        read, digest, device, inode = _RECORD.unpack_from(
            self.shared, _CLAIMED.size + index * _RECORD.size
        )
        return (digest.hex(), (device, inode)) if read else None

    def _poll(self) -> None:
        """What the child has announced since the last look, without waiting for it."""
        try:
            announced = os.read(self.progress, 4096)  # whole 8-byte counts: writes are atomic
        except BlockingIOError:
            return
        if not announced:
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
    """The child's work: each memo's record, past those this process has claimed, then the
    end of the process (never returns: nothing of the parent's runs here, no exit handler,
    no buffered output)."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, blocked)
        index, count = 0, len(memos)
        while index < count:
            index = max(index, _CLAIMED.unpack_from(shared)[0])
            if index >= count:
                break
            memo = memos[index]
            try:
                limit = linter.limits_for(linter.config_for(memo)).max_file_bytes
                found = linter.digest_of(memo, limit)
            except Exception:  # e.g. a bad config: the parent meets it again, and says so
                found = None
            if found is not None:
                _, digest, (device, inode) = found
                record = (True, bytes.fromhex(digest), device, inode)
                _RECORD.pack_into(shared, _CLAIMED.size + index * _RECORD.size, *record)
            index += 1
            if index % _BATCH == 0:
                os.write(announce, index.to_bytes(8, "little"))
        os.write(announce, count.to_bytes(8, "little"))
    finally:
        os._exit(0)
