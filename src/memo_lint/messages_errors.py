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
    # -- rule codes, prefixes and names (codes.py: --select, --ignore, the config) ----------
    "codes.where": Text(nl="{where}: {problem}{then}", en="{where}: {problem}{then}"),
    "codes.bad-form": Text(
        nl="'{value}' is geen regelcode, voorvoegsel of regelnaam (bijvoorbeeld ML101, ML6, "
        "required-section)",
        en="'{value}' is not a rule code, prefix or name (e.g. ML101, ML6, required-section)",
    ),
    "codes.names-no-rule": Text(
        nl="'{value}' noemt geen regel ({why})", en="'{value}' names no rule ({why})"
    ),
    "codes.no-code": Text(nl="geen regel heeft de code {code}", en="no rule has the code {code}"),
    "codes.no-prefix": Text(
        nl="geen regelcode begint met {prefix}", en="no rule code starts with {prefix}"
    ),
    "codes.no-name": Text(nl="geen regel heet '{value}'", en="no rule is called '{value}'"),
    "codes.no-name-or-prefix": Text(
        nl="geen regel heet '{value}' en geen regelcode begint met {prefix}",
        en="no rule is called '{value}' and no rule code starts with {prefix}",
    ),
    "codes.did-you-mean": Text(nl="; bedoelde je {code}?", en="; did you mean {code}?"),
    "codes.did-you-mean-prefix": Text(
        nl="; bedoelde je {prefix}? (bekend: {known})",
        en="; did you mean {prefix}? (known: {known})",
    ),
    "codes.did-you-mean-rule": Text(
        nl="; bedoelde je {code} ({name})?", en="; did you mean {code} ({name})?"
    ),
    "codes.see-rules": Text(
        nl="; de regels staan in 'memo-lint rules'", en="; see 'memo-lint rules'"
    ),
    "codes.prefix": Text(
        nl="{where}: '{value}' is een voorvoegsel; geef de volledige code of naam van een regel "
        "(bijvoorbeeld {example})",
        en="{where}: '{value}' is a prefix; give a full rule code or name (e.g. {example})",
    ),
    # -- rule packs (pack_files.py, packs.py, pack_validation.py) ---------------------------
    "pack.not-found": Text(
        nl="{path}: het regelpakket bestaat niet; controleer het pad",
        en="{path}: rule pack file not found; check the path",
    ),
    "pack.unknown": Text(
        nl="onbekend regelpakket '{name}'; ingebouwde pakketten: {names}, of geef het pad van "
        "een .yaml-bestand",
        en="unknown rule pack '{name}'; built-in packs: {names}, or give the path of a .yaml file",
    ),
    "pack.cycle": Text(
        nl="{where}: ($.extends): regelpakketten breiden elkaar in een kring uit ({names}); "
        "haal een 'extends' weg",
        en="{where}: ($.extends): rule packs extend each other in a cycle ({names}); remove "
        "one 'extends'",
    ),
    "pack.too-deep": Text(
        nl="{path}: meer dan {limit} niveaus 'extends'; maak de keten korter",
        en="{path}: more than {limit} levels of 'extends'; make the chain shorter",
    ),
    "pack.too-large": Text(
        nl="{path}: het regelpakket is groter dan {limit} bytes; maak het kleiner",
        en="{path}: rule pack is larger than {limit} bytes; make it smaller",
    ),
    "pack.unreadable": Text(
        nl="{path}: het regelpakket kan niet worden gelezen (geen gewoon bestand, of geen "
        "toegang); controleer het bestand en de rechten",
        en="{path}: cannot read the rule pack (not a regular file, or no permission); check "
        "the file and its permissions",
    ),
    "pack.unknown-kinds": Text(
        nl="{path}: onbekende controlesoort(en) {kinds}: installeer de plug-in die ze levert "
        "(entry-point-groep 'memo_lint.checks') of verwijder die regels",
        en="{path}: unknown check kind(s) {kinds}: install the plugin that provides them "
        "(entry-point group 'memo_lint.checks') or remove those rules",
    ),
    "pack.not-utf8": Text(
        nl="{path}: geen UTF-8 (byte {byte}); sla het pakket op als UTF-8",
        en="{path}: not UTF-8 (byte {byte}); save the pack as UTF-8",
    ),
    "pack.bad-yaml": Text(
        nl="{where}: ongeldige YAML ({error}); verbeter het bestand op die plek",
        en="{where}: invalid YAML ({error}); correct the file at that place",
    ),
    "pack.empty": Text(
        nl="{path}: het regelpakket is leeg; schrijf ten minste name: en rules:",
        en="{path}: the rule pack is empty; write at least name: and rules:",
    ),
    "pack.not-mapping": Text(
        nl="{path}:1: een regelpakket bestaat uit sleutels met waarden (name:, sections:, "
        "rules:, …); begin met 'name: ...'",
        en="{path}:1: a rule pack is a mapping (name:, sections:, rules:, …); start with "
        "'name: ...'",
    ),
    "pack.extends-line": Text(
        nl="{path}: schrijf 'extends: <pakket>' op een eigen regel op het hoogste niveau",
        en="{path}: write 'extends: <pack>' on a line of its own at the top level",
    ),
    "pack.problem": Text(
        nl="{where}: {rule}({json_path}): {problem}", en="{where}: {rule}({json_path}): {problem}"
    ),
    "pack.lines": Text(nl="{lines}", en="{lines}"),
    "pack.rule": Text(nl="regel {code} ", en="rule {code} "),
    "pack.label": Text(nl="{code} van {pack}", en="{pack}'s {code}"),
    "pack.none": Text(nl="geen", en="none"),
    "pack.no-placeholders": Text(nl="geen plaatsaanduidingen", en="no placeholders"),
    "pack.drops": Text(
        nl="{where}: waarschuwing: {rule}({json_path}): laat {items} weg uit '{name}' van "
        "{label}: daar worden memo's niet meer op gecontroleerd",
        en="{where}: warning: {rule}({json_path}): drops {items} from the '{name}' of "
        "{label}: memos are no longer checked for it",
    ),
    "pack.replaces-list": Text(
        nl="'{key}' zou de lijst van {label} ongemerkt vervangen; schrijf {key}_add: of "
        "{key}_remove: om haar te wijzigen, of {key}_replace: om haar bewust te vervangen",
        en="'{key}' would silently replace the list of {label}; write {key}_add: or "
        "{key}_remove: to change it, or {key}_replace: to replace it on purpose",
    ),
    "pack.not-in-list": Text(
        nl="{items} staat niet in '{name}' van {label}; haal het uit de lijst",
        en="{items} not in the '{name}' of {label}; take it out of the list",
    ),
    "pack.bad-pattern": Text(
        nl="ongeldig patroon {pattern}: {reason}; patronen zijn RE2: zonder look-around en "
        "terugverwijzingen",
        en="invalid pattern {pattern}: {reason} (patterns run on RE2: no look-around, no "
        "back-references)",
    ),
    "pack.unknown-section": Text(
        nl="onbekende sectie '{item}'; kies een van de secties van het pakket: {known}",
        en="unknown section '{item}'; use one of the pack's sections: {known}",
    ),
    "pack.unknown-choice": Text(
        nl="onbekende keuzegroep '{item}'; kies een van de keuzegroepen van het pakket: {known}",
        en="unknown choice group '{item}'; use one of the pack's choices: {known}",
    ),
    "pack.unknown-concept": Text(
        nl="onbekend begrip '{item}'; kies een van de begrippen van het pakket: {known}",
        en="unknown concept '{item}'; use one of the pack's concepts: {known}",
    ),
    "pack.unknown-variant": Text(
        nl="onbekende variant '{variant}': soort '{kind}' meldt {offered}",
        en="unknown variant '{variant}': kind '{kind}' reports {offered}",
    ),
    "pack.malformed-template": Text(
        nl="het berichtsjabloon is ongeldig ({error}); schrijf {{{{ of }}}} voor een accolade",
        en="the message template is malformed ({error}); write {{{{ or }}}} for a brace",
    ),
    "pack.not-placeholder": Text(
        nl="'{written}' is geen plaatsaanduiding; soort '{kind}' biedt {offered}",
        en="'{written}' is not a placeholder; kind '{kind}' offers {offered}",
    ),
    "pack.format-spec": Text(
        nl="'{written}': opmaak en conversies zijn niet toegestaan; schrijf {name}",
        en="'{written}': format specs and conversions are not allowed; write {name}",
    ),
    "pack.unknown-placeholder": Text(
        nl="onbekende plaatsaanduiding {name}: soort '{kind}' biedt {offered}",
        en="unknown placeholder {name}: kind '{kind}' offers {offered}",
    ),
    # -- jsonschema's errors in a pack (pack_validation._schema_problem) -------------------
    "schema.unknown-key": Text(nl="onbekende sleutel {keys}{then}", en="unknown key {keys}{then}"),
    "schema.did-you-mean": Text(nl="; bedoelde je '{name}'?", en="; did you mean '{name}'?"),
    "schema.remove": Text(nl="; laat hem weg", en="; remove it"),
    "schema.required": Text(
        nl="'{name}' is verplicht; voeg het toe", en="'{name}' is a required property; add it"
    ),
    "schema.enum": Text(
        nl="{value} is geen toegestane waarde; kies één van: {choices}",
        en="{value} is not one of the allowed values; choose one of: {choices}",
    ),
    "schema.const": Text(
        nl="{value} kan hier niet; schrijf {expected}",
        en="{value} is not allowed here; write {expected}",
    ),
    "schema.type": Text(
        nl="{value} is niet van het type '{type}'; schrijf hier {wanted}",
        en="{value} is not of type '{type}'; write {wanted} here",
    ),
    "schema.min-items": Text(
        nl="te weinig items ({count}); geef er minstens {limit}",
        en="too few items ({count}); give at least {limit}",
    ),
    "schema.max-items": Text(
        nl="te veel items ({count}); geef er hoogstens {limit}",
        en="too many items ({count}); give at most {limit}",
    ),
    "schema.min-length": Text(
        nl="{value} is te kort ({count} tekens); schrijf er minstens {limit}",
        en="{value} is too short ({count} characters); write at least {limit}",
    ),
    "schema.min-properties": Text(
        nl="te weinig sleutels ({count}); geef er minstens {limit}",
        en="too few keys ({count}); give at least {limit}",
    ),
    "schema.minimum": Text(
        nl="{value} is te klein; geef minstens {limit}",
        en="{value} is too small; give at least {limit}",
    ),
    "schema.exclusive-minimum": Text(
        nl="{value} is te klein; geef meer dan {limit}",
        en="{value} is too small; give more than {limit}",
    ),
    "schema.maximum": Text(
        nl="{value} is te groot; geef hoogstens {limit}",
        en="{value} is too large; give at most {limit}",
    ),
    "schema.pattern": Text(
        nl="{value} past niet bij het patroon {pattern}; schrijf het in die vorm",
        en="{value} does not match {pattern}; write it in that form",
    ),
    "schema.unique": Text(
        nl="{value} noemt iets meer dan eens; noem elk item één keer",
        en="{value} names an item more than once; name each item once",
    ),
    "schema.date": Text(
        nl="{value} is geen datum; schrijf JJJJ-MM-DD", en="{value} is not a date; write YYYY-MM-DD"
    ),
    "type.list": Text(nl="een lijst (regels met '- ')", en="a list (lines starting with '- ')"),
    "type.mapping": Text(
        nl="sleutels met waarden (regels 'sleutel: waarde')",
        en="keys with values ('key: value' lines)",
    ),
    "type.text": Text(nl="een tekst", en="a text"),
    "type.whole-number": Text(nl="een geheel getal", en="a whole number"),
    "type.number": Text(nl="een getal", en="a number"),
    "type.boolean": Text(nl="true of false", en="true or false"),
    "type.nothing": Text(nl="niets", en="nothing"),
    # -- writing reports (writes.py) -------------------------------------------------------
    "write.over-memo": Text(
        nl="{path}: memo-lint schrijft geen rapport over een memo dat het controleert; kies een "
        "andere naam voor het rapport",
        en="{path}: refusing to write a report over a memo being checked; choose another "
        "name for the report",
    ),
    "write.dangling-link": Text(
        nl="{path}: is een symbolische koppeling naar een bestand dat niet bestaat en wordt "
        "niet gevolgd; kies een andere naam of herstel de koppeling",
        en="{path}: is a symbolic link to a file that does not exist; not followed: choose "
        "another name or repair the link",
    ),
    "write.is-folder": Text(
        nl="kan {path} niet schrijven: het is een map; geef een bestandsnaam",
        en="cannot write {path}: it is a folder; give a file name",
    ),
    "write.failed": Text(
        nl="kan {path} niet schrijven: {why}; controleer de map, de rechten en de vrije ruimte, "
        "of kies een andere plek",
        en="cannot write {path}: {why}; check the folder, its permissions and the free space, "
        "or choose another place",
    ),
    # -- memo-lint audit (audit/) ------------------------------------------------------------
    "audit.missing-extra": Text(
        nl="memo-lint audit heeft {module} nodig: pip install 'memo-lint[{extra}]'",
        en="memo-lint audit needs {module}: pip install 'memo-lint[{extra}]'",
    ),
    "audit.local-workers": Text(
        nl="--scheduler {address}: schrijf local:N met N werkers, N >= 1",
        en="--scheduler {address}: use local:N with N workers, N >= 1",
    ),
    "audit.cannot-connect": Text(
        nl="--scheduler {address}: geen verbinding ({error}); controleer het adres en of de "
        "scheduler draait",
        en="--scheduler {address}: cannot connect ({error}); check the address and that the "
        "scheduler runs",
    ),
    "audit.index-unreadable": Text(
        nl="{path}: het indexbestand kan niet worden gelezen ({error}); sla het op als UTF-8",
        en="{path}: cannot read the index file ({error}); save it as UTF-8",
    ),
    "audit.index-not-json": Text(
        nl="{where}: geen JSON-object ({error}); schrijf één object per regel",
        en="{where}: not a JSON object ({error}); write one object a line",
    ),
    "audit.index-not-object": Text(
        nl='{where}: geen JSON-object; schrijf één object per regel, zoals {{"path": "a.pdf"}}',
        en='{where}: not a JSON object; write one object a line, e.g. {{"path": "a.pdf"}}',
    ),
    "audit.index-suffix": Text(
        nl="{path}: een index is een .csv- of .jsonl-bestand; geef het die extensie",
        en="{path}: an index is a .csv or .jsonl file; give it that extension",
    ),
    "audit.index-no-path": Text(
        nl="{where}: geen 'path'; geef elk document zijn pad",
        en="{where}: no 'path'; give every document its path",
    ),
    "audit.store-format": Text(
        nl="{root}: een resultatenopslag van formaat {found}, deze memo-lint schrijft formaat "
        "{format}; gebruik een andere --store-map",
        en="{root}: a results store of format {found}, this memo-lint writes format {format}; "
        "use another --store folder",
    ),
    "audit.store-unusable": Text(
        nl="{root}: deze map kan geen resultatenopslag zijn ({error}); kies een andere --store",
        en="{root}: cannot use this folder as a store ({error}); choose another --store",
    ),
    "audit.store-busy": Text(
        nl="{root}: een andere audit schrijft in deze opslag; wacht tot die klaar is of kies "
        "een andere --store",
        en="{root}: another audit is writing this store; wait until it ends or choose another "
        "--store",
    ),
    # value kinds in config.wrong-type
    "kind.text": Text(nl="tekst", en="a text"),
    "kind.number": Text(nl="geheel getal", en="a whole number"),
    "kind.boolean": Text(nl="waarheidswaarde", en="true or false"),
    "kind.list": Text(nl="lijst", en="a list"),
    "kind.table": Text(nl="tabel", en="a table"),
}
