"""A report's rules checked and pack reference are worked out once per pack, selection and
template known (Linter._checked), and say what working them out for the memo alone says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import SEED_MD, SEED_TXT
from memo_lint.linter import Linter, LintOptions
from memo_lint.plan import FilePlan
from memo_lint.readers import read_source


def _plans(linter: Linter, memo: Path) -> list[FilePlan]:
    plan = linter.plan(memo, read_source(str(memo), memo.read_bytes()))
    unknown = plan.recognition.replace(template=None)
    return [
        plan,
        plan.replace(recognition=unknown),
        plan.replace(settings=plan.settings.replace(ignore=("ML1",))),
        plan.replace(settings=plan.settings.replace(select=("ML2", "ML3"))),
        plan.replace(settings=plan.settings.replace(select=("ML2",)), recognition=unknown),
    ]


def test_rules_checked_as_worked_out_for_each_memo_alone(tmp_path: Path) -> None:
    linter = Linter(LintOptions(today=dt.date(2026, 11, 29), use_cache=False))
    plans = []
    for seed in (SEED_TXT, SEED_MD):  # two packs: zwolle-beslisnota and collegevoorstel
        memo = tmp_path / seed.name
        memo.write_bytes(seed.read_bytes())
        plans += _plans(linter, memo)
    reports = [linter._file_report("memo", [], plan, []) for plan in plans * 2]
    for plan, report in zip(plans * 2, reports, strict=True):
        linter._checked.clear()
        alone = linter._file_report("memo", [], plan, [])
        assert (report.rules_checked, report.pack_ref) == (alone.rules_checked, alone.pack_ref)
    # Every plan checks other rules, so a key that missed any part of them would fail above.
    assert len({(tuple(r.rules_checked), r.pack_ref) for r in reports}) == len(plans)
