"""Every error that ends a run with exit code 2 is said in Dutch (the default) or English
(``--lang en``), as one ``memo-lint: fout: ...`` / ``memo-lint: error: ...`` line that says
what to do; click's usage errors add one usage line. A run that goes well says none of it."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from helpers import SEED_TXT, modules_a_check_imports
from memo_lint.cli import main
from memo_lint.cli_common import language_in
from memo_lint.cli_errors import CLICK_TEXTS
from memo_lint.errors import ConfigError, Phrase


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# (arguments, Dutch words, English words): each a usage error of click's or memo-lint's.
USAGE_ERRORS = [
    (
        ["check", "--format", "xml", "memo.txt"],
        ["ongeldige waarde voor '--format'", "kies één van: 'text', 'concise'"],
        ["invalid value for '--format'", "choose one of: 'text', 'concise'"],
    ),
    (
        ["check", "--jobs", "0", "memo.txt"],
        ["'--jobs' / '-j'", "valt buiten het bereik x>=1; geef een getal daarbinnen"],
        ["'--jobs' / '-j'", "is not in the range x>=1; give a number within it"],
    ),
    (
        ["check", "--jobs", "x", "memo.txt"],
        ["'x' is geen getal; geef een getal"],
        ["'x' is not a number; give a number"],
    ),
    (
        ["check", "--bogus", "memo.txt"],
        ["onbekende optie '--bogus'; bedoelde je '--jobs'?"],
        ["no such option '--bogus'; did you mean '--jobs'?"],
    ),
    (
        ["check", "--zzzzzz", "memo.txt"],
        ["onbekende optie '--zzzzzz'; laat hem weg of kies een optie uit 'main check --help'"],
        ["no such option '--zzzzzz'; leave it out or pick an option from 'main check --help'"],
    ),
    (
        ["chek"],
        ["onbekende opdracht 'chek'; bedoelde je 'check'?"],
        ["no such command 'chek'; did you mean 'check'?"],
    ),
    (
        ["template"],
        ["het argument 'PACK' ontbreekt; geef het op"],
        ["missing argument 'PACK'; give it"],
    ),
    (
        ["check", "--config", "no-such.toml"],
        ["'--config'", "'no-such.toml' bestaat niet; controleer de naam en de map"],
        ["'--config'", "'no-such.toml' does not exist; check the name and the folder"],
    ),
    (
        ["check", "--format"],
        ["de optie '--format' heeft een waarde nodig; zet die erachter"],
        ["option '--format' needs a value; put one after it"],
    ),
    (
        ["check", "--today", "2026-13-01", "memo.txt"],
        ["'--today'", "'2026-13-01' is geen datum; schrijf JJJJ-MM-DD"],
        ["'--today'", "'2026-13-01' is not a date; write YYYY-MM-DD"],
    ),
    (
        ["check", "--stdin-filename", "a.md", "memo.txt"],
        ["'--stdin-filename'", "geef '-' of laat --stdin-filename weg"],
        ["'--stdin-filename'", "give '-' or leave out --stdin-filename"],
    ),
    (
        ["check", "--report", "xml:out.xml", "memo.txt"],
        ["schrijf FORMAAT:PAD, met als FORMAAT één van: text, concise"],
        ["write FORMAT:PATH, with FORMAT one of: text, concise"],
    ),
    (
        ["check", "missing.txt"],
        ["bestand of map bestaat niet: missing.txt; controleer de namen"],
        ["no such file or folder: missing.txt; check the names"],
    ),
    (
        ["rules", "--format", "xml"],
        ["'xml' is geen van de keuzes; kies één van: 'table', 'markdown', 'json'"],
        ["'xml' is not one of the choices; choose one of: 'table', 'markdown', 'json'"],
    ),
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / ".cache"))
    (tmp_path / "memo.txt").write_bytes(SEED_TXT.read_bytes())
    return tmp_path


def _said(result: Result, prefix: str, words: list[str]) -> list[str]:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(prefix), result.stderr
    assert all(word in lines[0] for word in words), lines[0]
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr
    return lines


@pytest.mark.parametrize(("args", "dutch", "english"), USAGE_ERRORS, ids=lambda v: str(v)[:40])
def test_usage_errors_are_dutch_by_default_and_english_with_lang_en(
    folder: Path, args: list[str], dutch: list[str], english: list[str]
) -> None:
    nl = _said(_run(*args), "memo-lint: fout: ", dutch)
    # --lang is read from the command line before click parses it: it counts even when the
    # error comes first (an unknown option, a bad value before it)
    english_args = [args[0], "--lang", "en", *args[1:]]
    en = _said(_run(*english_args), "memo-lint: error: ", english)
    if len(nl) > 1:  # click's errors: the usage, with where all options are explained
        assert nl[1].startswith("gebruik: main") and nl[1].endswith(" --help)")
        assert en[1].startswith("usage: main") and en[1].endswith(" --help)")
        assert len(nl) == len(en) == 2


@pytest.mark.parametrize(
    ("command", "dutch", "english"),
    [
        (
            ["explain", "ML999"],
            "geen regel 'ML999' in de ingebouwde pakketten; zie 'memo-lint rules --all'",
            "no rule 'ML999' in any built-in pack; see 'memo-lint rules --all'",
        ),
        (
            ["explain", "--kind", "nope"],
            "geen controlesoort 'nope'; zie 'memo-lint kinds'",
            "no check kind 'nope'; see 'memo-lint kinds'",
        ),
        (
            ["explain"],
            "geef een regelcode, of --kind NAAM",
            "give a rule code, or --kind NAME",
        ),
    ],
)
def test_memo_lints_own_errors_are_one_line_in_either_language(
    folder: Path, command: list[str], dutch: str, english: str
) -> None:
    assert len(_said(_run(*command), "memo-lint: fout: ", [dutch])) == 1
    assert len(_said(_run(*command, "--lang", "en"), "memo-lint: error: ", [english])) == 1


@pytest.mark.parametrize(
    ("config", "dutch", "english"),
    [
        (
            "selct = ['ML1']\n",
            ".memo-lint.toml: onbekende sleutel 'selct'; bedoelde je 'select'?",
            ".memo-lint.toml: unknown key 'selct'; did you mean 'select'?",
        ),
        (
            "colour = 1\n",
            "onbekende sleutel 'colour'; verwijder hem",
            "unknown key 'colour'; remove it",
        ),
        (
            "fail-on = 3\n",
            "sleutel 'fail-on': 3 kan niet; kies één van: 'error', 'warning', 'info'",
            "key 'fail-on': 3 is not allowed; choose one of: 'error', 'warning', 'info'",
        ),
        (
            "select = 'ML1'\n",
            "sleutel 'select': 'ML1' is geen lijst; schrijf bijvoorbeeld [\"ML1\", \"ML301\"]",
            "key 'select': 'ML1' is not a list; write e.g. [\"ML1\", \"ML301\"]",
        ),
        (
            "[limits]\nmax-chars = 0\n",
            "sleutel 'limits.max-chars': 0 is te klein; geef een getal groter dan 0",
            "key 'limits.max-chars': 0 is too small; give a number greater than 0",
        ),
        (
            "[[overrides]]\npack = 'x'\n",
            "sleutel 'overrides.0.files' ontbreekt; voeg hem toe",
            "key 'overrides.0.files' is missing; add it",
        ),
        (
            "fail-on =\n",
            ".memo-lint.toml:1:10: ongeldige TOML (Invalid value); verbeter het bestand",
            ".memo-lint.toml:1:10: invalid TOML (Invalid value); correct the file",
        ),
        (
            "select = ['XX!']\n",
            "'XX!' is geen regelcode, voorvoegsel of regelnaam; schrijf bijvoorbeeld ML101",
            "'XX!' is not a rule code, prefix or name; write e.g. ML101",
        ),
        (
            "[severity]\nML1 = 'error'\n",
            "severity: 'ML1' is een voorvoegsel; geef de volledige code",
            "severity: 'ML1' is a prefix; give one rule's full code",
        ),
    ],
)
def test_config_errors_name_the_file_and_key_in_either_language(
    folder: Path, config: str, dutch: str, english: str
) -> None:
    (folder / ".memo-lint.toml").write_text(config, "utf-8")
    nl = _said(_run("check", "memo.txt"), "memo-lint: fout: ", [dutch])
    en = _said(_run("check", "memo.txt", "--lang", "en"), "memo-lint: error: ", [english])
    assert len(nl) == len(en) == 1  # no usage line: the command line was right


# (config text after `lang = "en"`, extra arguments, English words): each an exit-2 error found
# after that config was read, about it, its pack or the run it configured.
ERRORS_OF_A_CONFIGURED_RUN = [
    ("fail-on = 'bogus'\n", [], "key 'fail-on': 'bogus' is not allowed"),
    ("select = ['ML999']\n", [], "select: 'ML999' names no rule"),
    ("pack = 'nosuch.yaml'\n", [], "rule pack file not found"),
    ("select = ['ML1']\npack = 'bad.yaml'\n", [], "invalid YAML"),
    ("", ["--select", "ML999"], "--select: 'ML999' names no rule"),
    ("", ["--output-file", "memo.txt"], "refusing to write a report over a memo"),
    ("", ["--jobs", "2", "--output-file", "memo.txt", "other.txt"], "refusing to write a report"),
]


@pytest.mark.parametrize(("config", "args", "english"), ERRORS_OF_A_CONFIGURED_RUN)
def test_a_configs_lang_is_the_language_of_its_errors_unless_the_command_line_names_one(
    folder: Path, config: str, args: list[str], english: str
) -> None:
    (folder / ".memo-lint.toml").write_text("lang = 'en'\n" + config, "utf-8")
    (folder / "bad.yaml").write_text("name: [\n", "utf-8")
    (folder / "other.txt").write_bytes(SEED_TXT.read_bytes())
    command = ["check", "--today", "2026-11-29", *args, "memo.txt"]
    en = _said(_run(*command), "memo-lint: error: ", [english])
    nl = _said(_run(*command, "--lang", "nl"), "memo-lint: fout: ", [])
    assert len(en) == len(nl) == 1 and english not in nl[0]
    (folder / ".memo-lint.toml").write_text(config, "utf-8")  # no lang: Dutch, the default
    assert english not in _said(_run(*command), "memo-lint: fout: ", [])[0]


def test_a_configs_lang_is_the_language_of_the_whole_report(folder: Path) -> None:
    """Not only the findings: the summary and the rules' descriptions too, as with --lang."""
    (folder / ".memo-lint.toml").write_text("lang = 'en'\n", "utf-8")
    (folder / "memo.txt").write_text("Dit is geen memo.\n", "utf-8")
    for fmt in ("text", "sarif"):
        configured, english, dutch = (
            _run("check", "--today", "2026-11-29", "--format", fmt, *lang, "memo.txt").stdout
            for lang in ([], ["--lang", "en"], ["--lang", "nl"])
        )
        assert configured == english != dutch


