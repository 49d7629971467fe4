"""The command line: a thin shell over :mod:`memo_lint.api` and the reporters.

Exit codes: 0 nothing at or above the fail level, 1 violations, 2 usage, config or pack error.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from memo_lint import __version__
from memo_lint.cli_common import (
    EXIT_USAGE,
    LANG_META,
    bad_parameter,
    fail,
    language,
    language_in,
    parse_codes,
    parse_date,
)
from memo_lint.errors import MemoLintError, Phrase
from memo_lint.reporters import REPORTER_MODULES

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from memo_lint.api import LintOptions
    from memo_lint.report import LintReport

TEXT_FORMATS = frozenset({"full", "html"})  # formats that show the memo's text around findings
PROGRESS_THRESHOLD = 30
FORMATS = tuple(REPORTER_MODULES)  # the reporters' registry is the one list of formats


def _isatty(stream: TextIO | None) -> bool:
    """False for a stream closed before start-up (``>&-``), which Python gives as None."""
    return stream is not None and stream.isatty()


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return _isatty(sys.stdout)


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so the workers are stopped on the way out."""


def _terminated(signum: int, frame: object) -> None:
    raise Terminated


# Commands defined in their own modules, imported only when named or listed (``--help``):
# a ``check`` run does not pay for building their options.
LAZY_COMMANDS = {
    "audit": ("memo_lint.cli_audit", "audit_command"),
    "config": ("memo_lint.cli_project", "config_command"),
    "init": ("memo_lint.cli_project", "init_command"),
    "template": ("memo_lint.cli_project", "template_command"),
}


