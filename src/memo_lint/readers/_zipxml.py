"""Safe access to zip-packaged XML formats (.docx, .odt).

Office files are zips of XML parts, so a hostile memo can be a zip bomb or carry a DOCTYPE
with external entities (XXE) or nested entity expansions (billion laughs). Every part goes
through :class:`SafeZip` (bounded decompression, declared and actual) and :func:`parse_xml`
(no DOCTYPE at all), so a reader never touches the zip or expat directly.
"""

from __future__ import annotations

import contextlib
import struct
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, TypeVar
from xml.etree import ElementTree as ET
from xml.parsers import expat

from memo_lint.digests import blake2b
from memo_lint.errors import UnreadableFile

if TYPE_CHECKING:
    import zipfile

    from memo_lint.readers import Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... file name length, extra field length
# The end record (signature, counts, directory size and offset, comment length) and a
# directory entry (signature, version needed, flags, method, CRC, sizes, name, extra and
# comment lengths, local header offset), as APPNOTE.TXT 4.3.16 and 4.3.12 lay them out.
_END = struct.Struct("<4s8xIIH")
_ENTRY = struct.Struct("<4s2xBxHH4xIIIHHH8xI")
_ZIP64_LOCATOR = b"PK\x06\x07"
_JUDGED_FLAGS = 0x1 | 0x20 | 0x40  # encrypted, patched data, strong encryption
_STORED, _DEFLATED = 0, 8
T = TypeVar("T")


class _Entry(NamedTuple):
    """A directory entry: what reading a part and its memo key need (zipfile's names)."""

    filename: str
    header_offset: int
    flag_bits: int
    compress_type: int
    CRC: int
    compress_size: int
    file_size: int


def _directory(data: bytes) -> list[_Entry] | None:
    """The central directory as :mod:`zipfile` reads it, for the plain zips Word, LibreOffice
    and python-docx write; None for anything else (an archive comment, Zip64, prepended bytes,
    extra fields, names that are not ASCII, a version zipfile refuses, a short entry), which
    zipfile then reads and judges as before.

    zipfile builds a ZipInfo per entry in Python and opens every part through a file object:
    ~20 % of reading a memo. Where this returns entries, zipfile finds the same ones.
    """
    end = len(data) - _END.size
    if end < 20 or data[-2:] != b"\0\0" or data[end - 20 : end - 16] == _ZIP64_LOCATOR:
        return None
    signature, size, offset, _ = _END.unpack_from(data, end)
    if signature != b"PK\x05\x06" or offset + size != end:
        return None
    entries = []
    at = offset
    while at < end:
        if at + _ENTRY.size > end:
            return None
        signature, version, flags, method, crc, stored, size, named, extra, comment, local = (
            _ENTRY.unpack_from(data, at)
        )
        name = data[at + _ENTRY.size : at + _ENTRY.size + named]
        at += _ENTRY.size + named + extra + comment
        if signature != b"PK\x01\x02" or extra or version > 63 or at > end:
            return None
        if not name.isascii() or b"\0" in name:
            return None
        entries.append(_Entry(name.decode("ascii"), local, flags, method, crc, stored, size))
    return entries


