"""One bad file costs one ML001, never the run: the other files are still checked and reported,
in one process and with ``--jobs 2``."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hostilekit import check_json

from memo_lint.api import LintOptions, lint_paths
from memo_lint.readers import text as text_reader

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "zwolle-beslisnota-citydeal.txt"
SEED_MD = ROOT / "examples" / "zwolle-beslisnota-citydeal.md"
SEED_DOCX = ROOT / "tests" / "fixtures" / "docx" / "seed.docx"


def _memos(folder: Path) -> tuple[list[Path], list[Path]]:
    """Good memos and genuinely broken ones, interleaved."""
    good = []
    for index in range(4):
        target = folder / f"good-{index}.txt"
        shutil.copy(SEED, target)
        good.append(target)
    shutil.copy(SEED_MD, folder / "good-4.md")
    good.append(folder / "good-4.md")
    broken = [folder / "broken-0.docx", folder / "broken-1.txt", folder / "broken-2.pdf"]
    data = SEED_DOCX.read_bytes()
    broken[0].write_bytes(data[: len(data) // 2])
    broken[1].write_bytes(b"Beslisnota\x00\x00")
    broken[2].write_bytes(b"%PDF-1.7\n garbage")
    return good, broken


def test_reader_crash_is_ml001_for_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug inside a reader (any exception) ends in ML001 'internal error' for that file."""
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / "cache"))
    good, _ = _memos(tmp_path)
    real_read = text_reader.read

    def crashing_read(path: str, data: bytes, limits: Any) -> Any:
        if path.endswith("good-2.txt"):
            raise ZeroDivisionError("boom")
        return real_read(path, data, limits)

    monkeypatch.setattr(text_reader, "read", crashing_read)
    options = LintOptions(use_cache=False, jobs=1, lang="en", today=dt.date(2023, 1, 1))
    report = lint_paths(good, options)
    assert [f.path for f in report.files] == [str(p) for p in good]
    for file in report.files:
        codes = [v.code for v in file.violations]
        if file.path.endswith("good-2.txt"):
            assert codes == ["ML001"]
            assert "internal error" in file.violations[0].message
            assert "ZeroDivisionError: boom" in file.violations[0].message
        else:
            assert codes == [], (file.path, codes)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_broken_files_among_good_ones(tmp_path: Path, jobs: str) -> None:
    good, broken = _memos(tmp_path)
    paths = sorted([*good, *broken])
    run = check_json([str(p) for p in paths], tmp_path, "--jobs", jobs, "--today", "2023-01-01")
    assert run.exit_code == 1
    report_files = [f["path"] for f in json.loads(run.stdout)["files"]]
    assert report_files == [str(p) for p in paths]  # every file, in input order
    by_path: dict[str, list[str]] = {str(p): [] for p in paths}
    for v in run.violations:
        by_path[str(v["path"])].append(str(v["code"]))
    for path in broken:
        assert by_path[str(path)] == ["ML001"], (path, by_path[str(path)])
    for path in good:
        assert by_path[str(path)] == [], (path, by_path[str(path)])
    run.assert_bounded(max_seconds=10.0)  # a process pool starting up on a noisy machine
