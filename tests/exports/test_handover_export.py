"""The handover of a scripted shift (see conftest): the right tickets in the right sheets, masked personal
data, no formulas, the look (styles, print setup, footer), and the export log."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from console.db.schema import ExportLogRow
from console.domain.errors import PermissionDenied, ValidationError
from console.domain.shifts import ShiftCalendar
from console.exports.export_log import file_sha256
from console.exports.handover_store import acknowledge, compose, incoming_for, save_handover
from console.exports.progress import CancelToken, ExportCancelled
from console.exports.service import export_handover
from tests.exports.conftest import Scripted, room
from tests.exports.workbook_reading import all_text, formula_cells, open_book, rows

SHEETS = ["交接摘要", "本班受理", "本班分拨", "待分拨待复核", "超时与预警", "紧急工单", "改派记录", "退单与仲裁",
          "延期申请", "不满意回退"]


@pytest.fixture
def exported(scripted: Scripted, tmp_path: Path) -> tuple[Scripted, Path]:
    shift = ShiftCalendar().starting_at(room(8))
    out = tmp_path / "handover.xlsx"
    export_handover(scripted.ctx, scripted.supervisor, out, shift=shift)
    return scripted, out


def numbers_in(sheet: object) -> set[str]:
    return {r["工单编号"] for r in rows(sheet)}  # type: ignore[arg-type]


def test_sheets_hold_the_right_tickets(exported: tuple[Scripted, Path]) -> None:
    s, out = exported
    n = s.numbers
    book = open_book(out)
    assert book.sheetnames == SHEETS
    assert numbers_in(book["本班受理"]) == {n["T1"], n["T2"], n["T3"], n["T4"], n["T5"], n["T6"]}
    dispatched = {r["工单编号"]: r for r in rows(book["本班分拨"])}
    assert dispatched[n["T2"]]["是否按时"] == "超时" and dispatched[n["T2"]]["说明"] == "超时 20 分钟"
    assert dispatched[n["T1"]]["是否按时"] == "按时"
    assert numbers_in(book["待分拨待复核"]) == {n["T3"], n["T4"]}
    assert numbers_in(book["紧急工单"]) == {n["T2"]}


def test_breaches_during_the_shift_are_listed_with_how_long(exported: tuple[Scripted, Path]) -> None:
    s, out = exported
    clocks = rows(open_book(out)["超时与预警"])
    late = [(r["类别"], r["时限类型"], r["超时时长"]) for r in clocks if r["工单编号"] == s.numbers["T2"]]
    assert ("本班超时", "分拨时限", "20分") in late
    never = [r for r in clocks if r["工单编号"] == s.numbers["T3"] and r["时限类型"] == "分拨时限"]
    assert never and never[0]["类别"] == "本班超时" and never[0]["完成时间"] is None
    accept = [r for r in clocks if r["工单编号"] == s.numbers["T1"] and r["时限类型"] == "签收时限"]
    assert accept and accept[0]["责任单位"] == "市生态环境局福田管理局"
    assert any(r["类别"] == "即将超时" and r["剩余时间"] for r in clocks)


def test_reassignment_returns_extensions_and_rollbacks(exported: tuple[Scripted, Path]) -> None:
    s, out = exported
    book = open_book(out)
    moves = rows(book["改派记录"])
    assert {(m["工单编号"], m["改派类型"]) for m in moves} == {(s.numbers["T5"], "改派单位"),
                                                         (s.numbers["T5"], "改派人员")}
    unit_move = next(m for m in moves if m["改派类型"] == "改派单位")
    assert (unit_move["原"], unit_move["改派至"], unit_move["原因"]) == ("福田区公安分局", "福田区人民政府", "属地统筹")
    returned = rows(book["退单与仲裁"])
    assert [(r["工单编号"], r["当前状态"], r["退单次数"], r["退单原因"]) for r in returned] == [
        (s.numbers["T6"], "待仲裁", 2, "权属不清")]
    ext = rows(book["延期申请"])
    assert [(e["工单编号"], e["延期(小时)"], e["审批结果"]) for e in ext] == [(s.numbers["T7"], 48, "待审批")]
    back = rows(book["不满意回退"])
    assert [(b["工单编号"], b["主办单位"]) for b in back] == [(s.numbers["T8"], "福田区公安分局")]


def test_summary_key_figures(exported: tuple[Scripted, Path]) -> None:
    _, out = exported
    summary = {row[0]: row[1] for row in open_book(out)["交接摘要"].iter_rows(values_only=True) if row and row[0]}
    assert summary["本班受理"] == 6
    assert summary["本班首次分拨"] == 4
    assert summary["分拨按时率"] == pytest.approx(0.75)
    assert summary["本班退单"] == 2
    assert summary["不满意回退"] == 1
    assert summary["未办结紧急工单"] == 1
    assert summary["个人信息"] == "已脱敏"
    assert "王值班" in {row[0] for row in open_book(out)["交接摘要"].iter_rows(values_only=True)}


def test_personal_data_is_masked(exported: tuple[Scripted, Path]) -> None:
    _, out = exported
    text = all_text(out)
    assert "13812345678" not in text and "张三" not in text and "0755-83451234" not in text
    received = {r["工单编号"]: r for r in rows(open_book(out)["本班受理"])}
    phones = {r["联系电话"] for r in received.values()}
    assert {"138****5678", "0755-****1234"} <= phones
    assert "欧阳**" in {r["市民"] for r in received.values()}


def test_numbers_inside_titles_and_notes_are_masked(exported: tuple[Scripted, Path]) -> None:
    s, out = exported
    assert "13912345678" not in all_text(out)
    received = {r["工单编号"]: r for r in rows(open_book(out)["本班受理"])}
    assert received[s.numbers["T4"]]["诉求标题"] == "请回电139****5678咨询办证"


def test_citizen_text_never_becomes_a_formula(exported: tuple[Scripted, Path]) -> None:
    s, out = exported
    assert formula_cells(out) == []
    book = open_book(out)
    title = next(r["诉求标题"] for r in rows(book["本班受理"]) if r["工单编号"] == s.numbers["T1"])
    assert title == "=SUM(1+1)工地噪声"
    cell = next(c for row in book["本班受理"].iter_rows() for c in row if c.value == title)
    assert cell.data_type == "s"
    assert any(r["退单说明"] == "=权属不清" for r in rows(book["退单与仲裁"]))


def test_styles_print_setup_and_footer(exported: tuple[Scripted, Path]) -> None:
    s, out = exported
    book = open_book(out)
    sheet = book["超时与预警"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    assert "第三班" in sheet.oddFooter.left.text and "王值班" in sheet.oddFooter.right.text
    header = sheet["A1"]
    assert header.font.bold and header.fill.fgColor.rgb.endswith("1F3B57")
    urgent = next(row for row in sheet.iter_rows(min_row=2) if row[1].value == s.numbers["T2"])
    assert urgent[2].value == "紧急" and urgent[2].fill.fgColor.rgb.endswith("C62828")
    assert urgent[3].fill.fgColor.rgb.endswith("FDECEC")
    fast = next(row for row in sheet.iter_rows(min_row=2) if row[1].value == s.numbers["T3"])
    assert fast[2].fill.fgColor.rgb.endswith("F9A825")
    received_at = book["本班受理"]["B2"]
    assert received_at.is_date and received_at.number_format == "yyyy-mm-dd hh:mm"
    assert received_at.value.hour == 8  # Asia/Shanghai, not UTC
    assert book["本班受理"].column_dimensions["E"].width >= 30


def test_every_export_is_logged_with_the_file_hash(exported: tuple[Scripted, Path]) -> None:
    s, out = exported
    with s.ctx.db.reader() as session:
        log = session.execute(select(ExportLogRow.kind, ExportLogRow.actor_name, ExportLogRow.file_name,
                                     ExportLogRow.sha256, ExportLogRow.filter, ExportLogRow.row_count)).all()
    assert len(log) == 1
    entry = log[0]
    assert (entry.kind, entry.actor_name, entry.file_name) == ("handover", "王值班", "handover.xlsx")
    assert entry.sha256 == file_sha256(out)
    assert entry.filter["shift_start"] == "2026-11-24 08:00" and entry.filter["masked"] is True
    assert entry.row_count > 0


def test_save_acknowledge_and_export_the_saved_handover(scripted: Scripted, tmp_path: Path) -> None:
    s = scripted
    shift = ShiftCalendar().starting_at(room(8))
    assert incoming_for(s.ctx, shift)[0].name == "李值班"
    data = compose(s.ctx, shift)
    with pytest.raises(PermissionDenied):
        save_handover(s.ctx, s.dispatcher, data, notes="x")
    handover_id = save_handover(s.ctx, s.supervisor, data, notes="=CMD 燃气泄漏已通知消防\n第二行",
                                incoming_supervisor_id=s.incoming.staff_id)
    with pytest.raises(PermissionDenied):
        acknowledge(s.ctx, s.supervisor, handover_id)
    acknowledged = acknowledge(s.ctx, s.incoming, handover_id)
    with pytest.raises(ValidationError):
        acknowledge(s.ctx, s.incoming, handover_id)
    out = tmp_path / "saved.xlsx"
    result = export_handover(s.ctx, s.incoming, out, shift=shift)
    summary = [row for row in open_book(out)["交接摘要"].iter_rows(values_only=True)]
    flat = {row[0]: row[1] for row in summary if row and row[0]}
    assert flat["交班值班长"] == "王值班" and flat["接班值班长"] == "李值班"
    assert flat["确认接班"] == acknowledged.astimezone(room(0).tzinfo).strftime("%Y-%m-%d %H:%M")
    assert flat["交接单编号"] == str(handover_id)
    assert "=CMD 燃气泄漏已通知消防" in {row[0] for row in summary}
    assert formula_cells(out) == []
    assert result.row_count == data.row_count


def test_unmasked_export_needs_a_role_that_may_see_personal_data(scripted: Scripted, tmp_path: Path) -> None:
    shift = ShiftCalendar().starting_at(room(8))
    with pytest.raises(PermissionDenied):
        export_handover(scripted.ctx, scripted.dispatcher, tmp_path / "x.xlsx", shift=shift, unmask=True)
    out = tmp_path / "clear.xlsx"
    export_handover(scripted.ctx, scripted.supervisor, out, shift=shift, unmask=True)
    assert "13812345678" in all_text(out)
    with scripted.ctx.db.reader() as session:
        assert session.scalars(select(ExportLogRow.filter)).one()["masked"] is False


def test_cancelled_export_leaves_no_file_and_no_log(scripted: Scripted, tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    out = tmp_path / "cancelled.xlsx"
    with pytest.raises(ExportCancelled):
        export_handover(scripted.ctx, scripted.supervisor, out, shift=ShiftCalendar().starting_at(room(8)),
                        token=token)
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    with scripted.ctx.db.reader() as session:
        assert session.scalars(select(ExportLogRow)).all() == []


def test_progress_reaches_the_total(scripted: Scripted, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    result = export_handover(scripted.ctx, scripted.supervisor, tmp_path / "p.xlsx",
                             shift=ShiftCalendar().starting_at(room(8)), progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (result.row_count, result.row_count)


def test_only_the_urgency_cell_carries_the_strong_colour(exported: tuple[Scripted, Path]) -> None:
    _, out = exported
    for sheet in open_book(out).worksheets[1:]:
        headers = [c.value for c in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            for header, cell in zip(headers, row, strict=False):
                strong = cell.fill.fgColor.rgb[-6:] in ("C62828", "F9A825")
                assert strong == (header == "紧急程度" and cell.value in ("紧急", "快速")), (sheet.title, header)


def test_unsaved_draft_notes_are_printed(scripted: Scripted, tmp_path: Path) -> None:
    out = tmp_path / "draft.xlsx"
    export_handover(scripted.ctx, scripted.supervisor, out, shift=ShiftCalendar().starting_at(room(8)),
                    draft_notes="草稿：燃气工单需回访")
    first_column = {row[0] for row in open_book(out)["交接摘要"].iter_rows(values_only=True)}
    assert "草稿：燃气工单需回访" in first_column and "（未保存）" in {
        row[1] for row in open_book(out)["交接摘要"].iter_rows(values_only=True)}
