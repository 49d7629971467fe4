"""What every check kind declares (docs/kinds.md is built from it) is true: its example passes
and fails as stated, and its findings fill only the arguments and variants it declares."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import write_rule_cases
from memo_lint import checks, packs
from memo_lint.checks import CheckKind, Context, Finding, builtin_kinds
from memo_lint.cli import main
from memo_lint.engine import Settings, lint_source
from memo_lint.kind_docs import render_kinds, run_kind
from memo_lint.model import Document
from memo_lint.readers import read_source

REPO = Path(__file__).resolve().parents[2]
KINDS = builtin_kinds()


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_kind_declares_arguments_variants_and_an_example(name: str) -> None:
    kind = KINDS[name]
    assert kind.arguments is not None and kind.variants is not None and kind.example is not None
    assert kind.doc, f"{name}: the module docstring is the kind's documentation"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_the_example_passes_and_fails(name: str) -> None:
    import jsonschema

    example = KINDS[name].example
    assert example is not None
    jsonschema.validate(example.options, KINDS[name].options_schema)
    assert run_kind(name, example.options, example.passes, file_info=example.passes_file) == []
    findings = run_kind(name, example.options, example.fails, file_info=example.fails_file)
    assert findings, f"{name}: the failing example reports nothing"
    _assert_declared(KINDS[name], findings)


def _assert_declared(kind: CheckKind, findings: list[Finding]) -> None:
    assert kind.arguments is not None and kind.variants is not None
    for finding in findings:
        assert set(finding.args) <= set(kind.arguments), (kind.name, finding.args)
        assert finding.variant is None or finding.variant in kind.variants, (kind.name, finding)


def _memos(folder: Path) -> list[Path]:
    return sorted([*write_rule_cases(folder), *REPO.glob("examples/**/*.*")])


def test_findings_of_every_builtin_pack_fill_only_declared_arguments(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Over the rule fixtures and examples, under every built-in pack."""
    seen: dict[str, int] = {}

    def recording(kind: CheckKind):  # type: ignore[no-untyped-def]
        def check(document: Document, context: Context) -> list[Finding]:
            found = list(kind.check(document, context))
            _assert_declared(kind, found)
            seen[kind.name] = seen.get(kind.name, 0) + len(found)
            return found

        return check

    wrapped = {
        name: CheckKind(
            kind.name,
            kind.options_schema,
            recording(kind),
            kind.doc,
            kind.arguments,
            kind.variants,
            kind.example,
        )
        for name, kind in KINDS.items()
    }
    monkeypatch.setattr(checks, "_REGISTRY", wrapped)
    memos = _memos(tmp_path)
    for name in packs.builtin_names():
        pack = packs.load(name)
        for memo in memos:
            if memo.suffix not in (".md", ".txt"):
                continue
            try:
                source = read_source(memo.name, memo.read_bytes())
            except Exception:
                continue
            lint_source(source, pack, Settings())
    assert len(seen) >= 15, seen  # the fixtures exercise (nearly) every kind


def test_docs_kinds_md_is_current() -> None:
    committed = (REPO / "docs" / "kinds.md").read_text("utf-8")
    assert committed == render_kinds("markdown"), (
        "docs/kinds.md is stale: run memo-lint kinds --format markdown > docs/kinds.md"
    )


def test_kinds_and_explain_kind_commands() -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["kinds"])
    assert listed.exit_code == 0
    assert sorted(line.split()[0] for line in listed.output.splitlines()) == sorted(
        [*KINDS, *checks.ENGINE_KINDS]
    )
    explained = runner.invoke(main, ["explain", "--kind", "required-section"])
    assert explained.exit_code == 0
    assert "| `sections` | list of section id | required |" in explained.output
    assert "`{aliases}`" in explained.output
    unknown = runner.invoke(main, ["explain", "--kind", "no-such-kind", "--lang", "en"])
    assert unknown.exit_code == 2
    assert "no check kind 'no-such-kind'" in unknown.output
    both = runner.invoke(main, ["explain", "ML101", "--kind", "field"])
    assert both.exit_code == 2
