"""SafeZip reads the plain zips Office writes without zipfile: held to zipfile on real-looking
packages, intact and damaged (the same parts, the same errors)."""

from __future__ import annotations

import io
import random
import struct
import zipfile

import pytest
from readerkit import FIXTURES

from memo_lint.readers import Limits, _zipxml

PACKAGES = sorted(FIXTURES.rglob("*.docx")) + sorted(FIXTURES.rglob("*.odt"))
SEED = FIXTURES / "docx" / "seed.docx"


def _rewritten(package: bytes, **how: object) -> bytes:
    """The same parts written again by zipfile in another way (method, comment, extra fields,
    names that are not ASCII, bytes before the zip)."""
    out = io.BytesIO()
    method = how.get("method", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(io.BytesIO(package)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            name = info.filename + ("é" if how.get("rename") else "")
            written = zipfile.ZipInfo(name, info.date_time)
            written.compress_type = method  # type: ignore[assignment]
            written.extra = b"UT\x05\x00\x01\x00\x00\x00\x00" if how.get("extra") else b""
            new.writestr(written, old.read(info.filename))
        new.comment = how.get("comment", b"")  # type: ignore[assignment]
    return how.get("prefix", b"") + out.getvalue()  # type: ignore[operator]


def _patched(package: bytes, name: bytes, offset: int, value: bytes) -> bytes:
    """``package`` with bytes ``offset`` on of ``name``'s directory entry replaced."""
    entry = package.find(b"PK\x01\x02")
    while package[entry + 46 : entry + 46 + len(name)] != name:
        entry = package.find(b"PK\x01\x02", entry + 1)
    at = entry + offset
    return package[:at] + value + package[at + len(value) :]


def _variants() -> list[tuple[str, bytes]]:
    seed = SEED.read_bytes()
    with zipfile.ZipFile(io.BytesIO(seed)) as reference:
        short = struct.pack("<I", reference.getinfo("word/document.xml").file_size - 1)
    return [
        *((path.name, path.read_bytes()) for path in PACKAGES),
        ("stored", _rewritten(seed, method=zipfile.ZIP_STORED)),
        ("deflated again", _rewritten(seed)),
        ("comment", _rewritten(seed, comment=b"memo")),
        ("extra fields", _rewritten(seed, extra=True)),
        ("utf-8 names", _rewritten(seed, rename=True)),
        ("prefixed", _rewritten(seed, prefix=b"MZ" * 50)),
        ("bzip2", _rewritten(seed, method=zipfile.ZIP_BZIP2)),
        ("encrypted", _patched(seed, b"word/document.xml", 8, b"\x01\x00")),
        ("patched data", _patched(seed, b"word/document.xml", 8, b"\x20\x00")),
        ("version 6.4", _patched(seed, b"word/document.xml", 6, b"\x40")),
        ("size short", _patched(seed, b"word/document.xml", 24, short)),
    ]


def _facts(info: object) -> tuple[object, ...]:
    return tuple(getattr(info, name) for name in _zipxml._Entry._fields)


@pytest.mark.parametrize(("name", "package"), _variants(), ids=lambda value: str(value)[:20])
def test_the_directory_is_the_one_zipfile_reads(name: str, package: bytes) -> None:
    found = _zipxml._directory(package)
    try:
        with zipfile.ZipFile(io.BytesIO(package)) as reference:
            expected = [_facts(info) for info in reference.infolist()]
    except NotImplementedError:  # a version zipfile refuses: it says so, not _directory
        assert found is None
        return
    if name.endswith((".docx", ".odt")) or name in {"stored", "deflated again"}:
        assert found is not None  # what Office and python-docx write is read directly
    if found is not None:
        assert [_facts(entry) for entry in found] == expected
    if name in {"comment", "extra fields", "utf-8 names", "prefixed"}:
        assert found is None  # left to zipfile


Outcome = tuple[str, ...]


def _outcomes(package: bytes, limits: Limits) -> list[Outcome]:
    """What reading every part twice gives (bytes or the error), by ``read`` and again by
    ``read_memoised`` (the second time a memo hit)."""
    found: list[Outcome] = []
    for memoised in (False, True):
        try:
            safe = _zipxml.SafeZip(package, limits, ".docx")
        except Exception as exc:  # the error itself is the outcome compared
            return [("open", type(exc).__name__, str(exc))]
        memo: dict[bytes, bytes] = {}
        for name in sorted(safe._entries) * 2:
            try:
                data = safe.read_memoised(name, bytes, memo) if memoised else safe.read(name)
                found.append((name, data.hex()))
            except Exception as exc:
                found.append((name, type(exc).__name__, str(exc)))
    return found


def _damaged(package: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(package)
    kind = rng.randrange(4)
    if kind == 0:  # one byte anywhere
        damaged[rng.randrange(len(damaged))] ^= 1 << rng.randrange(8)
    elif kind == 1:  # one byte of the directory's or a local header's fields
        start = rng.choice(
            [package.rfind(b"PK\x01\x02"), package.find(b"PK\x03\x04"), len(package) - 22]
        )
        damaged[start + rng.randrange(min(30, len(package) - start))] = rng.randrange(256)
    elif kind == 2:  # cut short
        del damaged[rng.randrange(len(damaged)) :]
    else:  # a stretch of compressed data overwritten
        start = rng.randrange(len(damaged) - 64)
        damaged[start : start + 16] = bytes(rng.randrange(256) for _ in range(16))
    return bytes(damaged)


@pytest.mark.parametrize("budget", [None, "tight"])
def test_intact_and_damaged_packages_read_as_zipfile_reads_them(
    budget: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every part of every variant, and of 300 damaged copies, reads to the same bytes or
    fails with the same error as when zipfile reads them all (``_directory`` says None)."""
    rng = random.Random(15)
    packages = [package for _, package in _variants()]
    packages += [_damaged(rng.choice(packages[:3]), rng) for _ in range(300)]
    results = []
    for direct in (True, False):
        if not direct:
            monkeypatch.setattr(_zipxml, "_directory", lambda data: None)
        results.append([_outcomes(package, _limits(package, budget)) for package in packages])
    assert results[0] == results[1]
    outcomes = [outcome for found in results[0] for outcome in found]
    assert any(len(outcome) == 2 for outcome in outcomes)
    assert any(len(outcome) == 3 and "CRC" in outcome[2] for outcome in outcomes)
    if budget:
        assert any("zip bomb" in repr(outcome) for outcome in outcomes)


def _limits(package: bytes, budget: str | None) -> Limits:
    """Default limits, or a budget that the second reading of the parts runs out of."""
    if budget is None:
        return Limits()
    try:
        with zipfile.ZipFile(io.BytesIO(package)) as reference:
            declared = sum(info.file_size for info in reference.infolist())
    except Exception:  # a damaged directory: any budget will do
        declared = 0
    return Limits(max_unzipped_bytes=declared + declared // 2 + 1)
