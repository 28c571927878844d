"""Excel sheets for the analytics results (and the duty-list preview, diff and checks).

Each ``add_*_sheet(workbook, result)`` appends one sheet; ``write_workbook(path, results)`` writes any mix of
results, one sheet each, picked by type. Citizen text goes through ``sheet_cells.put`` (never a formula).
Times are shown in room time.

Every sheet gets the room's shared print setup (``console.exports.sheets.setup_print``, as the handover and
report workbooks): landscape A4 fitted to one page wide, the table's header row repeated on every page, the
header naming the report and the sheet, and a footer with the period, page x / y, the exporter and export time.
``write_workbook`` reports progress per row, stops at the next row once ``token`` is cancelled, and writes
through a temporary file, so a cancelled or failed export leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from console.analytics.hotspots import Hotspot
from console.analytics.recurrence import RecurrenceReport
from console.analytics.sheet_cells import HEADER_FILL, put, wrap, write_table
from console.analytics.suggestions import SuggestionDigest
from console.analytics.top import ProblemGroup, TopProblems
from console.domain.clock import format_room_time
from console.exports.progress import CancelToken, ProgressCallback, Throttle
from console.exports.sheets import Footer, setup_print

UNROUTED = "（未定事项，不参与排名）"
REPORT_TITLE = "分析报表"  # printed in every page header of an analytics workbook: "分析报表 · <sheet>"
ANALYTICS_TYPES = (TopProblems, RecurrenceReport, SuggestionDigest)
_T = TypeVar("_T")


def _counted(rows: Iterable[_T], throttle: Throttle | None) -> Iterator[_T]:
    """``rows`` as they are written, one progress tick (and cancel check) per row."""
    for row in rows:
        yield row
        if throttle is not None:
            throttle.tick()


def add_hotspots_sheet(wb: Workbook, spots: Iterable[Hotspot], title: str = "热点聚集",
                       throttle: Throttle | None = None) -> None:
    ws = wb.create_sheet(title)
    rows = [(h.place, h.item_name or "、".join(h.terms[:3]), h.item_code or "", h.size, h.open_count, h.first_at,
             h.last_at, h.incident_id or "", "、".join(h.numbers[:30]), h.sample_text) for h in spots]
    headers = ("地点", "问题", "事项编码", "工单数", "在办数", "首张受理", "最近受理", "关联事件", "工单编号",
               "代表诉求")
    write_table(ws, headers, _counted(rows, throttle), widths=(22, 20, 10, 8, 8, 17, 17, 9, 40, 60))
    wrap(ws, 10)


def add_recurrence_sheet(wb: Workbook, report: RecurrenceReport, throttle: Throttle | None = None) -> None:
    ws = wb.create_sheet("回潮统计")
    put(ws, 1, 1, f"统计期：{format_room_time(report.since)} 至 {format_room_time(report.until)}；"
                  f"办结后 {report.days} 天内同一事项同一街道再有诉求即计为回潮")
    rows = [(r.unit_name, r.unit, r.item_name, r.item_code, r.closed, r.came_back, r.follow_ups, r.reopened,
             round(r.rate, 4), "、".join(r.examples)) for r in report.rows]
    headers = ("单位", "单位编码", "事项", "事项编码", "办结数", "办结后再诉", "后续工单数", "重新打开", "回潮率",
               "示例工单")
    next_row = write_table(ws, headers, _counted(rows, throttle), start_row=3,
                           widths=(28, 20, 22, 10, 8, 10, 10, 9, 8, 40))
    units = [(u.unit_name, u.unit, u.closed, u.came_back, u.reopened, round(u.rate, 4)) for u in report.units]
    write_table(ws, ("单位（合计）", "单位编码", "办结数", "办结后再诉", "重新打开", "回潮率"),
                _counted(units, throttle), start_row=next_row + 1)
    for row in ws.iter_rows(min_row=4, min_col=9, max_col=9):
        for cell in row:
            cell.number_format = "0.0%"


def add_top_sheet(wb: Workbook, top: TopProblems, throttle: Throttle | None = None) -> None:
    ws = wb.create_sheet("本周突出问题")
    put(ws, 1, 1, f"统计期：{format_room_time(top.since)} 至 {format_room_time(top.until)}（与上一周期比较）")
    row = write_table(ws, ("维度", "名称", "合计", "上期合计", "排名", "事项", "类别", "件数", "上期", "增减"),
                      _counted(_top_rows("全市", [ProblemGroup("all", "全市", top.total, top.previous_total,
                                                               top.overall, top.unrouted)]), throttle),
                      start_row=3, widths=(8, 28, 8, 9, 6, 26, 18, 8, 8, 8))
    for dimension, groups in (("区", top.by_district), ("类别", top.by_category), ("单位", top.by_unit)):
        for values in _counted(_top_rows(dimension, groups), throttle):
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


def add_suggestions_sheet(wb: Workbook, digest: SuggestionDigest, throttle: Throttle | None = None) -> None:
    ws = wb.create_sheet("建议汇总")
    put(ws, 1, 1, f"统计期：{format_room_time(digest.since)} 至 {format_room_time(digest.until)}；"
                  f"建议共 {digest.total} 件")
    rows = [(t.label, t.category, t.item_code or "", t.count, "、".join(f"{d} {n}" for d, n in t.districts),
             *[*t.representatives, "", "", ""][:3]) for t in digest.topics]
    write_table(ws, ("主题", "类别", "事项编码", "件数", "分布（区）", "代表意见一", "代表意见二", "代表意见三"),
                _counted(rows, throttle), start_row=3, widths=(20, 18, 9, 6, 24, 34, 34, 32))
    for column in (5, 6, 7, 8):
        wrap(ws, column)


def row_count(results: Iterable[Any]) -> int:
    """How many table rows ``write_workbook`` writes for the analytics results (the progress total)."""
    total = 0
    for result in results:
        if isinstance(result, RecurrenceReport):
            total += len(result.rows) + len(result.units)
        elif isinstance(result, TopProblems):
            groups = (ProblemGroup("all", "全市", result.total, result.previous_total, result.overall,
                                   result.unrouted), *result.by_district, *result.by_category, *result.by_unit)
            total += sum(len(g.problems) + (1 if g.unrouted else 0) for g in groups)
        elif isinstance(result, SuggestionDigest):
            total += len(result.topics)
        elif isinstance(result, tuple | list):
            total += len(result)
    return total


def header_row(ws: Worksheet, search: int = 12) -> int | None:
    """The first table header row written by ``write_table`` (bold on the header fill), within the first rows."""
    for row in ws.iter_rows(min_row=1, max_row=search, max_col=1):
        cell = row[0]
        if cell.font is not None and cell.font.b and cell.fill == HEADER_FILL:
            return cell.row
    return None


def workbook_footer(results: Sequence[Any], *, exported_by: str = "", exported_at: datetime | None = None,
                    title: str | None = None) -> Footer:
    """The footer of every sheet, as in the handover and report workbooks: left the period (统计期), right who
    exported and when; the page header names the report and the sheet (``分析报表 · <sheet>``)."""
    periods = [(r.since, r.until) for r in results if isinstance(r, ANALYTICS_TYPES)]
    left = ""
    if periods:
        since, until = min(p[0] for p in periods), max(p[1] for p in periods)
        left = f"统计期：{format_room_time(since)} 至 {format_room_time(until)}"
    if title is None:
        analytics = any(isinstance(r, ANALYTICS_TYPES) or (isinstance(r, tuple | list) and r
                                                           and all(isinstance(h, Hotspot) for h in r))
                        for r in results)
        title = REPORT_TITLE if analytics else ""
    at = format_room_time(exported_at or datetime.now(tz=UTC))
    right = f"导出：{exported_by} {at}" if exported_by else f"导出：{at}"
    return Footer(left=left, right=right, header=f"{title} · &A" if title else "&A")


def setup_sheet_print(ws: Worksheet, footer: Footer) -> None:
    """The shared print setup (landscape, one page wide, header row repeated, header and footer); a table
    whose header is below a period line also keeps that header frozen on screen."""
    row = header_row(ws)
    setup_print(ws, footer, title_rows=f"{row}:{row}" if row else None)
    if row and row > 1 and ws.freeze_panes is None:
        ws.freeze_panes = f"A{row + 1}"


def write_workbook(path: Path | str, results: Iterable[Any], *, exported_by: str = "",
                   exported_at: datetime | None = None, title: str | None = None,
                   progress: ProgressCallback | None = None, token: CancelToken | None = None) -> Path:
    """One sheet per result (``Hotspot`` sequences, reports, digests, the duty-list preview/diff/checks),
    each set up for printing. ``progress(done, total)`` is called every 200 rows and at the end, on the
    calling thread; a cancelled ``token`` raises ``ExportCancelled`` at the next row and no file is left."""
    from console.catalog_admin.report_sheets import add_catalog_sheet
    from console.exports.service import write_atomically

    results = list(results)
    throttle = Throttle(progress, token, row_count(results), step=200)
    footer = workbook_footer(results, exported_by=exported_by, exported_at=exported_at, title=title)
    wb = Workbook()
    wb.remove(wb.active)
    for result in results:
        if isinstance(result, RecurrenceReport):
            add_recurrence_sheet(wb, result, throttle)
        elif isinstance(result, TopProblems):
            add_top_sheet(wb, result, throttle)
        elif isinstance(result, SuggestionDigest):
            add_suggestions_sheet(wb, result, throttle)
        elif isinstance(result, tuple | list) and all(isinstance(h, Hotspot) for h in result):
            add_hotspots_sheet(wb, result, throttle=throttle)
        elif not add_catalog_sheet(wb, result):
            raise TypeError(f"no sheet for {type(result).__name__}")
        if token is not None:
            token.raise_if_cancelled()
    if not wb.sheetnames:
        wb.create_sheet("空")
    for ws in wb.worksheets:
        setup_sheet_print(ws, footer)
    throttle.finish()
    target = Path(path)

    def save(tmp: Path) -> int:
        wb.save(tmp)
        return throttle.done

    write_atomically(target, save)
    return target
