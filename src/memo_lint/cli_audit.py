"""``memo-lint audit``: the command-line shell over :mod:`memo_lint.audit`.

Kept apart from :mod:`memo_lint.cli` so ``check`` never imports any of it; pyarrow,
matplotlib and Dask are imported only once this command runs (the ``audit`` and ``dask``
extras), and a missing one is a one-line message with the install command.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from memo_lint.cli_common import bad_parameter, fail, parse_codes, parse_date
from memo_lint.errors import MemoLintError

if TYPE_CHECKING:
    from memo_lint.audit.runner import AuditOptions
    from memo_lint.audit.store import Store

AUDIT_FORMATS = ("text", "json", "csv", "html")


@click.command("audit")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option(
    "--store",
    "store_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the results store (Parquet); created if missing, reused to skip "
    "documents already audited.",
)
@click.option(
    "--index",
    "index_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV or JSON Lines file with per-document metadata: path, body, date, type, url.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(AUDIT_FORMATS),
    default="text",
    help="Summary format (html needs --output-file: it writes per-memo reports beside it).",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the summary to this file instead of standard output.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Local processes.")
@click.option(
    "--scheduler",
    default=None,
    metavar="tcp://HOST:8786|local:N",
    help="Run on a Dask cluster (needs memo-lint[dask]); local:N starts N workers here.",
)
@click.option(
    "--send-bytes",
    is_flag=True,
    help="Send each document's bytes to the workers (when they cannot see the paths).",
)
@click.option(
    "--compact/--no-compact",
    default=None,
    help="Rewrite the store as few Parquet files after the run (default: when it holds more "
    "than 200 partitions; every batch of 100 documents writes one).",
)
@click.option("--pack", default=None, help="Rule pack for every document (default: detected).")
@click.option("--select", multiple=True, help="Only these codes or prefixes.")
@click.option("--ignore", multiple=True, help="Skip these codes or prefixes.")
@click.option(
    "--today", default=None, metavar="YYYY-MM-DD", help="Reference date when a memo has none."
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Use this config file for every document instead of the nearest one.",
)
def audit_command(
    paths: tuple[str, ...],
    store_dir: Path,
    index_path: Path | None,
    output_format: str,
    output_file: Path | None,
    jobs: int | None,
    scheduler: str | None,
    send_bytes: bool,
    compact: bool | None,
    pack: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    today: str | None,
    lang: str | None,
    config_path: Path | None,
) -> None:
    """Audit an archive: lint every document into a results store, then summarise it."""
    from memo_lint.api import LintOptions
    from memo_lint.audit import require

    if output_format == "html" and output_file is None:
        raise bad_parameter("'--format'", "cli.html-needs-file")
    reference = parse_date(today)
    try:
        require("pyarrow", "audit")
        if output_format == "html":
            require("matplotlib", "audit")
        if scheduler:
            require("distributed", "dask")
        from memo_lint.audit import runner
        from memo_lint.audit.progress import ProgressLine
        from memo_lint.audit.store import Store

        options = runner.AuditOptions(
            lint=LintOptions(
                pack=pack,
                select=parse_codes(select),
                ignore=parse_codes(ignore),
                lang=lang,
                today=reference,
                config=config_path,
                use_cache=False,
                keep_text=False,
            ),
            index=index_path,
            jobs=jobs,
            scheduler=scheduler,
            send_bytes=send_bytes,
            compact=compact,
        )
        progress = ProgressLine(sys.stderr)
        store = Store(store_dir)
        with store.open_for_writing():
            try:
                result = runner.run(paths, store, options, progress)
            finally:
                progress.close()
        output = _render(store, result.paths, output_format, output_file, options)
    except MemoLintError as error:
        fail(error)
    click.echo(
        f"memo-lint audit: {len(result.paths):,} documents, {result.linted:,} linted, "
        f"{result.skipped:,} unchanged, in {result.seconds:.1f} s; store {store_dir}"
        + (f" (compacted: {result.compacted:,} partitions rewritten)" if result.compacted else ""),
        err=True,
    )
    if output_file is None:
        click.echo(output, nl=False)
    else:
        from memo_lint.writes import Protected, write_file

        try:  # never over a document of the archive, whatever name it is given
            write_file(output_file, output, Protected(result.paths))
        except MemoLintError as error:
            fail(error)


def _render(
    store: Store,
    paths: list[str],
    output_format: str,
    output_file: Path | None,
    options: AuditOptions,
) -> str:
    from memo_lint.audit import summary

    data = summary.build(store, paths)
    if output_format == "json":
        return summary.to_json(data)
    if output_format == "csv":
        return summary.to_csv(data)
    if output_format == "html":
        from memo_lint.audit import page

        assert output_file is not None
        return page.render(data, output_file, options.lint)
    return summary.to_text(data)
