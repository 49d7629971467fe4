"""``check --add-suppressions``: suppression comments for every current violation of the
Markdown memos of a report (a baseline), written only when they cover what they should."""

from __future__ import annotations

from pathlib import Path

from memo_lint.errors import UnreadableFile
from memo_lint.linter import Linter, LintOptions
from memo_lint.model import Record
from memo_lint.report import FileReport, LintReport

MARKDOWN_SUFFIXES = (".md", ".markdown")


class Baseline(Record):
    """What ``add_suppressions`` did: comments added per file, files it left alone and why,
    and the report a fresh ``check`` now gives (what is still not suppressed)."""

    added: dict[str, int]
    skipped: dict[str, str]
    report: LintReport


def add_suppressions(report: LintReport, options: LintOptions | None = None) -> Baseline:
    """Baseline: suppress every current violation in the Markdown memos of a report.

    Only Markdown can carry suppression comments: other formats are never modified and their
    findings stay in the returned report, as do findings no comment can cover (ML001, front
    matter). Each memo is read again within its ``[limits]``, its comments are checked by
    linting the result, and it is written only if its bytes are still those (see
    :func:`memo_lint.writes.rewrite_memo`); nothing but the added comment lines changes.
    """
    linter = Linter(options or LintOptions())
    added: dict[str, int] = {}
    skipped: dict[str, str] = {}
    files: list[FileReport] = []
    rechecked: list[FileReport] = []
    for file in report.files:
        suppressible = [v for v in file.violations if v.code != "ML001"]
        if suppressible and Path(file.path).suffix.lower() not in MARKDOWN_SUFFIXES:
            skipped[file.path] = (
                "only Markdown memos can carry suppression comments; its findings stay (use "
                "per-file-ignores) / alleen Markdown kan onderdrukkingscommentaar bevatten"
            )
        if not suppressible or file.path in skipped:
            files.append(file)
            continue
        current, count, why = baseline_file(linter, Path(file.path))
        files.append(current)
        rechecked.append(current)
        if why:
            skipped[file.path] = why
        elif count:
            added[file.path] = count
    # The rules known to the report given, and to this linter for the memos it checked again.
    rules = {**report.rules, **linter.report(rechecked).rules}
    return Baseline(added, skipped, report.replace(files=files, rules=rules))


def baseline_file(linter: Linter, memo: Path) -> tuple[FileReport, int, str]:
    """Suppress what the memo's current bytes violate (see :func:`add_suppressions`).

    Returns its report after the change, the number of comments added and, when the memo
    was left alone, why. The comments are checked by linting the new bytes: a violation
    they do not cover (a bare ``memo-lint-enable`` further on, front matter) is dropped
    from them and stays reported, so a second run adds nothing.
    """
    from memo_lint.readers.markdown import top_level_blocks
    from memo_lint.readers.text import decode, split_lines, without_final_line_end
    from memo_lint.suppressions import comment_targets, insert_comments, plan
    from memo_lint.writes import rewrite_memo

    try:
        data = linter.read(memo)
        limits = linter.limits_for(linter.config_for(memo))
        text = decode(data, limits).text
    except UnreadableFile:
        return linter.lint_file(memo), 0, ""
    current = linter.lint_bytes(str(memo), data, memo)
    first, safe = comment_targets(top_level_blocks(text), split_lines(without_final_line_end(text)))
    targets = {(v.code, v.span.line) for v in current.violations if v.code != "ML001"}
    after, new_data = current, data
    while targets:
        comments = plan(targets, first, safe)
        try:
            new_data = insert_comments(data, comments)
        except ValueError as error:
            return current, 0, str(error)
        after = linter.lint_bytes(str(memo), new_data, memo)
        if any(v.code == "ML001" for v in after.violations):  # e.g. beyond max-chars
            return (
                current,
                0,
                "with the comments it would be unreadable: "
                + next(v.message for v in after.violations if v.code == "ML001"),
            )
        inserted = sorted(comments)
        uncovered = {
            (v.code, original)
            for v in after.violations
            if (original := _original_line(v.span.line, inserted)) is not None
        }
        if not targets & uncovered:
            break
        targets -= uncovered
    if not targets:
        return current, 0, ""
    why = rewrite_memo(memo, data, new_data)
    if why:
        return current, 0, why
    return after, len(comments), ""


def _original_line(line: int, inserted: list[int]) -> int | None:
    """Line ``line`` after comments went above the (sorted) lines ``inserted``: where it was
    before, or ``None`` for a comment line."""
    shift = 0
    for index, above in enumerate(inserted):
        position = above + index  # the comment's own line in the new text
        if position == line:
            return None
        if position < line:
            shift += 1
    return line - shift
