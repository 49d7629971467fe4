"""personal-data: a citizen's data (BSN, IBAN, mobile number, private e-mail, birth date,
licence plate) in a memo that will be published, reported masked; ``choice``/``public``/
``secret`` say how the memo states that, ``unstated`` what a memo that states neither gets."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import run_kind

PUBLIC = "# Openbaarheid\n\n- [x] Openbaar\n- [ ] Geheim\n\n# Inleiding\n\n"
SECRET = "# Openbaarheid\n\n- [ ] Openbaar\n- [x] Geheim\n\n# Inleiding\n\n"
UNSTATED = "# Inleiding\n\n"
BSN = "De aanvrager (BSN 111222333) woont in Zwolle.\n"


def check(text: str, **options: Any) -> list[tuple[str | None, int]]:
    return run_kind("personal-data", options, text)


@pytest.mark.parametrize("unstated", ["skip", "check"])
def test_data_in_a_public_memo_fires_and_in_a_secret_one_not(unstated: str) -> None:
    assert check(PUBLIC + BSN, unstated=unstated) == [(None, 8)]
    assert check(SECRET + BSN, unstated=unstated) == []


def test_a_memo_stating_neither_is_checked_only_with_unstated_check() -> None:
    assert check(UNSTATED + BSN) == []
    assert check(UNSTATED + BSN, unstated="check") == [(None, 3)]


@pytest.mark.parametrize(
    "sentence", ["Bel het klantcontactcentrum: 14 038.\n", "Het zaaknummer is 123456789.\n"]
)
def test_numbers_that_are_no_personal_data_are_silent(sentence: str) -> None:
    assert check(PUBLIC + sentence) == []


def test_the_options_name_what_public_and_secret_are() -> None:
    # Read backwards: "Geheim" marked is public, so the memo is checked.
    assert check(SECRET + BSN, public="Geheim", secret="Openbaar") == [(None, 8)]
    assert check(PUBLIC + BSN, public="Geheim", secret="Openbaar") == []


ORGANISATION = "Bel 06-12345678, stort op NL91 ABNA 0417 1643 00, mail gemeente@hotmail.com.\n"


def test_the_organisations_own_numbers_and_domains_are_silent() -> None:
    # Without the option all three are a citizen's; with it, none is.
    assert check(PUBLIC + ORGANISATION) == [(None, 8)] * 3
    own = {"numbers": ["06 1234 5678", "NL91ABNA0417164300"], "domains": ["@hotmail.com"]}
    assert check(PUBLIC + ORGANISATION, organisation=own) == []
    # Listing one number leaves the others reported.
    assert check(PUBLIC + ORGANISATION, organisation={"numbers": ["0612345678"]}) == [(None, 8)] * 2


def test_contact_block_cue_and_length_are_options() -> None:
    block = "Behandeld door: P. de Vries\n06-98765432\n"
    assert check(PUBLIC + block) == []
    assert check(PUBLIC + block, contact_lines=0) == [(None, 9)]
    assert check(PUBLIC + block, contact="^Steller") == [(None, 9)]
