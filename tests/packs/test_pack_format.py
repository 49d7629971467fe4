"""The pack format a municipality writes: explicit list overrides, checked structure, message
templates checked against the kind, one-language packs, errors at the rule's line and path."""

from __future__ import annotations

from pathlib import Path

import pytest

from memo_lint import packs
from memo_lint.engine import render
from memo_lint.errors import PackError
from memo_lint.pack_validation import validate_file

HEAD = "name: team\nextends: collegevoorstel\n"


def _write(tmp_path: Path, body: str, name: str = "team.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + body, "utf-8")
    return path


def _options(path: Path, code: str) -> dict[str, object]:
    rule = packs.load(str(path)).rule(code)
    assert rule is not None
    return rule.options


PARENT_SECTIONS = list(packs.load("collegevoorstel").rule("ML101").options["sections"])  # type: ignore[union-attr, call-overload]


def test_add_remove_and_replace_change_the_inherited_list(tmp_path: Path) -> None:
    added = _write(tmp_path, "rules:\n  - code: ML101\n    options: {sections_add: [vervolg]}\n")
    assert _options(added, "ML101")["sections"] == [*PARENT_SECTIONS, "vervolg"]
    removed = _write(tmp_path, "rules:\n  - code: ML101\n    options: {sections_remove: [kader]}\n")
    assert _options(removed, "ML101")["sections"] == [s for s in PARENT_SECTIONS if s != "kader"]
    replaced = _write(
        tmp_path, "rules:\n  - code: ML101\n    options: {sections_replace: [samenvatting]}\n"
    )
    assert _options(replaced, "ML101")["sections"] == ["samenvatting"]


def test_a_plain_list_in_an_override_is_an_error_naming_the_explicit_forms(tmp_path: Path) -> None:
    path = _write(tmp_path, "rules:\n  - code: ML101\n    options:\n      sections: [kader]\n")
    with pytest.raises(PackError) as error:
        packs.load(str(path))
    assert str(error.value) == (
        f"{path}:6: rule ML101 ($.rules[0].options.sections): 'sections' would silently replace "
        "the list of collegevoorstel's ML101; write sections_add: or sections_remove: to change "
        "it, or sections_replace: to replace it on purpose"
    )


def test_a_list_the_parent_rule_does_not_have_may_be_written_plainly(tmp_path: Path) -> None:
    path = _write(tmp_path, "rules:\n  - code: ML103\n    options: {order: [inleiding, kader]}\n")
    assert _options(path, "ML103")["order"] == ["inleiding", "kader"]


def test_removing_what_the_parent_does_not_have_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "rules:\n  - code: ML101\n    options: {sections_remove: [kadr]}\n")
    with pytest.raises(PackError, match=r"team\.yaml:5: rule ML101 .*'kadr' not in the 'sections'"):
        packs.load(str(path))


def test_validate_warns_when_a_child_drops_a_requirement_and_only_then(tmp_path: Path) -> None:
    drops = _write(tmp_path, "rules:\n  - code: ML101\n    options: {sections_remove: [kader]}\n")
    problems, warnings = validate_file(drops, "en")
    assert problems == []
    assert warnings == [
        f"{drops}:5: warning: rule ML101 ($.rules[0].options.sections_remove): drops 'kader' "
        "from the 'sections' of collegevoorstel's ML101: memos are no longer checked for it"
    ]
    keeps = _write(tmp_path, "rules:\n  - code: ML101\n    options: {sections_add: [vervolg]}\n")
    assert validate_file(keeps, "en") == ([], [])


def test_nested_options_merge_key_by_key(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "rules:\n  - code: ML601\n    options:\n      vocabulary:\n"
        '        triggers: "(?i)\\\\bstoppen\\\\b"\n        deadline_fields_add: [Einddatum]\n',
    )
    vocabulary = _options(path, "ML601")["vocabulary"]
    assert isinstance(vocabulary, dict)
    assert vocabulary["triggers"] == "(?i)\\bstoppen\\b"
    assert vocabulary["deadline_fields"] == [
        "Fatale termijn",
        "Opzegtermijn",
        "Uiterste datum",
        "Einddatum",
    ]
    assert "reservation" in vocabulary  # the rest is inherited


