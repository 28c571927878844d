"""本班工作量: open tickets each person holds in the current shift (and anyone off shift still holding
some — the dispatcher who went home), with a button to reassign everything a person holds. GUI thread."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.domain.enums import Role
from console.domain.shifts import calendar_for
from console.supervision_queries.rows import Workload, WorkloadRow
from console.supervision_queries.workload import shift_workload
from ui.countdown import format_remaining
from ui.i18n import t
from ui.shift_text import shift_text
from ui.supervision.panels import Panel
from ui.supervision.table import RowTable
from ui.unit_desk.ops import read


class WorkloadPanel(Panel):
    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(window, parent)
        self.title = t("本班工作量")
        self.workload: Workload | None = None
        self.heading = QLabel()
        self.table = RowTable([t("姓名"), t("账号"), t("角色"), t("班次"), t("在办工单"), t("紧急"), t("已超时"),
                               t("最早认领"), t("本班分拨")], stretch=None)
        self.reassign_button = QPushButton(t("改派其全部工单…"))
        self.reassign_button.clicked.connect(self._reassign_clicked)
        self.table.doubleClicked.connect(lambda _i: self._reassign_clicked())
        bottom = QHBoxLayout()
        bottom.addWidget(self.heading, 1)
        bottom.addWidget(self.reassign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    async def refresh(self) -> None:
        self.workload = await read(self.main, shift_workload, self.main.session.backend.ctx)
        now = datetime.now(UTC)
        rows = self.workload.rows
        cells = []
        for r in rows:
            age = format_remaining((now - r.oldest_claim_at).total_seconds(), "", t("天"), t("时")) \
                if r.oldest_claim_at else "—"
            shift = t("本班") if r.on_shift else t("非本班")
            cells.append((r.name, r.username, t(Role(r.role).label), shift, str(r.open_claimed), str(r.urgent_claimed),
                          str(r.overdue_claimed), age, str(r.dispatched_this_shift)))
        colours = ["#c62828" if (not r.on_shift and r.open_claimed) else None for r in rows]
        self.table.set_rows(list(rows), cells, colours)
        held = sum(r.open_claimed for r in rows)
        self.heading.setText(t("{shift} · 在办 {held} 件 · 无人认领 {free} 件（红色：不在本班仍持有工单）").format(
            shift=self.shift_text(), held=held, free=self.workload.unclaimed_open))

    def shift_text(self) -> str:
        """The workload's shift in the UI language (``Workload.shift_label`` is the core's Chinese text)."""
        assert self.workload is not None
        settings = self.main.session.backend.ctx.settings
        return shift_text(calendar_for(settings).shift_at(self.workload.shift_start))

    def _reassign_clicked(self) -> None:
        person = self.table.current_object()
        if isinstance(person, WorkloadRow) and person.open_claimed:
            from ui.supervision.extension import supervision_of

            self.spawn(supervision_of(self.main).bulk_reassign(source_staff=person.username))
