"""The catalogue's second half: what memo-lint says when a run ends with exit code 2.

Usage, config and rule-pack errors, in Dutch and English like every entry of
:data:`memo_lint.messages.CATALOGUE` (:func:`memo_lint.messages.say` finds them by key), kept
in their own module so that a run that ends well never loads them. Each text says what is
wrong and what to do about it; :class:`memo_lint.errors.Phrase` carries a key and its values
until the language is known. The language is ``--lang`` as written on the command line,
else Dutch (the built-in packs' language): an error may come before any pack is read.
"""

from __future__ import annotations

from memo_lint.messages import LocalText

Text = LocalText


def said(key: str, lang: str, /, **values: object) -> str:
    """Entry ``key`` in ``lang``, its placeholders filled from ``values``."""
    return ERRORS[key].get(lang).format(**values)


ERRORS: dict[str, LocalText] = {
    # -- how an error is shown (cli_common.fail, cli_errors.LocalisedUsageError) -----------
    "error.line": Text(nl="memo-lint: fout: {problem}", en="memo-lint: error: {problem}"),
    "error.usage": Text(
        nl="gebruik: {usage} (alle opties: {command} --help)",
        en="usage: {usage} (all options: {command} --help)",
    ),
    # -- click's usage errors (memo_lint.cli_errors.CLICK_TEXTS maps click's own texts) -----
    "click.no-such-option": Text(
        nl="onbekende optie {name}; {action}", en="no such option {name}; {action}"
    ),
    "click.no-such-command": Text(
        nl="onbekende opdracht {name}; {action}", en="no such command {name}; {action}"
    ),
    "click.did-you-mean": Text(nl="bedoelde je {names}?", en="did you mean {names}?"),
    "click.pick-option": Text(
        nl="laat hem weg of kies een optie uit '{command} --help'",
        en="leave it out or pick an option from '{command} --help'",
    ),
    "click.pick-command": Text(
        nl="kies een opdracht uit '{command} --help'",
        en="pick a command from '{command} --help'",
    ),
    "click.missing-argument": Text(
        nl="het argument {name} ontbreekt; geef het op", en="missing argument {name}; give it"
    ),
    "click.missing-option": Text(
        nl="de optie {name} ontbreekt; geef haar op", en="missing option {name}; give it"
    ),
    "click.invalid-value-for": Text(
        nl="ongeldige waarde voor {name}: {problem}", en="invalid value for {name}: {problem}"
    ),
    "click.invalid-value": Text(nl="ongeldige waarde: {problem}", en="invalid value: {problem}"),
    "click.not-the-choice": Text(
        nl="{value} kan hier niet; geef {choice}", en="{value} is not allowed here; give {choice}"
    ),
    "click.not-a-choice": Text(
        nl="{value} is geen van de keuzes; kies één van: {choices}",
        en="{value} is not one of the choices; choose one of: {choices}",
    ),
    "click.out-of-range": Text(
        nl="{value} valt buiten het bereik {range}; geef een getal daarbinnen",
        en="{value} is not in the range {range}; give a number within it",
    ),
    "click.not-a-number": Text(
        nl="{value} is geen getal; geef een getal, bijvoorbeeld 2",
        en="{value} is not a number; give a number, e.g. 2",
    ),
    "click.path-missing": Text(
        nl="{filename} bestaat niet; controleer de naam en de map",
        en="{filename} does not exist; check the name and the folder",
    ),
    "click.path-is-file": Text(
        nl="{filename} is een bestand; geef een map", en="{filename} is a file; give a folder"
    ),
    "click.path-is-folder": Text(
        nl="{filename} is een map; geef een bestand", en="{filename} is a folder; give a file"
    ),
    "click.path-unreadable": Text(
        nl="{filename} kan niet worden gelezen; controleer de rechten",
        en="{filename} cannot be read; check its permissions",
    ),
    "click.path-unwritable": Text(
        nl="{filename} kan niet worden geschreven; controleer de rechten of kies een andere plek",
        en="{filename} cannot be written; check its permissions or choose another place",
    ),
    "click.needs-value": Text(
        nl="de optie {name} heeft een waarde nodig; zet die erachter",
        en="option {name} needs a value; put one after it",
    ),
    "click.takes-no-value": Text(
        nl="de optie {name} neemt geen waarde; laat '=...' weg",
        en="option {name} takes no value; leave out the '=...'",
    ),
    "click.extra-argument": Text(
        nl="onverwacht argument ({args}); laat het weg of zet de optie waar het bij hoort ervoor",
        en="unexpected extra argument ({args}); leave it out or put its option before it",
    ),
    "click.extra-arguments": Text(
        nl="onverwachte argumenten ({args}); laat ze weg of zet de opties waar ze bij horen ervoor",
        en="unexpected extra arguments ({args}); leave them out or put their options before them",
    ),
    # -- memo-lint's own usage errors (cli.py, cli_audit.py) ----------------------------------
    "cli.bad-date": Text(
        nl="'{value}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-29",
        en="'{value}' is not a date; write YYYY-MM-DD, e.g. 2026-11-29",
    ),
    "cli.bad-report": Text(
        nl="'{value}'; schrijf FORMAAT:PAD, met als FORMAAT één van: {formats}",
        en="'{value}'; write FORMAT:PATH, with FORMAT one of: {formats}",
    ),
    "cli.stdin-filename": Text(
        nl="alleen met '-' als pad (het memo komt dan van standaardinvoer); geef '-' of laat "
        "--stdin-filename weg",
        en="only with '-' as the path (the memo is then read from standard input); give '-' "
        "or leave out --stdin-filename",
    ),
    "cli.stdin-closed": Text(
        nl="de standaardinvoer is gesloten; stuur het memo erin of noem een bestand",
        en="standard input is closed; pipe the memo in or name a file",
    ),
    "cli.no-such-path": Text(
        nl="bestand of map bestaat niet: {paths}; controleer de namen",
        en="no such file or folder: {paths}; check the names",
    ),
    "cli.stdout-closed": Text(
        nl="kan het rapport niet naar de standaarduitvoer schrijven: die is gesloten; "
        "gebruik -o BESTAND",
        en="cannot write the report to standard output: it is closed; use -o FILE",
    ),
    "cli.stdout-failed": Text(
        nl="kan het rapport niet naar de standaarduitvoer schrijven: {error}; gebruik -o BESTAND",
        en="cannot write the report to standard output: {error}; use -o FILE",
    ),
    "cli.code-or-kind": Text(
        nl="geef een regelcode, of --kind NAAM (zie 'memo-lint kinds'), niet allebei",
        en="give a rule code, or --kind NAME (see 'memo-lint kinds'), not both",
    ),
    "cli.no-rule-in-pack": Text(
        nl="geen regel '{code}' in pakket {pack}; zie 'memo-lint rules --pack {pack}'",
        en="no rule '{code}' in pack {pack}; see 'memo-lint rules --pack {pack}'",
    ),
    "cli.no-rule": Text(
        nl="geen regel '{code}' in de ingebouwde pakketten; zie 'memo-lint rules --all'",
        en="no rule '{code}' in any built-in pack; see 'memo-lint rules --all'",
    ),
    "cli.no-kind": Text(
        nl="geen controlesoort '{name}'; zie 'memo-lint kinds'",
        en="no check kind '{name}'; see 'memo-lint kinds'",
    ),
    "cli.html-needs-file": Text(
        nl="het HTML-rapport heeft --output-file nodig; geef -o PAD",
        en="the HTML report needs --output-file; give -o PATH",
    ),
    # -- config files (config.py, config_validation.py) ---------------------------------------
    "config.invalid-toml": Text(
        nl="{where}: ongeldige TOML ({detail}); verbeter het bestand op die plek",
        en="{where}: invalid TOML ({detail}); correct the file at that place",
    ),
    "config.unreadable": Text(
        nl="{path}: het configuratiebestand kan niet worden gelezen ({detail}); sla het op als "
        "UTF-8 en controleer de rechten",
        en="{path}: cannot read the config file ({detail}); save it as UTF-8 and check its "
        "permissions",
    ),
    "config.unknown-key": Text(
        nl="{where}: onbekende sleutel '{key}'; {action}",
        en="{where}: unknown key '{key}'; {action}",
    ),
    "config.did-you-mean": Text(nl="bedoelde je '{name}'?", en="did you mean '{name}'?"),
    "config.remove-key": Text(
        nl="verwijder hem (de sleutels staan in README.md, 'Configuration')",
        en="remove it (the keys are in README.md, 'Configuration')",
    ),
    "config.not-allowed": Text(
        nl="{where}: sleutel '{key}': {value} kan niet; kies één van: {expected}",
        en="{where}: key '{key}': {value} is not allowed; choose one of: {expected}",
    ),
    "config.wrong-type": Text(
        nl="{where}: sleutel '{key}': {value} is geen {kind}; schrijf bijvoorbeeld {example}",
        en="{where}: key '{key}': {value} is not {kind}; write e.g. {example}",
    ),
    "config.too-small": Text(
        nl="{where}: sleutel '{key}': {value} is te klein; geef een getal groter dan {limit}",
        en="{where}: key '{key}': {value} is too small; give a number greater than {limit}",
    ),
    "config.too-short": Text(
        nl="{where}: sleutel '{key}' is leeg; geef minstens één waarde",
        en="{where}: key '{key}' is empty; give at least one value",
    ),
    "config.missing-key": Text(
        nl="{where}: sleutel '{key}' ontbreekt; voeg hem toe",
        en="{where}: key '{key}' is missing; add it",
    ),
    "config.other": Text(
        nl="{where}: sleutel '{key}': {detail}; verbeter de waarde",
        en="{where}: key '{key}': {detail}; correct the value",
    ),
    "config.bad-code": Text(
        nl="{path}: {where}: '{code}' is geen regelcode, voorvoegsel of regelnaam; schrijf "
        "bijvoorbeeld ML101, ML6 of required-section",
        en="{path}: {where}: '{code}' is not a rule code, prefix or name; write e.g. ML101, "
        "ML6 or required-section",
    ),
    "config.severity-prefix": Text(
        nl="{path}: severity: '{code}' is een voorvoegsel; geef de volledige code of naam van "
        "één regel (bijvoorbeeld ML101, required-section)",
        en="{path}: severity: '{code}' is a prefix; give one rule's full code or name "
        "(e.g. ML101, required-section)",
    ),
    "config.severity-not-code": Text(
        nl="{path}: severity: '{code}' is geen regelcode of regelnaam; geef de volledige code "
        "of naam van één regel (bijvoorbeeld ML101, required-section)",
        en="{path}: severity: '{code}' is not a rule code or name; give one rule's full code "
        "or name (e.g. ML101, required-section)",
    ),
    # value kinds in config.wrong-type
    "kind.text": Text(nl="tekst", en="a text"),
    "kind.number": Text(nl="geheel getal", en="a whole number"),
    "kind.boolean": Text(nl="waarheidswaarde", en="true or false"),
    "kind.list": Text(nl="lijst", en="a list"),
    "kind.table": Text(nl="tabel", en="a table"),
}
