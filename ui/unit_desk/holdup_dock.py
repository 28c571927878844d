"""The 'holding up' dock (承办进度): for the ticket shown in the detail pane, which units it is waiting for
— to accept (待签收) or to reply (办理中) — with their clocks, overdue first, and each co-unit's reply.
Fed by the detail controller's ``loadedDetail`` (no query of its own). GUI thread."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QTextBrowser, QWidget

from console.domain.clock import format_room_time
from console.queries.rows import TicketDetail
from console.supervision_queries.unit_view import holding_up
from ui.countdown import format_remaining
from ui.i18n import t


def _e(value: object) -> str:
    return html.escape(str(value or ""))


class HoldUpView(QTextBrowser):
    """Renders ``render(detail, now)``; re-renders every 30 s so the countdowns stay true."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.detail: TicketDetail | None = None
        self.setOpenLinks(False)
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.show_detail(None)

    def show_detail(self, detail: TicketDetail | None) -> None:
        self.detail = detail
        self.refresh()

    def on_current(self, ticket_id: int | None) -> None:
        """The queue's selection moved; clear at once when nothing is selected (a slot, not a lambda, so Qt
        disconnects it when this view is destroyed)."""
        if ticket_id is None:
            self.show_detail(None)

    def refresh(self) -> None:
        self.setHtml(render(self.detail, datetime.now(UTC)))

    def stop(self) -> None:
        self._timer.stop()


def render(detail: TicketDetail | None, now: datetime) -> str:
    """HTML for the dock: a headline naming the unit that holds the ticket up, then every waiting unit."""
    if detail is None:
        return f"<p style='color:#777'>{t('选择工单查看承办进度')}</p>"
    waits = holding_up(detail.assignments, now)
    units = ("", t("天"), t("时"))
    if not waits:
        head = f"<p><b>{_e(detail.number)}</b> · {t('没有等待中的承办单位')}</p>"
        return head + _replies(detail)
    first = waits[0]
    waiting = t("（等待签收）") if first.waiting_for == "accept" else t("（等待反馈）")
    colour = "#c62828" if first.overdue else "#d98200"
    lines = [f"<p style='margin:0 0 4px 0'><b>{_e(detail.number)}</b><br><span style='color:{colour}'>"
             f"<b>{t('卡在')}{t('：')}{_e(first.unit_name)}</b>{waiting}</span></p>"]
    for w in waits:
        what = t("待签收") if w.waiting_for == "accept" else t("待反馈")
        remaining = (w.due - now).total_seconds()
        clock = (f"{t('已超时')} {format_remaining(-remaining, *units)}" if remaining < 0
                 else f"{t('剩余')} {format_remaining(remaining, *units)}")
        colour = "#c62828" if w.overdue else "#333"
        role = t("主办") if w.role == "lead" else t("协办")
        lines.append(f"<p style='margin:2px 0'><span style='color:{colour}'>●</span> <b>{_e(w.unit_name)}</b>"
                     f" · {role} · {what}<br>&nbsp;&nbsp;{t('时限')} {format_room_time(w.due)} · "
                     f"<span style='color:{colour}'>{_e(clock)}</span></p>")
    return "".join(lines) + _replies(detail)


def _replies(detail: TicketDetail) -> str:
    replied = [a for a in detail.assignments if a.state == "replied" and a.reply_text]
    if not replied:
        return ""
    rows = "".join(f"<li><b>{_e(a.unit_name)}</b>{_e(t('（{role}）').format(role=t(a.role_label)))}{t('：')}"
                   f"{_e(a.reply_text)}</li>" for a in replied)
    return f"<p style='margin-bottom:0'>{t('已反馈')}</p><ul style='margin-top:0'>{rows}</ul>"


def install_holdup_dock(window: Any) -> QDockWidget:
    """Add the dock under the detail pane and keep it on the detail pane's ticket."""
    dock = QDockWidget(t("承办进度"), window)
    view = HoldUpView(dock)
    dock.setObjectName("dock_holdup")
    dock.setWidget(view)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.details.loadedDetail.connect(view.show_detail)
    window.view.currentTicketChanged.connect(view.on_current)
    window.closed.connect(view.stop)
    window.holdup_view = view
    return dock
