"""Excel sheets for the analytics results (and the duty-list preview, diff and checks).

Each ``add_*_sheet(workbook, result)`` appends one sheet; ``write_workbook(path, results)`` writes any mix of
results, one sheet each, picked by type. Citizen text goes through ``sheet_cells.put`` (never a formula).
Times are shown in room time.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from console.analytics.hotspots import Hotspot
from console.analytics.recurrence import RecurrenceReport
from console.analytics.sheet_cells import put, wrap, write_table
from console.analytics.suggestions import SuggestionDigest
from console.analytics.top import ProblemGroup, TopProblems
from console.domain.clock import format_room_time

UNROUTED = "（未定事项，不参与排名）"


def add_hotspots_sheet(wb: Workbook, spots: Iterable[Hotspot], title: str = "热点聚集") -> None:
    ws = wb.create_sheet(title)
    rows = [(h.place, h.item_name or "、".join(h.terms[:3]), h.item_code or "", h.size, h.open_count, h.first_at,
             h.last_at, h.incident_id or "", "、".join(h.numbers[:30]), h.sample_text) for h in spots]
    headers = ("地点", "问题", "事项编码", "工单数", "在办数", "首张受理", "最近受理", "关联事件", "工单编号",
               "代表诉求")
    write_table(ws, headers, rows, widths=(22, 20, 10, 8, 8, 17, 17, 9, 40, 60))
    wrap(ws, 10)


def add_recurrence_sheet(wb: Workbook, report: RecurrenceReport) -> None:
    ws = wb.create_sheet("回潮统计")
    put(ws, 1, 1, f"统计期：{format_room_time(report.since)} 至 {format_room_time(report.until)}；"
                  f"办结后 {report.days} 天内同一事项同一街道再有诉求即计为回潮")
    rows = [(r.unit_name, r.unit, r.item_name, r.item_code, r.closed, r.came_back, r.follow_ups, r.reopened,
             round(r.rate, 4), "、".join(r.examples)) for r in report.rows]
    headers = ("单位", "单位编码", "事项", "事项编码", "办结数", "办结后再诉", "后续工单数", "重新打开", "回潮率",
               "示例工单")
    next_row = write_table(ws, headers, rows, start_row=3, widths=(28, 20, 22, 10, 8, 10, 10, 9, 8, 40))
    units = [(u.unit_name, u.unit, u.closed, u.came_back, u.reopened, round(u.rate, 4)) for u in report.units]
    write_table(ws, ("单位（合计）", "单位编码", "办结数", "办结后再诉", "重新打开", "回潮率"), units,
                start_row=next_row + 1)
    for row in ws.iter_rows(min_row=4, min_col=9, max_col=9):
        for cell in row:
            cell.number_format = "0.0%"


def add_top_sheet(wb: Workbook, top: TopProblems) -> None:
    ws = wb.create_sheet("本周突出问题")
    put(ws, 1, 1, f"统计期：{format_room_time(top.since)} 至 {format_room_time(top.until)}（与上一周期比较）")
    row = write_table(ws, ("维度", "名称", "合计", "上期合计", "排名", "事项", "类别", "件数", "上期", "增减"),
                      _top_rows("全市", [ProblemGroup("all", "全市", top.total, top.previous_total, top.overall,
                                                      top.unrouted)]),
                      start_row=3, widths=(8, 28, 8, 9, 6, 26, 18, 8, 8, 8))
    for dimension, groups in (("区", top.by_district), ("类别", top.by_category), ("单位", top.by_unit)):
        for values in _top_rows(dimension, groups):
            for column, value in enumerate(values, 1):
                put(ws, row, column, value)
            row += 1


def _top_rows(dimension: str, groups: Iterable[ProblemGroup]) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for group in groups:
        for rank, p in enumerate(group.problems, 1):
            out.append((dimension, group.label, group.total, group.previous_total, rank, p.item_name, p.category,
                        p.count, p.previous, p.change))
        if group.unrouted:  # not yet routed to a duty item: listed apart, never ranked
            out.append((dimension, group.label, group.total, group.previous_total, "", UNROUTED, "",
                        group.unrouted, "", ""))
    return out


def add_suggestions_sheet(wb: Workbook, digest: SuggestionDigest) -> None:
    ws = wb.create_sheet("建议汇总")
    put(ws, 1, 1, f"统计期：{format_room_time(digest.since)} 至 {format_room_time(digest.until)}；"
                  f"建议共 {digest.total} 件")
    rows = [(t.label, t.category, t.item_code or "", t.count, "、".join(f"{d} {n}" for d, n in t.districts),
             *[*t.representatives, "", "", ""][:3]) for t in digest.topics]
    write_table(ws, ("主题", "类别", "事项编码", "件数", "分布（区）", "代表意见一", "代表意见二", "代表意见三"), rows,
                start_row=3, widths=(24, 18, 10, 8, 40, 50, 50, 50))
    for column in (6, 7, 8):
        wrap(ws, column)


def write_workbook(path: Path | str, results: Iterable[Any]) -> Path:
    """One sheet per result (``Hotspot`` sequences, reports, digests, the duty-list preview/diff/checks)."""
    from console.catalog_admin.report_sheets import add_catalog_sheet

    wb = Workbook()
    wb.remove(wb.active)
    for result in results:
        if isinstance(result, RecurrenceReport):
            add_recurrence_sheet(wb, result)
        elif isinstance(result, TopProblems):
            add_top_sheet(wb, result)
        elif isinstance(result, SuggestionDigest):
            add_suggestions_sheet(wb, result)
        elif isinstance(result, tuple | list) and all(isinstance(h, Hotspot) for h in result):
            add_hotspots_sheet(wb, result)
        elif not add_catalog_sheet(wb, result):
            raise TypeError(f"no sheet for {type(result).__name__}")
    if not wb.sheetnames:
        wb.create_sheet("空")
    target = Path(path)
    wb.save(target)
    return target
