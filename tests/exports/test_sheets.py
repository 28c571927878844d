"""The streaming table sheet: rows written as XML text and spliced in at save read back exactly as openpyxl
would have written them (types, room time, styles, print setup), temporary files never outlive the export,
and anything set on the sheet after ``close`` (charts) still reaches the file."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils.datetime import to_excel

from console.domain.clock import ROOM_TZ
from console.exports.sheets import Column, Footer, TableSheet, abandon, excel_serial, save_book

COLUMNS = [Column("编号", 12), Column("时间", 16, "time"), Column("紧急程度", 9, "urgency"), Column("数", 8, "int"),
           Column("小时", 8, "hours"), Column("是否", 6)]


def _book(tmp_path: Path, rows: list[tuple[list[object], str | None]], *, level: int | None = None) -> Path:
    workbook = Workbook(write_only=True)
    table = TableSheet(workbook, "表", COLUMNS, Footer("班次：早班", "导出：王值班"))
    for values, urgency in rows:
        table.append(values, urgency)
    table.close()
    path = tmp_path / "t.xlsx"
    save_book(workbook, path, compresslevel=level)
    return path


def test_values_read_back_typed_and_in_room_time(tmp_path: Path) -> None:
    at = datetime(2026, 11, 24, 0, 5, 30, tzinfo=UTC)  # 08:05:30 in Asia/Shanghai
    path = _book(tmp_path, [(["A1", at, "紧急", 3, 1.5, True], "urgent"),
                            (["A2", None, "", 0, None, False], None),
                            (["=1+1", datetime(2026, 1, 2, 3, 4), "快速", -1, 0.25, "  空格 "], "fast")], level=3)
    sheet = load_workbook(path)["表"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("编号", "时间", "紧急程度", "数", "小时", "是否")
    assert values[1] == ("A1", datetime(2026, 11, 24, 8, 5, 30), "紧急", 3, 1.5, True)
    assert values[2] == ("A2", None, None, 0, None, False)
    assert values[3] == ("=1+1", datetime(2026, 1, 2, 3, 4), "快速", -1, 0.25, "  空格 ")
    assert sheet["A4"].data_type == "s" and sheet["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["C2"].fill.fgColor.rgb.endswith("C62828") and sheet["A2"].fill.fgColor.rgb.endswith("FDECEC")
    assert sheet["C4"].fill.fgColor.rgb.endswith("F9A825") and sheet["A3"].fill.fill_type is None
    assert sheet["B3"].border.left.style == "thin"  # empty cells keep the grid
    assert sheet.row_dimensions[1].height == 30 and sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F4"
    assert sheet.print_title_rows == "$1:$1" and sheet.page_setup.orientation == "landscape"
    assert sheet.column_dimensions["A"].width == 12 and sheet.oddFooter.left.text == "班次：早班"


def test_many_rows_and_repeated_text(tmp_path: Path) -> None:
    """More distinct strings than the per-sheet text cache holds: every row still reads back as written."""
    start = datetime(2026, 11, 24, tzinfo=UTC)
    rows: list[tuple[list[object], str | None]] = [
        ([f"BX{i:07d}", start + timedelta(minutes=i), "常态", i, i / 4, "按时" if i % 2 else "<&>"], "normal")
        for i in range(6000)]
    sheet = load_workbook(_book(tmp_path, rows), read_only=True)["表"]
    back = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(back) == 6000
    assert back[4321] == ("BX0004321", datetime(2026, 11, 24, 8, 0) + timedelta(minutes=4321), "常态", 4321,
                          4321 / 4, "按时")
    assert back[10][5] == "<&>"


def test_excel_serial_matches_openpyxl() -> None:
    for naive in (datetime(2026, 11, 24, 8, 5, 30, 123456), datetime(1900, 3, 1), datetime(1900, 2, 1, 12),
                  datetime(2031, 12, 31, 23, 59, 59)):
        assert excel_serial(naive) == to_excel(naive)
        aware = naive.replace(tzinfo=ROOM_TZ).astimezone(UTC)
        assert excel_serial(aware) == to_excel(naive)


def test_empty_list_gets_a_note_row(tmp_path: Path) -> None:
    sheet = load_workbook(_book(tmp_path, []))["表"]
    assert [r[0] for r in sheet.iter_rows(values_only=True)] == ["编号", "（本班无记录）"]
    assert sheet.auto_filter.ref is None


def test_a_chart_added_after_close_is_saved(tmp_path: Path) -> None:
    workbook = Workbook(write_only=True)
    table = TableSheet(workbook, "表", [Column("单位", 20), Column("受理量", 9, "int")], Footer("左", "右"))
    for i in range(5):
        table.append([f"单位{i}", i], None)
    table.close()
    chart = BarChart()
    chart.add_data(Reference(table.sheet, min_col=2, min_row=1, max_row=6), titles_from_data=True)
    table.sheet.add_chart(chart, "D2")
    path = tmp_path / "chart.xlsx"
    save_book(workbook, path)
    with zipfile.ZipFile(path) as archive:
        assert any(n.startswith("xl/charts/chart") for n in archive.namelist())
    assert [r[1] for r in load_workbook(path)["表"].iter_rows(min_row=2, values_only=True)] == [0, 1, 2, 3, 4]


def test_temporary_row_files_are_removed_on_save_and_on_abandon(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    _book(tmp_path, [(["A", None, "常态", 1, 1.0, "x"], "normal")])
    assert not list((tmp_path / "tmp").glob("dispatch-rows-*"))
    workbook = Workbook(write_only=True)
    table = TableSheet(workbook, "表", COLUMNS, Footer("左", "右"))
    table.append(["A", None, "常态", 1, 1.0, "x"], "normal")
    assert list((tmp_path / "tmp").glob("dispatch-rows-*"))
    abandon(workbook)
    assert not list((tmp_path / "tmp").glob("dispatch-rows-*"))
