"""Plugins (entry-point group ``memo_lint.checks``) and files generated from the code."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from memo_lint import checks, packs
from memo_lint.api import LintOptions, lint_paths
from memo_lint.errors import PackError
from memo_lint.pack_validation import build_schema
from memo_lint.rule_docs import render_all

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "zwolle-beslisnota-citydeal.txt"


def test_rule_pack_schema_is_current() -> None:
    committed = json.loads((REPO / "schemas" / "rule-pack.schema.json").read_text("utf-8"))
    assert committed == build_schema(), (
        "schemas/rule-pack.schema.json is stale: run "
        "python -c 'from memo_lint.pack_validation import write_schema; write_schema()'"
    )


def test_every_property_of_the_rule_pack_schema_is_described() -> None:
    """An editor shows a pack key's description (issue 11.5): the pack's own keys and every
    kind's options, down to the leaves."""
    undescribed: list[str] = []

    def walk(value: object, where: str) -> None:
        if isinstance(value, dict):
            # The per-kind dispatch (if kind … then options …): described on Rule itself.
            dispatch = where.endswith(("/if", "/then"))
            for key, prop in value.get("properties", {}).items():
                if dispatch:
                    continue
                if isinstance(prop, dict) and "description" not in prop and "$ref" not in prop:
                    undescribed.append(f"{where}.{key}")
            for key, item in value.items():
                walk(item, f"{where}/{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{where}[{index}]")

    walk(build_schema(), "$")
    assert undescribed == []


def test_precompiled_builtin_packs_are_current() -> None:
    """rules/compiled/ lets a fresh install skip validation; stale means slow, not wrong."""
    index = json.loads((packs.COMPILED / "index.json").read_text("utf-8"))
    files = sorted(path.stem for path in packs.COMPILED.glob("*.json"))
    packed = [name for name in files if name not in ("index", "literals")]
    assert sorted(index) == packs.builtin_names() == packed
    for name in packs.builtin_names():
        digest = packs.chain_digest(packs.read_chain(packs.resolve(name)))
        compiled = json.loads((packs.COMPILED / f"{name}.json").read_text("utf-8"))
        assert index[name]["digest"] == compiled["digest"] == digest, (
            f"rules/compiled/ is stale for {name}: run python -c "
            "'from memo_lint.pack_validation import write_compiled; write_compiled()'"
        )
        assert index[name] == packs.index_entry(compiled["pack"], digest, name)


def test_docs_rules_md_is_current() -> None:
    committed = (REPO / "docs" / "rules.md").read_text("utf-8")
    assert committed == render_all("nl", "markdown"), (
        "docs/rules.md is stale: run memo-lint rules --all --format markdown > docs/rules.md"
    )


@pytest.fixture
def plugin_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Install the example plugin the way pip would: a module plus dist-info with entry points."""
    shutil.copy(REPO / "tests" / "plugin_example" / "memo_lint_wordcount.py", tmp_path)
    info = tmp_path / "memo_lint_wordcount-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: memo-lint-wordcount\nVersion: 0.1\n"
    )
    (info / "entry_points.txt").write_text("[memo_lint.checks]\nmax-words = memo_lint_wordcount\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(checks, "_REGISTRY", {})
    yield
    sys.modules.pop("memo_lint_wordcount", None)


def _pack(tmp_path: Path, options: str) -> Path:
    pack = tmp_path / "team.yaml"
    pack.write_text(
        "name: team\nextends: collegevoorstel\nrules:\n  - code: TM001\n    name: short-summary\n"
        f"    kind: max-words\n    severity: warning\n    options: {options}\n"
        "    message: {nl: \"'{section}' telt {words} woorden.\",\n"
        "              en: \"'{section}' has {words} words.\"}\n"
        "    rationale: {nl: Kort is krachtig., en: Keep it short.}\n",
        "utf-8",
    )
    return pack


@pytest.mark.usefixtures("plugin_installed")
def test_plugin_kind_runs_from_a_pack(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "{section: samenvatting, max: 20}")
    report = lint_paths([SEED], LintOptions(pack=str(pack), use_cache=False))
    found = [(v.code, v.span.line, v.message) for v in report.violations]
    assert found == [("TM001", 1, "'Samenvatting' telt 67 woorden.")]


@pytest.mark.usefixtures("plugin_installed")
def test_plugin_option_schema_is_merged_into_validation(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "{section: samenvatting, max: 0}")
    with pytest.raises(
        PackError, match=r"team.yaml:8: rule TM001 \(\$\.rules\[0\]\.options\.max\)"
    ):
        lint_paths([SEED], LintOptions(pack=str(pack), use_cache=False))


def test_unknown_kind_without_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / "fresh-cache"))
    pack = _pack(tmp_path, "{section: samenvatting, max: 20}")
    with pytest.raises(PackError, match=r"'max-words' is not one of"):
        lint_paths([SEED], LintOptions(pack=str(pack), use_cache=False))


@pytest.mark.usefixtures("plugin_installed")
def test_cached_pack_whose_plugin_was_uninstalled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = _pack(tmp_path, "{section: samenvatting, max: 20}")
    lint_paths([SEED], LintOptions(pack=str(pack), use_cache=True))  # validated and cached
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "plugin_kinds", dict)  # the plugin is gone
    with pytest.raises(PackError, match=r"unknown check kind\(s\) max-words: install the plugin"):
        lint_paths([SEED], LintOptions(pack=str(pack), use_cache=True))


def test_builtin_index_without_compiled_files_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stale or missing rules/compiled/ costs validation, never a different recognition."""
    indexed = packs.builtin_index()
    monkeypatch.setattr(packs, "_index", dict)
    assert packs.builtin_index() == indexed
    assert {entry["name"] for entry in indexed} == set(packs.builtin_names())


def test_law_table_json_is_current_and_reads_as_the_yaml() -> None:
    """rules/laws/laws.json spares a run PyYAML; it must say what laws.yaml says."""
    import hashlib

    from memo_lint import laws

    compiled = json.loads(laws.COMPILED_TABLE.read_text("utf-8"))
    made_from = hashlib.blake2b(laws.TABLE_PATH.read_bytes(), digest_size=32).hexdigest()
    assert compiled["digest"] == made_from, (
        "rules/laws/laws.json is stale: run python -c "
        "'from memo_lint.pack_validation import write_compiled; write_compiled()'"
    )
    from_yaml = laws.table_from_dict(laws._parse_yaml(laws.TABLE_PATH.read_bytes()))
    assert laws.table_from_dict(compiled["table"]) == from_yaml
    assert laws.load_table() == from_yaml


def test_a_stale_law_table_json_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from memo_lint import laws

    stale = tmp_path / "laws.json"
    stale.write_text(json.dumps({"digest": "0" * 64, "table": {"laws": {}}}), "utf-8")
    monkeypatch.setattr(laws, "COMPILED_TABLE", stale)
    laws.load_table.cache_clear()
    try:
        assert "woo" in laws.load_table().laws
    finally:
        laws.load_table.cache_clear()
