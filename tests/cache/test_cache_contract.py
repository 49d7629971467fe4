"""The cache contract (README "Cache", DESIGN.md): a cached result is only ever the result a
fresh run gives. One test per way it was broken (issue 10 points 1–5 and 11, issue 15.1)."""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any, NoReturn

import pytest
from click.testing import CliRunner, Result

import memo_lint.api as api
import memo_lint.cache as cache_module
import memo_lint.engine as engine
import memo_lint.linter as linter_module
import memo_lint.parallel as parallel
import memo_lint.readahead as readahead
from helpers import SEED_MD, edit
from memo_lint.api import Linter, LintOptions, lint_paths
from memo_lint.cache import MAX_AGE_DAYS, ResultCache, Store, read_bounded
from memo_lint.cli import main
from memo_lint.errors import PackError

TODAY = dt.date(2024, 3, 1)
CLEAN = SEED_MD.read_text("utf-8")
# Same length as CLEAN: a placeholder instead of "n.v.t." (ML701, an error).
BROKEN = edit(CLEAN, "\nn.v.t.\n", "\n[TODO]\n")  # ML701: a warning, so check fails on warnings
assert len(BROKEN.encode()) == len(CLEAN.encode())


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(folder))
    return folder


def check(*args: str) -> Result:
    return CliRunner().invoke(
        main, ["check", "--today", "2024-03-01", "--fail-on", "warning", *args]
    )


def codes(paths: list[Path], **options: Any) -> list[list[str]]:
    report = lint_paths(paths, LintOptions(today=TODAY, **options))
    return [[v.code for v in f.violations] for f in report.files]


def write_same_stat(path: Path, text: str) -> None:
    """Change the content but keep size and mtime: what a stat-keyed cache cannot see."""
    before = path.stat()
    path.write_text(text, "utf-8")
    assert path.stat().st_size == before.st_size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


# -- 10.1: a config added, removed or changed after a run -----------------------------------


def test_a_config_added_after_a_run_applies_at_once(tmp_path: Path, cache: Path) -> None:
    memo = tmp_path / "memos" / "sub" / "memo.md"
    memo.parent.mkdir(parents=True)
    memo.write_text(BROKEN, "utf-8")
    assert "ML701" in codes([memo])[0]
    (tmp_path / "memos" / ".memo-lint.toml").write_text('ignore = ["ML701"]\n', "utf-8")
    assert "ML701" not in codes([memo])[0]  # README flow: check → init → edit ignore → check
    nearer = memo.parent / ".memo-lint.toml"  # a nearer config replaces the farther one
    nearer.write_text("\n", "utf-8")
    assert "ML701" in codes([memo])[0]
    nearer.unlink()
    (memo.parent / "pyproject.toml").write_text('[tool.memo-lint]\nselect = ["ML5"]\n', "utf-8")
    assert codes([memo]) == [[]]
    (memo.parent / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    assert "ML701" not in codes([memo])[0]  # a pyproject without the table is no config


def test_a_types_glob_added_after_a_run_applies(tmp_path: Path, cache: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text(edit(CLEAN, "type: collegevoorstel\n", ""), "utf-8")
    first = lint_paths([memo], LintOptions(today=TODAY))
    (tmp_path / ".memo-lint.toml").write_text('[types]\n"*.md" = "informatienota"\n', "utf-8")
    again = lint_paths([memo], LintOptions(today=TODAY))
    assert first.files[0].pack != "informatienota"
    assert again.files[0].pack == "informatienota"


# -- 10.2: files placed in the cache folder change nothing -----------------------------------


def test_the_cache_is_not_in_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MEMO_LINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "memo.md").write_text(BROKEN, "utf-8")
    monkeypatch.chdir(repo)
    assert check("memo.md").exit_code == 1
    assert sorted(p.name for p in repo.iterdir()) == ["memo.md"]
    assert list((tmp_path / "home-cache" / "memo-lint" / "results").rglob("*.json"))


def _memos(folder: Path, texts: list[str]) -> list[Path]:
    """``memo-0.md``, ``memo-1.md``, ... in ``folder``, one a text."""
    memos = [folder / f"memo-{n}.md" for n in range(len(texts))]
    for memo, text in zip(memos, texts, strict=True):
        memo.write_text(text, "utf-8")
    return memos


def _forge(root: Path, key: bytes, store_key: Callable[[Store], None], mode: int = 0o644) -> None:
    """Entries an attacker computed with a key of their own, plus that key, committed."""
    forger = Store(root)
    forger._key = key
    store_key(forger)
    (root / "key").write_bytes(key)
    (root / "key").chmod(mode)  # what a checkout gives a file


# What git gives a committed file: 0666 or 0777 less the umask (022, 077, 002).
CHECKOUT_MODES = pytest.mark.parametrize("mode", [0o644, 0o600, 0o700, 0o664], ids=oct)


@CHECKOUT_MODES
def test_forged_results_and_key_committed_into_the_cache_folder_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    memo = repo / "memo.md"
    memo.write_text(BROKEN, "utf-8")
    root = repo / ".memo-lint-cache"  # MEMO_LINT_CACHE_DIR pointed into the repository
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(root))
    linter = Linter(LintOptions(today=TODAY))
    report, seen = linter.lint_checked(memo)
    assert seen is not None and report.violations
    passing = report.to_dict() | {"violations": []}
    options = LintOptions(today=TODAY)

    def forged_results(store: Store) -> None:
        api.ResultCache(store, api.run_key(options)).put(memo, str(memo), passing, seen)

    _forge(root, b"f" * 64, forged_results, mode)
    monkeypatch.setattr("memo_lint.parallel.HITS_THRESHOLD", 1)
    assert "ML701" in codes([memo], jobs=2)[0]  # looked up in a worker
    assert "ML701" in codes([memo])[0]
    assert (root / "key").read_bytes() != b"f" * 64  # replaced by a key of our own


