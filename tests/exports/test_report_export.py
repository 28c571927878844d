"""The statistics report: figures by unit and by category, ranking, trend, charts, masked detail rows."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from console.db.schema import ExportLogRow
from console.exports.export_log import file_sha256
from console.exports.report_data import Stats, last_complete, period_of
from console.exports.service import export_report
from tests.exports.conftest import Scripted
from tests.exports.workbook_reading import all_text, formula_cells, open_book, rows


@pytest.fixture
def by_unit(scripted: Scripted, tmp_path: Path) -> tuple[Scripted, Path]:
    out = tmp_path / "report.xlsx"
    export_report(scripted.ctx, scripted.supervisor, out, first_day=date(2026, 11, 23), last_day=date(2026, 11, 24),
                  by="unit")
    return scripted, out


def test_sheets_and_charts(by_unit: tuple[Scripted, Path]) -> None:
    _, out = by_unit
    assert open_book(out).sheetnames == ["报表摘要", "按单位", "单位排名", "趋势", "明细"]
    with zipfile.ZipFile(out) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2  # by unit, trend (no unit has closed a ticket yet: nothing to rank)


def test_figures_by_unit(by_unit: tuple[Scripted, Path]) -> None:
    _, out = by_unit
    units = {r["单位"]: r for r in rows(open_book(out)["按单位"])}
    assert sum(r["受理量"] for r in units.values()) == 8
    police = units["福田区公安分局"]  # T8: dispatched on time, closed, unsatisfied → rolled back
    assert police["受理量"] == 1 and police["分拨按时率"] == 1.0 and police["满意率"] == 0.0
    assert police["不满意回退率"] == 1.0
    ecology = units["市生态环境局福田管理局"]  # T1 and T7 (T6 was returned twice: lead now none)
    assert ecology["受理量"] == 2
    assert units["（未分拨）"]["受理量"] == 3
    assert [r["排名"] for r in rows(open_book(out)["单位排名"])] == ["（统计期内没有单位办结工单，暂不排名）"]


def test_figures_by_category(scripted: Scripted, tmp_path: Path) -> None:
    out = tmp_path / "category.xlsx"
    export_report(scripted.ctx, scripted.supervisor, out, first_day=date(2026, 11, 24), last_day=date(2026, 11, 24),
                  by="category")
    categories = {r["类别"]: r["受理量"] for r in rows(open_book(out)["按类别"])}
    assert categories == {"生态环境": 3, "公共安全": 1, "（未归类）": 2}
    trend = rows(open_book(out)["趋势"])
    assert [(t["日期"], t["受理量"]) for t in trend] == [("2026-11-24", 6)]


def test_detail_rows_are_masked_and_formula_free(by_unit: tuple[Scripted, Path]) -> None:
    s, out = by_unit
    detail = {r["工单编号"]: r for r in rows(open_book(out)["明细"])}
    assert len(detail) == 8
    assert detail[s.numbers["T1"]]["联系电话"] == "138****5678"
    assert detail[s.numbers["T1"]]["诉求标题"] == "=SUM(1+1)工地噪声"
    assert detail[s.numbers["T4"]]["诉求标题"] == "请回电139****5678咨询办证"
    assert "13812345678" not in all_text(out) and "13912345678" not in all_text(out)
    assert formula_cells(out) == []


def test_report_is_logged(by_unit: tuple[Scripted, Path]) -> None:
    s, out = by_unit
    with s.ctx.db.reader() as session:
        kind, sha, filt, count = session.execute(
            select(ExportLogRow.kind, ExportLogRow.sha256, ExportLogRow.filter, ExportLogRow.row_count)).one()
    assert (kind, sha, count) == ("report", file_sha256(out), 8)
    assert filt == {"from": "2026-11-23", "to": "2026-11-24", "by": "unit", "masked": True}


def test_periods() -> None:
    assert period_of("week", date(2026, 11, 25)) == (date(2026, 11, 23), date(2026, 11, 29))
    assert period_of("month", date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert last_complete("day", date(2026, 11, 25)) == (date(2026, 11, 24), date(2026, 11, 24))
    assert last_complete("week", date(2026, 11, 25)) == (date(2026, 11, 16), date(2026, 11, 22))
    assert last_complete("month", date(2026, 3, 1)) == (date(2026, 2, 1), date(2026, 2, 28))


def test_empty_stats_have_no_rates() -> None:
    stats = Stats()
    assert stats.dispatch_rate is None and stats.score() is None


def test_ranking_lists_units_with_closed_tickets(scripted: Scripted, tmp_path: Path) -> None:
    from datetime import timedelta

    from console.domain.enums import Rating
    from console.services import citizen_loop, unit_desk

    s = scripted
    unit_desk.accept(s.ctx, s.handler, s.numbers["T1"])
    s.clock.advance(timedelta(hours=1))
    unit_desk.reply(s.ctx, s.handler, s.numbers["T1"], "已责令停工")
    citizen_loop.close(s.ctx, s.dispatcher, s.numbers["T1"])
    citizen_loop.rate(s.ctx, s.operator, s.numbers["T1"], Rating.SATISFIED)
    out = tmp_path / "ranked.xlsx"
    export_report(s.ctx, s.supervisor, out, first_day=date(2026, 11, 23), last_day=date(2026, 11, 24), by="unit")
    ranking = rows(open_book(out)["单位排名"])
    assert [(r["排名"], r["单位"], r["办结按时率"], r["满意率"]) for r in ranking] == [
        (1, "市生态环境局福田管理局", 1.0, 1.0)]
    with zipfile.ZipFile(out) as archive:
        assert len([n for n in archive.namelist() if n.startswith("xl/charts/chart")]) == 3
    ecology = {r["单位"]: r for r in rows(open_book(out)["按单位"])}["市生态环境局福田管理局"]
    assert ecology["平均办理时长(小时)"] == pytest.approx((13 + 5 / 60) - (8 + 5 / 60), abs=0.01)
