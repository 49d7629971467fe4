"""The file's own title (PDF, Word, ODT metadata) names the document (WCAG 2.4.2).

A viewer, a search engine and a screen reader show the metadata title, not the first
heading; a PDF that asks the viewer to show it (``DisplayDocTitle``) with an empty title
shows the file name. A title left over from the template ("raadsvoorstel format") or the
printer driver ("Microsoft Word - …") names nothing, nor does a generic one ("Voorstel aan
de raad") that every memo of the template shares.
"""

from __future__ import annotations

from collections.abc import Iterator

import memo_lint.checks._publication as _publication
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document
from memo_lint.patterns import compile_pattern

KIND = "document-title"
# Found in the corpus: "raadsvoorstel format", "RvRvOpresidium", "Microsoft Word - RIS322208 …".
LEFTOVER = (
    r"(?i)^(microsoft (word|excel|powerpoint)\s*-|raadsvoorstel\s*format|rvrvopresidium|"
    r"sjabloon|template|format\b|document\s*\d*$|naamloos|untitled|titel$)"
)
GENERIC = (
    r"(?i)^(voorstel aan de raad|raadsvoorstel|collegevoorstel|beslisnota|informatienota|"
    r"raadsinformatiebrief|voorstel van het college|memo|notitie)\.?$"
)
OPTIONS = {
    "type": "object",
    "properties": {
        **_publication.OPTIONS,
        "leftover": {
            "type": "string",
            "format": "re2",
            "description": "Pattern (RE2): a title left by a template or printer driver",
            "default": LEFTOVER,
        },
        "generic": {
            "type": "string",
            "format": "re2",
            "description": "Pattern (RE2): a title every memo of a template shares",
            "default": GENERIC,
        },
    },
    "additionalProperties": False,
}
ARGUMENTS = {"title": "the file's title (empty when there is none)"}
VARIANTS = {"leftover": "a template's or printer driver's title", "generic": "a generic title"}
EXAMPLE = Example(
    options={"unstated": "check"},
    passes="# Inleiding\n\nTekst.\n",
    fails="# Inleiding\n\nTekst.\n",
    passes_file={"title": "Niet verlengen City deal Slim Maatwerk"},
    fails_file={"title": "raadsvoorstel format"},
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    info = document.file_info
    if info is None or not _publication.published(document, context.options):
        return
    title = " ".join((info.title or "").split())
    if not title:
        yield Finding(document.start(), {"title": ""})
        return
    for variant, default in (("leftover", LEFTOVER), ("generic", GENERIC)):
        if compile_pattern(context.options.get(variant, default)).search(title):
            yield Finding(document.start(), {"title": title}, variant=variant)
            return
