"""Hostile memo files, end to end through the CLI: each ends in a clear diagnostic (ML001) or a
clean read, with exit code 1 (violations) — never a traceback, a hang or a large process.

Each test runs ``memo-lint check --format json`` in a child interpreter (hostilekit) and
asserts the diagnostic, the exit code, the time of the check (< 2 s) and the child's peak
RSS (< 300 MiB, from os.wait4). Reader-level hostile cases (truncated/encrypted .docx,
corrupt/encrypted/scanned PDF, page and character limits) are in tests/readers/.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hostilekit import Run, check_json

from memo_lint.api import LintOptions, lint_paths
from memo_lint.readers import Limits

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "zwolle-beslisnota-citydeal.txt"
SEED_MD = ROOT / "examples" / "zwolle-beslisnota-citydeal.md"
W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)
MiB = 1024 * 1024


def _only_ml001(run: Run, *fragments: str) -> dict[str, object]:
    """The run reported exactly one violation, ML001, whose message names ``fragments``."""
    assert run.exit_code == 1, (run.exit_code, run.stderr)
    violations = run.violations
    assert [v["code"] for v in violations] == ["ML001"], violations
    message = str(violations[0]["message"])
    for fragment in fragments:
        assert fragment in message, message
    return violations[0]


def _spans_inside(run: Run, path: Path) -> None:
    lines = path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n").split("\n")
    for v in run.violations:
        assert 1 <= v["line"] <= v["end_line"] <= max(len(lines), 1), v


# -- size ----------------------------------------------------------------------------------


def test_100_mb_text_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    memo = tmp_path / "huge.txt"
    with memo.open("wb") as stream:  # sparse: 100 MB on paper, nothing on disk
        stream.truncate(100 * MiB)
    run = check_json([str(memo)], tmp_path)
    _only_ml001(run, "104,857,600 bytes", "limit of 52,428,800", "max-file-bytes")
    run.assert_bounded()
    # Reading the file whole would cost 100 MiB; the size is checked on stat() first.
    assert run.peak_rss - run.rss_before < 20 * MiB, (run.peak_rss, run.rss_before)


def test_file_size_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / "cache"))
    memo = tmp_path / "memo.txt"
    memo.write_bytes(SEED.read_bytes() + b"\n" + b"Bijlage tekst.\n" * 60_000)  # ~0.9 MB
    small = LintOptions(use_cache=False, lang="en", limits=Limits(max_file_bytes=512 * 1024))
    found = lint_paths([memo], small).violations
    assert [v.code for v in found] == ["ML001"]
    assert "limit of 524,288 bytes" in found[0].message
    large = LintOptions(use_cache=False, limits=Limits(max_file_bytes=2 * MiB))
    assert "ML001" not in {v.code for v in lint_paths([memo], large).violations}


def test_one_10_mb_line_is_refused_by_the_character_limit(tmp_path: Path) -> None:
    memo = tmp_path / "long-line.txt"
    memo.write_bytes(b"Beslisnota " + b"x" * (10 * MiB) + b"\n")
    run = check_json([str(memo)], tmp_path)
    _only_ml001(run, "10,485,772 characters", "limit of 1,000,000", "max-chars")
    run.assert_bounded()


def test_a_line_just_under_the_character_limit_is_linted(tmp_path: Path) -> None:
    """900,000 characters of memo prose on one line: read and checked, in bounded time."""
    words = " ".join(SEED.read_text("utf-8").split())
    memo = tmp_path / "one-line.txt"
    memo.write_text((words + " ") * (900_000 // (len(words) + 1)) + "\n", "utf-8")
    run = check_json([str(memo)], tmp_path, "--pack", "collegevoorstel")  # checked, not skipped
    assert run.exit_code == 1
    assert "ML001" not in run.codes()
    _spans_inside(run, memo)
    run.assert_bounded(max_seconds=5.0)  # ~0.9 MB of text; the bound is linear, see SECURITY.md


# -- structure -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "# Beslisnota\n\n" + "- " * 10_000 + "item\n",
        "# Beslisnota\n\n" + "> " * 10_000 + "citaat\n",
        "# Beslisnota\n\n" + "> - " * 5_000 + "gemengd\n",
        "# Beslisnota\n\n" + "".join("> " * (i % 50) + "- regel\n" for i in range(3_000)),
    ],
    ids=["lists-10000", "blockquotes-10000", "mixed-10000", "staircase-3000-lines"],
)
def test_deeply_nested_markdown_is_read(tmp_path: Path, text: str) -> None:
    memo = tmp_path / "nested.md"
    memo.write_text(text, "utf-8")
    run = check_json([str(memo)], tmp_path, "--pack", "collegevoorstel")  # checked, not skipped
    assert run.exit_code == 1  # a memo without its sections: violations, not ML001
    assert run.codes() and "ML001" not in run.codes()
    assert "ML101" in run.codes()
    _spans_inside(run, memo)
    run.assert_bounded()


# -- encoding ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"Beslisnota\n\x00\x00\x01binary\n", b"Beslisnota\n" * 2_000 + b"late \x00 NUL\n"],
    ids=["at-start", "after-8-KiB"],
)
def test_nul_bytes_are_a_binary_file(tmp_path: Path, data: bytes) -> None:
    memo = tmp_path / "nul.txt"
    memo.write_bytes(data)
    run = check_json([str(memo)], tmp_path)
    _only_ml001(run, "binary file", "NUL")
    run.assert_bounded()


def test_invalid_utf8_is_read_as_windows_1252(tmp_path: Path) -> None:
    """Not UTF-8: decoded as Windows-1252 (every byte decodes), so the memo is still checked."""
    memo = tmp_path / "cp1252.txt"
    memo.write_bytes(SEED.read_text("utf-8").encode("cp1252"))  # ë, ’ and € as single bytes
    run = check_json([str(memo)], tmp_path, "--today", "2023-01-01")
    baseline = check_json([str(SEED)], tmp_path, "--today", "2023-01-01")
    assert "ML001" not in run.codes()
    assert run.exit_code == baseline.exit_code
    # The heading "Financiële gevolgen" was understood; ML005 says the file is not UTF-8.
    assert [code for code in run.codes() if code != "ML005"] == baseline.codes()
    assert run.codes().count("ML005") == 1
    run.assert_bounded()


def test_invalid_utf8_garbage_is_a_clean_read(tmp_path: Path) -> None:
    memo = tmp_path / "garbage.txt"
    memo.write_bytes(b"Beslisnota \xc3\x28 \xa0\xa1 \xe2\x82 \xf0\x28\x8c\x28\n" * 50)
    run = check_json([str(memo)], tmp_path, "--pack", "collegevoorstel")  # checked, not skipped
    assert run.exit_code == 1 and "ML001" not in run.codes()
    _spans_inside(run, memo)
    run.assert_bounded()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom"])
@pytest.mark.parametrize("seed", [SEED, SEED_MD], ids=["txt", "md"])
def test_utf16_with_bom_reads_like_utf8(tmp_path: Path, encoding: str, seed: Path) -> None:
    text = seed.read_text("utf-8")
    data = (
        b"\xfe\xff" + text.encode("utf-16-be")
        if encoding == "utf-16-be-bom"
        else text.encode("utf-16")
    )
    memo = tmp_path / f"utf16{seed.suffix}"
    memo.write_bytes(data)
    run = check_json([str(memo)], tmp_path, "--today", "2023-01-01")
    baseline = check_json([str(seed)], tmp_path, "--today", "2023-01-01")
    where = [(v["code"], v["line"], v["column"], v["end_column"]) for v in run.violations]
    expected = [(v["code"], v["line"], v["column"], v["end_column"]) for v in baseline.violations]
    assert where == expected
    assert run.exit_code == baseline.exit_code
    run.assert_bounded()


# -- the file system -----------------------------------------------------------------------


def test_directory_with_symlink_loops(tmp_path: Path) -> None:
    memos = tmp_path / "memos"
    (memos / "sub").mkdir(parents=True)
    shutil.copy(SEED, memos / "sub" / "memo.txt")
    (memos / "sub" / "up").symlink_to("..")  # a folder loop: never entered
    (memos / "self").symlink_to(".")
    (memos / "a.txt").symlink_to("b.txt")  # a file loop: ELOOP when opened
    (memos / "b.txt").symlink_to("a.txt")
    run = check_json([str(memos)], tmp_path, "--today", "2023-01-01")
    paths = sorted({str(v["path"]) for v in run.violations if v["code"] == "ML001"})
    assert paths == [str(memos / "a.txt"), str(memos / "b.txt")]
    for v in run.violations:
        if v["code"] == "ML001":
            assert "symbolic links" in str(v["message"]), v
    assert run.exit_code == 1
    # The real memo was checked exactly once (not again through sub/up or self).
    assert not any("up" in Path(str(v["path"])).parts for v in run.violations)
    assert not any("self" in Path(str(v["path"])).parts for v in run.violations)
    run.assert_bounded()


@pytest.fixture
def world_readable_dir() -> Iterator[Path]:
    """A folder another user can enter (pytest's tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="memo-lint-hostile-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(
    os.geteuid() == 0,
    reason="root reads a chmod-000 file; the interpreter lives under /root, so the check cannot "
    "drop to another user either (test_open_permission_error_is_ml001 covers the code path)",
)
def test_file_without_read_permission(world_readable_dir: Path) -> None:
    memo = world_readable_dir / "secret.txt"
    shutil.copy(SEED, memo)
    memo.chmod(0)
    other = world_readable_dir / "other.txt"
    shutil.copy(SEED, other)
    run = check_json([str(memo), str(other)], world_readable_dir, "--today", "2023-01-01")
    unreadable = [v for v in run.violations if v["code"] == "ML001"]
    assert [v["path"] for v in unreadable] == [str(memo)]
    assert "Permission denied" in str(unreadable[0]["message"])
    assert run.exit_code == 1
    run.assert_bounded()


