"""Pack zwolle-beslisnota: the seed (txt and Markdown) is clean; broken variants fire what the
template asks beyond the collegevoorstel pack."""

from __future__ import annotations

import pytest

from helpers import SEED_MD, SEED_TXT, edit, line_of, lint, seed_md, seed_txt

PACK = "zwolle-beslisnota"
TODAY = "2024-03-01"


@pytest.mark.parametrize(
    ("text", "path"), [(seed_txt(), SEED_TXT.name), (seed_md(), SEED_MD.name)], ids=["txt", "md"]
)
def test_silent_on_the_seed(text: str, path: str) -> None:
    assert lint(text, path, pack=PACK, today=TODAY) == []


def test_goal_without_number() -> None:
    text = edit(seed_txt(), "Betreft doel 9.1.3 We bouwen", "Betreft doel We bouwen")
    assert lint(text, "memo.txt", pack=PACK, today=TODAY) == [
        ("ML205", line_of(text, "Betreft doel"))
    ]
    assert (
        lint(text, "memo.txt", pack="collegevoorstel", today=TODAY) == []
    )  # the default pack does not ask for it


def test_goal_line_missing() -> None:
    text = edit(
        seed_txt(), "Betreft doel 9.1.3 We bouwen aan een moderne informatievoorziening  \n", ""
    )
    assert lint(text, "memo.txt", pack=PACK, today=TODAY) == [
        ("ML201", line_of(text, "Financiële gevolgen"))
    ]
    assert lint(text, "memo.txt", pack="collegevoorstel", today=TODAY) == []


def test_every_template_section_is_required() -> None:
    text = edit(
        seed_txt(),
        "Vervolg \nWanneer de City deal niet verlengd wordt is er geen vervolg nodig. \n",
        "",
    )
    assert lint(text, "memo.txt", pack=PACK, today=TODAY) == [("ML101", 1)]
    assert lint(text, "memo.txt", pack="collegevoorstel", today=TODAY) == []