def test_a_run_that_goes_well_says_no_usage(folder: Path) -> None:
    for args in (["check", "--today", "2026-11-29", "memo.txt"], ["rules"], ["--help"]):
        result = _run(*args)
        assert result.exit_code in (0, 1), result.output
        assert not {"gebruik:", "usage:", "fout:", "error:"} & set(result.stderr.split())


def test_a_check_that_goes_well_loads_no_error_texts() -> None:
    assert (
        modules_a_check_imports(SEED_TXT, ["memo_lint.cli_errors", "memo_lint.messages_errors"])
        == []
    )


@pytest.mark.parametrize("group", [[], ["pack"]])
def test_help_for_a_bare_group_is_left_to_click(folder: Path, group: list[str]) -> None:
    result = _run(*group)
    assert result.exit_code == 2
    assert "Commands:" in result.output and "fout" not in result.output


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        ([], None),
        (["check", "--lang", "en"], "en"),
        (["check", "--lang=en", "x"], "en"),
        (["check", "--lang", "en", "--lang", "nl"], "nl"),
        (["check", "--lang", "fr"], None),
        (["check", "--lang"], None),
        (["check", "--", "--lang", "en"], None),
    ],
)
def test_the_language_is_the_last_lang_on_the_command_line(
    args: list[str], lang: str | None
) -> None:
    assert language_in(args) == lang


