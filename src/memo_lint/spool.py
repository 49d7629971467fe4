"""Memo text kept on disk between the run and the reporters, not in memory (issue 15).

The ``full`` and ``html`` reports show the text of every memo with findings; on 10,000 memos
that text was most of the run's memory, kept only to be printed at the end. A run's
:class:`Spool` writes each memo's lines to one unnamed temporary file as its result
arrives; the report keeps :class:`SpooledLines`, a sequence that reads them back when a
reporter gets to that memo. Reporters go memo by memo, so the spool keeps the last memo read
and no more. The file is gone when the spool is (or when the process ends).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import IO, overload


class Spool:
    """An append-only temporary file of line lists (marshal: fast, any ``str`` round-trips)."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._end = 0
        self._last: tuple[int, list[str]] = (-1, [])

    def keep(self, lines: Sequence[str]) -> Sequence[str]:
        """``lines`` as a sequence read back from the file; as given when empty, or when no
        temporary file can be made (then memory it is, as before)."""
        if not lines or isinstance(lines, SpooledLines):
            return lines
        import marshal

        data = marshal.dumps(list(lines))
        try:
            if self._file is None:
                import tempfile

                self._file = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the spool)
            self._file.seek(self._end)
            self._file.write(data)
        except OSError:
            return lines
        spooled = SpooledLines(self, self._end, len(data), len(lines))
        self._end += len(data)
        return spooled

    def read(self, offset: int, size: int) -> list[str]:
        if self._last[0] != offset:
            import marshal

            assert self._file is not None
            self._file.seek(offset)
            self._last = (offset, marshal.loads(self._file.read(size)))
        return self._last[1]


class SpooledLines(Sequence[str]):
    """One memo's lines in a :class:`Spool`: its length is known, its text read on use."""

    __slots__ = ("_count", "_offset", "_size", "_spool")

    def __init__(self, spool: Spool, offset: int, size: int, count: int) -> None:
        self._spool, self._offset, self._size, self._count = spool, offset, size, count

    def _lines(self) -> list[str]:
        return self._spool.read(self._offset, self._size)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        return self._lines()[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return self._lines() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list, so unhashable like one

    def __reduce__(self) -> tuple[type[list[str]], tuple[list[str]]]:
        """Pickled (another process, a deep copy) as the plain list: the file stays here."""
        return list, (list(self._lines()),)
