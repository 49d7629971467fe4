"""YAML from untrusted files (rule packs, Markdown front matter) without alias bombs.

PyYAML's safe loader shares aliased nodes, but whatever walks the result afterwards (JSON
Schema, JSON dumps) sees every copy: a few KB of nested anchors can mean billions of nodes.
The node graph is therefore measured as if expanded before anything is constructed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

MAX_YAML_NODES = 200_000


class YamlError(ValueError):
    """Message includes ``line:column`` where PyYAML knows it."""


def _check_expansion(root: yaml.Node, limit: int) -> None:
    """Refuse a node graph whose aliases add more than ``limit`` nodes when expanded.

    Nodes written out in the file are bounded by its size (a 10,000-rule pack is fine); only
    what aliases repeat is counted against the limit. The excess within any subtree is a
    lower bound of the whole document's, so the walk stops as soon as it passes the limit.
    """
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        if id(node) in sizes:
            return sizes[id(node)]
        sizes[id(node)] = 1  # a recursive alias counts once instead of looping
        total = 1
        if isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total += sum(size(item) for item in node.value)
        if total - len(sizes) > limit:
            raise YamlError(
                f"aliases expand it by more than {limit:,} YAML nodes (anchors and aliases "
                "nested too deep); write it out without aliases"
            )
        sizes[id(node)] = total
        return total

    size(root)


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@lru_cache(maxsize=2)
def _loader_class(timestamps: bool) -> Any:
    """The loader class; built once (every Markdown memo with front matter asks for it)."""
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if timestamps:
        return base

    class TextDates(base):  # type: ignore[misc, valid-type]
        """Dates stay text: "2023-02-29" is a memo's (impossible) date, not a crash."""

    TextDates.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    return TextDates


def load(
    text: str, limit: int = MAX_YAML_NODES, *, timestamps: bool = True
) -> tuple[Any, yaml.Node | None]:
    """The value and its node tree (for line numbers); (None, None) for an empty document.

    ``timestamps=False`` keeps dates as the text written (front matter: the memo-date rules
    read and judge it, and PyYAML would raise on "2023-02-29").
    """
    loader = _loader_class(timestamps)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_expansion(node, limit)
        return loader.construct_document(node), node
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise YamlError(f"{where}{error.problem or error}") from None
    except yaml.YAMLError as error:
        raise YamlError(str(error)) from None
    finally:
        loader.dispose()