class SafeZip:
    """A zip opened for reading with one decompression budget shared by all its parts."""

    def __init__(self, data: bytes, limits: Limits, kind: str) -> None:
        self.kind = kind
        if data.startswith(OLE_MAGIC):
            raise UnreadableFile("zip.ole", kind=kind)
        if not data.startswith(b"PK"):
            raise UnreadableFile("zip.not-zip", kind=kind)
        self._data = data
        self._zip: zipfile.ZipFile | None = None
        entries = _directory(data)
        self._direct = entries is not None  # its parts may be read without zipfile
        if entries is None:
            entries = [
                _Entry(*(getattr(info, name) for name in _Entry._fields))
                for info in self._zipfile().infolist()
            ]
        declared = sum(entry.file_size for entry in entries)
        self._budget = limits.max_unzipped_bytes
        if declared > self._budget:
            raise self._bomb(declared)
        self._entries = {entry.filename: entry for entry in entries}

    def _zipfile(self) -> zipfile.ZipFile:
        """The zip as :mod:`zipfile` opens it, for what :func:`_directory` and
        :meth:`_stored_part` leave to it to judge."""
        if self._zip is None:
            import io
            import zipfile

            try:
                self._zip = zipfile.ZipFile(io.BytesIO(self._data))
            except (
                zipfile.BadZipFile,
                zipfile.LargeZipFile,
                OSError,
                ValueError,
                EOFError,
            ) as exc:
                raise UnreadableFile("zip.corrupt", kind=self.kind, exc=exc) from exc
        return self._zip

    def _bomb(self, size: int) -> UnreadableFile:
        return UnreadableFile("zip.bomb", kind=self.kind, size=size, limit=self._budget)

    def __contains__(self, name: str) -> bool:
        return name in self._entries

    def _stored_part(self, entry: _Entry) -> tuple[int, int] | None:
        """Where a part's stored bytes are, when its local header is one zipfile opens
        without a word (its signature, the directory's name, no encryption, stored or
        deflated); None for anything zipfile must judge."""
        start = entry.header_offset
        header = self._data[start : start + _LOCAL_HEADER.size]
        if not self._direct or len(header) < _LOCAL_HEADER.size or entry.flag_bits & _JUDGED_FLAGS:
            return None
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        name_start = start + _LOCAL_HEADER.size
        name = self._data[name_start : name_start + name_length]
        data_start = name_start + name_length + extra_length
        data_end = data_start + entry.compress_size
        if (
            signature != b"PK\x03\x04"
            or entry.compress_type not in (_STORED, _DEFLATED)
            or name != entry.filename.encode("ascii")
            or data_end > len(self._data)
        ):
            return None
        return data_start, data_end

    def _read_directly(self, entry: _Entry) -> bytes | None:
        """A part's bytes where zipfile would give the same without a word (whole, its CRC
        right, within the budget); None where zipfile must read it and say what is wrong."""
        where = self._stored_part(entry)
        if where is None or entry.file_size > self._budget:
            return None
        stored = self._data[where[0] : where[1]]
        if entry.compress_type == _STORED:
            data = stored
        else:
            # Output short of the bound means every stored byte was taken (or the stream
            # ended): no error zipfile would meet is left unread. A byte more than the
            # directory says is as far as a forged size gets (zipfile stops there too).
            try:
                data = zlib.decompressobj(-15).decompress(stored, entry.file_size + 1)
            except zlib.error:
                return None
        if len(data) != entry.file_size or zlib.crc32(data) != entry.CRC:
            return None
        return data

    def read(self, name: str) -> bytes:
        """Decompress one part, stopping as soon as the shared budget is exceeded."""
        entry = self._entries.get(name)
        data = self._read_directly(entry) if entry is not None else None
        if data is None:
            data = self._read_with_zipfile(name)
        self._budget -= len(data)
        return data

    def _read_with_zipfile(self, name: str) -> bytes:
        import zipfile

        out = bytearray()
        try:
            with self._zipfile().open(name) as part:
                while chunk := part.read(_CHUNK):
                    out += chunk
                    if len(out) > self._budget:
                        raise self._bomb(len(out))
        except UnreadableFile:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise UnreadableFile("zip.bad-part", kind=self.kind, name=name, exc=exc) from exc
        return bytes(out)

    def read_memoised(self, name: str, make: Callable[[bytes], T], memo: dict[bytes, T]) -> T:
        """``make(self.read(name))``, kept in ``memo`` under digests of the part as stored and
        as read.

        Memos of one template share a large part (Word's styles.xml: 350 KB, 12 KB stored):
        decompressing and hashing it cost half the Word reader. The stored digest covers what
        decompressing depends on: the stored bytes and the directory's method, flags, sizes
        and CRC; not the local header (its date differs between memos of one template), which
        zipfile checks when it opens the part: on a hit the part is still opened, and charged
        to the budget as a read would be. A part stored otherwise (another compressor) is
        read and found by the digest of its content.
        """
        info = self._entries[name]
        start = info.header_offset
        header = self._data[start : start + _LOCAL_HEADER.size]
        if len(header) < _LOCAL_HEADER.size:
            return make(self.read(name))  # truncated: let read() say what is wrong
        _, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        data_start = start + _LOCAL_HEADER.size + name_length + extra_length
        stored = blake2b(self._data[data_start : data_start + info.compress_size])
        facts = (info.flag_bits, info.compress_type, info.compress_size, info.file_size)
        stored.update(repr((*facts, info.CRC)).encode())
        stored_key = b"stored:" + stored.digest()
        if stored_key in memo:
            if self._stored_part(info) is None:  # zipfile judges the local header
                self._open_with_zipfile(name)
            if info.file_size > self._budget:
                raise self._bomb(info.file_size)
            self._budget -= info.file_size
            return memo[stored_key]
        data = self.read(name)
        content_key = b"read:" + blake2b(data).digest()
        if content_key not in memo:
            memo[content_key] = make(data)
        memo[stored_key] = memo[content_key]
        return memo[stored_key]

    def _open_with_zipfile(self, name: str) -> None:
        import zipfile

        try:
            self._zipfile().open(name).close()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise UnreadableFile("zip.bad-part", kind=self.kind, name=name, exc=exc) from exc


def _reject_doctype(*_args: object) -> None:
    raise _DoctypeFound


def _end_of_prolog(*_args: object) -> None:
    raise _PrologRead


class _DoctypeFound(Exception):
    pass


class _PrologRead(Exception):
    pass


def parse_xml(data: bytes, part: str, kind: str) -> ET.Element:
    """Parse one XML part, refusing any DOCTYPE or entity declaration.

    Office formats never need a DOCTYPE, so rejecting it outright removes XXE and entity
    expansion entirely. A first expat pass (no callbacks but these, so C speed) stops at the
    DOCTYPE before its internal subset is read; only then does ElementTree build the tree.
    XML allows a DOCTYPE (and so an entity declaration) only before the root element, so the
    first pass ends at the root's start tag: reading the rest of the part twice cost a
    quarter of the parse.
    """
    checker = expat.ParserCreate()
    checker.StartDoctypeDeclHandler = _reject_doctype
    checker.EntityDeclHandler = _reject_doctype
    checker.StartElementHandler = _end_of_prolog
    checker.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        with contextlib.suppress(_PrologRead):
            checker.Parse(data, True)
        return ET.fromstring(data)
    except _DoctypeFound as exc:
        raise UnreadableFile("zip.doctype", kind=kind, part=part) from exc
    except (expat.ExpatError, ET.ParseError, ValueError) as exc:
        raise UnreadableFile("zip.bad-xml", kind=kind, part=part, exc=exc) from exc
