"""The ``memo-lint`` command and ``python -m memo_lint``: the CLI, its start-up without the
garbage collector.

Importing the CLI makes ~24,000 objects the collector tracks (modules, classes, functions)
and frees almost none (a collection after it finds ~500), so the collections it triggers are
wasted; with the scan of them all at exit they cost ~3 % of a one-memo run. The collector is
off while the CLI is imported, and what the import made is frozen (:func:`gc.freeze`: never
scanned again, nor at exit; forked workers leave those pages shared). It is on again before
any memo is read, so a run over thousands of memos frees its garbage as before (peak memory
on 10,000 memos unchanged: bench/memory.py).
"""

from __future__ import annotations

import gc


def run() -> None:
    gc.disable()
    try:
        from memo_lint.cli import main
    finally:
        gc.freeze()
        gc.enable()
    main()


if __name__ == "__main__":
    run()
