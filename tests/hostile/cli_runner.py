"""Run ``memo-lint`` in this process and report exit code, output, time and memory as JSON.

Started by :func:`hostilekit.run_cli` in a fresh interpreter. The check is timed on its own,
after the imports and a warm-up lint that loads the default pack and the text and Markdown
readers, so the time bound measures linting, not interpreter start-up. The peak RSS of the
whole process is read by the parent with ``os.wait4`` (an upper bound: it includes the parent's
mark at fork) and here from /proc (``rss_after``); ``rss_before`` (peak after warm-up) lets a
test see how much the hostile file itself cost.

Usage: python cli_runner.py RESULT_JSON ARGS...
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from memo_lint.cli import main


def _peak_rss() -> int:
    """Peak RSS of this process, in bytes.

    VmHWM from /proc where there is one: ru_maxrss also counts the high-water mark of the
    process that forked this one (Linux folds it in across exec), here pytest's own.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def run(result_path: Path, args: list[str]) -> None:
    runner = CliRunner()
    for name in ("warm-up.txt", "warm-up.md"):
        runner.invoke(main, ["check", "-", "--stdin-filename", name], input="# Beslisnota\n")
    rss_before = _peak_rss()
    # CPU time, not wall time: on a shared, loaded machine the wall clock measures the others
    started = time.process_time()
    result = runner.invoke(main, args)
    seconds = time.process_time() - started
    exception = result.exception
    escaped = None if exception is None or isinstance(exception, SystemExit) else repr(exception)
    result_path.write_text(
        json.dumps(
            {
                "exit_code": result.exit_code,
                "stdout": result.stdout,
                "stderr": result.stderr,
                "seconds": seconds,
                "rss_before": rss_before,
                "rss_after": _peak_rss(),
                "exception": escaped,
            }
        ),
        "utf-8",
    )


if __name__ == "__main__":
    run(Path(sys.argv[1]), sys.argv[2:])