def test_an_error_keeps_its_words_across_processes() -> None:
    error = ConfigError(
        Phrase("config.unknown-key", where="a.toml", key="x", action=Phrase("config.remove-key"))
    )
    again = pickle.loads(pickle.dumps(error.said_in("en")))
    assert again.text("nl") == error.text("nl") != error.text("en") == str(again)
    assert again.lang == "en" == error.said_in("nl").lang  # a language of its own stays
    assert str(error).startswith("a.toml: unknown key 'x'; remove it")


def _click_templates() -> set[str]:
    """Every text click passes to gettext in the modules that make its usage errors."""
    root = Path(click.__file__).parent
    found = set()
    for name in ("exceptions.py", "parser.py", "types.py", "core.py"):
        for node in ast.walk(ast.parse((root / name).read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
                found |= {a.value for a in node.args if isinstance(a, ast.Constant)}
    return {text for text in found if isinstance(text, str)}


# Said through the exception's class (NoSuchOption, MissingParameter, BadParameter, ...) or
# replaced by memo-lint's own lines (LocalisedUsageError.show): their text is never matched.
STRUCTURAL = {
    "Did you mean {possibility}?",
    "(Did you mean one of: {possibilities}?)",
    "Missing argument",
    "Missing option",
    "Missing parameter",
    "Missing parameter: {param_name}",
    "Missing {param_type}",
    "Invalid value for {param_hint}: {message}",
    "Invalid value: {message}",
    "Error: {message}",
    "Try '{command} {option}' for help.",
    "No such option {name!r}.",
    "No such command {name!r}.",
}
# Texts memo-lint's options cannot produce (no such types or options), the help page's words
# (help stays click's), and errors in a program's own declarations: kept in click's English.
NOT_TRANSLATED = {
    "unknown error",
    "Could not open file {filename!r}: {message}",
    "Invalid start character for option ({option})",
    "Option {name!r} requires {nargs} arguments.",
    "Argument {name!r} takes {nargs} values.",
    "file",
    "directory",
    "path",
    "Choose from:\n\t{choices}",
    "Choice({choices})",
    "{value!r} does not match the format {format}.",
    "{value!r} does not match the formats {formats}.",
    "{value!r} is not a valid boolean. Recognized values: {states}",
    "{len_type} values are required, but {len_value} was given.",
    "{len_type} values are required, but {len_value} were given.",
    "{value!r} is not a valid UUID.",
    "{name} {filename!r} is not executable.",
    "Aborted!",
    "Missing command.",  # groups show their help instead (no_args_is_help)
    "deprecated",
    "Options",
    "Positional arguments",
    "Commands",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}",
    "Value must be an iterable.",
    "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?",
    "env var: {var}",
    "default: {default}",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "(dynamic)",
    "Name '{name}' defined twice",
    "Takes {nargs} values but 1 was given.",
    "Takes {nargs} values but {len} were given.",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
}


def test_every_click_template_is_translated_structural_or_known_to_stay_english() -> None:
    """A click upgrade that changes a template memo-lint translates (or adds one) fails here:
    update memo_lint.cli_errors.CLICK_TEXTS and these lists."""
    templates = _click_templates()
    assert set(CLICK_TEXTS) <= templates, set(CLICK_TEXTS) - templates
    assert templates == set(CLICK_TEXTS) | STRUCTURAL | NOT_TRANSLATED, templates ^ (
        set(CLICK_TEXTS) | STRUCTURAL | NOT_TRANSLATED
    )


# (pack text, Dutch words, English words): each a problem `pack validate` and `check --pack`
# report with the file and line, the rule and the JSON path.
BAD_PACKS = [
    (
        "name: x\nrules: 5\n",  # was a TypeError traceback
        "bad.yaml:2: ($.rules): 5 is niet van het type 'array'; schrijf hier een lijst",
        "bad.yaml:2: ($.rules): 5 is not of type 'array'; write a list",
    ),
    (
        "name: x\nrules:\n  - code: ML101\n    kind: nope\n",
        "bad.yaml:4: regel ML101 ($.rules[0].kind): 'nope' is geen toegestane waarde; kies één "
        "van: 'argument-reference'",
        "bad.yaml:4: rule ML101 ($.rules[0].kind): 'nope' is not one of the allowed values; "
        "choose one of: 'argument-reference'",
    ),
    (
        "name: [x\n",
        "bad.yaml:2:1: ongeldige YAML (did not find expected ',' or ']'); verbeter het bestand",
        "bad.yaml:2:1: invalid YAML (did not find expected ',' or ']'); correct the file",
    ),
    (
        "extends: collegevoorstel\nname: x\nstructur: {}\n",
        "bad.yaml:3: ($.structur): onbekende sleutel 'structur'; bedoelde je 'structure'?",
        "bad.yaml:3: ($.structur): unknown key 'structur'; did you mean 'structure'?",
    ),
    (
        "extends: collegevoorstel\nname: x\nrules:\n  - code: ML103\n"
        "    options: {order_remove: [nergens]}\n",
        "'nergens' staat niet in 'order' van ML103 van collegevoorstel; haal het uit de lijst",
        "'nergens' not in the 'order' of collegevoorstel's ML103; take it out of the list",
    ),
    (
        "extends: collegevoorstel\nname: x\nrules:\n  - code: TM001\n    name: t\n"
        "    kind: pattern\n    severity: warning\n    message: {nl: x, en: x}\n"
        "    rationale: {nl: x, en: x}\n"
        "    options: {forbid: [{pattern: '(?<=a)b', what: {nl: x, en: x}}]}\n",
        "bad.yaml:10: regel TM001 ($.rules[0].options.forbid[0].pattern): ongeldig patroon "
        "'(?<=a)b': invalid perl operator: (?<=; patronen zijn RE2",
        "bad.yaml:10: rule TM001 ($.rules[0].options.forbid[0].pattern): invalid pattern "
        "'(?<=a)b': invalid perl operator: (?<= (patterns run on RE2",
    ),
    (
        "extends: nope\nname: x\n",
        "onbekend regelpakket 'nope'; ingebouwde pakketten: almere-raadsvoorstel",
        "unknown rule pack 'nope'; built-in packs: almere-raadsvoorstel",
    ),
]


@pytest.mark.parametrize(("pack", "dutch", "english"), BAD_PACKS, ids=range(len(BAD_PACKS)))
def test_pack_problems_name_file_line_rule_and_path_in_either_language(
    folder: Path, pack: str, dutch: str, english: str
) -> None:
    (folder / "bad.yaml").write_text(pack, "utf-8")
    for lang, words in (("nl", dutch), ("en", english)):
        validated = _run("pack", "validate", "bad.yaml", "--lang", lang)
        assert validated.exit_code == 2
        assert words in validated.stdout, validated.stdout
        checked = _run("check", "--pack", "bad.yaml", "memo.txt", "--lang", lang)
        prefix = "memo-lint: fout: " if lang == "nl" else "memo-lint: error: "
        assert len(_said(checked, prefix, [words])) == 1


def test_a_valid_pack_is_ok_in_either_language(folder: Path) -> None:
    (folder / "good.yaml").write_text("extends: collegevoorstel\nname: x\n", "utf-8")
    for lang in ("nl", "en"):
        result = _run("pack", "validate", "good.yaml", "--lang", lang)
        assert (result.exit_code, result.output) == (0, "good.yaml: ok\n")


@pytest.mark.parametrize(
    ("args", "dutch", "english"),
    [
        (
            ["--select", "ML9"],
            "--select: 'ML9' noemt geen regel (geen regelcode begint met ML9); bedoelde je ML8?",
            "--select: 'ML9' names no rule (no rule code starts with ML9); did you mean ML8?",
        ),
        (
            ["--ignore", "budget-chnage-details"],
            "(geen regel heet 'budget-chnage-details'); bedoelde je ML202 (budget-change-",
            "(no rule is called 'budget-chnage-details'); did you mean ML202 (budget-change-",
        ),
        (
            ["--select", "ML1O1"],
            "'ML1O1' is geen regelcode, voorvoegsel of regelnaam",
            "'ML1O1' is not a rule code, prefix or name",
        ),
    ],
)
def test_unknown_rule_codes_in_either_language(
    folder: Path, args: list[str], dutch: str, english: str
) -> None:
    assert len(_said(_run("check", *args, "memo.txt"), "memo-lint: fout: ", [dutch])) == 1
    english_run = _run("check", *args, "memo.txt", "--lang", "en")
    assert len(_said(english_run, "memo-lint: error: ", [english])) == 1


@pytest.mark.parametrize(
    ("args", "dutch", "english"),
    [
        (
            ["-o", "memo.txt"],
            "memo.txt: memo-lint schrijft geen rapport over een memo dat het controleert; kies "
            "een andere naam voor het rapport",
            "memo.txt: refusing to write a report over a memo being checked; choose another "
            "name for the report",
        ),
        (
            ["-o", "report.txt", "--report", "json:sub"],
            "kan sub niet schrijven: het is een map; geef een bestandsnaam",
            "cannot write sub: it is a folder; give a file name",
        ),
    ],
)
def test_a_report_that_cannot_be_written_says_what_to_do_in_either_language(
    folder: Path, args: list[str], dutch: str, english: str
) -> None:
    (folder / "sub").mkdir()
    check = ["check", "--today", "2026-11-29", "memo.txt", *args]
    assert _said(_run(*check), "memo-lint: fout: ", [dutch]) == [f"memo-lint: fout: {dutch}"]
    english_run = _run(*check, "--lang", "en")
    assert _said(english_run, "memo-lint: error: ", [english]) == [f"memo-lint: error: {english}"]
