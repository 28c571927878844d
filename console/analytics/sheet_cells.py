"""Writing cells and sheets with openpyxl so that citizen text can never become a formula.

openpyxl stores any string starting with ``=`` as a live formula, and Excel (or a CSV round trip) treats
``+ - @`` the same way. ``put`` stores every such string as a text cell with Excel's quote prefix, so a
re-edited cell stays text; every other value is stored as is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from console.domain.clock import to_room_time
from console.text_width import display_width

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


def put(ws: Worksheet, row: int, column: int, value: Any) -> None:
    """Store ``value`` in the cell; strings that Excel could read as a formula are forced to text.

    Aware datetimes are written in room time without zone (Excel has none); tuples and lists are joined by
    "、"; ``None`` leaves the cell empty.
    """
    cell = ws.cell(row=row, column=column)
    if isinstance(value, datetime):
        cell.value = to_room_time(value).replace(tzinfo=None) if value.tzinfo else value
        cell.number_format = "yyyy-mm-dd hh:mm"
        return
    if isinstance(value, date):
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
        return
    if isinstance(value, tuple | list):
        value = "、".join(str(v) for v in value)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def write_table(ws: Worksheet, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, start_row: int = 1,
                widths: Sequence[int] | None = None) -> int:
    """A header row (bold, frozen when it is the first row) and data rows; returns the next free row."""
    for column, header in enumerate(headers, 1):
        put(ws, start_row, column, header)
        ws.cell(row=start_row, column=column).font = HEADER_FONT
        ws.cell(row=start_row, column=column).fill = HEADER_FILL
    if start_row == 1:
        ws.freeze_panes = "A2"
    row_number = start_row + 1
    for row in rows:
        for column, value in enumerate(row, 1):
            put(ws, row_number, column, value)
        row_number += 1
    for column, width in enumerate(widths or [], 1):
        ws.column_dimensions[get_column_letter(column)].width = width
    return row_number


TOP = Alignment(vertical="top")
LINE_HEIGHT = 15.0  # points per wrapped line at the default 11 pt font


def wrap(ws: Worksheet, column: int) -> None:
    """Wrap text in one column (long citizen texts) and make each row tall enough for its wrapped lines.

    Spreadsheet programs do not all grow a row to fit wrapped text when they open a file (LibreOffice keeps
    the default height), so the height is set here from the text's display width and the column's width;
    a row keeps the largest height any wrapped column asks for, and its other cells are aligned to the top.
    """
    alignment = Alignment(wrap_text=True, vertical="top")
    width = ws.column_dimensions[get_column_letter(column)].width or 8.43
    per_line = max(1, int(width) - 1)
    for (cell,) in ws.iter_rows(min_col=column, max_col=column, min_row=2):
        cell.alignment = alignment
        if not isinstance(cell.value, str) or not cell.value:
            continue
        lines = sum(max(1, math.ceil(display_width(part) / per_line)) for part in cell.value.split("\n"))
        if lines > 1:
            height = ws.row_dimensions[cell.row].height or LINE_HEIGHT
            ws.row_dimensions[cell.row].height = max(height, lines * LINE_HEIGHT)
            for other in ws[cell.row]:  # the row's short cells read from the top, beside the wrapped text
                if not other.alignment.wrap_text:
                    other.alignment = TOP
