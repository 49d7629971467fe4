"""``memo-lint init``: a commented ``.memo-lint.toml`` and the pre-commit hook."""

from __future__ import annotations

from pathlib import Path

from memo_lint import __version__
from memo_lint.config import CONFIG_FILE
from memo_lint.model import FrozenRecord
from memo_lint.writes import WriteError, write_file

PRE_COMMIT_FILE = ".pre-commit-config.yaml"

CONFIG_TEMPLATE = """\
# memo-lint: configuratie voor de memo's in deze map en de mappen eronder.
# memo-lint: configuration for the memos in this folder and the folders below it.
# Het bestand dat het dichtst bij een memo staat geldt; opties op de opdrachtregel gaan voor.
# The file nearest to a memo applies; command-line options take precedence.
# Sleutels en waarden / keys and values: memo_lint/schemas/config.schema.json (memo-lint {version})

# Regelpakket: een ingebouwde naam (collegevoorstel, raadsvoorstel, informatienota, …)
# of het pad naar een eigen pakket (.yaml, relatief aan dit bestand). Zonder 'pack' herkent
# memo-lint per document wat het is (soort en sjabloon) en slaat het moties, besluitenlijsten
# en brieven over; een 'pack' hier geldt voor elk bestand in de map. Kies per map met [types].
# Rule pack: a built-in name or the path of your own pack (.yaml, relative to this file).
# Without 'pack', memo-lint recognises each document (kind and template) and skips moties,
# lists of decisions and letters; a 'pack' here applies to every file below this folder.
# Choose per folder with [types].
{pack_line}

# Alleen deze regelcodes of voorvoegsels controleren; leeg = alle regels van het pakket.
# Only check these rule codes or prefixes; empty = every rule of the pack.
select = []

# Deze regelcodes of voorvoegsels nooit melden, bijv. ["ML103", "ML8"].
# Never report these rule codes or prefixes, e.g. ["ML103", "ML8"].
ignore = []

# Laagste ernst die de controle laat falen (exitcode 1): error | warning | info.
# Lowest severity that fails the check (exit code 1): error | warning | info.
fail-on = "error"

# Taal van de meldingen: nl | en.
# Language of the messages: nl | en.
lang = "{lang}"

# Overslaan bij het doorlopen van mappen, naast wat .gitignore negeert. Zonder '/' geldt een
# patroon voor elke naam, met '/' voor het pad vanaf dit bestand. Standaard: venv, build,
# dist, node_modules, README.md, CHANGELOG.md, LICENSE.md, … ('exclude' vervangt die lijst).
# Skipped when walking folders, besides what .gitignore ignores. A pattern without '/'
# matches any name, one with '/' the path from this file. Default: venv, build, dist,
# node_modules, README.md, CHANGELOG.md, LICENSE.md, … ('exclude' replaces that list).
# exclude = ["venv", "README.md"]

# Extra patronen naast de standaardlijst / extra patterns besides the default list.
extend-exclude = []

# Wat .gitignore negeert overslaan / skip what .gitignore ignores.
# respect-gitignore = true

# Ook bestanden die bij naam genoemd worden uitsluiten (de pre-commit-hook doet dit altijd).
# Exclude files named explicitly too (the pre-commit hook always does).
# force-exclude = false

# Ernst per regel aanpassen (error | warning | info).
# Change the severity of a rule (error | warning | info).
[severity]
# ML105 = "error"

# Regels uitzetten voor bepaalde bestanden (glob relatief aan dit bestand → codes).
# Word, PDF en tekst kennen geen commentaar in het memo; gebruik dan deze tabel.
# Turn rules off for some files (glob relative to this file → codes); for Word, PDF and text
# memos, which cannot carry suppression comments, this is the way.
[per-file-ignores]
# "archief/**/*.md" = ["ML6", "ML701"]

# Memotype per map of bestandsnaam (glob → pakket); 'type:' in de front matter gaat voor.
# Memo type per folder or file name (glob → pack); front matter 'type:' takes precedence.
[types]
# "raad/**/*.md" = "raadsvoorstel"
# "informatie/**" = "informatienota"

# Instellingen voor een groep bestanden: pakket, select (vervangt die hierboven) en extra ignore.
# Settings for a group of files: pack, select (replaces the one above) and extra ignores.
# [[overrides]]
# files = ["oud/**/*.txt"]
# pack = "collegevoorstel"
# select = ["ML1", "ML2", "ML3"]
# ignore = ["ML402"]

# Grenzen voor vijandige bestanden (zie SECURITY.md); verhoog ze alleen voor echte memo's.
# Bounds for hostile files (see SECURITY.md); raise them only for genuine memos beyond them.
[limits]
# max-file-bytes = 52428800
# max-unzipped-bytes = 209715200
# max-pdf-pages = 500
# max-chars = 1000000
"""

