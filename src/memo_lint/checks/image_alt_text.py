"""Every picture has a text alternative (WCAG 1.1.1, PDF/UA figures need ``/Alt``).

Read from Word's ``descr`` (Alt Text; pictures marked decorative are skipped), ODT's
``svg:desc``/``svg:title`` and a tagged PDF's ``Figure`` elements. An alternative that is
only a file name ("image1.png") is no alternative.
"""

from __future__ import annotations

from collections.abc import Iterator

import memo_lint.checks._publication as _publication
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document, Span
from memo_lint.regex import compile_later

KIND = "image-alt-text"
OPTIONS = {
    "type": "object",
    "properties": dict(_publication.OPTIONS),
    "additionalProperties": False,
}
ARGUMENTS = {"picture": "the picture's name in the file", "page": "its page (PDF)"}
VARIANTS = {"page": "a PDF figure, known by its page"}
EXAMPLE = Example(
    options={"unstated": "check"},
    passes="# Inleiding\n\nTekst.\n",
    fails="# Inleiding\n\nTekst.\n",
    passes_file={"pictures": [{"name": "Kaart", "alt": "Kaart van de wijken", "line": 3}]},
    fails_file={"pictures": [{"name": "Kaart", "alt": "", "line": 3}]},
)
_FILE_NAME = compile_later(r"(?i)^[\w .-]+\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)$")


def check(document: Document, context: Context) -> Iterator[Finding]:
    info = document.file_info
    if info is None or not _publication.published(document, context.options):
        return
    for picture in info.pictures:
        if picture.alt and not _FILE_NAME.match(picture.alt):
            continue
        args = {"picture": picture.name, "page": picture.page or ""}
        yield Finding(_span(document, picture.line), args, "page" if picture.page else None)


def _span(document: Document, number: int | None) -> Span:
    """The picture's own line, or the first line of text after it (a picture has no text)."""
    following = [ln for ln in document.content if number is not None and ln.number >= number]
    line = next((ln for ln in following if ln.text.strip()), None)
    if line is None:
        return document.start()
    start = len(line.text) - len(line.text.lstrip())
    return Span.of_line(line, start, len(line.text.rstrip()))
