"""pattern: every match of a ``forbid`` pattern fires, a ``require`` pattern that never matches
fires once; each optionally in a ``scope`` section and from/until a memo date."""

from __future__ import annotations

from typing import Any

from helpers import run_kind
from memo_lint import kind_docs

TODO = {"forbid": [{"pattern": r"(?i)\bTODO\b", "what": {"nl": "een TODO", "en": "a TODO"}}]}


def check(options: dict[str, Any], text: str) -> list[tuple[str | None, int]]:
    return run_kind("pattern", options, text)


def test_each_forbidden_match_fires() -> None:
    assert check(TODO, "# Samenvatting\n\nTODO: de kern.\n\nNog een todo.\n") == [
        (None, 3),
        (None, 5),
    ]
    assert check(TODO, "# Samenvatting\n\nDe kern.\n") == []


def test_a_scope_limits_where_a_match_counts() -> None:
    options = {"forbid": [{"pattern": "Wob", "scope": "kader"}]}
    assert check(options, "# Samenvatting\n\nDe Wob.\n\n# Kader\n\nDe Woo.\n") == []
    assert check(options, "# Samenvatting\n\nDe Woo.\n\n# Kader\n\nDe Wob.\n") == [(None, 7)]


def test_a_dated_pattern_applies_from_its_date_on() -> None:
    options = {"forbid": [{"pattern": "Wob", "from_date": "2022-05-01"}]}
    assert check(options, "---\ndatum: 2022-06-01\n---\n# Kader\n\nDe Wob.\n") == [(None, 6)]
    assert check(options, "---\ndatum: 2022-04-01\n---\n# Kader\n\nDe Wob.\n") == []


def test_a_dated_pattern_applies_until_its_date() -> None:
    options = {"forbid": [{"pattern": "Wob", "until_date": "2022-05-01"}]}
    assert check(options, "---\ndatum: 2022-06-01\n---\n# Kader\n\nDe Wob.\n") == []
    assert check(options, "---\ndatum: 2022-04-01\n---\n# Kader\n\nDe Wob.\n") == [(None, 6)]


def test_a_required_pattern_that_never_matches_fires_once() -> None:
    options = {"require": [{"pattern": "(?i)portefeuillehouder"}]}
    assert check(options, "# Samenvatting\n\nDe kern.\n") == [("missing", 1)]
    assert check(options, "# Samenvatting\n\nPortefeuillehouder: A. de Vries.\n") == []


def test_a_what_in_one_language_serves_the_other() -> None:
    options = {"forbid": [{"pattern": "TODO", "what": {"nl": "een TODO"}}]}
    found = kind_docs.run_kind("pattern", options, "# Samenvatting\n\nTODO.\n")  # lang "en"
    assert [f.args["what"] for f in found] == ["een TODO"]
