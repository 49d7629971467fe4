"""A report never replaces a memo being checked (writes.Protected): the destination is compared
with each memo as the file it was when read (its fstat: no stat of every memo again), any memo
not read by this process as it is now, and a memo replaced since its read under its name."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import SEED_MD
from memo_lint.api import LintOptions, lint_paths
from memo_lint.writes import Protected, WriteError, check_destination

TODAY = dt.date(2024, 3, 1)
MEMOS = ["one.md", "sub/two.md", "sub/three.txt"]
# What a destination may be: a memo, a hard link or symlink to one (by its own or another
# name, in the walked tree or beside it), a link to a link, a file that is no memo.
KINDS = ["memo", "hard link", "symlink", "symlink to symlink", "other file", "missing"]


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _run(root: Path, use_cache: bool, jobs: int) -> tuple[list[str], dict[str, tuple[int, int]]]:
    report = lint_paths([root], LintOptions(today=TODAY, use_cache=use_cache, jobs=jobs))
    return [f.path for f in report.files], report.read


destinations = st.lists(
    st.tuples(st.sampled_from(KINDS), st.sampled_from(range(len(MEMOS))), st.booleans()),
    min_size=1,
    max_size=6,
)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(made=destinations, use_cache=st.booleans(), twice=st.booleans())
def test_a_destination_is_refused_exactly_when_it_is_a_memo(
    made: list[tuple[str, int, bool]],
    use_cache: bool,
    twice: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(base / "cache"))
        root = base / "memos"
        (root / "sub").mkdir(parents=True)
        for memo in MEMOS:
            (root / memo).write_bytes(SEED_MD.read_bytes())
        (base / "outside").mkdir()
        candidates: list[Path] = []
        for number, (kind, which, inside) in enumerate(made):
            memo = root / MEMOS[which]
            place = (root / "sub" if inside else base / "outside") / f"d{number}.json"
            if kind == "memo":
                place = memo
            elif kind == "hard link":
                os.link(memo, place)
            elif kind == "symlink":
                place.symlink_to(memo)
            elif kind == "symlink to symlink":
                middle = place.with_suffix(".link")
                middle.symlink_to(memo)
                place.symlink_to(middle)
            elif kind == "other file":
                place.write_text("{}", "utf-8")
            candidates.append(place)
        if twice:  # the second run's hits come from the cache (when it is on)
            _run(root, use_cache, 1)
        paths, read = _run(root, use_cache, 1)
        protected = Protected(paths, read)
        memos = {_identity(Path(path)) for path in paths}
        for place in candidates:
            expected = _identity(place) in memos
            assert protected.holds(place) == expected, (place, made)


def test_memos_read_by_this_process_are_not_looked_up_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / "cache"))
    for number in range(3):
        (tmp_path / f"memo{number}.md").write_bytes(SEED_MD.read_bytes())
    looked_up: list[str] = []
    real_stat = os.stat

    def counting(path: str, *args: object, **kwargs: object) -> os.stat_result:
        looked_up.append(str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    for use_cache in (True, True, False):  # the lint, the cached re-run, --no-cache
        report = lint_paths([tmp_path], LintOptions(today=TODAY, use_cache=use_cache))
        assert sorted(report.read) == sorted(f.path for f in report.files)
        monkeypatch.setattr(os, "stat", counting)
        protected = Protected((f.path for f in report.files), report.read)
        monkeypatch.setattr(os, "stat", real_stat)
        assert looked_up == []
        assert protected.identities == {_identity(Path(f.path)) for f in report.files}
    # A memo this process did not read (a worker linted it) is looked up now.
    assert Protected([str(tmp_path / "memo0.md")], {}).identities == {
        _identity(tmp_path / "memo0.md")
    }


def test_a_memo_replaced_after_it_was_read_stays_protected(tmp_path: Path) -> None:
    memo = tmp_path / "memos" / "memo.md"
    memo.parent.mkdir()
    memo.write_bytes(SEED_MD.read_bytes())
    alias = tmp_path / "alias.md"
    os.link(memo, alias)  # the file that was checked, by another name
    link = tmp_path / "link.json"
    link.symlink_to(memo)
    report = lint_paths([memo.parent], LintOptions(today=TODAY, use_cache=False))
    # An editor saves the memo while the run goes on: a new file renamed over it.
    fresh = memo.with_name("memo.md.new")
    fresh.write_bytes(SEED_MD.read_bytes() + b"\nEdited.\n")
    fresh.replace(memo)
    protected = Protected((f.path for f in report.files), report.read)
    for destination in (memo, alias, link):
        with pytest.raises(WriteError):
            check_destination(destination, protected)
    other = tmp_path / "report.json"
    other.write_text("{}", "utf-8")
    check_destination(other, protected)  # no memo: not refused


def test_a_hard_link_made_to_a_replaced_memo_during_the_run_is_refused(tmp_path: Path) -> None:
    memo = tmp_path / "memos" / "memo.md"
    memo.parent.mkdir()
    memo.write_bytes(SEED_MD.read_bytes())
    other = tmp_path / "other.json"  # made first: it cannot take the replaced memo's inode
    other.write_text("{}", "utf-8")
    os.link(other, tmp_path / "other-too.json")
    report = lint_paths([memo.parent], LintOptions(today=TODAY, use_cache=False))
    fresh = memo.with_name("memo.md.new")
    fresh.write_bytes(SEED_MD.read_bytes() + b"\nEdited.\n")
    fresh.replace(memo)  # saved while the run went on: a new file under the memo's name
    destination = tmp_path / "report.json"
    os.link(memo, destination)  # ... and another name for it, made meanwhile
    protected = Protected((f.path for f in report.files), report.read)
    with pytest.raises(WriteError):
        check_destination(destination, protected)
    check_destination(other, protected)  # two names, neither a memo: not refused
