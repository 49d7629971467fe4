"""The ``memo-lint`` command and ``python -m memo_lint``: the CLI, its start-up without the
garbage collector, and its end without tearing the interpreter down.

Importing the CLI makes ~24,000 objects the collector tracks (modules, classes, functions)
and frees almost none (a collection after it finds ~500), so the collections it triggers are
wasted; with the scan of them all at exit they cost ~3 % of a one-memo run. The collector is
off while the CLI is imported, and what the import made is frozen (:func:`gc.freeze`: never
scanned again, nor at exit; forked workers leave those pages shared). It is on again before
any memo is read, so a run over thousands of memos frees its garbage as before (peak memory
on 10,000 memos unchanged: bench/memory.py).

The command's process then ends as mypy's does: with ``os._exit`` once its output is flushed,
when no exit handler, worker process or other thread is left to wait for (tearing the
interpreter down freed every module and object one by one: ~6 % of a one-memo run);
otherwise as ``sys.exit`` does. The CLI as tests and applications call it is not changed.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn


def run() -> None:
    gc.disable()
    try:
        from memo_lint.cli import main
    finally:
        gc.freeze()
        gc.enable()
    main()


def command() -> NoReturn:
    """The console script: :func:`run`, then the end of the process. Its collector's first
    generation is 50,000 objects instead of 700 (as mypy's command sets it): building packs
    and reading a memo allocate tens of thousands that die young or live to the end, and the
    passes over them freed little (1,000 bench memos, ``--jobs 1``: CPU 4.1 -> 3.9 s, peak
    RSS 47.7 -> 48.3 MB; a one-memo run 5 M instructions fewer)."""
    gc.set_threshold(50_000, 10, 10)
    try:
        run()
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    _exit(code)


def _exit(code: object) -> NoReturn:
    if code is None:
        code = 0
    if not isinstance(code, int) or not _nothing_to_wait_for():
        raise SystemExit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # e.g. a closed pipe: let the interpreter report it, as it did
        raise SystemExit(code) from None
    os._exit(code)


def _nothing_to_wait_for() -> bool:
    import atexit

    handlers = getattr(atexit, "_ncallbacks", None)
    if handlers is None or handlers() or "multiprocessing" in sys.modules:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


if __name__ == "__main__":
    command()
