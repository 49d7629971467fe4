"""What one memo is checked with, resolved once per file by
:meth:`memo_lint.linter.Linter.plan` and read by the run, the unreadable-file (ML001) path and
``memo-lint config`` alike: the config, settings, limits, pack, and where each came from."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from memo_lint.config import Config
from memo_lint.model import FrozenRecord
from memo_lint.pack import Pack
from memo_lint.readers import Limits

if TYPE_CHECKING:  # a cache hit imports plan.py (Origin), never the engine or recognition
    from memo_lint.engine import Settings
    from memo_lint.recognition import Recognition

# Where a value comes from, most specific first.
COMMAND_LINE, MEMO, CONFIG, DEFAULT = "command-line", "memo", "config", "default"


class Origin(FrozenRecord):
    """Where a value came from: ``origin`` is one of COMMAND_LINE, MEMO, CONFIG, DEFAULT;
    ``detail`` names the option, config entry or cue ("'types' glob 'raad/*.md' in …")."""

    origin: str
    detail: str


class PackChoice(Origin):
    """Why the memo is checked with its pack. ``note`` says what was passed over on the way
    (a front matter ``type:`` that names no pack: the gate goes on, and says so)."""

    note: str = ""

    @property
    def reason(self) -> str:
        """The reason as reports print it (``pack_reason``)."""
        return self.note + self.detail


class FilePlan(FrozenRecord):
    """Everything a memo is checked with: what ``check`` uses, and ``config`` shows."""

    memo: Path
    config: Config
    settings: Settings
    limits: Limits
    pack: Pack
    choice: PackChoice
    recognition: Recognition
    select: Origin  # where settings.select came from
    ignored: tuple[tuple[str, Origin], ...]  # settings.ignore, code by code, with its origin
    fail_on: Origin  # where the exit-code threshold came from
    lang: Origin  # where the message language came from
