"""Choice groups (Openbaar/Geheim, Conform/Gewijzigd): options with or without a checkbox
glyph, and plain statements of the choice."""

from __future__ import annotations

import re
from functools import lru_cache

from memo_lint.analysis.lines import plain
from memo_lint.model import (
    MARKED_GLYPHS,
    UNMARKED_GLYPHS,
    ChoiceGroup,
    ChoiceOption,
    Document,
    Line,
    Mark,
    Span,
)
from memo_lint.pack import ChoiceDef, Pack, title_key

_GLYPH = rf"(?:[{MARKED_GLYPHS}{UNMARKED_GLYPHS}]|\[[ xX]\])"


@lru_cache(maxsize=64)
def _option_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    labels = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:[-*+•]\s+)?({_GLYPH})?\s*({labels})(?!\w)\s*", re.IGNORECASE)


class _Options:
    """A choice's words, by the option each names, and the pattern of one option: made once
    per choice and memo, not for every line read."""

    __slots__ = ("item", "named")

    def __init__(self, choice: ChoiceDef) -> None:
        self.named = choice.labels()
        self.item = _option_pattern(tuple(self.named))


def _option_line(text: str, options: _Options) -> list[tuple[str, Mark, int, int]] | None:
    """Parse a line of options, each with or without a checkbox glyph.

    A line made only of options ("☐ Openbaar ☒ Geheim", a template's own answer such as "Nvt"
    when the pack declares it a synonym), or options whose last one carries a glyph followed by
    its explanation ("- [x] Geheim, op grond van artikel 5.1 …").
    """
    named, item = options.named, options.item
    position, found = 0, []  # type: tuple[int, list[tuple[str, Mark, int, int]]]
    body = text.rstrip()
    while position < len(body):
        match = item.match(body, position)
        if not match or match.end() == position:
            if found and found[-1][1] is not Mark.UNKNOWN:
                break  # a ticked or empty box and the words that go with it
            return None
        glyph = (match[1] or "").lower()
        if not glyph:
            mark = Mark.UNKNOWN
        elif glyph in UNMARKED_GLYPHS or glyph == "[ ]":
            mark = Mark.UNMARKED
        else:
            mark = Mark.MARKED
        canonical = named[match[2].lower()]
        found.append(
            (canonical, mark, match.start(1) if match[1] else match.start(2), match.end(2))
        )
        position = match.end()
    return found or None


def find_choices(document: Document, pack: Pack, heading_lines: set[int]) -> dict[str, ChoiceGroup]:
    groups: dict[str, ChoiceGroup] = {}
    for choice in pack.choices.values():
        options: list[ChoiceOption] = []
        statements: list[ChoiceOption] = []
        keys = {title_key(key) for key in choice.statement_keys}
        words = _Options(choice)
        for field in document.fields:
            if title_key(field.key) in keys:
                parsed = _option_line(field.value, words)
                if parsed and len(parsed) == 1:
                    statements.append(ChoiceOption(parsed[0][0], Mark.MARKED, field.value_span))
                elif parsed:
                    line = document.line(field.value_span.line)
                    options.extend(_options_on(line, parsed, field.value_span.column - 1))
        for section in document.sections:
            if section.id not in choice.sections:
                continue
            section_options: list[ChoiceOption] = []
            for line in document.body_lines(section):
                if line.number in heading_lines or line.is_footnote_text:
                    continue
                parsed = _option_line(plain(line), words)
                if parsed:
                    section_options.extend(_options_on(line, parsed, 0))
            # One option without a glyph, alone in its section, is a statement
            # ("Openbaarheid / Openbaar"); several are checkboxes whose glyphs were lost.
            if len(section_options) == 1 and section_options[0].mark is Mark.UNKNOWN:
                only = section_options[0]
                statements.append(ChoiceOption(only.label, Mark.MARKED, only.span))
            else:
                options.extend(section_options)
        groups[choice.id] = ChoiceGroup(choice.id, options, statements)
    return groups


def _options_on(
    line: Line, parsed: list[tuple[str, Mark, int, int]], offset: int
) -> list[ChoiceOption]:
    return [
        ChoiceOption(label, mark, Span.of_line(line, offset + start, offset + end))
        for label, mark, start, end in parsed
    ]
