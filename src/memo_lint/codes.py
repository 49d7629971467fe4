"""One grammar for naming rules: the CLI, the config file, packs and suppression comments.

A rule *code* is two to five capital letters and three digits (``ML101``); a *prefix* is
one to five letters and up to three digits (``ML``, ``ML1``, ``ML10``) and selects every code
that starts with it. A rule *name* (kebab-case, ``budget-change-details``) is accepted
wherever a code is, as markdownlint accepts its aliases, and stands for the code of the rule
with that name in each pack that has one. A value in the right form that matches no known rule
(``ML9`` when there is no ML9xx rule, ``ML1O1`` with a letter O, ``XX1``) is an error that
names where it was written and the closest valid code: a gate must not pass with nothing
checked because of a typo.
"""

from __future__ import annotations

from collections.abc import Iterable

from memo_lint.errors import Phrase
from memo_lint.model import FrozenRecord
from memo_lint.regex import compile_later

CODE = r"[A-Z]{2,5}[0-9]{3}"
PREFIX = r"[A-Z]{1,5}[0-9]{0,3}"
NAME = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # as packs name their rules
SELECTOR = f"^(?:{PREFIX}|{NAME})$"  # select, ignore, per-file-ignores, suppressions
EXACT = f"^(?:{CODE}|{NAME})$"  # severity: one rule, not a group
_CODE_RE = compile_later(f"^{CODE}$")
_PREFIX_RE = compile_later(f"^{PREFIX}$")
_NAME_RE = compile_later(f"^{NAME}$")
_LOOK_ALIKE = str.maketrans("OILS", "0115")


def split(values: Iterable[str]) -> tuple[str, ...]:
    """``("ml1,ML301", "ML6")`` → ``("ML1", "ML301", "ML6")``: option values, commas allowed;
    codes in capitals, names as written."""
    parts = (part.strip() for value in values for part in value.split(","))
    return tuple(p.upper() if _PREFIX_RE.match(p.upper()) else p for p in parts if p)


def form_problem(value: str) -> Phrase | None:
    """Why ``value`` is not written as a code, prefix or rule name, or None when it is."""
    if _PREFIX_RE.match(value.upper()) or _NAME_RE.match(value):
        return None
    return Phrase("codes.bad-form", value=value)


class Catalogue(FrozenRecord):
    """The rules a value may name: code → rule name, over every pack that can be used."""

    rules: dict[str, str]

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> Catalogue:
        return cls(dict(sorted(pairs)))

    def codes_named(self, name: str) -> tuple[str, ...]:
        return tuple(code for code, rule in self.rules.items() if rule == name)

    def resolve(self, value: str) -> tuple[str, ...] | None:
        """The codes or prefix ``value`` stands for, or None when it names no known rule."""
        upper = value.upper()
        if _PREFIX_RE.match(upper) and any(code.startswith(upper) for code in self.rules):
            return (upper,)
        named = self.codes_named(value.lower())
        return named or None

    def problem(self, value: str, where: str) -> Phrase:
        """The error for a value that names no known rule: where, why, and the closest code."""
        wrong_form = form_problem(value)
        if wrong_form:
            return Phrase("codes.where", where=where, problem=wrong_form, then=self._closest(value))
        upper = value.upper()
        if _CODE_RE.match(upper):
            why = Phrase("codes.no-code", code=upper)
        elif _PREFIX_RE.match(upper) and not _NAME_RE.match(value):
            why = Phrase("codes.no-prefix", prefix=upper)
        elif "-" in value or not _PREFIX_RE.match(upper):
            why = Phrase("codes.no-name", value=value)
        else:
            why = Phrase("codes.no-name-or-prefix", value=value, prefix=upper)
        problem = Phrase("codes.names-no-rule", value=value, why=why)
        return Phrase("codes.where", where=where, problem=problem, then=self._closest(value))

    def _closest(self, value: str) -> Phrase:
        import difflib

        upper = value.upper()
        digits = upper[:2] + upper[2:].translate(_LOOK_ALIKE)  # ML1O1: a letter O for a zero
        if digits != upper and any(code.startswith(digits) for code in self.rules):
            return Phrase("codes.did-you-mean", code=digits)
        if _PREFIX_RE.match(upper) and not _CODE_RE.match(upper) and len(upper) <= 4:
            prefixes = sorted({code[: len(upper)] for code in self.rules})
            close = difflib.get_close_matches(upper, prefixes, n=1, cutoff=0.5)
            if close:
                return Phrase(
                    "codes.did-you-mean-prefix", prefix=close[0], known=", ".join(prefixes)
                )
        candidates = [*self.rules, *self.rules.values()]
        close = difflib.get_close_matches(upper, list(self.rules), n=1, cutoff=0.6)
        close = close or difflib.get_close_matches(value.lower(), candidates, n=1, cutoff=0.6)
        if not close:
            return Phrase("codes.see-rules")
        found = close[0]
        code = found if found in self.rules else self.codes_named(found)[0]
        return Phrase("codes.did-you-mean-rule", code=code, name=self.rules[code])

    def resolve_all(self, values: Iterable[str], where: str) -> tuple[str, ...]:
        """Every value as codes/prefixes; the first unknown one raises ValueError(Phrase)."""
        resolved: list[str] = []
        for value in values:
            codes = self.resolve(value)
            if codes is None:
                raise ValueError(self.problem(value, where))
            resolved.extend(codes)
        return tuple(resolved)

    def resolve_exact(self, value: str, where: str) -> tuple[str, ...]:
        """A value that must name one rule (``severity``): a full code or a name, not a prefix."""
        upper = value.upper()
        if _CODE_RE.match(upper) and upper in self.rules:
            return (upper,)
        named = self.codes_named(value.lower())
        if named:
            return named
        if _PREFIX_RE.match(upper) and self.resolve(value):
            example = next(c for c in self.rules if c.startswith(upper))
            raise ValueError(Phrase("codes.prefix", where=where, value=value, example=example))
        raise ValueError(self.problem(value, where))
