"""Citizen text never becomes a formula, and odd characters never break the file."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from console.exports.cells import EXCEL_MAX_TEXT, clean_text, safe_value, text_cell

BAIT = ["=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+86 138", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0", "\t=1"]


def test_formula_bait_reads_back_as_strings(tmp_path: Path) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("t")
    for text in BAIT:
        sheet.append([safe_value(sheet, text), text_cell(sheet, text)])
    path = tmp_path / "bait.xlsx"
    workbook.save(path)

    loaded = load_workbook(path)["t"]
    for row, text in zip(loaded.iter_rows(), BAIT, strict=True):
        for cell in row:
            assert cell.data_type == "s"
            assert cell.value == text
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_plain_openpyxl_would_have_made_a_formula() -> None:
    """The trap this module exists for: openpyxl's own assignment turns "=…" into a formula."""
    sheet = Workbook().active
    sheet["A1"] = "=1+1"
    assert sheet["A1"].data_type == "f"


def test_clean_text_drops_control_characters_and_cuts_long_text() -> None:
    assert clean_text("a\x00b\x1fc") == "abc"
    assert len(clean_text("字" * 40_000)) == EXCEL_MAX_TEXT


def test_table_sheet_writes_odd_text_verbatim_or_cleaned(tmp_path: Path) -> None:
    from console.exports.sheets import Column, Footer, TableSheet

    workbook = Workbook(write_only=True)
    table = TableSheet(workbook, "t", [Column("内容", 20), Column("数", 8, "int")], Footer("左", "右"))
    odd = ["  前后空格  ", "<b>&amp;</b>", "a\ud800b\uffffc\x07d", "=1+1", "-1"]
    for text in odd:
        table.append([text, 1])
    table.close()
    path = tmp_path / "odd.xlsx"
    workbook.save(path)
    values = [row[0] for row in load_workbook(path)["t"].iter_rows(min_row=2, values_only=True)]
    assert values == ["  前后空格  ", "<b>&amp;</b>", "abcd", "=1+1", "-1"]
