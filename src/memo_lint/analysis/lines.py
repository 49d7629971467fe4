"""Line helpers every part of the analysis shares: a line's plain text, a heading's title,
leaders ("Openbaarheid ....... Openbaar") and where the memo's header ends."""

from __future__ import annotations

import re

from memo_lint.model import (
    Line,
)
from memo_lint.pack import Pack

LIST_PREFIX = re.compile(r"^\s*(?:[-*+•]\s+)?")
_BULLETS = "-*+•"


def list_prefix_end(text: str) -> int:
    """Where ``LIST_PREFIX`` ends in ``text``: 0 without trying it when the text starts with
    neither white space nor a bullet, as most lines do (re's white space is ``str.isspace``)."""
    first = text[:1]
    if first and first not in _BULLETS and not first.isspace():
        return 0
    match = LIST_PREFIX.match(text)
    return match.end() if match else 0


# A leader between a key and its value: "Openbaarheid ............ Openbaar", "- - - -".
LEADER = re.compile(r"^[\s:]*(?:[.…·_\-–—]\s?){3,}")


LEADER_CHARS = frozenset(".…·_-–—")


EDGE_LEADER = re.compile(r"^(?:[.…·_\-–—]\s?){3,}|(?:\s?[.…·_\-–—]){3,}$")


def plain(line: Line) -> str:
    """The line's text without the form feed or list bullet that extraction left in it."""
    return line.text.replace("\f", " ")


def heading_title(line: Line) -> str:
    text = line.text.replace("\f", " ").strip()  # plain(line), without a call for every line
    if line.heading_level is not None:
        text = text.lstrip("#").strip().rstrip("#").strip()
    text = text.strip("*_ ")
    if text[:1] in LEADER_CHARS or text[-1:] in LEADER_CHARS:
        if edge_leader_possible(text):
            text = EDGE_LEADER.sub("", text)
        text = text.strip()
    return text


def edge_leader_possible(text: str) -> bool:
    """What EDGE_LEADER needs at an end: a leader character there beside another or white
    space (a unit is a leader and at most one space), and three leader characters within the
    first or last six. Most lines end in one period after a letter, and the pattern's end
    anchor is tried at every character."""
    leader = LEADER_CHARS.__contains__
    second, last_but_one = text[1:2], text[-2:-1]
    head = leader(text[:1]) and (leader(second) or second.isspace())
    tail = leader(text[-1:]) and (leader(last_but_one) or last_but_one.isspace())
    return (head and sum(map(leader, text[:6])) >= 3) or (tail and sum(map(leader, text[-6:])) >= 3)


def header_end(content: list[Line], pack: Pack) -> int:
    """The last line of the header: ``structure.header_lines`` lines of the memo's own text
    (front matter and provenance comments before it do not count)."""
    first = content[0].number if content else 1
    return first + int(pack.structure.get("header_lines", 30)) - 1
