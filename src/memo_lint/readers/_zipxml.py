"""Safe access to zip-packaged XML formats (.docx, .odt).

Office files are zips of XML parts, so a hostile memo can be a zip bomb or carry a DOCTYPE
with external entities (XXE) or nested entity expansions (billion laughs). Every part goes
through :class:`SafeZip` (bounded decompression, declared and actual) and :func:`parse_xml`
(no DOCTYPE at all), so a reader never touches the zip or expat directly.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET
from xml.parsers import expat

from memo_lint.errors import UnreadableFile

if TYPE_CHECKING:
    from memo_lint.readers import Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 64 * 1024


class SafeZip:
    """A zip opened for reading with one decompression budget shared by all its parts."""

    def __init__(self, data: bytes, limits: Limits, kind: str) -> None:
        self.kind = kind
        if data.startswith(OLE_MAGIC):
            raise UnreadableFile(
                f"this {kind} is an OLE compound file, not a zip: it is password-protected "
                "(encrypted) or an old binary Word/Office file; remove the password or save it "
                f"again as {kind}",
                nl=f"deze {kind} is geen zip maar een OLE-bestand: hij is beveiligd met een "
                "wachtwoord (versleuteld) of een oud binair Word-bestand; verwijder het "
                f"wachtwoord of sla hem opnieuw op als {kind}",
            )
        if not data.startswith(b"PK"):
            raise UnreadableFile(
                f"this is not a {kind} file (no zip signature); check the extension or save it "
                f"again as {kind}",
                nl=f"dit is geen {kind}-bestand (geen zip-handtekening); controleer de extensie "
                f"of sla het opnieuw op als {kind}",
            )
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise UnreadableFile(
                f"the {kind} is corrupt or truncated (the zip cannot be opened: {exc}); "
                "open it in Word and save it again, or get an intact copy",
                nl=f"de {kind} is beschadigd of afgebroken (de zip gaat niet open: {exc}); open "
                "hem in Word en sla hem opnieuw op, of haal een heel exemplaar op",
            ) from exc
        declared = sum(info.file_size for info in infos)
        self._budget = limits.max_unzipped_bytes
        if declared > self._budget:
            raise self._bomb(declared)
        self._names = {info.filename for info in infos}

    def _bomb(self, size: int) -> UnreadableFile:
        return UnreadableFile(
            f"the {self.kind} expands to at least {size:,} bytes uncompressed, above the limit "
            f"of {self._budget:,} bytes: likely a zip bomb (raise max-unzipped-bytes in the "
            "config if this memo is genuine)",
            nl=f"de {self.kind} pakt uit tot minstens {size:,} bytes, meer dan de grens van "
            f"{self._budget:,} bytes: waarschijnlijk een zip-bom (verhoog max-unzipped-bytes "
            "als dit memo echt zo groot is)",
        )

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
            raise UnreadableFile(
                f"the {self.kind} is corrupt: part {name} cannot be decompressed ({exc}); "
                "open it in Word and save it again, or get an intact copy",
                nl=f"de {self.kind} is beschadigd: onderdeel {name} kan niet worden uitgepakt "
                f"({exc}); open hem in Word en sla hem opnieuw op",
            ) from exc
        self._budget -= len(out)
        return bytes(out)


def _reject_doctype(*_args: object) -> None:
    raise _DoctypeFound


class _DoctypeFound(Exception):
    pass


def parse_xml(data: bytes, part: str, kind: str) -> ET.Element:
    """Parse one XML part, refusing any DOCTYPE or entity declaration.

    Office formats never need a DOCTYPE, so rejecting it outright removes XXE and entity
    expansion entirely. A first expat pass (no element callbacks, so C speed) stops at the
    DOCTYPE before its internal subset is read; only then does ElementTree build the tree.
    """
    checker = expat.ParserCreate()
    checker.StartDoctypeDeclHandler = _reject_doctype
    checker.EntityDeclHandler = _reject_doctype
    checker.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        checker.Parse(data, True)
        return ET.fromstring(data)
    except _DoctypeFound as exc:
        raise UnreadableFile(
            f"the {kind} part {part} contains a DOCTYPE or entity declaration, which Office "
            "files never need (possible XXE or entity-expansion attack); refusing to read it",
            nl=f"onderdeel {part} van de {kind} bevat een DOCTYPE- of entiteitsdeclaratie, die "
            "Office-bestanden nooit nodig hebben (mogelijk een XXE- of entiteitsaanval); "
            "memo-lint leest het niet",
        ) from exc
    except (expat.ExpatError, ET.ParseError, ValueError) as exc:
        raise UnreadableFile(
            f"the {kind} is corrupt: part {part} is not well-formed XML ({exc}); "
            "open it in Word and save it again",
            nl=f"de {kind} is beschadigd: onderdeel {part} is geen geldige XML ({exc}); open "
            "hem in Word en sla hem opnieuw op",
        ) from exc
