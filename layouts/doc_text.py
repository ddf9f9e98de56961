"""A docstring written in a small Markdown subset (paragraphs, ``- `` lists, ``**bold**``) as plain HTML
components: no Markdown component, whose 0.5 MB of scripts a page would otherwise load to show it."""

from __future__ import annotations

import inspect
import re

from dash import html

BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def inline(text: str) -> list:
    """``inline("a **b** c") == ["a ", html.Strong("b"), " c"]`` (as components; empty parts left out)."""
    parts = BOLD.split(text)
    return [html.Strong(part) if i % 2 else part for i, part in enumerate(parts) if part]


def doc_blocks(doc: str) -> list:
    """Paragraphs and lists of ``doc``; a list item's indented lines continue it, as in Markdown.

    Example: ``doc_blocks("**Rule**\\n\\n- one\\n  more\\n- two")`` is a paragraph with "Rule" in bold, then a
    list of two items, "one more" and "two".
    """
    blocks = []
    for chunk in re.split(r"\n\s*\n", inspect.cleandoc(doc)):
        lines = chunk.splitlines()
        if lines[0].startswith("- "):
            items: list[list[str]] = []
            for line in lines:
                if line.startswith("- "):
                    items.append([line[2:]])
                else:
                    items[-1].append(line.strip())
            blocks.append(html.Ul([html.Li(inline("\n".join(item))) for item in items]))
        else:
            blocks.append(html.P(inline("\n".join(line.strip() for line in lines))))
    return blocks
