"""Cell values that are safe to hand to openpyxl.

``safe_text`` contract: whatever the citizen typed is written as a *string* cell — never a formula, never
an illegal XML character, never longer than Excel's 32,767-character limit. openpyxl turns any string
that starts with ``=`` into a formula on assignment; we build the cell ourselves and force its data type
to ``"s"`` (an inline string). Spreadsheet programs never evaluate string cells, so ``=HYPERLINK(...)``,
``+1``, ``-1`` or ``@SUM(...)`` stay literal text. The text itself is not altered (no apostrophe or
invisible prefix), so copy-paste and search show what the citizen wrote.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

EXCEL_MAX_TEXT = 32_767
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF) and cut to
    Excel's limit (marking the cut with …)."""
    value = _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", value))
    if len(value) > EXCEL_MAX_TEXT:
        value = value[: EXCEL_MAX_TEXT - 1] + "…"
    return value


def needs_guard(value: str) -> bool:
    return value.startswith(FORMULA_TRIGGERS)


def text_cell(sheet: Any, value: str, style: Any = None) -> Any:
    """A write-only cell holding ``value`` as a string, whatever its first character."""
    cell = WriteOnlyCell(sheet)
    cell.value = clean_text(value)
    cell.data_type = "s"
    if style is not None:
        cell._style = style.copy()
    return cell


def safe_value(sheet: Any, value: Any) -> Any:
    """``value`` ready to append: strings are cleaned, and guarded when they could read as a formula."""
    if isinstance(value, str):
        cleaned = clean_text(value)
        if needs_guard(cleaned):
            return text_cell(sheet, cleaned)
        return cleaned
    return value
