"""How wide a text shows in a monospaced terminal or a spreadsheet column.

``display_width`` counts East Asian wide and full-width characters (CJK, full-width forms) as two
columns and every other character as one: the convention of terminals and of Excel's column unit.
"""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Columns ``text`` takes: two per wide or full-width character, one per other character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
