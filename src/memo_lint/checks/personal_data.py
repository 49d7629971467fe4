"""Data that identifies a citizen in a memo that will be published (Woo, AVG).

Finds a BSN (nine digits that pass the elfproef), an IBAN (mod-97), a Dutch mobile number
or a fixed line called private, an e-mail address at a consumer provider, a date of birth
and a vehicle registration. The checksums are python-stdnum's, imported only when a
candidate appears, and a line is searched for numbers only when it holds enough digits, so a
memo without personal data pays a count of digits per line and a few regular-expression
scans. Not reported: the organisation's own domains and numbers (``organisation``), lines in
a contact block of the memo's own officials (``contact``), a date of birth of someone who has
died, and every memo that is not published (see :mod:`memo_lint.checks._publication`). A
fixed-line number is reported only when it is called private ("privé", "thuisnummer") just
before it: otherwise a citizen's cannot be told from an organisation's. The finding shows the
value masked.

Mobile numbers by pattern, not phonenumbers: on twelve written forms (06-12345678, +31 (0)6 …,
0031 6 …, (06) 123 456 78, …) and eleven look-alikes (14 038, 0800/0900/088 numbers, dates,
kenmerken, amounts) both found 12/12 with no false match; phonenumbers' matcher took twice as
long on the seed memo for phone numbers alone and costs 45 ms to import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import memo_lint.checks._publication as _publication
from memo_lint.analysis.search import lines_matching
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.dutch import MONTHS
from memo_lint.messages import say
from memo_lint.model import Document, Line, Span
from memo_lint.regex import compile_later

KIND = "personal-data"

# Consumer e-mail providers in the Netherlands and the big international ones.
PRIVATE_MAIL = (
    "gmail.com", "googlemail.com", "hotmail.com", "hotmail.nl", "outlook.com", "outlook.nl",
    "live.com", "live.nl", "msn.com", "yahoo.com", "yahoo.nl", "icloud.com", "me.com", "mac.com",
    "ziggo.nl", "kpnmail.nl", "kpnplanet.nl", "planet.nl", "home.nl", "hetnet.nl", "xs4all.nl",
    "chello.nl", "upcmail.nl", "casema.nl", "quicknet.nl", "zonnet.nl", "tele2.nl", "online.nl",
    "telfort.nl", "solcon.nl", "caiway.nl", "kabelfoon.nl", "proton.me", "protonmail.com",
    "gmx.com", "gmx.net", "gmx.de", "web.de", "aol.com",
)  # fmt: skip
CONTACT = (
    r"(?i)^\s*(contactpersoon|contactpersonen|contact|ambtelijk contact|inlichtingen|"
    r"meer informatie|informatie bij|(voor )?vragen( bij| aan)?|behandeld door|steller|"
    r"opsteller|auteur|"
    r"portefeuillehouder|telefoon(nummer)?|tel\.?|mobiel|e-?mail(adres)?)\b"
)

OPTIONS = {
    "type": "object",
    "properties": {
        **_publication.OPTIONS,
        "organisation": {
            "type": "object",
            "description": "The organisation's own e-mail domains and numbers: never reported",
            "properties": {
                "domains": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "E-mail domains, e.g. zwolle.nl",
                },
                "numbers": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "Phone, account or other numbers, e.g. '14 038'",
                },
            },
            "additionalProperties": False,
        },
        "private_mail_domains": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Consumer providers whose addresses are a citizen's (default list)",
        },
        "contact": {
            "type": "string",
            "format": "re2",
            "description": "Pattern (RE2) of a line that starts a contact block of officials",
        },
        "contact_lines": {
            "type": "integer",
            "minimum": 0,
            "default": 4,
            "description": "How many lines after the cue belong to the contact block",
        },
    },
    "additionalProperties": False,
}
ARGUMENTS = {
    "what": "what was found, in the message's language (BSN, IBAN, mobiel nummer, …)",
    "masked": "the value, masked (1234•••82)",
    "category": "bsn, iban, mobile, phone (a fixed line called private), mail, birth or plate",
}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={"unstated": "check"},
    passes="# Inleiding\n\nBel het klantcontactcentrum: 14 038.\n",
    fails="# Inleiding\n\nDe aanvrager (BSN 111222333) woont in Zwolle.\n",
)

# One in eleven nine-digit numbers passes the elfproef by chance (dossier and case numbers,
# a table row "145 290 580"): a grouped number needs "BSN" before it, a plain one is taken
# unless another kind of number is named before it.
_CUE_WINDOW = 40
_BSN_CUE = compile_later(r"(?i)\b(bsn|burgerservicenummer|sofi-?nummer|persoonsnummer)\b")
_OTHER_NUMBER_CUE = compile_later(
    r"(?i)\b(dossier|zaak|kenmerk|referentie|registratie|factuur|order|document|project|"
    r"corsa|ris|kvk|btw|rekening|klant|relatie|polis|contract|verzoek|besluit)\w*|"
    r"\bnr\b|\bnummer\b"
)
# Nine digits, or grouped 4.2.3 or 3 3 3 (never 3.3.3: that is an amount).
_BSN = re.compile(r"(?<![\w.,/€-])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3})(?![\w/-]|[.,]\d)")
# Lines with fewer digits are not scanned for numbers: most lines of a memo hold none.
_MIN_DIGITS = 9
_MIN_BIRTH_DIGITS = 4  # d-m-yy, or a day and a four-digit year
_IBAN = re.compile(r"(?<![\w-])([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?)(?![\w-])")
_MOBILE = re.compile(
    r"(?<![\w+])((?:(?:\+|00)31[\s-]*(?:\(0\)[\s-]*)?|0|\(06\))[\s-]*6?(?:[\s-]*\d){8})(?![\d-])"
)
# A fixed line is a citizen's only when the memo says so; never a free, paid, business or
# VoIP range (0800, 0900, 084-088, 091, 097).
_PRIVATE_CUE = re.compile(
    r"(?i)\b(priv[eé]|thuis)\b|\b(priv[eé]|thuis)-?(telefoon|tel\b|nummer|nr\b)|\bhuistelefoon"
)
_FIXED = re.compile(
    r"(?<![\w+])((?:(?:\+|00)31[\s-]*(?:\(0\)[\s-]*)?|\(?0)[1-57-9](?:[\s)-]*\d){8})(?![\d-])"
)
_NOT_PRIVATE = ("0800", "0900", "0906", "0909", "084", "085", "087", "088", "091", "097")
_MAIL = compile_later(r"(?<![\w.+-])([\w.+-]+)@((?:[\w-]+\.)+[a-zA-Z]{2,})\b")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_BIRTH = re.compile(
    rf"(?i)\b(?:geboren(?:\s+op)?|geboortedatum|geb\.)\s*:?\s*"
    rf"(\d{{1,2}}[-/.]\d{{1,2}}[-/.](\d{{4}}|\d{{2}})|\d{{1,2}}\s+(?:{_MONTH})\s+(\d{{4}}))\b"
)
_DECEASED = compile_later(r"(?i)\b(overleden|gestorven|sterfdatum)\b|†")
# Vehicle registrations in the RDW's side codes 4-14 (no vowels, no C/Q since 1978).
_L = "[BDFGHJKLNPRSTVXZ]"
_PLATE = re.compile(
    r"(?<![\w-])("
    rf"{_L}{{2}}-\d{{2}}-{_L}{{2}}|{_L}{{2}}-{_L}{{2}}-\d{{2}}|\d{{2}}-{_L}{{2}}-{_L}{{2}}|"
    rf"\d{{2}}-{_L}{{3}}-\d|\d-{_L}{{3}}-\d{{2}}|{_L}{{2}}-\d{{3}}-{_L}|{_L}-\d{{3}}-{_L}{{2}}|"
    rf"{_L}{{3}}-\d{{2}}-{_L}|{_L}-\d{{2}}-{_L}{{3}}|\d-{_L}{{2}}-\d{{3}}|\d{{3}}-{_L}{{2}}-\d"
    r")(?![\w-])"
)

# What the patterns need, looked for first: each _BIRTH cue starts "geb" ((?i) matches exactly
# the characters whose lower case is g, e or b), every side code of a plate has two digits.
_BIRTH_CUE = "geb"
_PLATE_DIGITS = 2
# What _Scanner.scan needs to find anything on a line: the fewest digits one of its kinds needs,
# or an "@"; most lines have neither and are not scanned at all.
_SCAN_DIGITS = min(_MIN_DIGITS, _MIN_BIRTH_DIGITS, _PLATE_DIGITS)

_MAX_AGE_YEARS = 120


def mask(value: str) -> str:
    """Enough to find it again, not enough to read it: ``1234•••82``, ``j•••@gmail.com``."""
    local, at, domain = value.rpartition("@")
    if at:
        return local[:1] + "•••@" + domain
    keep = 4 if len(value) >= 9 else max(1, len(value) // 3)
    tail = 2 if len(value) >= 8 else 1
    return value[:keep] + "•••" + value[-tail:]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _alnum(text: str) -> str:
    return re.sub(r"[\W_]", "", text).upper()


def _contact_lines(lines: list[Line], pattern: str, length: int) -> set[int]:
    """Lines of the memo's own contact blocks: a cue line and the lines that follow it.

    A blank line ends a block once it has content: header forms put the value a blank line
    below its label ("Vragen bij + telefoonnummer", blank, "P. Zondervan, 06-…").
    """
    cues = lines_matching(pattern, lines)
    inside: set[int] = set()
    remaining = 0
    has_content = False
    for line in lines:
        if line.number in cues:
            remaining, has_content = length + 1, False
        elif line.heading_level or (not line.text.strip() and has_content):
            remaining = 0
        elif line.text.strip():
            has_content = True
        if remaining:
            inside.add(line.number)
            remaining -= 1
    return inside


class _Scanner:
    def __init__(self, options: dict[str, Any], today: dt.date) -> None:
        organisation = options.get("organisation", {})
        self.own_domains = {d.casefold().lstrip("@") for d in organisation.get("domains", ())}
        numbers = organisation.get("numbers", ())
        # Phone numbers compare by their digits, account numbers (IBAN) by letters and digits.
        self.own_numbers = {_digits(n) for n in numbers} | {_alnum(n) for n in numbers}
        self.private = {d.casefold() for d in options.get("private_mail_domains", PRIVATE_MAIL)}
        self.oldest = today.year - _MAX_AGE_YEARS
        self.today = today

    def scan(self, line: Line, digits: int) -> Iterator[tuple[str, str, int, int]]:
        """(category, value, start, end) for each piece of personal data on the line, which
        has ``digits`` digits."""
        text = line.text
        if digits >= _MIN_DIGITS:  # a BSN, IBAN or phone number has nine digits or more
            yield from self._numbers(text)
        if digits >= _MIN_BIRTH_DIGITS and _BIRTH_CUE in text.lower():
            yield from self._birth(text)
        if "@" in text:
            for match in _MAIL.finditer(text):
                domain = match.group(2).casefold()
                if domain in self.private and domain not in self.own_domains:
                    yield "mail", match.group(0), match.start(), match.end()
        if digits >= _PLATE_DIGITS and "-" in text:
            for match in _PLATE.finditer(text):
                yield "plate", match.group(1), match.start(1), match.end(1)

    def _numbers(self, text: str) -> Iterator[tuple[str, str, int, int]]:
        for match in _BSN.finditer(text):
            value = _digits(match.group(1))
            if value in self.own_numbers or not _valid_bsn(value):
                continue
            before = text[max(0, match.start() - _CUE_WINDOW) : match.start()]
            if _BSN_CUE.search(before) or (
                value == match.group(1) and not _OTHER_NUMBER_CUE.search(before)
            ):
                yield "bsn", value, match.start(1), match.end(1)
        for match in _IBAN.finditer(text):
            value = _alnum(match.group(1))
            if value not in self.own_numbers and _valid_iban(value):
                yield "iban", value, match.start(1), match.end(1)
        for match in _MOBILE.finditer(text):
            value = _digits(match.group(1))
            subscriber = value[4:] if value.startswith("0031") else value
            subscriber = subscriber[2:] if value.startswith("31") else subscriber
            national = "0" + subscriber.lstrip("0")
            own = national in self.own_numbers or value in self.own_numbers
            if national.startswith("06") and len(national) == 10 and not own:
                yield "mobile", national, match.start(1), match.end(1)
        for match in _FIXED.finditer(text) if _PRIVATE_CUE.search(text) else ():
            national = "0" + _digits(match.group(1))[-9:]
            before = text[max(0, match.start() - _CUE_WINDOW) : match.start()]
            own = national in self.own_numbers or _digits(match.group(1)) in self.own_numbers
            if not own and not national.startswith(_NOT_PRIVATE) and _PRIVATE_CUE.search(before):
                yield "phone", national, match.start(1), match.end(1)

    def _birth(self, text: str) -> Iterator[tuple[str, str, int, int]]:
        for match in _BIRTH.finditer(text):
            year = int(match.group(2) or match.group(3) or 0)
            if match.group(2) and len(match.group(2)) == 2:
                year += 1900 if year > self.today.year % 100 else 2000
            if year >= self.oldest and not _DECEASED.search(text):
                yield "birth", match.group(1), match.start(1), match.end(1)


def _valid_bsn(value: str) -> bool:
    from stdnum.nl import bsn

    return len(value) == 9 and bool(bsn.is_valid(value))


def _valid_iban(value: str) -> bool:
    from stdnum import iban

    return bool(iban.is_valid(value))


def check(document: Document, context: Context) -> Iterator[Finding]:
    options = context.options
    if not _publication.published(document, options):
        return
    scanner = _Scanner(options, context.reference_date)
    skip: set[int] | None = None  # the contact blocks, found only once something is found
    content = document.content
    for line, digits in zip(content, content.digit_counts(), strict=True):
        if digits < _SCAN_DIGITS and "@" not in line.text:
            continue
        for category, value, start, end in scanner.scan(line, digits):
            if skip is None:
                contact = options.get("contact", CONTACT)
                skip = _contact_lines(document.content, contact, options.get("contact_lines", 4))
            if line.number in skip:
                continue
            what = say(f"personal.{category}", context.lang)
            yield Finding(
                Span.of_line(line, start, end),
                {"what": what, "masked": mask(value), "category": category},
            )