HOOK_ENTRY = "memo-lint check --force-exclude"
HOOK_FILES = r"\.(txt|md|markdown|docx|pdf|odt)$"


def pre_commit_snippet(repo: str | None = None) -> str:
    """The ``repos:`` entry for memo-lint: the published hook, or a local one.

    Without a repository URL the hook is ``repo: local`` running the installed
    ``memo-lint``: it works at once, in every environment where ``init`` itself ran.
    """
    if repo:
        return f"  - repo: {repo}\n    rev: v{__version__}\n    hooks:\n      - id: memo-lint\n"
    return (
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: memo-lint\n"
        "        name: memo-lint\n"
        f"        entry: {HOOK_ENTRY}\n"
        "        language: system\n"
        f"        files: '{HOOK_FILES}'\n"
        "        require_serial: true\n"  # one run, one summary: memo-lint has its own --jobs
    )


def pre_commit_config(repo: str | None = None) -> str:
    return (
        "# pre-commit: controleer memo's bij elke commit / check memos on every commit.\n"
        "# Installeren / install: pre-commit install\n"
        "repos:\n" + pre_commit_snippet(repo)
    )


def config_template(pack: str | None = None, lang: str = "nl") -> str:
    """The commented config ``init`` writes; ``pack`` only when asked for (it turns
    recognition off for the whole tree), else the line stays a comment."""
    pack_line = f'pack = "{pack}"' if pack else '# pack = "collegevoorstel"'
    return CONFIG_TEMPLATE.format(version=__version__, pack_line=pack_line, lang=lang)


class InitResult(FrozenRecord):
    """What ``init`` did; ``snippet`` is set when an existing pre-commit config needs it."""

    config: Path
    pre_commit: Path
    wrote_pre_commit: bool
    snippet: str | None


class InitRefused(Exception):
    """``init`` would overwrite an existing config file without ``--force``."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def init_project(
    folder: Path,
    *,
    force: bool = False,
    pack: str | None = None,
    lang: str = "nl",
    repo: str | None = None,
) -> InitResult:
    """Write ``.memo-lint.toml`` and, when there is none, ``.pre-commit-config.yaml``.

    An existing config is never replaced silently (it holds a team's decisions); an existing
    pre-commit config is never edited (YAML comments and layout would be lost), the snippet is
    returned for the user to paste instead.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(f"cannot create {folder}: {error.strerror or error}") from None
    target = folder / CONFIG_FILE
    if target.exists() and not force:
        raise InitRefused(target)
    write_file(target, config_template(pack, lang))
    hook_file = folder / PRE_COMMIT_FILE
    if not hook_file.exists():
        write_file(hook_file, pre_commit_config(repo))
        return InitResult(target, hook_file, True, None)
    text = hook_file.read_text("utf-8", errors="replace")
    snippet = None if "memo-lint" in text else pre_commit_snippet(repo)
    return InitResult(target, hook_file, False, snippet)
