"""The citizen's text as rich text with the deciding phrases and the place names marked. Pure functions
(no widgets); the HTML is for a QTextBrowser. Any thread."""

from __future__ import annotations

import html
from collections.abc import Iterable

from console.review_desk.card import Span

PHRASE_STYLE = "background-color:#ffe082; color:#1f1f1f; font-weight:600;"
PLACE_STYLE = "background-color:#bbdefb; color:#0d47a1; text-decoration: underline;"


def segments(text: str, spans: Iterable[Span]) -> list[tuple[str, str]]:
    """``text`` cut into runs ``(piece, kind)`` with kind ``""``, ``phrase`` or ``place``; a character in
    both a phrase and a place counts as a phrase (the deciding evidence wins)."""
    kinds = [""] * len(text)
    ordered = sorted(spans, key=lambda s: s.kind != "place")  # places first, phrases painted over them
    for span in ordered:
        for i in range(max(0, span.start), min(len(text), span.end)):
            kinds[i] = span.kind
    runs: list[tuple[str, str]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or kinds[i] != kinds[start]:
            runs.append((text[start:i], kinds[start]))
            start = i
    return runs


def highlighted_html(text: str, spans: Iterable[Span]) -> str:
    """HTML of the text with ``<span>`` marks; everything else escaped, line breaks kept."""
    parts = []
    for piece, kind in segments(text, spans):
        escaped = html.escape(piece).replace("\n", "<br/>")
        if kind == "phrase":
            parts.append(f'<span style="{PHRASE_STYLE}">{escaped}</span>')
        elif kind == "place":
            parts.append(f'<span style="{PLACE_STYLE}">{escaped}</span>')
        else:
            parts.append(escaped)
    return "".join(parts)
