"""The handover workbook: a summary sheet with the shift's key figures, staff and notes, then one sheet per
list. Chinese text, times in Asia/Shanghai, urgency colours, frozen headers, autofilter, landscape print
fitted to the page width with the header row repeated, and a footer naming shift, author and export time.

``write_handover_book`` streams (openpyxl write-only) and may be cancelled between rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from console.domain.clock import format_room_time
from console.exports.cells import clean_text
from console.exports.handover_model import HandoverData
from console.exports.labels import (
    CLOCK_CATEGORY,
    EXTENSION_OUTCOME,
    action_label,
    clock_label,
    duration_text,
    return_reason_label,
    role_label,
    status_label,
    urgency_label,
)
from console.exports.progress import CancelToken, ProgressCallback, Throttle
from console.exports.sheets import Column, Footer, TableSheet, abandon, save_book, setup_print
from console.exports.styles import StyleBook

KIND_LABELS = {"consultation": "咨询", "complaint": "投诉", "suggestion": "建议", "help": "求助"}


@dataclass(frozen=True, slots=True)
class HandoverHeader:
    """Who and what the workbook is about (shown on the summary and in every footer)."""

    shift_label: str
    author: str
    exported_by: str
    exported_at: datetime
    incoming_supervisor: str = ""
    acknowledged_at: datetime | None = None
    notes: str = ""
    handover_id: int | None = None


def _kind(value: str) -> str:
    return KIND_LABELS.get(value, value)


def _on_time(value: bool | None) -> str:
    return "—" if value is None else ("按时" if value else "超时")


Row = tuple[list[Any], str | None]


def list_sheets(data: HandoverData) -> list[tuple[str, list[Column], Sequence[Any], Callable[[Any], Row]]]:
    """(title, columns, items, item → (values, urgency)) for every list sheet, in workbook order."""
    no = Column("工单编号", 17)
    urg = Column("紧急程度", 9, "urgency")
    title = Column("诉求标题", 38)
    status = Column("当前状态", 10)
    unit = Column("主办单位", 26)
    t = "time"
    return [
        ("本班受理", [no, Column("受理时间", 16, t), urg, Column("类型", 7), title, Column("区域", 14), status, unit,
                   Column("市民", 8), Column("联系电话", 15), Column("认领人", 9)],
         data.received, lambda x: ([x.number, x.received_at, urgency_label(x.urgency), _kind(x.kind), x.title,
                                    x.district, status_label(x.status), x.unit, x.citizen_name, x.citizen_phone,
                                    x.claimed_by], x.urgency)),
        ("本班分拨", [no, urg, title, Column("受理时间", 16, t), Column("分拨时限", 16, t), Column("分拨时间", 16, t),
                   Column("分拨类别", 9), Column("是否按时", 9), Column("说明", 16), unit, status],
         data.dispatched, lambda x: ([x.number, urgency_label(x.urgency), x.title, x.received_at, x.dispatch_due_at,
                                      x.dispatched_at, "首次分拨" if x.first_dispatch else "再次分拨",
                                      _on_time(x.on_time), x.note, x.unit, status_label(x.status)], x.urgency)),
        ("待分拨待复核", [no, urg, title, Column("受理时间", 16, t), Column("分拨时限", 16, t), status,
                     Column("已等待", 12), Column("认领人", 9), Column("区域", 14)],
         data.waiting, lambda x: ([x.number, urgency_label(x.urgency), x.title, x.received_at, x.dispatch_due_at,
                                   status_label(x.status), x.note.removeprefix("已等待 "), x.claimed_by,
                                   x.district], x.urgency)),
        ("超时与预警", [Column("类别", 13), no, urg, title, Column("时限类型", 10), Column("责任单位", 26),
                   Column("到期时间", 16, t), Column("完成时间", 16, t), Column("超时时长", 12),
                   Column("剩余时间", 12), status],
         data.clocks, lambda x: ([CLOCK_CATEGORY.get(x.category, x.category), x.number, urgency_label(x.urgency),
                                  x.title, clock_label(x.clock), x.unit or "（分拨席）", x.due_at, x.done_at,
                                  duration_text(x.overdue_minutes) if x.category != "warning" else "",
                                  duration_text(x.remaining_minutes) if x.category == "warning" else "",
                                  status_label(x.status)], x.urgency)),
        ("紧急工单", [no, Column("受理时间", 16, t), title, status, unit, Column("分拨时限", 16, t),
                   Column("分拨时间", 16, t), Column("区域", 14), Column("市民", 8), Column("联系电话", 15)],
         data.urgent, lambda x: ([x.number, x.received_at, x.title, status_label(x.status), x.unit,
                                  x.dispatch_due_at, x.dispatched_at, x.district, x.citizen_name, x.citizen_phone],
                                 x.urgency)),
        ("改派记录", [Column("改派时间", 16, t), no, urg, Column("改派类型", 10), Column("原", 24),
                   Column("改派至", 24), Column("操作人", 9), Column("原因", 36)],
         data.reassignments, lambda x: ([x.at, x.number, urgency_label(x.urgency), action_label(x.action),
                                         x.from_name, x.to_name, x.actor, x.reason], x.urgency)),
        ("退单与仲裁", [no, urg, title, status, Column("退单单位", 26), Column("退单时间", 16, t),
                   Column("退单原因", 10), Column("退单说明", 32), Column("退单次数", 9, "int")],
         data.returns, lambda x: ([x.number, urgency_label(x.urgency), x.title, status_label(x.status), x.unit,
                                   x.returned_at, return_reason_label(x.reason), x.text, x.return_count],
                                  x.urgency)),
        ("延期申请", [Column("申请时间", 16, t), no, urg, Column("申请单位", 26), Column("延期(小时)", 10, "hours"),
                   Column("申请理由", 34), Column("审批结果", 9), Column("审批人", 9), Column("审批时间", 16, t)],
         data.extensions, lambda x: ([x.requested_at, x.number, urgency_label(x.urgency), x.unit, x.hours, x.reason,
                                      EXTENSION_OUTCOME.get(x.outcome, x.outcome), x.decided_by, x.decided_at],
                                     x.urgency)),
        ("不满意回退", [Column("回退时间", 16, t), no, urg, title, unit, Column("回退原因", 34),
                   Column("回退次数", 9, "int"), status, Column("新反馈时限", 16, t)],
         data.rollbacks, lambda x: ([x.at, x.number, urgency_label(x.urgency), x.title, x.unit, x.reason,
                                     x.rollback_count, status_label(x.status), x.reply_due_at], x.urgency)),
    ]


FIGURES: list[tuple[str, str, str, bool]] = [
    # (label, attribute, kind, red when > 0)
    ("本班受理", "received", "int", False),
    ("本班首次分拨", "dispatched", "int", False),
    ("分拨按时率", "on_time_rate", "pct", False),
    ("本班超时（时限）", "breaches", "int", True),
    ("前班遗留待分拨超时", "still_overdue", "int", True),
    ("单位在办超时（累计）", "unit_backlog", "int", False),
    ("即将超时（下一班内到期）", "about_to_breach", "int", False),
    ("待分拨 / 待复核", "waiting", "int", False),
    ("未办结紧急工单", "open_urgent", "int", True),
    ("本班退单", "returns", "int", False),
    ("待仲裁退单", "awaiting_arbitration", "int", True),
    ("延期待审批", "extensions_pending", "int", False),
    ("本班改派", "reassignments", "int", False),
    ("不满意回退", "rollbacks", "int", True),
]
FIGURE_NOTES = {
    "on_time_rate": "本班首次分拨中在时限内完成的比例（紧急30分钟、快速2小时、常态8小时）",
    "breaches": "到期时间落在本班且未按时完成的分拨、签收、反馈、办结时限",
    "about_to_breach": "统计时点起一个班次时长内到期、尚未完成的时限",
    "open_urgent": "统计时点仍未办结的紧急工单",
    "still_overdue": "本班开始前已超过分拨时限、至今仍未分拨的工单（分拨席责任）",
    "unit_backlog": "本班开始前已超过反馈时限、单位仍未反馈的工单（仅计数，明细见单位督办）",
}


def _summary(workbook: Workbook, data: HandoverData, header: HandoverHeader, footer: Footer) -> None:
    sheet = workbook.create_sheet("交接摘要")
    styles = StyleBook(sheet)
    for letter, width in zip("ABCD", (26, 16, 14, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    setup_print(sheet, footer, title_rows=None, landscape=False)

    def cell(value: Any, style: Any) -> Any:
        c = WriteOnlyCell(sheet)
        if isinstance(value, str):
            c.value = clean_text(value)
            c.data_type = "s"
        else:
            c.value = value
        c._style = style
        return c

    label, text = styles.label(), styles.style("text")
    sheet.row_dimensions[1].height = 26
    sheet.append([cell("值班交接单", styles.title())])
    sheet.append([cell(header.shift_label, styles.subtitle())])
    sheet.append([])
    sheet.append([cell("基本信息", styles.section())])
    info = [
        ("交班值班长", header.author or "（未保存）"), ("接班值班长", header.incoming_supervisor or "（未指定）"),
        ("确认接班", format_room_time(header.acknowledged_at) if header.acknowledged_at else "未确认"),
        ("交接时段", f"{format_room_time(data.start)} 至 {format_room_time(data.end)}（北京时间）"),
        ("状态统计时点", format_room_time(data.as_of)),
        ("导出", f"{header.exported_by}  {format_room_time(header.exported_at)}"),
        ("个人信息", "已脱敏" if data.masked else "未脱敏（已记录导出日志）"),
    ]
    if header.handover_id is not None:
        info.insert(0, ("交接单编号", str(header.handover_id)))
    for name, value in info:
        sheet.append([cell(name, label), cell(value, text)])
    sheet.append([])
    sheet.append([cell("关键指标", styles.section())])
    sheet.append([cell("指标", styles.header()), cell("数值", styles.header()), cell("", styles.header()),
                  cell("说明", styles.header())])
    for name, attr, kind, red in FIGURES:
        value = getattr(data.figures, attr)
        shown: Any = value if value is not None else "—"
        bad = red and isinstance(value, int) and value > 0
        if attr == "on_time_rate" and isinstance(value, float) and value < 0.95:
            bad = True
        sheet.append([cell(name, label), cell(shown, styles.figure(kind if value is not None else "text", bad)),
                      cell("", text), cell(FIGURE_NOTES.get(attr, ""), text)])
    sheet.append([])
    sheet.append([cell("本班人员", styles.section())])
    if data.staff:
        for person in data.staff:
            sheet.append([cell(person.name, text), cell(role_label(person.role), text)])
    else:
        sheet.append([cell("（未排班）", styles.subtitle())])
    sheet.append([])
    sheet.append([cell("交接备注", styles.section())])
    for line in note_lines(header.notes):
        sheet.append([cell(line, styles.note())])


def note_lines(notes: str, width: int = 56) -> list[str]:
    """Free-text notes cut into printable lines (cells overflow to the right, so no merged cells needed)."""
    lines: list[str] = []
    for paragraph in (notes.strip() or "（无）").splitlines():
        paragraph = paragraph.rstrip()
        if not paragraph:
            lines.append("")
            continue
        lines.extend(paragraph[i:i + width] for i in range(0, len(paragraph), width))
    return lines


def write_handover_book(path: Path, data: HandoverData, header: HandoverHeader, *,
                        progress: ProgressCallback | None = None, token: CancelToken | None = None) -> int:
    """Write the workbook to ``path`` and return the number of list rows written."""
    footer = Footer(left=f"班次：{header.shift_label}",
                    right=f"交班：{header.author or '未保存'}  导出：{header.exported_by} "
                          f"{format_room_time(header.exported_at)}",
                    header="值班交接单 · &A")
    workbook = Workbook(write_only=True)
    _summary(workbook, data, header, footer)
    throttle = Throttle(progress, token, data.row_count, step=200)
    written = 0
    try:
        for title, columns, items, to_row in list_sheets(data):
            table = TableSheet(workbook, title, columns, footer)
            for item in items:
                values, urgency = to_row(item)
                table.append(values, urgency)  # aware datetimes are written in room time by the sheet
                written += 1
                throttle.tick()
            table.close()
        throttle.finish()
    except BaseException:
        abandon(workbook)
        raise
    save_book(workbook, path, compresslevel=3)  # a handover is opened at once: speed over a few KB
    return written
