"""List numbers as a word processor draws them ("1.", "b)", "IV."), for the Word and ODF readers.

Automatic numbering is not in the text of a paragraph: a reader that drops it turns the
decision points "1. … 2. …" into unnumbered lines, and the memo fails as .odt what it passes
as .docx. Formats use Word's names; ODF's ``style:num-format`` codes map onto them.
"""

from __future__ import annotations

ODF_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
}

MAX_DRAWN = 3999  # the largest Roman numeral; letters then repeat at most 154 times
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def format_number(value: int, fmt: str) -> str:
    """``value`` in Word's number format ``fmt`` (decimal, lowerLetter, upperRoman, …).

    Past what a list really reaches (a hostile start value), letters and Roman numerals
    would grow without bound: such numbers are drawn as digits.
    """
    if value < 1 or value > MAX_DRAWN:
        return str(value)
    if fmt in {"lowerLetter", "upperLetter"}:
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in {"lowerRoman", "upperRoman"}:
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out: list[str] = []
    for amount, digits in _ROMAN:
        count, value = divmod(value, amount)
        out.append(digits * count)
    return "".join(out)
