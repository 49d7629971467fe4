"""Which memos the publication rules (ML8xx) look at: those that will be published.

Not a check kind: the options and the test the ML8xx kinds share. A memo marked secret is
never published, so it is never checked. A collegevoorstel is published when it is marked
public; a raadsvoorstel or informatienota goes to the council and is public unless marked
secret, which a pack says with ``unstated: check``.
"""

from __future__ import annotations

from typing import Any

from memo_lint.model import Document, Mark

OPTIONS: dict[str, Any] = {
    "choice": {
        "type": "string",
        "x-references": "choice",
        "default": "publicity",
        "description": "The choice group that says whether the memo is public.",
    },
    "public": {
        "type": "string",
        "default": "Openbaar",
        "description": "The option of that group that means public.",
    },
    "secret": {
        "type": "string",
        "default": "Geheim",
        "description": "The option that means secret: such a memo is never checked.",
    },
    "unstated": {
        "enum": ["skip", "check"],
        "default": "skip",
        "description": "A memo marked neither way: skip (collegevoorstel) or check (council "
        "memos, public unless secret).",
    },
}


def published(document: Document, options: dict[str, Any]) -> bool:
    """Whether the memo is marked (or, with ``unstated: check``, presumed) public."""
    group = document.choices.get(options.get("choice", "publicity"))
    chosen = set()
    if group is not None:
        chosen = {o.label.casefold() for o in group.options if o.mark is Mark.MARKED}
        chosen |= {s.label.casefold() for s in group.statements}
    if options.get("secret", "Geheim").casefold() in chosen:
        return False
    if options.get("public", "Openbaar").casefold() in chosen:
        return True
    return bool(options.get("unstated", "skip") == "check")
