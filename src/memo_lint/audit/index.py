"""The index file: per-document metadata that paths do not carry (body, date, type, URL).

CSV with a header row, or JSON Lines (one object per line). Column ``path`` is required,
relative to the index file's folder or absolute; ``body``, ``date`` (YYYY-MM-DD), ``type``
and ``url`` (or ``source_url``) are optional. Other columns are ignored.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from memo_lint.errors import MemoLintError, Phrase

FIELDS = {"body": "body", "date": "index_date", "type": "doc_type", "url": "source_url"}
ALIASES = {"source_url": "url", "source": "url", "municipality": "body"}


class BadIndex(MemoLintError):
    """An index file that cannot be used: exit 2 with the file and line."""


def load(path: Path) -> dict[Path, dict[str, str | None]]:
    """Resolved document path → its metadata (keys of the document row)."""
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise BadIndex(Phrase("audit.index-unreadable", path=path, error=error)) from None
    records: list[tuple[int, dict[str, object]]] = []
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as error:
                where = f"{path}:{number}"
                raise BadIndex(Phrase("audit.index-not-json", where=where, error=error)) from None
            if not isinstance(item, dict):
                raise BadIndex(Phrase("audit.index-not-object", where=f"{path}:{number}"))
            records.append((number, item))
    elif path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        records = [(number, dict(row)) for number, row in enumerate(reader, start=2)]
    else:
        raise BadIndex(Phrase("audit.index-suffix", path=path))
    index: dict[Path, dict[str, str | None]] = {}
    for number, record in records:
        raw = record.get("path")
        if not isinstance(raw, str) or not raw:
            raise BadIndex(Phrase("audit.index-no-path", where=f"{path}:{number}"))
        meta: dict[str, str | None] = {}
        for key, value in record.items():
            name = ALIASES.get(key, key)
            if name in FIELDS and value not in (None, ""):
                meta[FIELDS[name]] = str(value)
        index[(path.parent / raw).resolve()] = meta
    return index
