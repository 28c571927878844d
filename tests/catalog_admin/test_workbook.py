"""The whole list goes to Excel and back without loss; text that looks like a formula stays text; a broken
workbook is refused with the sheet, row and column of every problem."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import load_workbook

from console.catalog_admin.edits import build_catalog
from console.catalog_admin.workbook import WorkbookFormatError, read_workbook, write_workbook
from console.domain.catalog import Catalog
from console.reference.catalog_file import catalog_to_dict, load_catalog

from .conftest import LINES

BAIT = ("=HYPERLINK(\"http://x\",\"点我\")", "+86 电话", "-5 度", "@SUM(A1)")


def test_round_trip_of_the_shipped_list_is_lossless(tmp_path: Path) -> None:
    catalog = load_catalog()
    path = write_workbook(catalog, tmp_path / "list.xlsx")
    back = read_workbook(path, set(LINES))
    assert catalog_to_dict(back) == catalog_to_dict(catalog)
    assert len(back.items) == len(catalog.items) == 497


def test_formula_bait_survives_as_text_and_retired_items_and_fractions_round_trip(tmp_path: Path,
                                                                                  mini: Catalog) -> None:
    items = [dataclasses.replace(mini.item("010101"), description=BAIT[0], name=BAIT[3]),
             dataclasses.replace(mini.item("010102"), keywords=(BAIT[1], BAIT[2]), active=False),
             mini.item("020101"), mini.item("020201")]
    nodes = {c.code: c.name for c in mini.categories} | {s.code: s.name for c in mini.categories
                                                         for s in c.subcategories}
    nodes["0101"] = "=1+1"
    catalog = build_catalog(mini.version, mini.effective_from, nodes, items)
    path = write_workbook(catalog, tmp_path / "bait.xlsx")
    assert catalog_to_dict(read_workbook(path, set(LINES))) == catalog_to_dict(catalog)
    sheet = load_workbook(path)["事项"]
    texts = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith(
        ("=", "+", "-", "@"))]
    assert {c.value for c in texts} >= {BAIT[0], BAIT[3], f"{BAIT[1]}；{BAIT[2]}"}
    assert all(c.data_type == "s" for c in texts)
    assert all(c.quotePrefix for c in texts)
    assert catalog.item("020101").limits.accept_hours == 0.5


def test_reordered_columns_are_read_by_header(tmp_path: Path, mini: Catalog) -> None:
    path = write_workbook(mini, tmp_path / "list.xlsx")
    wb = load_workbook(path)
    ws = wb["事项"]
    ws.move_range("A1:A20", cols=20)   # the code column goes to the far right
    ws.delete_cols(1)
    wb.save(path)
    assert catalog_to_dict(read_workbook(path, set(LINES))) == catalog_to_dict(mini)


def test_problems_name_sheet_row_and_column(tmp_path: Path, mini: Catalog) -> None:
    path = write_workbook(mini, tmp_path / "list.xlsx")
    wb = load_workbook(path)
    ws = wb["事项"]
    headers = [c.value for c in ws[1]]
    ws.cell(row=2, column=headers.index("主办条线") + 1, value="nowhere")
    ws.cell(row=3, column=headers.index("签收时限（小时）") + 1, value="soon")
    ws.cell(row=5, column=headers.index("事项编码") + 1, value="010101")   # duplicate code
    wb.save(path)
    with pytest.raises(WorkbookFormatError) as caught:
        read_workbook(path, set(LINES))
    problems = caught.value.problems
    assert "工作表「事项」第 2 行「主办条线」（事项 010101）：未知条线「nowhere」" in problems
    assert any(p.startswith("工作表「事项」第 3 行「签收时限（小时）」") and "soon" in p for p in problems)
    assert "工作表「事项」第 5 行：事项编码 010101 与第 2 行重复" in problems


def test_a_file_that_is_no_duty_list_is_refused(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "other.xlsx"
    Workbook().save(path)
    with pytest.raises(WorkbookFormatError, match="缺少工作表「说明」"):
        read_workbook(path)
