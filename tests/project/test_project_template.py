"""`memo-lint template PACK`: a skeleton that fails on its placeholders and, filled, passes.

The fill script below stands in for a writer: it replaces every placeholder with realistic
content for its section and marks one box of each exactly-one choice, nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from memo_lint import packs
from memo_lint.api import LintOptions, lint_paths
from memo_lint.checks.decision_formula import formula_text
from memo_lint.memo_template import memo_template, template_sections
from memo_lint.pack import Pack

Run = Callable[..., Result]
PACKS = packs.builtin_names()  # whatever packs exist now, including the ones added later
PLACEHOLDER = re.compile(r"\[invullen(?::[^\]]*)?\]")
SUBJECT = "Deelname aan de City Deal Een nieuwe kijk op wonen"
SECTION_TEXT = {
    "samenvatting": "Het college neemt deel aan de tweede fase van de City Deal Een nieuwe kijk "
    "op wonen, samen met vijf andere gemeenten en het Rijk.",
    "inleiding": "In 2022 trad Zwolle toe tot de City Deal. De eerste fase is afgerond; de "
    "partners vragen de gemeenten om een besluit over de tweede fase.",
    "toelichting": "De eerste fase leverde drie pilots op met nieuwe woonvormen voor ouderen. "
    "De resultaten staan in het rapport van de programmaleiding.",
    "kader": "Collegevoorstel 31-05-2022: Deelname City Deal Een nieuwe kijk op wonen, en de "
    "Woonvisie Zwolle 2021.",
    "beoogd-effect": "Meer passende woningen voor ouderen en jongeren door nieuwe woonvormen.",
    "argumenten": "1.1 Deelname levert kennis op die de gemeente niet alleen kan opbouwen.\n\n"
    "De partners delen hun resultaten met alle deelnemende gemeenten.",
    "alternatieven": "Zelf onderzoek laten doen; dat kost meer tijd en levert minder kennis op.",
    "draagvlak": "Woningcorporaties en huurdersverenigingen werken mee aan de pilots.",
    "communicatie": "Na het besluit verschijnt een bericht op de website van de gemeente.",
    "financien": "Dit voorstel heeft geen financiële gevolgen.",
    "risicos": "Er zijn geen bijzondere risico's; de deelname vraagt alleen ambtelijke inzet.",
    "vervolg": "De projectgroep rapporteert in het vierde kwartaal van 2024 over de pilots.",
    "bijlagen": "Geen bijlagen.",
}
OTHER_SECTION = "Dit onderdeel is uitgewerkt met de betrokken afdelingen en partners."
FIELD_VALUES = {
    "Begroting wijzigen": "Nee",
    "Budgetnummer": "N.v.t.",
    "Onderwerp": SUBJECT,
    "Portefeuillehouder": "Wethouder M. de Vries",
    "Portefeuille": "Wonen",
    "Betreft doel": "9.1.3 We bouwen aan een moderne informatievoorziening",
    "Fatale termijn": "Geen",
}
DECISION_POINT = "In te stemmen met deelname aan de tweede fase van de City Deal."
MEMO_DATE = "2024-03-01"


def fill(template: str, pack: Pack) -> str:
    """Replace every placeholder the way a writer would, section by section."""
    exactly_one = [
        pack.choices[r.options["group"]].options[0]
        for r in pack.rules
        if r.kind == "choice"
        and r.options.get("expect") == "exactly-one"
        and r.options.get("group") in pack.choices
    ]
    section: str | None = None
    out: list[str] = []
    for line in template.splitlines():
        if line.startswith("## "):
            found = pack.section_for_title(line[3:])
            section = found.id if found else None
        elif line.startswith("datum: "):
            line = f"datum: {MEMO_DATE}"
        elif line.startswith("# "):
            line = PLACEHOLDER.sub(SUBJECT, line)
        elif line.startswith("| ") and PLACEHOLDER.search(line):
            key = line.split("|")[1].strip()
            line = PLACEHOLDER.sub(FIELD_VALUES.get(key, "N.v.t."), line)
        elif re.match(r"^1\. \[invullen\]$", line):
            line = f"1. {DECISION_POINT}"
        elif PLACEHOLDER.fullmatch(line.strip()):
            line = SECTION_TEXT.get(section or "", OTHER_SECTION)
        elif PLACEHOLDER.search(line):  # the operative formula's blanks
            line = PLACEHOLDER.sub("Zwolle", line)
        for option in exactly_one:
            if line == f"- [ ] {option}":
                line = f"- [x] {option}"
                exactly_one.remove(option)
                break
        out.append(line)
    return "\n".join(out) + "\n"


def _lint(path: Path) -> list[tuple[str, str, int, str]]:
    report = lint_paths([path], LintOptions(use_cache=False))
    return [(v.code, v.severity.value, v.span.line, v.message) for v in report.violations]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / ".cache"))
    return tmp_path


@pytest.mark.parametrize("name", PACKS)
def test_template_fails_on_placeholders_and_passes_once_filled(
    name: str, run: Run, folder: Path
) -> None:
    result = run("template", name)
    assert result.exit_code == 0, result.output
    template = result.stdout
    assert template.startswith(f"---\ntype: {name}\ndatum: [invullen]\n---\n")
    blank = folder / "blank.md"
    blank.write_text(template, "utf-8")
    findings = _lint(blank)
    assert any(code == "ML701" for code, *_ in findings), findings
    assert lint_paths([blank], LintOptions(use_cache=False)).exit_code == 1

    pack = packs.load(name)
    filled = fill(template, pack)
    assert not PLACEHOLDER.search(filled), filled
    memo = folder / "filled.md"
    memo.write_text(filled, "utf-8")
    report = lint_paths([memo], LintOptions(use_cache=False))
    assert report.files[0].pack == name
    errors = [f for f in _lint(memo) if f[1] == "error"]
    assert errors == [], filled
    assert report.exit_code == 0


def test_collegevoorstel_skeleton_has_what_the_rules_ask_for(run: Run, folder: Path) -> None:
    text = run("template", "collegevoorstel").stdout
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    pack = packs.load("collegevoorstel")
    assert headings == [pack.section_title(s) for s in template_sections(pack)]
    assert headings == [s.title for s in pack.sections]  # no own order: the pack's
    assert headings[:2] == ["Samenvatting", "Financiële gevolgen"]
    assert "| Begroting wijzigen | [invullen: Ja of Nee] |" in text
    assert "| Budgetnummer | [invullen] |" in text
    assert "- [ ] Openbaar\n- [ ] Geheim\n" in text
    assert "- [ ] Conform\n- [ ] Gewijzigd\n- [ ] Aangehouden\n- [ ] Teruggenomen\n" in text
    decision = text.split("## Ontwerp besluit\n", 1)[1].split("## ", 1)[0]
    assert decision.strip() == "Het college besluit:\n\n1. [invullen]"
    kader = text.split("## Kader\n", 1)[1].split("## ", 1)[0]
    assert "<!-- ML401: " in kader and kader.rstrip().endswith("[invullen]")
    assert text.splitlines()[5] == "# Collegevoorstel / beslisnota: [invullen: onderwerp]"


def test_raadsvoorstel_skeleton_follows_its_own_order_and_formula(run: Run, folder: Path) -> None:
    pack = packs.load("raadsvoorstel")
    text = run("template", "raadsvoorstel").stdout
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings[0] == "Voorgesteld raadsbesluit" and "Collegebesluit" not in headings
    assert "Openbaarheid" not in headings and "- [ ] Conform" not in text
    formula = formula_text(next(r for r in pack.rules if r.kind == "decision-formula"), pack)
    assert formula.startswith("De raad van de gemeente [invullen]") and formula.endswith("besluit:")
    assert formula in text


def test_english_comments_and_output_file(run: Run, folder: Path) -> None:
    result = run("template", "collegevoorstel", "--lang", "en", "-o", "nieuw.md")
    assert result.exit_code == 0 and result.stdout == ""
    text = (folder / "nieuw.md").read_text("utf-8")
    assert text == memo_template(packs.load("collegevoorstel"), "en")
    assert "# Proposal to the college (beslisnota): [invullen: onderwerp]" in text
    assert "<!-- ML401: Kader names a framework" in text
    again = run("template", "collegevoorstel", "-o", "nieuw.md")
    assert again.exit_code == 2 and "bestaat al" in again.stderr


def test_unknown_pack_exits_2(run: Run, folder: Path) -> None:
    result = run("template", "bestaat-niet", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith("memo-lint: error: unknown rule pack 'bestaat-niet'")


def test_every_placeholder_line_in_the_body_is_reported_by_ml701(run: Run, folder: Path) -> None:
    text = run("template", "collegevoorstel").stdout
    blank = folder / "blank.md"
    blank.write_text(text, "utf-8")
    lines = text.splitlines()
    body_start = lines.index("---", 1) + 2
    expected = {
        n for n, line in enumerate(lines, 1) if n >= body_start and PLACEHOLDER.search(line)
    }
    reported = {line for code, _, line, _ in _lint(blank) if code == "ML701"}
    assert expected - reported == set()
