"""``check --add-suppressions`` changes nothing but the comment lines it adds, byte for byte.

Encodings (UTF-8 with a stray byte, BOM, UTF-16 LE/BE), line ends (LF, CRLF, CR, mixed, none
at the end), existing HTML comments and code blocks, links, modes, read-only files and
``[limits]``; it is idempotent; formats that cannot carry comments keep their findings.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from memo_lint.api import LintOptions, add_suppressions, lint_paths
from memo_lint.cli import main

ROOT = Path(__file__).resolve().parents[2]
BROKEN_MD = ROOT / "examples" / "broken" / "ML202-budget-change-without-details.md"
BROKEN_TXT = ROOT / "examples" / "broken" / "ML301-no-publicity.txt"
COMMENT = re.compile(rb"^<!-- memo-lint-disable(-next-line)? [A-Z0-9 ]+ -->$")


def _baseline(*paths: Path, **options: object) -> int:
    """Run ``check --add-suppressions`` on paths; the exit code."""
    result = CliRunner().invoke(
        main,
        ["check", *map(str, paths), "--add-suppressions", "--no-cache", "--format", "concise"],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code


def _lines(data: bytes) -> tuple[bytes, str, list[str]]:
    """BOM, codec and the lines (each with its own line end) of a memo in any encoding the
    baseline keeps."""
    prefix, codec = b"", "latin-1"
    if data.startswith(b"\xef\xbb\xbf"):
        prefix = data[:3]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        prefix, codec = data[:2], "utf-16-le" if data[:1] == b"\xff" else "utf-16-be"
    text = data[len(prefix) :].decode(codec)
    return prefix, codec, re.split(r"(?<=\r\n)|(?<=\r)(?!\n)|(?<=\n)", text)


def _is_comment(line: str) -> bool:
    return bool(COMMENT.match(line.rstrip("\r\n").encode("latin-1", "replace")))


def _strip_comments(data: bytes) -> tuple[bytes, int]:
    """``data`` without the lines the baseline adds (any encoding it keeps), and their count."""
    prefix, codec, lines = _lines(data)
    kept = [line for line in lines if not _is_comment(line)]
    return prefix + "".join(kept).encode(codec), len(lines) - len(kept)


def _end(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def _assert_comments_take_the_line_end_below(data: bytes) -> None:
    """An added line ends as the line below it does (else as the line above)."""
    _, _, lines = _lines(data)
    for number, line in enumerate(lines):
        if _is_comment(line):
            below = next((x for x in lines[number + 1 :] if not _is_comment(x)), "")
            above = lines[number - 1] if number else ""
            assert _end(line) == (_end(below) or _end(above) or "\n"), (number, line)


def _assert_only_comments_added(before: bytes, after: bytes) -> None:
    original, removed = _strip_comments(after)
    assert removed > 0, "no comment was added"
    assert original == before
    _assert_comments_take_the_line_end_below(after)


def _variants() -> dict[str, bytes]:
    text = BROKEN_MD.read_text("utf-8")
    lf = text.encode("utf-8")
    mixed = b"".join(
        line + (b"\r\n", b"\n", b"\r")[n % 3]
        for n, line in enumerate(text.rstrip("\n").encode().split(b"\n"))
    )
    return {
        "lf": lf,
        "crlf": lf.replace(b"\n", b"\r\n"),
        "cr": lf.replace(b"\n", b"\r"),
        "mixed": mixed,
        "no-final-newline": lf.rstrip(b"\n"),
        "bom": b"\xef\xbb\xbf" + lf,
        "stray-byte": lf.replace("Financiële".encode(), b"Financi\xeble", 1),
        "utf-16-le": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf-16-be": b"\xfe\xff" + text.encode("utf-16-be"),
        "utf-16-crlf": b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"),
    }


@pytest.mark.parametrize("name", sorted(_variants()))
def test_only_comment_lines_are_added_and_a_second_run_adds_nothing(
    tmp_path: Path, name: str
) -> None:
    before = _variants()[name]
    memo = tmp_path / "memo.md"
    memo.write_bytes(before)
    _baseline(memo)
    after = memo.read_bytes()
    _assert_only_comments_added(before, after)
    if name == "stray-byte":
        assert b"Financi\xeble" in after  # kept as it was, never re-encoded
    assert _baseline(memo) == 0
    assert memo.read_bytes() == after


def test_comments_never_go_inside_html_comments_or_code_blocks(tmp_path: Path) -> None:
    text = BROKEN_MD.read_text("utf-8")
    # A violation (ML701 [invullen]) on a line that starts a block after a blank line, but
    # inside the author's HTML comment and inside a fenced code block.
    wrapped = text.replace(
        "\n[invullen]\n", "\n<!-- note of the author\n\n[invullen]\n\nend of note -->\n", 1
    )
    wrapped += "\n```\n\n[invullen]\n\n```\n"
    memo = tmp_path / "memo.md"
    memo.write_text(wrapped, "utf-8")
    _baseline(memo)
    after = memo.read_bytes()
    _assert_only_comments_added(wrapped.encode(), after)
    inside = after.split(b"<!-- note of the author")[1].split(b"end of note -->")[0]
    assert b"memo-lint" not in inside
    assert b"memo-lint" not in after.split(b"```")[1]
    assert _baseline(memo) == 0
    assert memo.read_bytes() == after


def test_other_formats_keep_their_findings_and_fail(tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_bytes(BROKEN_TXT.read_bytes())
    result = CliRunner().invoke(
        main, ["check", str(memo), "--add-suppressions", "--no-cache", "--format", "concise"]
    )
    assert result.exit_code == 1
    assert "only Markdown memos can carry suppression comments" in result.stderr
    assert "ML301" in result.stdout
    assert memo.read_bytes() == BROKEN_TXT.read_bytes()


def test_a_symlinked_memo_is_not_written_through(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(BROKEN_MD.read_bytes())
    link = tmp_path / "link.md"
    link.symlink_to(target)
    result = CliRunner().invoke(main, ["check", str(link), "--add-suppressions", "--no-cache"])
    assert result.exit_code == 1
    assert "symbolic link" in result.stderr
    assert link.is_symlink()
    assert target.read_bytes() == BROKEN_MD.read_bytes()


def test_a_read_only_memo_is_not_overwritten(tmp_path: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_bytes(BROKEN_MD.read_bytes())
    memo.chmod(0o444)
    result = CliRunner().invoke(main, ["check", str(memo), "--add-suppressions", "--no-cache"])
    assert result.exit_code == 1
    assert "read-only" in result.stderr
    assert memo.read_bytes() == BROKEN_MD.read_bytes()
    assert stat.S_IMODE(memo.stat().st_mode) == 0o444


def test_hard_links_and_mode_are_kept(tmp_path: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_bytes(BROKEN_MD.read_bytes())
    memo.chmod(0o640)
    other = tmp_path / "other-name.md"
    os.link(memo, other)
    inode = memo.stat().st_ino
    _baseline(memo)
    assert memo.stat().st_ino == inode
    assert other.read_bytes() == memo.read_bytes() != BROKEN_MD.read_bytes()
    assert stat.S_IMODE(memo.stat().st_mode) == 0o640
    single = tmp_path / "single.md"
    single.write_bytes(BROKEN_MD.read_bytes())
    single.chmod(0o604)
    _baseline(single)
    assert stat.S_IMODE(single.stat().st_mode) == 0o604
    assert single.read_bytes() != BROKEN_MD.read_bytes()


def test_limits_are_honoured(tmp_path: Path) -> None:
    memo = tmp_path / "memo.md"
    data = BROKEN_MD.read_bytes()
    memo.write_bytes(data)
    # Room for the memo, not for the comments it would get.
    (tmp_path / ".memo-lint.toml").write_text(f"[limits]\nmax-chars = {len(data) + 5}\n")
    result = CliRunner().invoke(main, ["check", str(memo), "--add-suppressions", "--no-cache"])
    assert result.exit_code == 1
    assert "would be unreadable" in result.stderr
    assert memo.read_bytes() == data
    (tmp_path / ".memo-lint.toml").write_text("[limits]\nmax-file-bytes = 100\n")
    result = CliRunner().invoke(main, ["check", str(memo), "--add-suppressions", "--no-cache"])
    assert result.exit_code == 1
    assert memo.read_bytes() == data


# ../shared next to the repository (or next to the worktrees' folder).
SHARED = next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT
)
CORPUS = SHARED / "corpus"
SEED = SHARED / "seed" / "zwolle-beslisnota-citydeal.txt"


def _corpus_texts() -> list[Path]:
    found = sorted((CORPUS / "real").glob("*.txt")) + sorted((CORPUS / "dev").rglob("*.txt"))
    return [p for p in [*found, SEED] if p.is_file()]


@pytest.mark.skipif(not _corpus_texts(), reason="the shared corpus is not here")
def test_corpus_round_trips_byte_for_byte(tmp_path: Path) -> None:
    """Every corpus text and the seed, as Markdown, in a rotation of encodings and line ends:
    removing the added lines gives the original bytes back, and a second run adds nothing."""
    transforms = [
        lambda b: b,
        lambda b: b.replace(b"\n", b"\r\n"),
        lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r"),
        lambda b: b"\xff\xfe" + b.decode("utf-8", "replace").encode("utf-16-le"),
        lambda b: b.rstrip(b"\n").replace(b"\n\n", b"\n\xff\n", 1),
    ]
    originals: dict[Path, bytes] = {}
    for index, text in enumerate(_corpus_texts()):
        memo = tmp_path / f"{index:03d}-{text.stem}.md"
        originals[memo] = transforms[index % len(transforms)](text.read_bytes())
        memo.write_bytes(originals[memo])
    options = LintOptions(use_cache=False, keep_text=False, jobs=1)
    first = add_suppressions(lint_paths([tmp_path], options), options)
    assert first.added, "the corpus has findings; some comments must have been added"
    assert not first.skipped
    for memo, before in originals.items():
        after = memo.read_bytes()
        if str(memo) in first.added:
            stripped, removed = _strip_comments(after)
            assert (stripped, removed) == (before, first.added[str(memo)]), memo.name
            _assert_comments_take_the_line_end_below(after)
        else:
            assert after == before, memo.name
    changed = {memo: memo.read_bytes() for memo in originals}
    fresh = lint_paths([tmp_path], options)
    second = add_suppressions(fresh, options)
    assert second.added == {}
    assert all(memo.read_bytes() == data for memo, data in changed.items())
    # What stays reported is what a fresh check reports.
    assert [(v.path, v.code, v.span) for v in second.report.violations] == [
        (v.path, v.code, v.span) for v in fresh.violations
    ]
