"""memo-lint writes only where asked: --output-file, --report, its own cache folder. Memos and
everything else in the tree stay byte for byte (and mtime for mtime) as they were; a report
never replaces a memo, a device, a FIFO or a link; written files honour the umask; a write
that fails is one line and exit code 2 (SECURITY.md, "Writes")."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from memo_lint.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "zwolle-beslisnota-citydeal.txt"
SEED_MD = ROOT / "examples" / "zwolle-beslisnota-citydeal.md"
SEED_DOCX = ROOT / "tests" / "fixtures" / "docx" / "seed.docx"


def _tree(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_check_writes_only_the_reports_and_its_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memos = tmp_path / "memos"
    memos.mkdir()
    shutil.copy(SEED, memos / "clean.txt")
    shutil.copy(SEED_DOCX, memos / "clean.docx")
    (memos / "broken.md").write_text(
        SEED_MD.read_text("utf-8").replace("Het college besluit", "Het college"), "utf-8"
    )
    (memos / "bad.txt").write_bytes(b"\x00\x01")
    (memos / ".memo-lint.toml").write_text('fail-on = "warning"\n', "utf-8")
    before = _tree(tmp_path)
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MEMO_LINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))  # the per-user cache
    result = CliRunner().invoke(
        main,
        [
            "check",
            "memos",
            "--format",
            "json",
            "-o",
            str(out / "report.json"),
            "--report",
            f"sarif:{out / 'report.sarif'}",
            "--today",
            "2023-01-01",
        ],
    )
    assert result.exit_code == 1, result.output
    after = _tree(tmp_path)
    new = sorted(set(after) - set(before))
    assert {path for path in new if not path.startswith("user-cache/memo-lint/")} == {
        "out/report.json",
        "out/report.sarif",
    }
    assert any(path.startswith("user-cache/memo-lint/results/") for path in new)
    for path, state in before.items():
        assert after[path] == state, f"{path} was modified"
    assert list(tmp_path.rglob("*.tmp")) == []  # atomic writes leave no temp files behind


def _check(*args: str) -> Result:
    return CliRunner().invoke(
        main, ["check", "--no-cache", "--today", "2023-01-01", "--lang", "en", *args]
    )


def _one_line_error(result: Result, *expected: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("memo-lint: error:"), result.stderr
    assert all(text in lines[0] for text in expected), lines[0]


@pytest.mark.parametrize("option", ["-o", "--report"])
def test_a_report_never_replaces_a_memo_being_checked(tmp_path: Path, option: str) -> None:
    memo = tmp_path / "memo.md"
    memo.write_bytes(SEED_MD.read_bytes())
    other_name = tmp_path / "alias.md"  # a hard link: the same file by another name
    os.link(memo, other_name)
    link = tmp_path / "link.json"
    link.symlink_to(memo)
    folder = tmp_path / "memos"
    folder.mkdir()
    inside = folder / "inner.md"
    inside.write_bytes(SEED_MD.read_bytes())
    for checked, target in [(memo, memo), (memo, other_name), (memo, link), (folder, inside)]:
        value = str(target) if option == "-o" else f"json:{target}"
        result = _check(str(checked), option, value)
        _one_line_error(result, "memo being checked")
        assert memo.read_bytes() == SEED_MD.read_bytes()
        assert inside.read_bytes() == SEED_MD.read_bytes()
    assert link.is_symlink()


def test_devices_fifos_and_links_are_written_to_not_replaced(tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_bytes(SEED.read_bytes())
    # Private stand-ins for /dev/null and /dev/stdout (a test run on a memo-lint without the
    # fix must not replace the machine's own).
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        null = Path(os.devnull)
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    for device in (null, stdout):
        before = os.stat(device, follow_symlinks=False)
        result = _check(str(memo), "-o", str(device), "--report", f"sarif:{device}")
        assert result.exit_code == 0, result.output
        after = os.stat(device, follow_symlinks=False)
        assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode)
        assert after.st_ino == before.st_ino
    assert stat.S_ISCHR(null.stat().st_mode)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = _check(str(memo), "--format", "json", "-o", str(fifo))
    reader.join(30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(received[0])["violations"] == []
    target = tmp_path / "reports" / "real.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = _check(str(memo), "--format", "json", "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and json.loads(target.read_text())["violations"] == []
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere" / "x.json")
    _one_line_error(_check(str(memo), "-o", str(dangling)), "does not exist")
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_written_files_honour_the_umask(tmp_path: Path, umask: int) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_bytes(SEED.read_bytes())
    previous = os.umask(umask)
    try:
        result = _check(
            str(memo), "-o", str(tmp_path / "out.txt"), "--report", f"sarif:{tmp_path / 's.sarif'}"
        )
        assert result.exit_code == 0, result.output
        init = CliRunner().invoke(main, ["init", str(tmp_path / "repo")])
        assert init.exit_code == 0, init.output
    finally:
        os.umask(previous)
    expected = 0o666 & ~umask
    for written in [
        tmp_path / "out.txt",
        tmp_path / "s.sarif",
        tmp_path / "repo" / ".memo-lint.toml",
        tmp_path / "repo" / ".pre-commit-config.yaml",
    ]:
        assert stat.S_IMODE(written.stat().st_mode) == expected, written
    existing = tmp_path / "out.txt"
    existing.chmod(0o600)
    assert _check(str(memo), "-o", str(existing)).exit_code == 0
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600  # an existing file keeps its mode


def test_output_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_bytes(SEED.read_bytes())
    _one_line_error(_check(str(memo), "--report", f"json:{tmp_path}"), "is a folder")
    full = tmp_path / "full"  # a private /dev/full: a disk that is always full
    try:
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        full = Path("/dev/full")
    _one_line_error(_check(str(memo), "--report", f"json:{full}"), "No space left")
    _one_line_error(_check(str(memo), "-o", str(full)), "No space left")
    (tmp_path / "file").write_text("x")
    _one_line_error(_check(str(memo), "-o", str(tmp_path / "file" / "out.json")), "cannot write")


def test_a_closed_stdout_is_one_line_and_exit_2(tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_bytes(SEED.read_bytes())
    process = subprocess.Popen(
        [sys.executable, "-m", "memo_lint", "check", "--no-cache", "--lang", "en", str(memo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader went away (`memo-lint check | head -0`)
    stderr = process.stderr.read().decode()
    assert process.wait(60) == 2
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines() == [
        "memo-lint: error: cannot write the report to standard output: Broken pipe; use -o FILE"
    ]


def _with_closed(streams: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """memo-lint started with standard streams closed (`>&-`, `2>&-`, `<&-`): Python gives
    them as None, not as a stream that fails."""
    command = 'exec "$0" -m memo_lint "$@" ' + streams
    return subprocess.run(
        ["sh", "-c", command, sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_closed_standard_streams_are_one_line_not_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text(SEED_MD.read_text("utf-8").replace("Het college besluit", "Het college"))
    check = ("check", "--no-cache", str(broken))  # no --format: chosen by isatty(stdout)
    closed_out = _with_closed(">&-", *check, cwd=tmp_path)
    assert (closed_out.returncode, closed_out.stderr) == (
        2,
        "memo-lint: fout: kan het rapport niet naar de standaarduitvoer schrijven: die is "
        "gesloten; gebruik -o BESTAND\n",
    )
    to_file = _with_closed(">&-", *check, "-o", str(tmp_path / "r.txt"), cwd=tmp_path)
    assert (to_file.returncode, to_file.stderr) == (1, "")
    assert "broken.md:" in (tmp_path / "r.txt").read_text("utf-8")
    closed_err = _with_closed("2>&-", *check, cwd=tmp_path)
    assert closed_err.returncode == 1
    assert "broken.md:" in closed_err.stdout
    closed_in = _with_closed("<&-", "check", "--no-cache", "-", cwd=tmp_path)
    assert closed_in.returncode == 2
    assert "de standaardinvoer is gesloten" in closed_in.stderr
    assert "Traceback" not in closed_in.stderr


@pytest.mark.parametrize("output_format", ["json", "sarif", "gitlab", "junit", "json-lines"])
def test_file_names_that_are_not_utf8_give_valid_reports(
    tmp_path: Path, output_format: str
) -> None:
    folder = tmp_path / "memos"
    folder.mkdir()
    name = os.fsdecode(b"memo-\xff\xfe.md")  # not UTF-8: a lone surrogate in Python
    (folder / name).write_text(
        SEED_MD.read_text("utf-8").replace("Het college besluit", "Het college"), "utf-8"
    )
    out = tmp_path / f"report.{output_format}"
    result = _check(str(folder), "--format", output_format, "-o", str(out))
    assert result.exit_code == 1, result.output
    text = out.read_bytes().decode("utf-8")  # valid UTF-8
    if output_format == "junit":
        ET.fromstring(text)
    elif output_format == "json-lines":
        assert all(json.loads(line) for line in text.splitlines())
    else:
        json.loads(text)
    shown = "memo-%5Cxff%5Cxfe.md" if output_format == "sarif" else "memo-\\xff\\xfe.md"
    assert shown in text.replace("\\\\", "\\")