class MemoLintGroup(click.Group):
    """Ctrl-C exits 130 and SIGTERM 143, without a traceback; worker processes are stopped
    on the way out (:func:`memo_lint.api.lint_paths`). Usage errors, click's and ours, are
    said in the run's language (:func:`memo_lint.cli_errors.localised`), which is read from
    the command line before click parses it (:func:`memo_lint.cli_common.language_in`)."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        lang = language_in(args)  # before click parses (and empties) the list
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            from memo_lint.cli_errors import localised

            raise localised(error, lang or "nl") from None
        ctx.meta[LANG_META] = lang
        return ctx

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            import importlib

            module, attribute = LAZY_COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attribute))
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        import signal

        try:
            previous = signal.signal(signal.SIGTERM, _terminated)
        except ValueError:  # not the main thread (an embedding application): leave it alone
            previous = None
        if sys.stderr is None:  # closed before start-up (`2>&-`): messages go nowhere, no crash
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the rest of the process
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            from memo_lint.cli_errors import localised

            raise localised(error, language()) from None
        except KeyboardInterrupt:
            click.echo("memo-lint: interrupted (onderbroken)", err=True)
            sys.exit(130)
        except Terminated:
            click.echo("memo-lint: terminated (beëindigd)", err=True)
            sys.exit(143)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


@click.group(cls=MemoLintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="memo-lint")
def main() -> None:
    """memo-lint: check Dutch municipal decision memos before they go to the college."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=False, path_type=str))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: full on a terminal, concise otherwise).",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="FORMAT:PATH",
    help="Also write a report in FORMAT to PATH (repeatable), e.g. sarif:out.sarif.",
)
@click.option(
    "--select",
    multiple=True,
    help="Only these codes, prefixes or rule names (comma-separated); replaces the config's.",
)
@click.option(
    "--extend-select", multiple=True, help="Add these codes, prefixes or names to the selection."
)
@click.option("--ignore", multiple=True, help="Skip these codes, prefixes or names, e.g. ML6.")
@click.option("--extend-ignore", multiple=True, help="The same as --ignore (ruff's name).")
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when violations are found (2 still means a usage or pack error).",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply exclude and .gitignore to files named explicitly too (pre-commit passes it).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error).",
)
@click.option("--pack", default=None, help="Rule pack: a built-in name or a .yaml path.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Use this config file instead of the nearest .memo-lint.toml/pyproject.toml.",
)
@click.option(
    "--today",
    default=None,
    metavar="YYYY-MM-DD",
    help="Reference date when a memo states none (default: today).",
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    help="Language of messages (default: the pack's).",
)
@click.option("--quiet", "-q", is_flag=True, help="Only violations: no summary.")
@click.option("--statistics", is_flag=True, help="Counts per rule after the report.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    help="ANSI colour (auto: on a terminal unless NO_COLOR is set).",
)
@click.option(
    "--stdin-filename",
    default=None,
    help="With '-' as path: the name the memo on stdin is reported under.",
)
@click.option(
    "--cache/--no-cache",
    "use_cache",
    default=None,
    help="Reuse results of unchanged memos from the per-user cache (default: on, off when "
    "the CI environment variable is set).",
)
@click.option(
    "--show-pack", is_flag=True, help="Say which pack each file was checked with and why."
)
@click.option(
    "--add-suppressions",
    is_flag=True,
    help="Baseline: add suppression comments for every current violation (Markdown only).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to lint with (default: one per idle CPU, for many files).",
)
def check(
    paths: tuple[str, ...],
    output_format: str | None,
    output_file: Path | None,
    reports: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    exit_zero: bool,
    force_exclude: bool,
    extend_ignore: tuple[str, ...],
    fail_on: str | None,
    pack: str | None,
    config_path: Path | None,
    today: str | None,
    lang: str | None,
    quiet: bool,
    statistics: bool,
    color: str,
    stdin_filename: str | None,
    use_cache: bool | None,
    show_pack: bool,
    jobs: int | None,
    add_suppressions: bool,
) -> None:
    """Check memos (.txt, .md, .docx, .pdf, .odt); folders are walked. Default: '.'.

    A folder walk skips hidden folders, what .gitignore ignores and the config's exclude
    (README.md, venv/, build/, ... by default); '-' reads one memo from standard input.
    """
    from memo_lint.api import Linter, LintOptions
    from memo_lint.report import describe_choice
    from memo_lint.reporters import RenderOptions, batched, displayable, writer_for
    from memo_lint.writes import NOTHING, Protected, check_destination, write_file

    extra_reports: list[tuple[str, Path]] = []
    for item in reports:
        name, _, destination = item.partition(":")
        if name not in FORMATS or not destination:
            named = ", ".join(FORMATS)
            raise bad_parameter("'--report'", "cli.bad-report", value=item, formats=named)
        extra_reports.append((name, Path(destination)))
    chosen = output_format or ("full" if _isatty(sys.stdout) and output_file is None else "concise")
    formats = {chosen, *(name for name, _ in extra_reports)}
    options = LintOptions(
        pack=pack,
        select=parse_codes(select, "--select"),
        ignore=parse_codes(ignore, "--ignore"),
        extend_select=parse_codes(extend_select, "--extend-select"),
        extend_ignore=parse_codes(extend_ignore, "--extend-ignore"),
        fail_on=fail_on,
        lang=lang,
        today=parse_date(today),
        config=config_path,
        use_cache=use_cache,
        jobs=jobs,
        force_exclude=force_exclude,
        keep_text=bool(formats & TEXT_FORMATS),
        keep_clean_text=False,  # the full and HTML reports show text around findings only
    )
    if stdin_filename is not None and paths != ("-",):
        raise bad_parameter("'--stdin-filename'", "cli.stdin-filename")
    try:
        if paths == ("-",):
            linter = Linter(options)
            # The name picks the reader and the config; without one, Markdown (a superset of
            # plain text) and the report says '-' as ruff and markdownlint do.
            name = stdin_filename or "-"
            memo = Path(stdin_filename or "stdin.md")
            if sys.stdin is None:  # closed before start-up (`<&-`)
                raise bad_parameter("'-'", "cli.stdin-closed")
            report = linter.report([linter.lint_bytes(name, sys.stdin.buffer.read(), memo)])
        else:
            missing = [p for p in paths if not Path(p).exists() and not Path(p).is_symlink()]
            if missing:
                raise bad_parameter("'PATHS...'", "cli.no-such-path", paths=", ".join(missing))
            report = _lint_with_progress(paths or (".",), options)
    except MemoLintError as error:
        fail(error)
    if add_suppressions:
        report = _baseline(report, options)
    files = report.files
    # A report must never replace a memo, whatever name it is given (same device and inode).
    protected = Protected((f.path for f in files), report.read) if paths != ("-",) else NOTHING
    outputs = [output_file] if output_file else []
    try:
        for output_path in [*outputs, *(target for _, target in extra_reports)]:
            check_destination(output_path, protected)
    except MemoLintError as error:
        fail(error, report.lang)
    use_color = _use_color(color) and output_file is None
    render_options = RenderOptions(color=use_color, statistics=statistics, quiet=quiet)
    shown = displayable(report)
    if show_pack:
        for file in shown.files:
            click.echo(f"{file.path}: {describe_choice(file)}", err=True)
    # Written piece by piece as the reporter makes it: never the whole report in memory.
    output = batched(writer_for(chosen)(shown, render_options))
    try:
        if output_file is not None:
            write_file(output_file, output, protected)
        else:
            _to_stdout(output, use_color, report.lang)
        for format_name, target in extra_reports:
            write_file(target, batched(writer_for(format_name)(shown, RenderOptions())), protected)
    except MemoLintError as error:
        fail(error, report.lang)
    sys.exit(0 if exit_zero else report.exit_code)


def _baseline(report: LintReport, options: LintOptions) -> LintReport:
    """``--add-suppressions``: add the comments, say what was left alone, and return what a
    fresh check now reports (so the exit code never hides a finding that is still there)."""
    from memo_lint.api import add_suppressions
    from memo_lint.reporters import shown_path

    baseline = add_suppressions(report, options)
    for path, why in baseline.skipped.items():
        shown = shown_path(path)
        click.echo(f"memo-lint: {shown}: not baselined / niet onderdrukt: {why}", err=True)
    total = sum(baseline.added.values())
    click.echo(
        f"memo-lint: added {total} suppression comment(s) to {len(baseline.added)} Markdown "
        "file(s)",
        err=True,
    )
    return baseline.report


