"""Excel sheets for the duty-list administration: the impact preview, a version diff, and the checks."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook

from console.analytics.sheet_cells import put, write_table
from console.catalog_admin.checks import CheckReport
from console.catalog_admin.diff import CatalogDiff
from console.catalog_admin.impact import ImpactPreview
from console.domain.clock import format_room_time


def add_catalog_sheet(wb: Workbook, result: Any) -> bool:
    """Add the sheet for ``result`` if it is a preview, diff or check report; False for anything else."""
    if isinstance(result, ImpactPreview):
        add_impact_sheets(wb, result)
    elif isinstance(result, CatalogDiff):
        add_diff_sheet(wb, result)
    elif isinstance(result, CheckReport):
        add_checks_sheet(wb, result)
    else:
        return False
    return True


def add_impact_sheets(wb: Workbook, preview: ImpactPreview) -> None:
    ws = wb.create_sheet("影响预览")
    put(ws, 1, 1, preview.summary())
    put(ws, 2, 1, f"测算时间：{format_room_time(preview.at)}；耗时 {preview.seconds:.2f} 秒")
    headers = ("原主办单位", "新主办单位", "在办工单", f"近 {preview.days} 天工单", "原单位编码", "新单位编码")
    row = write_table(ws, headers,
                      [(s.old_name, s.new_name, s.open_count, s.recent_count, s.old_unit or "", s.new_unit or "")
                       for s in preview.shifts], start_row=4, widths=(30, 30, 10, 12, 22, 22))
    row = write_table(ws, ("单位", "单位编码", "在办转出", "在办转入", "近期转出", "近期转入"),
                      [(u.name, u.unit, u.open_lost, u.open_gained, u.recent_lost, u.recent_gained)
                       for u in preview.units], start_row=row + 1)
    write_table(ws, ("工单编号", "受理时间", "状态", "事项编码", "区", "街道", "原主办", "新主办", "标题"),
                [(e.number, e.received_at, e.status, e.item_code, e.district, e.street, e.old_unit or "（待复核）",
                  e.new_unit or "（待复核）", e.title) for e in preview.examples], start_row=row + 1)


def add_diff_sheet(wb: Workbook, diff: CatalogDiff) -> None:
    ws = wb.create_sheet("版本差异")
    put(ws, 1, 1, diff.summary())
    rows: list[tuple[Any, ...]] = [("新增", i.code, i.name, "", "", "") for i in diff.added]
    rows += [("删除", i.code, i.name, "", "", "") for i in diff.removed]
    rows += [("停用", c, "", "有效", "是", "否") for c in diff.retired]
    rows += [("启用", c, "", "有效", "否", "是") for c in diff.reactivated]
    rows += [("移动", b, "", "事项编码", a, b) for a, b in diff.moved]
    rows += [("修改", c.code, c.name, f.label, _cell(f.before), _cell(f.after)) for c in diff.changed for f in c.fields]
    rows += [("类别", n.code, n.after or n.before or "", "名称", n.before or "", n.after or "") for n in diff.nodes]
    write_table(ws, ("变化", "编码", "名称", "字段", "原值", "新值"), rows, start_row=3, widths=(8, 10, 24, 16, 40, 40))


def add_checks_sheet(wb: Workbook, report: CheckReport) -> None:
    ws = wb.create_sheet("清单检查")
    put(ws, 1, 1, f"职责清单 {report.version} 检查：共 {len(report.findings)} 项发现")
    write_table(ws, ("类型", "对象", "说明", "相关事项"),
                [(f.label, f.subject, f.message, "、".join(f.items[:50])) for f in report.findings], start_row=3,
                widths=(12, 24, 80, 40))


def _cell(value: Any) -> Any:
    if isinstance(value, tuple):
        return "、".join(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return value
