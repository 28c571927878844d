"""Helpers for reading exported workbooks back in tests."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet


def rows(sheet: Worksheet) -> list[dict[str, Any]]:
    """Data rows as dicts keyed by the Chinese header."""
    values = list(sheet.iter_rows(values_only=True))
    header = values[0]
    return [dict(zip(header, row, strict=False)) for row in values[1:] if any(v is not None for v in row)]


def open_book(path: Path) -> Any:
    return load_workbook(path)


def all_text(path: Path) -> str:
    """Every cell value of every sheet, joined (for "never appears anywhere" checks)."""
    book = load_workbook(path, read_only=True)
    parts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            parts.extend(str(v) for v in row if v is not None)
    book.close()
    return "\n".join(parts)


def formula_cells(path: Path) -> list[str]:
    """Coordinates of formula cells in any sheet (read from the XML, not trusting a reader)."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet") and ("<f>" in (xml := archive.read(name).decode())
                                                          or "<f " in xml):
                found.append(name)
    return found