def test_changing_a_rules_kind_keeps_nothing_of_the_old_kind(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "rules:\n  - code: ML201\n    name: budget-line\n    kind: pattern\n    severity: error\n"
        '    options: {require: [{pattern: "Budgetnummer"}]}\n    rationale: {nl: x}\n',
    )
    with pytest.raises(
        PackError, match=r"team\.yaml:4: rule ML201 \(\$\.rules\[0\]\): 'message' is a required"
    ):
        packs.load(str(path))
    with_message = path.read_text("utf-8") + "    message: {nl: 'Geen {what}.'}\n"
    path.write_text(with_message, "utf-8")
    rule = packs.load(str(path)).rule("ML201")
    assert rule is not None and rule.kind == "pattern"
    assert rule.messages == {}  # the field kind's 'not-allowed' message is gone
    assert "section" not in rule.options


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("Onderdeel {0}", r"'\{0\}' is not a placeholder; kind 'required-section' offers"),
        ("Onderdeel {}", r"'\{\}' is not a placeholder"),
        ("{section.__class__}", r"is not a placeholder"),
        ("{section[0]}", r"is not a placeholder"),
        ("{sectoin}", r"unknown placeholder \{sectoin\}: kind 'required-section' offers "),
        (
            "{section:>1500000000}",
            r"format specs and conversions are not allowed; write \{section\}",
        ),
        ("{section!r}", r"format specs and conversions are not allowed"),
        ("Open { brace", r"malformed"),
    ],
)
def test_message_templates_are_checked(tmp_path: Path, template: str, expected: str) -> None:
    path = _write(tmp_path, f"rules:\n  - code: ML101\n    message: {{nl: '{template}'}}\n")
    with pytest.raises(
        PackError, match=r"team\.yaml:5: rule ML101 \(\$\.rules\[0\]\.message\.nl\): .*" + expected
    ):
        packs.load(str(path))


def test_unknown_variant_and_hint_placeholder(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "rules:\n  - code: ML201\n    messages:\n      mising: {nl: x}\n"
        "    hint: {nl: 'Vul {veld} in'}\n",
    )
    problems, _ = validate_file(path, "en")
    assert problems == [
        f"{path}:6: rule ML201 ($.rules[0].messages.mising): unknown variant 'mising': kind "
        "'field' reports missing, not-allowed",
        f"{path}:7: rule ML201 ($.rules[0].hint.nl): unknown placeholder {{veld}}: kind 'field' "
        "offers {key}, {section}, {value}, {allowed}",
    ]


def test_structure_keys_are_checked(tmp_path: Path) -> None:
    path = _write(tmp_path, "structure:\n  decison_section: ontwerp-besluit\n")
    with pytest.raises(
        PackError, match=r"team\.yaml:4: \(\$\.structure\.decison_section\): .*'decison_section'"
    ):
        packs.load(str(path))
    unknown = _write(tmp_path, "structure:\n  decision_section: besluit\n")
    with pytest.raises(
        PackError, match=r"team\.yaml:4: \(\$\.structure\.decision_section\): unknown section"
    ):
        packs.load(str(unknown))


def test_unknown_references_and_patterns_point_at_the_rule(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "rules:\n  - code: ML103\n    severity: info\n    options:\n"
        "      order: [inleiding, kaders]\n"
        "  - code: TM001\n    name: x\n    kind: choice\n    severity: error\n"
        "    options: {group: publiciteit, expect: none}\n"
        "    message: {nl: x}\n    rationale: {nl: x}\n"
        "  - code: TM002\n    name: y\n    kind: pattern\n    severity: error\n"
        "    options: {forbid: [{pattern: '(?<=x)y'}]}\n"
        "    message: {nl: x}\n    rationale: {nl: x}\n",
    )
    problems, _ = validate_file(path, "en")
    assert [p.split(": ", 2)[:2] for p in problems] == [
        [f"{path}:7", "rule ML103 ($.rules[0].options.order[1])"],
        [f"{path}:12", "rule TM001 ($.rules[1].options.group)"],
        [f"{path}:19", "rule TM002 ($.rules[2].options.forbid[0].pattern)"],
    ]
    assert "unknown section 'kaders'" in problems[0]
    assert "unknown choice group 'publiciteit'" in problems[1]
    assert "RE2" in problems[2]