def test_open_permission_error_is_ml001(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What chmod 000 does for a normal user, injected: open() raises EACCES for one memo."""
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / "cache"))
    secret, other = tmp_path / "secret.txt", tmp_path / "other.txt"
    shutil.copy(SEED, secret)
    shutil.copy(SEED, other)
    real_open = Path.open

    def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    options = LintOptions(use_cache=False, today=dt.date(2023, 1, 1))
    report = lint_paths([secret, other], options)
    assert [(v.path, v.code) for v in report.violations] == [(str(secret), "ML001")]
    assert "Permission denied" in report.violations[0].message


def test_fifo_named_explicitly_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "memo.txt"
    os.mkfifo(fifo)  # opening it for reading would block forever: it must not be opened
    run = check_json([str(fifo)], tmp_path)
    _only_ml001(run, "not a regular file")
    run.assert_bounded()


def test_fifo_in_a_folder_is_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    shutil.copy(SEED, tmp_path / "memo.txt")
    run = check_json([str(tmp_path)], tmp_path, "--today", "2023-01-01")
    assert {v["path"] for v in run.violations} <= {str(tmp_path / "memo.txt")}
    assert "ML001" not in run.codes()
    assert run.exit_code == 0
    run.assert_bounded()


def test_device_named_explicitly(tmp_path: Path) -> None:
    run = check_json(["/dev/zero"], tmp_path)
    _only_ml001(run, "not a regular file")
    run.assert_bounded()


# -- Word ----------------------------------------------------------------------------------


def _docx(document_xml: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        package.writestr("word/document.xml", document_xml)
    return out.getvalue()


def _zip_bomb(megabytes: int, lie: bool) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package,
        package.open("word/document.xml", "w", force_zip64=True) as part,
    ):
        block = b"\x00" * MiB
        for _ in range(megabytes):
            part.write(block)
    data = bytearray(out.getvalue())
    if lie:  # forge the declared sizes small: decompression itself must stop
        for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            at = data.find(signature) + offset
            data[at : at + 4] = struct.pack("<I", 1000)
        extra = data.find(b"\x01\x00\x10\x00")  # zip64 extra field in the local header
        if extra >= 0:
            data[extra + 4 : extra + 12] = struct.pack("<Q", 1000)
    return bytes(data)


def test_docx_zip_bomb_declared(tmp_path: Path) -> None:
    memo = tmp_path / "bomb.docx"
    memo.write_bytes(_zip_bomb(512, lie=False))
    assert memo.stat().st_size < 5 * MiB
    run = check_json([str(memo)], tmp_path)
    _only_ml001(run, "zip bomb", "536,870,912 bytes", "max-unzipped-bytes")
    run.assert_bounded()


def test_docx_zip_bomb_with_forged_sizes(tmp_path: Path) -> None:
    memo = tmp_path / "liar.docx"
    memo.write_bytes(_zip_bomb(512, lie=True))
    run = check_json([str(memo)], tmp_path)
    _only_ml001(run, ".docx")
    run.assert_bounded()


XXE = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<w:document {W_NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + f"]><w:document {W_NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>"
    "</w:document>"
)


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["external-entity", "billion-laughs"])
def test_docx_with_entities_is_refused(tmp_path: Path, xml: str) -> None:
    memo = tmp_path / "entities.docx"
    memo.write_bytes(_docx(xml))
    run = check_json([str(memo)], tmp_path)
    violation = _only_ml001(run, "DOCTYPE", "word/document.xml")
    assert "root:" not in str(violation["message"])  # /etc/passwd never read
    run.assert_bounded()


def test_docx_truncated(tmp_path: Path) -> None:
    data = (ROOT / "tests" / "fixtures" / "docx" / "seed.docx").read_bytes()
    memo = tmp_path / "truncated.docx"
    memo.write_bytes(data[: len(data) // 2])
    run = check_json([str(memo)], tmp_path)
    _only_ml001(run, "corrupt or truncated")
    run.assert_bounded()
