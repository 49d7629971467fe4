"""Recognition reads the default pack's kinds from the built-in index (Linter.kind_table), so
a memo of a template builds only its template's pack; the same kinds as the pack's own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from memo_lint import packs
from memo_lint.linter import Linter, LintOptions
from memo_lint.pack import Kinds, Pack

SEED = Path(__file__).resolve().parents[2] / "examples" / "zwolle-beslisnota-citydeal.txt"
TODAY = dt.date(2026, 11, 29)


def test_the_index_holds_the_default_packs_kinds_and_recognition() -> None:
    table = Linter(LintOptions()).kind_table()
    assert isinstance(table, Kinds)
    base = packs.load(packs.DEFAULT_PACK)
    assert table.kinds == base.kinds and list(table.kinds) == list(base.kinds)
    assert table.recognition == base.recognition


def test_a_template_memo_builds_only_its_templates_pack() -> None:
    linter = Linter(LintOptions(today=TODAY))
    report = linter.lint_file(SEED)
    assert report.pack == "zwolle-beslisnota"
    assert set(linter._packs) == {"zwolle-beslisnota"}


def test_a_loaded_default_pack_is_its_own_table() -> None:
    linter = Linter(LintOptions(pack=packs.DEFAULT_PACK, today=TODAY))
    assert linter.lint_file(SEED).pack == packs.DEFAULT_PACK
    assert linter.kind_table() is linter.pack(packs.DEFAULT_PACK)


def test_without_a_current_index_the_default_pack_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(packs, "_indexed", lambda name, digest: None)
    linter = Linter(LintOptions(today=TODAY))
    assert isinstance(linter.kind_table(), Pack)
    assert linter.lint_file(SEED).pack == "zwolle-beslisnota"