@CHECKOUT_MODES
def test_a_forged_config_entry_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    import hashlib
    import tomllib

    from memo_lint import __version__

    root = tmp_path / "cache"
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(root))
    memo = tmp_path / "memo.md"
    memo.write_text(BROKEN, "utf-8")
    config = tmp_path / ".memo-lint.toml"
    config.write_text('fail-on = "error"\n', "utf-8")
    table = tomllib.loads(config.read_text("utf-8"))
    name = hashlib.sha256(__version__.encode() + repr(sorted(table.items())).encode()).hexdigest()
    _forge(root, b"e" * 64, lambda store: store.put("configs", name, {"ignore": ["ML7"]}), mode)
    assert "ML701" in codes([memo], use_cache=False)[0]
    assert "ML701" in codes([memo])[0]


def test_a_tampered_entry_is_a_miss(tmp_path: Path, cache: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text(BROKEN, "utf-8")
    assert "ML701" in codes([memo])[0]
    (entry,) = (cache / "results").rglob("*.json")
    tag, _, payload = entry.read_bytes().partition(b"\n")
    head, _, body = payload.partition(b"\n")  # the memo's digest, then the entry
    data = json.loads(body)
    data["report"]["violations"] = []
    entry.write_bytes(tag + b"\n" + head + b"\n" + json.dumps(data).encode())
    assert "ML701" in codes([memo])[0]


# -- 10.3: a shared cache folder, two repositories -------------------------------------------


def test_two_repositories_never_share_an_entry(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for repo, text in ((one, BROKEN), (two, CLEAN)):
        repo.mkdir()
        (repo / "memo.md").write_text(text, "utf-8")
    stat = (one / "memo.md").stat()
    os.utime(two / "memo.md", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    monkeypatch.chdir(one)
    assert check("memo.md").exit_code == 1
    monkeypatch.chdir(two)
    assert check("memo.md").exit_code == 0
    monkeypatch.chdir(one)
    assert check("memo.md").exit_code == 1
    # One entry each (named after the absolute path), not one that the two overwrite in turn.
    assert len(list((cache / "results").rglob("*.json"))) == 2


def test_a_pack_edited_after_a_run_applies_at_once_also_a_parent(
    tmp_path: Path, cache: Path
) -> None:
    """The pack chain is part of what a result depended on: an edit to the pack a memo is
    checked with, or to the pack it extends, is a miss."""
    memo = tmp_path / "memo.md"
    memo.write_text(BROKEN, "utf-8")
    parent = tmp_path / "parent.yaml"
    mine = tmp_path / "mine.yaml"
    keep = "  - {code: ML103, severity: warning}\n"
    parent.write_text("name: parent\nextends: collegevoorstel\nrules:\n" + keep, "utf-8")
    mine.write_text("name: mine\nextends: ./parent.yaml\nrules:\n" + keep, "utf-8")

    def cached_and_fresh() -> tuple[list[list[str]], list[list[str]]]:
        return codes([memo], pack=str(mine)), codes([memo], pack=str(mine), use_cache=False)

    assert cached_and_fresh() == ([["ML701"]], [["ML701"]])
    parent.write_text(
        "name: parent\nextends: collegevoorstel\nrules:\n  - {code: ML701, enabled: false}\n",
        "utf-8",
    )
    assert cached_and_fresh() == ([[]], [[]])
    mine.write_text(
        "name: mine\nextends: ./parent.yaml\nrules:\n  - {code: ML701, enabled: true}\n",
        "utf-8",
    )
    assert cached_and_fresh() == ([["ML701"]], [["ML701"]])


# -- 10.4: same size and mtime; an edit while a run is under way -----------------------------


def test_an_edit_with_the_same_size_and_mtime_is_seen(tmp_path: Path, cache: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text(CLEAN, "utf-8")
    assert codes([memo]) == [[]]
    write_same_stat(memo, BROKEN)
    assert "ML701" in codes([memo])[0]
    write_same_stat(memo, CLEAN)
    assert codes([memo]) == [[]]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_memo_edited_during_a_run_is_not_cached_with_old_findings(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    memos = _memos(tmp_path, [BROKEN] * 3)
    original, lookup = Linter.read, linter_module.read_bounded

    def edit_after(memo: Path) -> None:
        if memo.name == "memo-1.md" and memo.read_text("utf-8") == BROKEN:
            write_same_stat(memo, CLEAN)  # the author saves while memo-lint is linting

    def read_then_edit(self: Linter, memo: Path) -> bytes:
        data = original(self, memo)
        edit_after(memo)
        return data

    def look_up_then_edit(path: Path, *args: Any, **options: Any) -> Any:
        found = lookup(path, *args, **options)
        edit_after(Path(path))
        return found

    # The bytes linted are those the lookup read (a miss linted in this process) or, in a
    # worker, those of the lint's own read: the author saves right after that read.
    monkeypatch.setattr(Linter, "read", read_then_edit)  # forked workers inherit it
    if jobs == 1:
        monkeypatch.setattr(linter_module, "read_bounded", look_up_then_edit)
    first = codes(memos, jobs=jobs)
    assert "ML701" in first[1]  # the bytes it read were the old ones
    monkeypatch.setattr(Linter, "read", original)
    monkeypatch.setattr(linter_module, "read_bounded", lookup)
    again = codes(memos, jobs=jobs)
    assert "ML701" not in again[1]
    assert again == codes(memos, use_cache=False)


def test_a_file_name_that_is_not_utf8_is_cached_and_read_back(tmp_path: Path, cache: Path) -> None:
    memo = Path(os.fsdecode(bytes(tmp_path) + b"/memo-\xff.md"))
    memo.write_text(BROKEN, "utf-8")
    first = lint_paths([memo], LintOptions(today=TODAY))
    again = lint_paths([memo], LintOptions(today=TODAY))
    assert list((cache / "results").rglob("*.json"))
    assert [v.to_dict() for v in again.violations] == [v.to_dict() for v in first.violations]
    assert again.files[0].path == str(memo)


# -- 10.5: every report is the same from the cache -------------------------------------------


@pytest.mark.parametrize("output", ["html", "full", "json", "sarif", "junit", "gitlab"])
def test_reports_are_the_same_cached_and_uncached(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("clean.md").write_text(CLEAN, "utf-8")
    Path("broken.md").write_text(BROKEN, "utf-8")
    args = ("--format", output, "--color", "never", "clean.md", "broken.md")
    fresh = check("--no-cache", *args).output
    assert check(*args).output == fresh  # fills the cache
    assert check(*args).output == fresh  # from the cache
    assert list(cache.rglob("*.json"))


# -- reference date: stored in the entry -----------------------------------------------------


def test_an_undated_memo_is_linted_again_on_another_day(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    linted: list[str] = []
    original = engine.lint_source

    def counting(source: Any, pack: Any, settings: Any, *rest: Any) -> Any:
        linted.append(source.path)
        return original(source, pack, settings, *rest)

    monkeypatch.setattr(engine, "lint_source", counting)
    undated = tmp_path / "undated.md"
    undated.write_text(CLEAN, "utf-8")
    dated = tmp_path / "dated.md"
    dated.write_text(edit(CLEAN, "gemeente: Zwolle\n", "gemeente: Zwolle\ndatum: 2024-02-01\n"))
    for day in (TODAY, TODAY, TODAY + dt.timedelta(days=1)):
        lint_paths([undated, dated], LintOptions(today=day, jobs=1))
    assert linted.count(str(undated)) == 2
    assert linted.count(str(dated)) == 1


# -- 15.1: a run reads only the entries of the memos it checks --------------------------------


def test_a_run_reads_only_the_entries_it_needs(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memos = _memos(tmp_path, [CLEAN] * 5)
    codes(memos)
    reads: list[Path] = []

    def counting(path: str | Path, limit: int = 1 << 24) -> Any:
        reads.append(Path(path))
        return read_bounded(path, limit)

    monkeypatch.setattr("memo_lint.cache.read_bounded", counting)
    assert codes(memos[:1]) == [[]]
    assert len([p for p in reads if "results" in p.parts]) == 1
    before = {p: p.stat().st_mtime_ns for p in (cache / "results").rglob("*.json")}
    memos[0].write_text(BROKEN, "utf-8")
    codes(memos[:1])
    after = {p: p.stat().st_mtime_ns for p in (cache / "results").rglob("*.json")}
    assert len(after) == len(before)  # an edit replaces its memo's entry
    assert sum(after[p] != before[p] for p in before) == 1  # and writes nothing else


def test_a_one_memo_miss_reads_and_hashes_the_memo_once(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lookup's bytes and digest are what the lint uses (issue 15: a miss no slower than
    ``--no-cache``), and the entry it writes is a fresh run's result for those bytes."""
    memo = tmp_path / "memo.md"
    memo.write_text(CLEAN, "utf-8")
    assert codes([memo]) == [[]]
    memo.write_text(BROKEN, "utf-8")
    reads: list[str] = []
    lookup, original = linter_module.read_bounded, Linter.read

    def counting(path: Any, *args: Any, **options: Any) -> Any:
        reads.append(str(path))
        return lookup(path, *args, **options)

    def read(self: Linter, path: Path) -> bytes:
        reads.append(str(path))
        return original(self, path)

    monkeypatch.setattr(linter_module, "read_bounded", counting)
    monkeypatch.setattr(Linter, "read", read)
    assert "ML701" in codes([memo])[0]
    assert reads.count(str(memo)) == 1
    monkeypatch.undo()
    assert codes([memo]) == codes([memo], use_cache=False)


def test_an_entry_of_other_bytes_is_a_miss_before_its_tag_is_checked(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A result entry starts with the digest of the memo it holds: an edited memo's lookup
    reads no key and checks no tag (forged or not, the entry is a miss)."""
    memo = tmp_path / "memo.md"
    memo.write_text(CLEAN, "utf-8")
    codes([memo])
    write_same_stat(memo, BROKEN)
    keys: list[bool] = []
    secret = Store._secret

    def counting(self: Store, create: bool) -> bytes | None:
        keys.append(create)
        return secret(self, create)

    monkeypatch.setattr(Store, "_secret", counting)
    assert "ML701" in codes([memo])[0]
    assert keys == [True]  # only to write the new entry
    keys.clear()
    assert "ML701" in codes([memo])[0]  # a hit: its tag checked
    assert keys == [False]


def _fork_for_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child reads for lookups of two memos or more, whatever threads earlier tests left
    running (a Dask cluster's): the child only reads and hashes files."""
    monkeypatch.setattr("memo_lint.parallel.HITS_THRESHOLD", 2)
    monkeypatch.setattr("memo_lint.parallel._can_fork", lambda: True)


def test_no_child_is_forked_while_another_thread_runs() -> None:
    assert parallel._can_fork() == (threading.active_count() == 1)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not parallel._can_fork()
    finally:
        stop.set()
        thread.join()


def _wait_for_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process looks a memo up only once the child has read them all (a child ahead)."""
    take = readahead.Reader.take

    def after_the_child(self: readahead.Reader, index: int) -> Any:
        deadline = time.monotonic() + 60  # bounds a hang; the outcome does not depend on it
        while not self.ended and time.monotonic() < deadline:
            self._poll()
            time.sleep(0.01)
        return take(self, index)

    monkeypatch.setattr(readahead.Reader, "take", after_the_child)


def _never_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The child reads nothing until it is killed (a child that never gets there)."""
    parent, digest_of = os.getpid(), Linter.digest_of

    def stuck(self: Linter, memo: Path, limit: int) -> Any:
        if os.getpid() != parent:
            threading.Event().wait()
        return digest_of(self, memo, limit)

    monkeypatch.setattr(Linter, "digest_of", stuck)


@pytest.mark.parametrize("child", ["ahead", "never there"])
@pytest.mark.parametrize("text", ["none", "with findings"])
def test_many_hits_are_read_in_a_child_and_checked_here(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, text: str, child: str
) -> None:
    """With many memos and --jobs, a forked child reads and hashes the memos ahead of this
    process, which checks their entries from its digests and reads what the child has not
    (issue 15): an edit that keeps size and mtime is still a miss, a report that shows text
    has the text of bytes with the digest checked, and the results are a fresh run's."""
    memos = _memos(tmp_path, [BROKEN if n % 2 else CLEAN for n in range(6)])
    keep = {"keep_text": text != "none", "keep_clean_text": False}
    codes(memos, **keep)  # fills the cache
    write_same_stat(memos[4], BROKEN)
    fresh = lint_paths(memos, LintOptions(today=TODAY, use_cache=False, **keep)).files
    if child == "ahead":
        _wait_for_the_child(monkeypatch)
    else:
        _never_reading(monkeypatch)
    log = tmp_path / "read-by"
    digest_of = Linter.digest_of

    def logged(self: Linter, memo: Path, limit: int) -> Any:
        found = digest_of(self, memo, limit)
        with log.open("a") as out:
            out.write(f"{os.getpid()} {memo.name}\n")
        return found

    monkeypatch.setattr(Linter, "digest_of", logged)
    _fork_for_lookups(monkeypatch)
    linted = _counting_lints(monkeypatch)
    report = lint_paths(memos, LintOptions(today=TODAY, jobs=2, **keep))
    assert [f.to_dict() for f in report.files] == [f.to_dict() for f in fresh]
    assert "ML701" in [v.code for v in report.files[4].violations]
    assert linted == [str(memos[4])]
    read_by = [line.split() for line in log.read_text().splitlines()]
    here = [name for pid, name in read_by if pid == str(os.getpid())]
    elsewhere = [name for pid, name in read_by if pid != str(os.getpid())]
    if child == "ahead":
        assert elsewhere == [memo.name for memo in memos]
        # Read again here: each hit with findings whose text the report shows.
        again = [m.name for n, m in enumerate(memos) if n % 2 and n != 4]
        assert here == (again if text != "none" else [])
    else:
        assert (here, elsewhere) == ([memo.name for memo in memos], [])


def test_the_child_s_records_are_each_memo_s_digest_and_file(tmp_path: Path) -> None:
    memos = _memos(tmp_path, [CLEAN + "x" * n for n in range(20)])
    memos[7].unlink()  # unreadable: no record, this process reads it (and says so)
    linter = Linter(LintOptions(today=TODAY))
    with readahead.Reader(linter, memos, set()) as child:
        deadline = time.monotonic() + 60  # bounds a hang; the outcome does not depend on it
        while not child.ended and time.monotonic() < deadline:
            child._poll()
            time.sleep(0.01)
        taken = [child.take(index) for index in range(len(memos))]
    for memo, read in zip(memos, taken, strict=True):
        found = linter.digest_of(memo, 1 << 20) if memo.exists() else None
        assert read == (None if found is None else (found[1], found[2]))


def test_a_child_that_ends_early_leaves_its_memos_to_this_process(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memos = _memos(tmp_path, [BROKEN if n % 2 else CLEAN for n in range(6)])
    fresh = codes(memos, use_cache=False)
    codes(memos)  # fills the cache
    write_same_stat(memos[4], CLEAN)

    def silent(*args: Any) -> NoReturn:
        os._exit(0)  # no record, no announcement: as a child killed at once

    monkeypatch.setattr(readahead, "_read_in_child", silent)
    _fork_for_lookups(monkeypatch)
    linted = _counting_lints(monkeypatch)
    fresh[4] = codes([memos[4]], use_cache=False)[0]
    assert codes(memos, jobs=2, keep_clean_text=False) == fresh
    assert linted == [str(memos[4])]


def test_a_lookup_stopped_early_ends_its_child(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memos = _memos(tmp_path, [CLEAN] * 40)
    codes(memos)  # fills the cache
    children: list[int] = []
    original = readahead.Reader.__init__

    def recording(self: readahead.Reader, *args: Any) -> None:
        original(self, *args)
        children.append(self.pid)

    monkeypatch.setattr(readahead.Reader, "__init__", recording)
    _fork_for_lookups(monkeypatch)
    options = LintOptions(today=TODAY, jobs=2, keep_clean_text=False)
    linter = Linter(options, Store(cache))
    results = ResultCache(Store(cache), api.run_key(options, linter.builtin_chains()))
    with closing(parallel.stored_many(linter, results, memos)) as found:
        assert next(found) is not None  # a hit of this process's share; then stopped
    assert len(children) == 1
    with pytest.raises(ChildProcessError):  # killed and waited for: no process left
        os.waitpid(children[0], os.WNOHANG)


def test_a_built_in_pack_that_cannot_be_read_costs_the_cache_not_the_run(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run key names every built-in pack by content; a run that does not use a damaged
    one (a forced pack) gives its fresh result, as with --no-cache, rather than an error."""
    memo = tmp_path / "memo.md"
    memo.write_text(BROKEN, "utf-8")

    def damaged(self: Linter) -> Any:
        raise PackError("damaged")

    monkeypatch.setattr(Linter, "builtin_chains", damaged)
    forced = {"pack": "collegevoorstel"}
    assert codes([memo], **forced) == codes([memo], use_cache=False, **forced)
    assert "ML701" in codes([memo], **forced)[0]


# -- 15.1: folder entries (one file for a folder's memos) ------------------------------------


def _folder_of(cache: Path, memos: list[Path]) -> tuple[Path, Store]:
    """The folder entry of these memos' folder (the one entry whose name is no memo's)."""
    results = ResultCache(Store(cache), api.run_key(LintOptions(today=TODAY)))
    own = {results._name(memo, str(memo)) for memo in memos}
    (entry,) = [p for p in (cache / "results").rglob("*.json") if p.stem not in own]
    return entry, results.store


def _counting_lints(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    linted: list[str] = []
    original = engine.lint_source

    def counting(source: Any, *rest: Any) -> Any:
        linted.append(source.path)
        return original(source, *rest)

    monkeypatch.setattr(engine, "lint_source", counting)
    return linted


def test_a_folder_entry_with_one_memo_changed_is_a_miss_for_that_memo_only(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("memo_lint.cache.BATCH_MIN", 3)
    memos = _memos(tmp_path, [BROKEN if n % 2 else CLEAN for n in range(5)])
    fresh = codes(memos, use_cache=False)
    assert codes(memos) == fresh  # fills the memos' entries and the folder's
    entry, _ = _folder_of(cache, memos)
    reads: list[Path] = []

    def counting(path: str | Path, limit: int = 1 << 24) -> Any:
        reads.append(Path(path))
        return read_bounded(path, limit)

    monkeypatch.setattr("memo_lint.cache.read_bounded", counting)
    linted = _counting_lints(monkeypatch)
    assert codes(memos) == fresh
    assert (linted, [p for p in reads if "results" in p.parts]) == ([], [entry])
    write_same_stat(memos[2], BROKEN)
    edited = codes(memos, use_cache=False)
    reads.clear()
    linted.clear()
    assert codes(memos) == edited
    assert linted == [str(memos[2])]
    assert len([p for p in reads if "results" in p.parts]) == 2  # the folder's, memo-2's own
    linted.clear()
    assert codes(memos) == edited
    assert linted == []  # the folder entry now holds memo-2's new result
    assert codes(memos[:2]) == fresh[:2]  # fewer memos than BATCH_MIN: their own entries


def test_a_forged_folder_entry_is_a_miss_for_all_its_memos(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("memo_lint.cache.BATCH_MIN", 2)
    memos = _memos(tmp_path, [BROKEN] * 3)
    fresh = codes(memos, use_cache=False)
    assert "ML701" in fresh[0]
    codes(memos)
    entry, _ = _folder_of(cache, memos)
    tag, _, payload = entry.read_bytes().partition(b"\n")
    data = json.loads(payload)
    for record in data["memos"].values():
        record[2] = []  # no findings
    forged = tag + b"\n" + json.dumps(data).encode()
    entry.write_bytes(forged)
    linted = _counting_lints(monkeypatch)
    monkeypatch.setattr("memo_lint.parallel.HITS_THRESHOLD", 1)
    assert codes(memos, jobs=2) == fresh  # each memo from its own entry, some in a worker
    assert linted == []
    assert entry.read_bytes() != forged  # written again from the memos' entries
    assert codes(memos) == fresh
    # A folder entry under a key of someone else's: the same.
    forger = Store(cache)
    forger._key = b"f" * 64
    forger.put("results", entry.stem, data)
    assert codes(memos) == fresh and linted == []


def _check_and_edit(root: str, cache: str, seed: int) -> None:
    """One of several runs at once: edit a memo, check the folder, again."""
    os.environ["MEMO_LINT_CACHE_DIR"] = cache
    memos = sorted(Path(root).glob("*.md"))
    for round in range(3):
        memos[(seed + round) % len(memos)].write_text(BROKEN if round % 2 else CLEAN, "utf-8")
        lint_paths([root], LintOptions(today=TODAY, jobs=1))


def test_concurrent_runs_never_corrupt_a_folder_entry(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    monkeypatch.setattr("memo_lint.cache.BATCH_MIN", 2)
    root = tmp_path / "memos"
    root.mkdir()
    memos = [root / f"memo-{n}.md" for n in range(6)]
    for memo in memos:
        memo.write_text(CLEAN, "utf-8")
    context = multiprocessing.get_context("fork")  # the children keep BATCH_MIN patched
    runs = [
        context.Process(target=_check_and_edit, args=(str(root), str(cache), seed))
        for seed in range(4)
    ]
    for run in runs:
        run.start()
    for run in runs:
        run.join(120)
        assert run.exitcode == 0
    entry, store = _folder_of(cache, memos)
    assert isinstance(store.get("results", entry.stem), dict)  # whole and ours
    assert codes([root]) == codes([root], use_cache=False)
    assert codes([root]) == codes([root], use_cache=False)


# -- CI, clean, bounded ----------------------------------------------------------------------


def test_with_ci_set_the_cache_is_off_unless_asked_for(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.chdir(tmp_path)
    Path("memo.md").write_text(CLEAN, "utf-8")
    assert check("memo.md").exit_code == 0
    assert not cache.exists()
    assert check("--cache", "memo.md").exit_code == 0
    assert list((cache / "results").rglob("*.json"))


def test_clean_removes_the_cache_and_nothing_else(tmp_path: Path, cache: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text(CLEAN, "utf-8")
    codes([memo])
    (cache / "mine.txt").write_text("not memo-lint's", "utf-8")
    result = CliRunner().invoke(main, ["clean"])
    assert result.exit_code == 0
    assert sorted(p.name for p in cache.iterdir()) == ["mine.txt"]
    (cache / "mine.txt").unlink()
    codes([memo])
    CliRunner().invoke(main, ["clean"])
    assert not cache.exists()


def test_entries_unused_for_a_month_go(tmp_path: Path, cache: Path) -> None:
    memos = [tmp_path / "old.md", tmp_path / "new.md"]
    for memo in memos:
        memo.write_text(CLEAN, "utf-8")
    codes(memos)
    entries = sorted((cache / "results").rglob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    month_ago = (dt.datetime.now() - dt.timedelta(days=MAX_AGE_DAYS + 1)).timestamp()
    os.utime(entries[0], (month_ago, month_ago))
    (cache / "pruned").unlink()
    assert Store(cache).prune() == 1
    assert Store(cache).prune() == 0  # at most once a day
    assert [p for p in entries if p.exists()] == entries[1:]


def test_an_entry_gone_while_pruning_is_passed_over(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another run renames its temporary file into place, or prunes, between this prune's
    listing and its look at a file: no error (four runs at once met it)."""
    memo = tmp_path / "memo.md"
    memo.write_text(CLEAN, "utf-8")
    codes([memo])
    listing = cache_module._files

    def listed_then_gone(folder: Any) -> Any:
        entries = listing(folder)
        for entry in entries:
            os.unlink(entry.path)
        return entries

    monkeypatch.setattr(cache_module, "_files", listed_then_gone)
    (cache / "pruned").unlink()
    assert Store(cache).prune() == 0


# -- 10.11: links in the cache folder --------------------------------------------------------


def test_a_dangling_gitignore_link_creates_nothing_outside(tmp_path: Path, cache: Path) -> None:
    cache.mkdir()
    outside = tmp_path / "outside.txt"
    (cache / ".gitignore").symlink_to(outside)
    memo = tmp_path / "memo.md"
    memo.write_text(BROKEN, "utf-8")
    assert "ML701" in codes([memo])[0]
    assert not outside.exists()
    assert (cache / ".gitignore").is_symlink()


def test_an_entry_linked_to_dev_zero_is_not_read(tmp_path: Path, cache: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text(BROKEN, "utf-8")
    codes([memo])
    (entry,) = (cache / "results").rglob("*.json")
    entry.unlink()
    entry.symlink_to("/dev/zero")
    assert "ML701" in codes([memo])[0]
    assert read_bounded(Path("/dev/zero")) is None  # not a regular file
    big = tmp_path / "big"
    big.write_bytes(b"x" * 2000)
    assert read_bounded(big, 1000) is None


def test_a_results_folder_linked_elsewhere_is_not_used(tmp_path: Path, cache: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text(BROKEN, "utf-8")
    codes([memo])
    elsewhere = tmp_path / "elsewhere"
    (cache / "results").rename(elsewhere)
    (cache / "results").symlink_to(elsewhere)
    before = {p: p.read_bytes() for p in elsewhere.rglob("*.json")}
    assert "ML701" in codes([memo])[0]
    assert {p: p.read_bytes() for p in elsewhere.rglob("*.json")} == before