def test_an_error_in_an_inherited_rule_points_into_the_file_that_wrote_it(tmp_path: Path) -> None:
    parent = _write(
        tmp_path,
        "rules:\n  - code: TM001\n    name: x\n    kind: date-reference\n    severity: error\n"
        "    options: {scope: kader}\n    message: {nl: x}\n    rationale: {nl: x}\n",
        "parent.yaml",
    )
    child = tmp_path / "child.yaml"
    child.write_text(
        "name: child\nextends: parent.yaml\nsections:\n  - {id: bijlagen, aliases: [Stukken]}\n"
        "rules:\n  - {code: TM001, severity: warning}\n  - code: ML103\n    options:\n"
        "      order: [kader, bestaat-niet]\n",
        "utf-8",
    )
    assert validate_file(parent, "en") == ([], [])
    problems, _ = validate_file(child, "en")
    assert len(problems) == 1 and problems[0].startswith(
        f"{child}:9: rule ML103 ($.rules[1].options.order[1]): unknown section 'bestaat-niet'"
    )


def test_a_dutch_only_pack_is_accepted_and_english_falls_back(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "title: {nl: Ons team}\nrules:\n  - code: TM001\n    name: x\n    kind: pattern\n"
        "    severity: warning\n    options: {forbid: [{pattern: x, what: {nl: de letter x}}]}\n"
        "    message: {nl: 'Vermijd {what}.'}\n    rationale: {nl: Eenvoudig.}\n",
    )
    pack = packs.load(str(path))
    rule = pack.rule("TM001")
    assert rule is not None
    assert pack.title.get("en") == "Ons team"
    assert rule.message.get("en") == "Vermijd {what}."
    assert rule.options["forbid"] == [
        {"pattern": "x", "what": {"nl": "de letter x", "en": "de letter x"}}
    ]


def test_a_text_needs_one_language(tmp_path: Path) -> None:
    path = _write(tmp_path, "title: {}\n")
    with pytest.raises(PackError, match=r"team\.yaml:3: \(\$\.title\): .*"):
        packs.load(str(path))


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{0} and {match}", "{0} and x"),
        ("{match:>1500000000}", "{match:>1500000000}"),
        ("{match.__class__}", "{match.__class__}"),
        ("{match!r}", "{match!r}"),
        ("{mach}", "{mach}"),
        ("broken {", "broken {"),
        ("{{literal}} {match}", "{literal} x"),
    ],
)
def test_rendering_never_fails_and_never_evaluates(template: str, expected: str) -> None:
    """A template that slipped past validation (a plugin kind's) cannot break a run."""
    assert render(template, {"match": "x"}) == expected


def test_the_file_models_are_built_from_the_run_time_classes() -> None:
    """pack.py is where the shape is written (issue 11.4): each pack-file model has exactly
    the record class's file fields (by their file names) plus what loading resolves."""
    from memo_lint import pack, pack_model
    from memo_lint.model import fields_of

    for runtime, name in [
        (pack.SectionDef, "Section"),
        (pack.ChoiceDef, "Choice"),
        (pack.RuleDef, "Rule"),
        (pack.RuleSource, "Source"),
        (pack.Cue, "Cue"),
        (pack.KindDef, "Kind"),
        (pack.ConceptDef, "Concept"),
        (pack.Pack, "PackFile"),
    ]:
        model = pack_model.model_of(runtime)
        assert model is pack_model.MODELS[name]
        file_keys = [
            item.metadata.get("key", item.name)
            for item in fields_of(runtime)
            if item.init
            and not item.metadata.get("runtime")
            and item.metadata.get("key") != pack.KEY
        ]
        only = list(getattr(runtime, "FILE_ONLY", {}))
        assert sorted(model.model_fields) == sorted(file_keys + only), name
        assert model.FILE_REQUIRED == runtime.FILE_REQUIRED
        assert model.__doc__ == runtime.__doc__


def test_loading_a_pack_imports_no_pydantic() -> None:
    """The run-time classes are the shape's one description, yet a run that loads a validated
    pack (pre-compiled or cached) stays free of pydantic's start-up cost."""
    import subprocess
    import sys

    code = (
        "import sys; from memo_lint import packs; packs.load('zwolle-beslisnota'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'jsonschema')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_pack_building_reads_each_field_type_as_get_type_hints_does() -> None:
    """pack._hint evaluates a field's annotation itself (no compile of every annotation in the
    class hierarchy); for every record of the pack it gives what typing.get_type_hints gives."""
    import typing

    from memo_lint import pack
    from memo_lint.model import Record, fields_of

    records = [
        kind
        for kind in vars(pack).values()
        if isinstance(kind, type) and issubclass(kind, Record) and kind.__module__ == pack.__name__
    ]
    assert len(records) >= 8
    for kind in records:
        hints = typing.get_type_hints(kind)
        for item in fields_of(kind):
            assert pack._hint(kind, item.name) == hints[item.name], (kind, item.name)
