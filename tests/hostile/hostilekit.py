"""Helpers for the hostile-input tests: run the CLI in a child process and measure it.

A module of its own (not conftest) so the tests import it by a name no other folder uses.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RUNNER = Path(__file__).with_name("cli_runner.py")
# Bounds are generous on purpose: the machines running the tests are noisy. What they catch
# is a hang, a quadratic blow-up or a file read whole, each an order of magnitude above them.
# The time bound is the child's CPU time, which a busy machine does not inflate as it does the
# wall clock (2.2-2.8 s wall was seen at load 10 for checks that take 0.3 s of CPU).
MAX_SECONDS = 2.0
MAX_RSS = 300 * 1024 * 1024
HANG_SECONDS = 60.0  # the child is killed after this: a hang fails the test, never the run


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str
    seconds: float  # CPU time of the check alone, measured in the child with time.process_time
    peak_rss: int  # bytes, the child's peak (VmHWM; else os.wait4's ru_maxrss)
    wait4_rss: int  # bytes, os.wait4's ru_maxrss: an upper bound, it includes pytest's at fork
    # bytes, pytest's own peak when it started the child: Linux keeps the peak of the memory a
    # child exec'd from, so a wait4 figure up to this says nothing about the child
    parent_rss: int
    rss_before: int  # bytes, the child's peak before the check (imports, warm-up)
    exception: str | None  # an exception that escaped the CLI, if any

    @property
    def violations(self) -> list[dict[str, Any]]:
        report: dict[str, Any] = json.loads(self.stdout)
        return list(report["violations"])

    def codes(self) -> list[str]:
        return [v["code"] for v in self.violations]

    def assert_bounded(self, max_seconds: float = MAX_SECONDS, max_rss: int = MAX_RSS) -> None:
        assert self.exception is None, self.exception
        assert self.seconds < max_seconds, f"took {self.seconds:.2f} s"
        assert self.peak_rss < max_rss, f"peak RSS {self.peak_rss / 2**20:.0f} MiB"
        if self.wait4_rss > self.parent_rss:  # the child's (or its workers') own peak
            assert self.wait4_rss < max_rss, f"ru_maxrss {self.wait4_rss / 2**20:.0f} MiB"


def run_cli(
    args: list[str],
    cwd: Path,
    *,
    env: dict[str, str] | None = None,
    hang_seconds: float = HANG_SECONDS,
) -> Run:
    """``memo-lint ARGS`` in a fresh interpreter; killed (and failed) after HANG_SECONDS."""
    with tempfile.TemporaryDirectory() as scratch:
        result = Path(scratch) / "result.json"
        cache = str(Path(scratch) / "cache")
        child_env = {**os.environ, "MEMO_LINT_CACHE_DIR": cache, **(env or {})}
        log = (Path(scratch) / "log.txt").open("wb")
        parent_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        process = subprocess.Popen(
            [sys.executable, str(RUNNER), str(result), *args],
            cwd=cwd,
            env=child_env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
        log.close()
        deadline = time.monotonic() + hang_seconds
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.kill(process.pid, signal.SIGKILL)
                os.wait4(process.pid, 0)
                process.returncode = -9
                raise AssertionError(f"memo-lint {args} did not finish in {hang_seconds} s")
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output = (Path(scratch) / "log.txt").read_text("utf-8", "replace")
            raise AssertionError(f"the runner itself failed ({process.returncode}):\n{output}")
        data = json.loads(result.read_text("utf-8"))
    run = Run(
        exit_code=data["exit_code"],
        stdout=data["stdout"],
        stderr=data["stderr"],
        seconds=data["seconds"],
        peak_rss=data["rss_after"] or usage.ru_maxrss * 1024,
        wait4_rss=usage.ru_maxrss * 1024,
        parent_rss=parent_rss,
        rss_before=data["rss_before"],
        exception=data["exception"],
    )
    log = os.environ.get("MEMO_LINT_HOSTILE_LOG")  # measurements for SECURITY.md
    if log:
        with open(log, "a", encoding="utf-8") as stream:
            name = os.environ.get("PYTEST_CURRENT_TEST", "?").split(" ")[0]
            stream.write(f"{name}\t{run.seconds:.3f}s\t{run.peak_rss / 2**20:.0f}MiB\n")
    return run


def check_json(paths: list[str], cwd: Path, *extra: str, hang_seconds: float = HANG_SECONDS) -> Run:
    """``memo-lint check --no-cache --format json --lang en PATHS`` (messages in English)."""
    args = ["check", "--no-cache", "--format", "json", "--lang", "en", *extra, *paths]
    return run_cli(args, cwd, hang_seconds=hang_seconds)
