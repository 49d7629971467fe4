"""Memo text on disk between the run and the reporters (issue 15)."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from pathlib import Path

from memo_lint.api import LintOptions, _Keeper, lint_paths
from memo_lint.report import FileReport
from memo_lint.spool import Spool, SpooledLines

LINES = ["# Nota", "", "Financiën: €9.000", "\udcff lone surrogate", "\tform\x0cfeed"]


def test_lines_round_trip_through_the_spool() -> None:
    spool = Spool()
    first = spool.keep(LINES)
    second = spool.keep(["tweede", "nota"])
    assert isinstance(first, SpooledLines) and isinstance(second, SpooledLines)
    assert len(first) == 5 and first == LINES and first == LINES
    assert list(second) == ["tweede", "nota"] and second[-1] == "nota"
    assert first[2] == "Financiën: €9.000" and first[1:3] == ["", "Financiën: €9.000"]
    assert first != ["anders"] and first != "tekst"
    assert spool.keep([]) == [] and not isinstance(spool.keep([]), SpooledLines)
    assert spool.keep(first) is first


def test_spooled_lines_pickle_and_copy_as_the_list() -> None:
    spooled = Spool().keep(LINES)
    assert pickle.loads(pickle.dumps(spooled)) == LINES
    assert type(copy.deepcopy(spooled)) is list


def test_a_run_keeps_memo_text_on_disk_and_rules_once(tmp_path: Path) -> None:
    seed = Path(__file__).parents[1] / "examples" / "zwolle-beslisnota-citydeal.txt"
    text = seed.read_text("utf-8")
    for index in range(3):
        (tmp_path / f"memo-{index}.txt").write_text(text.replace("Financiën", "Finacien"), "utf-8")
    options = LintOptions(today=dt.date(2026, 11, 29), use_cache=False, keep_clean_text=False)
    report = lint_paths([tmp_path], options)
    assert all(file.violations for file in report.files)
    for file in report.files:
        assert isinstance(file.lines, SpooledLines)
        assert list(file.lines) == text.replace("Financiën", "Finacien").splitlines()
    first, *others = report.files
    assert first.rules_checked and all(f.rules_checked is first.rules_checked for f in others)


def test_rules_checked_are_kept_once_shared_or_not() -> None:
    """Hits of one folder entry's shape share a list; a worker's or a fresh lint's is a new
    list with the same codes: each report ends up with the one list kept for its codes."""
    keep = _Keeper()
    shared = ["ML101", "ML102"]
    reports = [
        keep(FileReport(name, [], "pack", rules_checked=codes))
        for name, codes in [("a", shared), ("b", shared), ("c", list(shared)), ("d", ["ML1"])]
    ]
    assert reports[0].rules_checked is reports[1].rules_checked is reports[2].rules_checked
    assert reports[3].rules_checked == ["ML1"]
    assert keep(FileReport("e", [], "pack", rules_checked=["ML1"])).rules_checked is (
        reports[3].rules_checked
    )