def _to_stdout(pieces: Iterable[str], color: bool, lang: str) -> None:
    """Print a report; a closed pipe or a full disk is one line and exit 2 (in the report's
    language unless --lang says another), not a traceback."""
    if sys.stdout is None:  # closed before start-up (`>&-`)
        fail(Phrase("cli.stdout-closed"), lang)
    try:
        for text in pieces:
            click.echo(text, nl=False, color=color)  # click strips ANSI from pipes otherwise
        sys.stdout.flush()
    except OSError as error:
        # Python flushes stdout again on exit: point it at /dev/null so that cannot fail too.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        fail(Phrase("cli.stdout-failed", error=error.strerror or error), lang)


def _lint_with_progress(paths: tuple[str, ...], options: LintOptions) -> LintReport:
    """Lint, with a progress bar on a terminal when there are more than a few dozen memos."""
    from memo_lint.api import iter_memo_files, lint_paths

    if not sys.stderr.isatty():
        return lint_paths(paths, options)
    count = sum(1 for _ in iter_memo_files(paths, options))
    if count <= PROGRESS_THRESHOLD:
        return lint_paths(paths, options)
    with click.progressbar(length=count, label="memo-lint", file=sys.stderr) as bar:
        return lint_paths(paths, options, progress=bar.update)


@main.command()
@click.option("--pack", default=None, help="Rule pack: a built-in name or a .yaml path.")
@click.option("--all", "all_packs", is_flag=True, help="Every built-in pack (docs/rules.md).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None)
@click.option(
    "--format", "output_format", type=click.Choice(["table", "markdown", "json"]), default="table"
)
def rules(pack: str | None, all_packs: bool, lang: str | None, output_format: str) -> None:
    """List the rules of a pack."""
    from memo_lint import packs
    from memo_lint.rule_docs import render_all, render_rules

    try:
        if all_packs:
            click.echo(render_all(lang or "nl", output_format), nl=False)
            return
        loaded = packs.load(pack or packs.DEFAULT_PACK)
    except MemoLintError as error:
        fail(error)
    click.echo(render_rules(loaded, lang or loaded.language, output_format), nl=False)


@main.group()
def pack() -> None:
    """Work with rule packs."""


@pack.command("validate")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    help="Language of the problems (default: nl).",
)
def pack_validate(files: tuple[Path, ...], lang: str | None) -> None:
    """Validate rule-pack files: every problem with its file, line and JSON path.

    Warnings (an extending pack that drops a requirement of its parent) do not fail.
    """
    from memo_lint.pack_validation import validate_file

    failed = False
    for path in files:
        problems, warnings = validate_file(path, lang or "nl")
        for line in [*problems, *warnings]:
            click.echo(line)
        if not problems:
            click.echo(f"{path}: ok")
        failed = failed or bool(problems)
    sys.exit(EXIT_USAGE if failed else 0)


@main.command()
@click.argument("code", required=False)
@click.option("--pack", default=None, help="Rule pack: a built-in name or a .yaml path.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None)
@click.option("--kind", "kind_name", default=None, help="Explain a check kind instead of a rule.")
def explain(code: str | None, pack: str | None, lang: str | None, kind_name: str | None) -> None:
    """Explain a rule (what it checks, why, how to fix it) or, with --kind, a check kind."""
    from memo_lint import packs
    from memo_lint.rule_docs import explain_rule

    if kind_name is not None or code is None:
        if code is not None or kind_name is None:
            fail(Phrase("cli.code-or-kind"))
        _explain_kind(kind_name)
        return
    # Without --pack, every built-in pack is searched, the default first: a code is stable
    # across packs, so `explain ML505` works whichever pack introduced it.
    names = [pack] if pack else [packs.DEFAULT_PACK, *packs.builtin_names()]
    for name in names:
        try:
            loaded = packs.load(name)
        except MemoLintError as error:
            fail(error)
        rule = loaded.rule(code.upper()) or next((r for r in loaded.rules if r.name == code), None)
        if rule is not None:
            click.echo(explain_rule(rule, lang or loaded.language), nl=False)
            return
    fail(
        Phrase("cli.no-rule-in-pack", code=code, pack=pack)
        if pack
        else Phrase("cli.no-rule", code=code)
    )


def _explain_kind(name: str) -> None:
    from memo_lint.checks import registry
    from memo_lint.kind_docs import explain_kind

    kind = registry([name]).get(name)
    if kind is None:
        fail(Phrase("cli.no-kind", name=name))
    click.echo(explain_kind(kind), nl=False)


@main.command()
@click.option(
    "--format", "output_format", type=click.Choice(["table", "markdown", "json"]), default="table"
)
def kinds(output_format: str) -> None:
    """List the check kinds rules can use (markdown: docs/kinds.md)."""
    from memo_lint.kind_docs import render_kinds

    click.echo(render_kinds(output_format), nl=False)


@main.command()
def clean() -> None:
    """Remove memo-lint's cache (results, validated packs and configs, the cache key)."""
    from memo_lint.cache import Store, cache_root

    root = cache_root()
    removed = Store(root).clean()
    click.echo(f"memo-lint: removed {len(removed)} item(s) from {root}", err=True)
