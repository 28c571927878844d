"""Wrapped analytics columns get rows tall enough to show their text when printed."""

from __future__ import annotations

from openpyxl import Workbook

from console.analytics.sheet_cells import LINE_HEIGHT, wrap, write_table
from console.text_width import display_width


def test_display_width_counts_cjk_as_two_units() -> None:
    assert display_width("abc") == 3
    assert display_width("占道经营") == 8
    assert display_width("ＡＢ，") == 6  # full-width forms


def test_wrap_sizes_each_row_for_its_longest_wrapped_text() -> None:
    ws = Workbook().active
    rows = [("短", "短句"), ("长", "建议加强管理" * 10), ("两栏", "甲" * 30)]
    write_table(ws, ("主题", "代表意见"), rows, widths=(10, 21))
    ws.column_dimensions["C"].width = 11
    ws.cell(row=4, column=3, value="乙" * 40)
    wrap(ws, 2)
    wrap(ws, 3)
    assert ws.row_dimensions[2].height is None  # fits on one line: default height
    assert ws.row_dimensions[3].height == 6 * LINE_HEIGHT  # 120 units at 20 per line
    assert ws.row_dimensions[4].height == 8 * LINE_HEIGHT  # the taller of 3 (column B) and 8 (column C) lines
    assert ws["B3"].alignment.wrap_text and ws["A3"].alignment.vertical == "top"
    assert ws["A2"].alignment.vertical is None  # untouched where nothing wraps
