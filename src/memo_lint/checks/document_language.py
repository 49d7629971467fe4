"""The file declares the language its text is in (WCAG 3.1.1, PDF/UA).

A screen reader reads Dutch text declared English with English pronunciation. The text's
language is detected with CLD2 (pycld2, imported only for a PDF, Word or ODT file that
declares a language): measured on the 142 tuning texts of ``../shared/corpus`` and the seed
(142 ``nl``) and 77 English README and licence texts (73 ``en``, 4 under 400 characters not
judged): no wrong language, 0.4 ms per document, 1.5 ms import. (py3langid agreed but
costs 80 ms import and 600 ms to load its model.) Texts shorter than ``min_chars``, or
where CLD2 is unsure and finds under 60 % of the text in one language, are not judged.
"""

from __future__ import annotations

from collections.abc import Iterator

import memo_lint.checks._publication as _publication
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document

KIND = "document-language"
OPTIONS = {
    "type": "object",
    "properties": {
        **_publication.OPTIONS,
        "min_chars": {
            "type": "integer",
            "minimum": 1,
            "default": 400,
            "description": "Shorter texts are not judged for their language",
        },
    },
    "additionalProperties": False,
}
ARGUMENTS = {
    "declared": "the language the file declares (empty when none)",
    "detected": "the language of the text (mismatch)",
}
VARIANTS = {"mismatch": "the declared language is not the text's"}
_EXAMPLE_TEXT = (
    "Het college besluit om de deelname aan de City deal niet te verlengen. De "
    "gemeente zet de komende jaren vooral in op lokale en regionale samenwerking in "
    "het sociaal domein. Daarbij gaat het om digitalisering, innovatie en "
    "datagedreven werken met de partners in de stad. De kosten blijven binnen de "
    "bestaande begroting en er zijn geen gevolgen voor de inwoners van de gemeente. "
    "Het besluit wordt na afloop van de vergadering bekendgemaakt op de website."
)
EXAMPLE = Example(
    options={"unstated": "check"},
    passes="# Inleiding\n\n" + _EXAMPLE_TEXT,
    fails="# Inleiding\n\n" + _EXAMPLE_TEXT,
    passes_file={"language": "nl-NL"},
    fails_file={"language": "en-US"},
)
_SAMPLE_CHARS = 20_000
_MIN_PERCENT = 60  # CLD2 calls short texts unreliable; 60 % in one language is sure enough


def detect(text: str, min_chars: int) -> str | None:
    """The text's language (ISO 639-1), or None when too short or unsure."""
    if len(text) < min_chars:
        return None
    import pycld2  # type: ignore[import-not-found,unused-ignore]

    sample = text[:_SAMPLE_CHARS].encode("utf-8", "replace")  # a lone surrogate is no error
    try:
        reliable, _, details = pycld2.detect(sample)
    except pycld2.error:  # CLD2 refuses some byte sequences: not judged
        return None
    code, percent = str(details[0][1]), int(details[0][2])
    return code if code != "un" and (reliable or percent >= _MIN_PERCENT) else None


def check(document: Document, context: Context) -> Iterator[Finding]:
    info = document.file_info
    if info is None or not _publication.published(document, context.options):
        return
    declared = (info.language or "").strip()
    if not declared:
        yield Finding(document.start(), {"declared": "", "detected": ""})
        return
    text = "\n".join(line.text for line in document.content)
    detected = detect(text, context.options.get("min_chars", 400))
    if detected and declared.split("-")[0].casefold() != detected:
        yield Finding(
            document.start(), {"declared": declared, "detected": detected}, variant="mismatch"
        )
