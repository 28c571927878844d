"""退单统计: returns per unit for a period (this shift, today, 7 or 30 days), by reason code, against the
assignments each unit received. GUI thread; the count runs on the DB worker."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.domain.clock import ROOM_TZ, to_room_time
from console.domain.enums import ReturnReason
from console.supervision_queries.returns import return_counts
from console.supervision_queries.rows import UnitReturnCount
from ui.i18n import N_, t
from ui.supervision.panels import Panel
from ui.supervision.table import RowTable
from ui.unit_desk.ops import read

PERIODS = (N_("本班"), N_("今日"), N_("近7天"), N_("近30天"))
PERIOD_DAYS = {PERIODS[1]: 0, PERIODS[2]: 6, PERIODS[3]: 29}


def period_window(name: str, now: datetime, shift_start: datetime) -> tuple[datetime, datetime]:
    """``[start, now)`` for a period name of ``PERIODS`` (days counted in room time)."""
    if name == PERIODS[0]:
        return shift_start, now
    midnight = datetime.combine(to_room_time(now).date(), datetime.min.time(), ROOM_TZ)
    days = PERIOD_DAYS[name]
    return midnight - timedelta(days=days), now


class ReturnCountsPanel(Panel):
    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(window, parent)
        self.title = t("退单统计")
        self.period = QComboBox()
        for name in PERIODS:
            self.period.addItem(t(name), name)
        self.period.setCurrentIndex(2)
        self.period.currentIndexChanged.connect(lambda _i: self.spawn(self.refresh()))
        self.summary = QLabel()
        headers = [t("单位"), t("收到工单"), t("退单"), t("退单率")] + [t(r.label) for r in ReturnReason]
        self.table = RowTable(headers, stretch=None)
        top = QHBoxLayout()
        top.addWidget(QLabel(t("统计期间")))
        top.addWidget(self.period)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.counts: list[UnitReturnCount] = []

    async def refresh(self) -> None:
        ctx = self.main.session.backend.ctx
        now = ctx.clock.now()
        start, end = period_window(str(self.period.currentData()), now, self.main.session.shift(now).start)
        self.counts = await read(self.main, return_counts, ctx.db, start, end)
        cells = []
        for c in self.counts:
            reasons = dict(c.by_reason)
            cells.append([c.unit_name, str(c.received), str(c.returns), f"{c.rate:.0%}" if c.received else "—"]
                         + [str(reasons.get(r.value, 0) or "") for r in ReturnReason])
        self.table.set_rows(self.counts, cells)
        self.summary.setText(t("共 {n} 次退单，涉及 {u} 个单位").format(n=sum(c.returns for c in self.counts),
                                                                  u=len(self.counts)))
