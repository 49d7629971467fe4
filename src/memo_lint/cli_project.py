"""The commands that start and inspect a memo repository: ``init``, ``template``, ``config``.

Kept apart from :mod:`memo_lint.cli` so that module stays a thin shell over ``check``; the work
is done in :mod:`memo_lint.project_init`, :mod:`memo_lint.memo_template` and
:mod:`memo_lint.effective_config`.
"""

from __future__ import annotations

from pathlib import Path

import click

from memo_lint.cli_common import fail, parse_codes
from memo_lint.errors import MemoLintError
from memo_lint.messages import say


@click.command("config")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="Output format.",
)
@click.option("--pack", default=None, help="As for check: a built-in name or a .yaml path.")
@click.option("--select", multiple=True, help="As for check: codes or prefixes.")
@click.option("--ignore", multiple=True, help="As for check: codes or prefixes.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None)
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Use this config file instead of the nearest one.",
)
def config_command(
    path: Path | None,
    output_format: str,
    pack: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    lang: str | None,
    config_path: Path | None,
) -> None:
    """Show the effective configuration for a memo and where each value comes from.

    PATH is a memo file, or a folder for a hypothetical memo in it (default: the current
    folder). The options are those of 'check', to see what they would change.
    """
    from memo_lint.api import LintOptions
    from memo_lint.effective_config import DEFAULT_MEMO_NAME, effective_config, render_effective

    target = path or Path(".")
    memo = target / DEFAULT_MEMO_NAME if target.is_dir() else target
    options = LintOptions(
        pack=pack,
        select=parse_codes(select, "--select"),
        ignore=parse_codes(ignore, "--ignore"),
        fail_on=fail_on,
        lang=lang,
        config=config_path,
    )
    try:
        effective = effective_config(memo, options)
    except MemoLintError as error:
        fail(error)
    click.echo(render_effective(effective, output_format), nl=False)


@click.command("init")
@click.argument(
    "folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@click.option("--force", is_flag=True, help="Overwrite an existing .memo-lint.toml.")
@click.option(
    "--pack",
    default=None,
    help="Pin this pack for the whole tree (default: none, so each document is recognised).",
)
@click.option(
    "--repo",
    default=None,
    metavar="URL",
    help="Use the memo-lint hook from this git repository instead of a local hook.",
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="Language of the messages and of 'lang' in the config.",
)
def init_command(folder: Path, force: bool, pack: str | None, repo: str | None, lang: str) -> None:
    """Write a commented .memo-lint.toml and a pre-commit hook for memo-lint."""
    from memo_lint import packs
    from memo_lint.project_init import InitRefused, init_project

    try:
        if pack is not None:
            packs.resolve(pack, folder)
    except MemoLintError as error:
        fail(error)
    try:
        result = init_project(folder, force=force, pack=pack, lang=lang, repo=repo)
    except InitRefused as refused:
        fail(say("init.exists", lang, path=refused.path))
        return
    except MemoLintError as error:  # a folder in the way, a full disk, no permission
        fail(error)
    click.echo(say("init.written", lang, path=result.config))
    if result.wrote_pre_commit:
        click.echo(say("init.written-hook", lang, path=result.pre_commit))
    elif result.snippet:
        click.echo(say("init.add-hook", lang, path=result.pre_commit))
        click.echo(result.snippet, nl=False)
    else:
        click.echo(say("init.hooked", lang, path=result.pre_commit))


@click.command("template")
@click.argument("pack")
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="Language of the title and of the guidance comments.",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the skeleton to this file instead of standard output.",
)
def template_command(pack: str, lang: str, output_file: Path | None) -> None:
    """Print a Markdown memo skeleton of PACK (a built-in name or a .yaml path)."""
    from memo_lint import packs
    from memo_lint.memo_template import memo_template
    from memo_lint.writes import write_file

    try:
        loaded = packs.load(pack)
    except MemoLintError as error:
        fail(error)
    text = memo_template(loaded, lang)
    if output_file is None:
        click.echo(text, nl=False)
    elif output_file.exists():
        fail(say("template.exists", lang, path=output_file))
    else:
        try:
            write_file(output_file, text)
        except MemoLintError as error:
            fail(error)
