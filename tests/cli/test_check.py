"""`memo-lint check` through click's runner: exit codes, options, formats."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

REPO = Path(__file__).resolve().parents[2]
SEED_TXT = REPO / "examples" / "zwolle-beslisnota-citydeal.txt"
SEED_MD = REPO / "examples" / "zwolle-beslisnota-citydeal.md"
BROKEN = REPO / "examples" / "broken"


def test_seed_is_clean(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", str(SEED_TXT), str(SEED_MD), "--format", "concise")
    assert result.exit_code == 0, result.output
    assert "Geen problemen gevonden in 2 bestanden" in result.output


def test_broken_memo_exits_1_with_location(run) -> None:  # type: ignore[no-untyped-def]
    path = BROKEN / "ML301-no-publicity.txt"
    result = run("check", str(path), "--format", "concise")
    assert result.exit_code == 1
    assert f"{path}:16:1: ML301 [error] Openbaarheid is niet aangegeven" in result.output


def test_lang_en_switches_messages(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "check", str(BROKEN / "ML301-no-publicity.txt"), "--format", "concise", "--lang", "en"
    )
    assert "ML301 [error] Publicity is not marked: mark one of Openbaar, Geheim." in result.output
    assert "Found 2 errors in 1 file." in result.output


def test_select_and_ignore_by_prefix(run) -> None:  # type: ignore[no-untyped-def]
    path = str(BROKEN / "ML202-budget-change-without-details.md")
    only_ml2 = run("check", path, "--format", "concise", "--select", "ML2")
    assert {line.split()[1] for line in only_ml2.output.splitlines() if ": ML" in line} == {
        "ML202",
        "ML204",
    }
    without = run("check", path, "--format", "concise", "--ignore", "ML2,ML7")
    assert {line.split()[1] for line in without.output.splitlines() if ": ML" in line} == {"ML401"}


def test_fail_on_warning_and_info(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    memo = tmp_path / "memo.txt"
    text = SEED_TXT.read_text("utf-8").replace("Risico’s \n", "Risicos \n")  # typo: ML105 warning
    memo.write_text(text, "utf-8")
    relaxed = run("check", str(memo), "--format", "concise")
    assert relaxed.exit_code == 0 and "ML105 [warning]" in relaxed.output
    strict = run("check", str(memo), "--format", "concise", "--fail-on", "warning")
    assert strict.exit_code == 1


def test_json_report_validates_against_schema(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", str(BROKEN), str(SEED_TXT), "--format", "json")
    data = json.loads(result.output)
    schema = json.loads((REPO / "schemas" / "report.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert len(data["violations"]) >= 5
    first = data["violations"][0]
    assert {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "rule",
        "severity",
        "message",
    } <= set(first)


def test_directory_is_walked_and_explicit_file_always_checked(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "memos"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.md").write_text(SEED_MD.read_text("utf-8"), "utf-8")
    (folder / "notes.rst").write_text("not a memo", "utf-8")
    odd = tmp_path / "memo.memo"
    odd.write_text(SEED_TXT.read_text("utf-8"), "utf-8")
    result = run("check", str(folder), str(odd), "--format", "json")
    paths = [f["path"] for f in json.loads(result.output)["files"]]
    assert sorted(paths) == sorted([str(folder / "sub" / "a.md"), str(odd)])


def test_missing_path_is_usage_error(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", "does-not-exist.md", "--lang", "en")
    assert result.exit_code == 2
    assert "no such file or folder: does-not-exist.md" in result.output


def test_bad_today_is_usage_error(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", str(SEED_TXT), "--today", "1-4-2024", "--lang", "en")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_unknown_pack_is_exit_2(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", str(SEED_TXT), "--pack", "no-such-pack", "--lang", "en")
    assert result.exit_code == 2
    assert "unknown rule pack 'no-such-pack'" in result.output


def test_broken_pack_names_file_rule_and_path(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = tmp_path / "team.yaml"
    pack.write_text(
        "name: team\nextends: collegevoorstel\nrules:\n  - code: ML201\n    kind: field\n"
        "    options: {section: financiele-gevolgen, fields: [{name: x}]}\n",
        "utf-8",
    )
    result = run("check", str(SEED_TXT), "--pack", str(pack), "--lang", "en")
    assert result.exit_code == 2
    assert f"{pack}:6: rule ML201 ($.rules[0].options.fields[0])" in result.output


def test_unreadable_files_are_ml001_and_others_still_checked(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x00" * 100)
    corrupt = tmp_path / "memo.docx"
    corrupt.write_bytes(b"PK\x03\x04 truncated")
    result = run("check", str(binary), str(corrupt), str(SEED_TXT), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    codes = {(v["path"], v["code"]) for v in data["violations"]}
    assert codes == {(str(binary), "ML001"), (str(corrupt), "ML001")}
    assert len(data["files"]) == 3


def test_empty_file_and_letter_are_not_checked_unless_forced(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.md"
    empty.write_text("", "utf-8")
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "Beste Jan,\n\nDank voor je bericht. Tot volgende week!\n\nGroet, Piet\n", "utf-8"
    )
    result = run("check", str(empty), str(letter), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    for path in (empty, letter):
        codes = [v["code"] for v in data["violations"] if v["path"] == str(path)]
        assert codes == ["ML003"], codes
    assert {f["path"]: f["checked"] for f in data["files"]} == {
        str(empty): False,
        str(letter): False,
    }
    forced = run("check", str(empty), str(letter), "--pack", "collegevoorstel", "--format", "json")
    assert forced.exit_code == 1
    data = json.loads(forced.output)
    for path in (empty, letter):
        codes = [v["code"] for v in data["violations"] if v["path"] == str(path)]
        assert "ML101" in codes and "ML003" not in codes, codes


def test_stdin_with_filename(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "check",
        "-",
        "--stdin-filename",
        "memo.md",
        "--format",
        "concise",
        stdin=SEED_MD.read_text("utf-8").replace("- [x] Openbaar", "- [ ] Openbaar"),
    )
    assert result.exit_code == 1
    assert "memo.md:33:3: ML301" in result.output


def test_output_file_and_extra_report(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out" / "report.json"
    sarif = tmp_path / "out" / "report.sarif"
    result = run(
        "check",
        str(BROKEN),
        "--format",
        "json",
        "--output-file",
        str(out),
        "--report",
        f"sarif:{sarif}",
    )
    assert result.exit_code == 1
    assert result.output == ""
    assert json.loads(out.read_text("utf-8"))["violations"]
    assert json.loads(sarif.read_text("utf-8"))["version"] == "2.1.0"


def test_bad_report_option(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", str(SEED_TXT), "--report", "yaml:x.yaml")
    assert result.exit_code == 2


def test_statistics_and_quiet(run) -> None:  # type: ignore[no-untyped-def]
    stats = run("check", str(BROKEN), "--format", "concise", "--statistics")
    assert "ML301" in stats.output.split("\n\n")[-1] or "ML301" in stats.output
    quiet = run("check", str(BROKEN), "--format", "concise", "--quiet")
    assert all(": ML" in line for line in quiet.output.splitlines())


def test_linting_never_changes_the_memo(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    memo = tmp_path / "memo.md"
    memo.write_bytes(SEED_MD.read_bytes())
    before = memo.stat().st_mtime_ns, memo.read_bytes()
    run("check", str(memo), "--format", "json")
    assert (memo.stat().st_mtime_ns, memo.read_bytes()) == before


def test_cached_rerun_shows_the_same_full_report(run) -> None:  # type: ignore[no-untyped-def]
    """The cache keeps findings, not memo text: a cached full report reads the text again."""
    path = str(BROKEN / "ML301-no-publicity.txt")
    first = run("check", path, "--format", "full", "--color", "never")
    again = run("check", path, "--format", "full", "--color", "never")
    assert "16 | Openbaarheid" in first.output
    assert again.output == first.output


def test_limits_from_the_config(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    memo = tmp_path / "memo.md"
    memo.write_text(SEED_MD.read_text("utf-8"), "utf-8")
    (tmp_path / ".memo-lint.toml").write_text("[limits]\nmax-file-bytes = 1000\n", "utf-8")
    small = run("check", str(memo), "--format", "concise", "--lang", "en")
    assert "ML001 [error] The file cannot be read: file is" in small.output
    assert "above the limit of 1,000 bytes" in small.output
    (tmp_path / ".memo-lint.toml").write_text("[limits]\nmax-chars = 0\n", "utf-8")
    bad = run("check", str(memo), "--lang", "en")
    assert bad.exit_code == 2
    assert "key 'limits.max-chars'" in bad.output


def test_text_is_kept_only_where_a_report_shows_it() -> None:
    """Issue 15.5: the full report shows text around findings only, so a clean memo's text
    is not kept; the HTML report shows every memo's text, so there it is."""
    from memo_lint.api import LintOptions, lint_paths

    memos = [str(SEED_TXT), str(BROKEN / "ML301-no-publicity.txt")]
    full = lint_paths(memos, LintOptions(use_cache=False, keep_clean_text=False))
    html = lint_paths(memos, LintOptions(use_cache=False))
    assert [bool(f.violations) for f in full.files] == [False, True]
    assert [bool(f.lines) for f in full.files] == [False, True]
    assert all(f.lines for f in html.files)
    assert full.files[1].lines == html.files[1].lines
