"""Safe access to zip-packaged XML formats (.docx, .odt).

Office files are zips of XML parts, so a hostile memo can be a zip bomb or carry a DOCTYPE
with external entities (XXE) or nested entity expansions (billion laughs). Every part goes
through :class:`SafeZip` (bounded decompression, declared and actual) and :func:`parse_xml`
(no DOCTYPE at all), so a reader never touches the zip or expat directly.
"""

from __future__ import annotations

import contextlib
import io
import struct
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar
from xml.etree import ElementTree as ET
from xml.parsers import expat

from memo_lint.digests import blake2b
from memo_lint.errors import UnreadableFile

if TYPE_CHECKING:
    from memo_lint.readers import Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... file name length, extra field length
T = TypeVar("T")


class SafeZip:
    """A zip opened for reading with one decompression budget shared by all its parts."""

    def __init__(self, data: bytes, limits: Limits, kind: str) -> None:
        self.kind = kind
        if data.startswith(OLE_MAGIC):
            raise UnreadableFile("zip.ole", kind=kind)
        if not data.startswith(b"PK"):
            raise UnreadableFile("zip.not-zip", kind=kind)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise UnreadableFile("zip.corrupt", kind=kind, exc=exc) from exc
        declared = sum(info.file_size for info in infos)
        self._budget = limits.max_unzipped_bytes
        if declared > self._budget:
            raise self._bomb(declared)
        self._names = {info.filename for info in infos}
        self._data = data

    def _bomb(self, size: int) -> UnreadableFile:
        return UnreadableFile("zip.bomb", kind=self.kind, size=size, limit=self._budget)

    def __contains__(self, name: str) -> bool:
        return name in self._names

    def read(self, name: str) -> bytes:
        """Decompress one part, stopping as soon as the shared budget is exceeded."""
        out = bytearray()
        try:
            with self._zip.open(name) as part:
                while chunk := part.read(_CHUNK):
                    out += chunk
                    if len(out) > self._budget:
                        raise self._bomb(len(out))
        except UnreadableFile:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise UnreadableFile("zip.bad-part", kind=self.kind, name=name, exc=exc) from exc
        self._budget -= len(out)
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
        info = self._zip.getinfo(name)
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
            try:
                self._zip.open(name).close()
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
                raise UnreadableFile("zip.bad-part", kind=self.kind, name=name, exc=exc) from exc
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
