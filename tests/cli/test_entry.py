"""The command's process (memo_lint.__main__.run): it ends without tearing the interpreter
down only when nothing is left to wait for, and always with the CLI's exit code and output."""

from __future__ import annotations

import atexit
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import memo_lint.__main__ as entry
from helpers import seed_txt
from memo_lint.cli import main


class Ended(Exception):
    pass


@pytest.fixture
def ended(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    codes: list[int] = []

    def fake_exit(code: int) -> None:
        codes.append(code)
        raise Ended

    monkeypatch.setattr(entry.os, "_exit", fake_exit)
    monkeypatch.delitem(sys.modules, "multiprocessing", raising=False)
    # pytest's own exit handlers, and threads other tests leave (Dask's): none, as in the command
    monkeypatch.setattr(atexit, "_ncallbacks", lambda: 0)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    return codes


def test_nothing_to_wait_for_ends_the_process_at_once(ended: list[int]) -> None:
    with pytest.raises(Ended):
        entry._exit(1)
    with pytest.raises(Ended):
        entry._exit(None)
    assert ended == [1, 0]


def test_a_thread_workers_or_a_message_exit_as_sys_exit_does(
    ended: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    with pytest.raises(SystemExit) as stop:
        entry._exit(1)
    assert stop.value.code == 1
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setitem(sys.modules, "multiprocessing", sys)
    with pytest.raises(SystemExit):
        entry._exit(2)
    monkeypatch.delitem(sys.modules, "multiprocessing")
    monkeypatch.setattr(atexit, "_ncallbacks", lambda: 1)
    with pytest.raises(SystemExit):
        entry._exit(2)
    monkeypatch.setattr(atexit, "_ncallbacks", lambda: 0)
    with pytest.raises(SystemExit) as stop:
        entry._exit("memo-lint: a message")
    assert stop.value.code == "memo-lint: a message"
    assert ended == []


def test_the_command_prints_and_exits_as_the_cli_does(tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text(seed_txt().replace("Openbaar", "Onbekend"), "utf-8")
    out = tmp_path / "report.json"
    args = ["check", "--no-cache", "--today", "2026-11-29", str(memo)]
    for extra in ([], ["--format", "json", "-o", str(out)]):
        found = subprocess.run(
            [sys.executable, "-m", "memo_lint", *args, *extra], capture_output=True, text=True
        )
        expected = CliRunner().invoke(main, [*args, *extra])
        assert found.returncode == expected.exit_code == 1
        assert found.stdout == expected.stdout
    assert out.read_text("utf-8").startswith("{")
