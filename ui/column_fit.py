"""Column widths that fit their texts in the current UI language, measured once (never per row)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFontMetrics


def fit_width(cells: QFontMetrics, header: QFontMetrics, header_text: str, samples: Iterable[str], *,
              cell_padding: int, header_padding: int, icon: int = 0) -> int:
    """The width that shows ``header_text`` and the widest of ``samples`` (beside an ``icon``) uncut."""
    widest = max((cells.horizontalAdvance(text) + icon + cell_padding for text in samples), default=0)
    return max(widest, header.horizontalAdvance(header_text) + header_padding)
