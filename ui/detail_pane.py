"""The ticket detail pane: every field (personal data masked unless the role may see it or a reveal was
recorded), each unit with its own state and clocks, and the parcel-tracking timeline of events.

A widget: it renders a ``TicketDetail`` it is given and never reads the database (GUI thread).

For viewers who see personal data masked, a 「查看完整信息…」 button (Ctrl+Shift+P, the window's action) floats at
the top right: it emits ``revealRequested`` (``DetailController.reveal`` asks for the reason, records it and shows
the unmasked ticket). A revealed ticket stays revealed until the selection changes or ``forget_revealed``
is called (the screen lock calls it): the pane then drops the unmasked text at once and emits
``revealForgotten`` so the controller reloads the ticket masked.
"""

from __future__ import annotations

import html
import time
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QTextBrowser, QWidget

from console.domain.clock import format_room_time
from console.domain.enums import Channel, Kind, TicketStatus, Urgency
from console.queries.rows import ClockView, TicketDetail
from ui.countdown import format_remaining, sla_state
from ui.i18n import record_text, t
from ui.palette import URGENCY_ACCENT
from ui.prompts import hint_text

STATE_COLOURS = {"ok": "#2e7d32", "warning": "#d98200", "breached": "#c62828", "met": "#2e7d32"}


def _e(value: object) -> str:
    return html.escape(str(value or ""))


def _label(enum: type, value: str) -> str:
    try:
        return t(enum(value).label)  # type: ignore[call-arg]
    except ValueError:
        return value


REVEAL_SHORTCUT = "Ctrl+Shift+P"  # the window's 「查看个人信息…」 action (ui/actions.py)


class DetailPane(QTextBrowser):
    """Shows one ticket; ``refresh_clocks`` re-renders with the current time (no query)."""

    revealRequested = Signal()  # the user asked to see the current ticket's personal data
    revealForgotten = Signal()  # unmasked data was dropped (lock, ``forget_revealed``): reload masked

    def __init__(self, warning_fraction: float = 0.8, parent: QWidget | None = None):
        super().__init__(parent)
        self.warning_fraction = warning_fraction
        self.detail: TicketDetail | None = None
        self.revealed = False  # the shown detail is unmasked because of a recorded reveal
        self.setOpenLinks(False)
        self.setMinimumWidth(360)
        self.reveal_button = QPushButton(t("查看完整信息…"), self)
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.setToolTip(
            t("填写原因后显示市民姓名、电话、地址和完整诉求（留痕）") + f" ({REVEAL_SHORTCUT})")
        self.reveal_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.reveal_button.clicked.connect(self.revealRequested)
        self.reveal_button.hide()
        self.show_empty()

    def show_empty(self, text: str = "") -> None:
        self.detail = None
        self.revealed = False
        self.reveal_button.hide()
        self.setHtml(f"<p style='color:#777'>{_e(text or t('在队列中选择一张工单查看详情'))}</p>")

    def show_detail(self, detail: TicketDetail, revealed: bool | None = None) -> None:
        """Render ``detail``; ``revealed`` says it was unmasked by a recorded reveal (None: keep the flag
        while the same ticket is re-rendered, clear it for another ticket)."""
        same = self.detail is not None and self.detail.id == detail.id
        keep = self.verticalScrollBar().value() if same else 0
        self.revealed = (self.revealed and same) if revealed is None else revealed
        self.detail = detail
        self.reveal_button.setVisible(detail.personal_masked)
        self._place_button()
        self.setHtml(self.render_html(detail, time.time()))
        self.verticalScrollBar().setValue(keep)

    def forget_revealed(self) -> None:
        """Drop unmasked personal data from the screen now (the screen lock calls this); the controller
        reloads the ticket masked on ``revealForgotten``. Harmless when nothing was revealed."""
        if self.revealed:
            self.show_empty(t("个人信息已隐藏"))
        self.revealForgotten.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_button()

    def _place_button(self) -> None:
        self.reveal_button.adjustSize()
        margin = 6
        self.reveal_button.move(self.viewport().width() + self.frameWidth() - self.reveal_button.width() - margin,
                                self.frameWidth() + margin)

    def refresh_clocks(self) -> None:
        if self.detail is not None:
            self.show_detail(self.detail)

    # ------------------------------------------------------------------ rendering
    def _clock(self, clock: ClockView, now: float) -> str:
        due = clock.due.timestamp()
        if clock.done_at is not None:
            state = "met" if clock.done_at <= clock.due else "breached"
            text = (t("按时完成") if state == "met" else t("超时完成")) + f" {format_room_time(clock.done_at)}"
        else:
            state = sla_state(clock.start.timestamp(), due, now, self.warning_fraction)
            remaining = due - now
            units = ("", t("天"), t("时"))
            text = f"{t('剩余')} {format_remaining(remaining, *units)}" if remaining >= 0 else \
                f"{t('已超时')} {format_remaining(-remaining, *units)}"
        return (f"<td>{_e(t(clock.label))}</td><td>{format_room_time(clock.due)}</td>"
                f"<td style='color:{STATE_COLOURS.get(state, '#333')}'><b>{_e(text)}</b></td>")

    def render_html(self, d: TicketDetail, now: float) -> str:
        accent = URGENCY_ACCENT.get(d.urgency, "#607d8b")
        if d.personal_masked:
            note = t("（已脱敏，{shortcut} 查看）").format(shortcut=REVEAL_SHORTCUT)
            mask_note = f" <span style='color:#777'>{_e(note)}</span>"
        elif self.revealed:
            mask_note = f" <span style='color:#c62828'>{_e(t('（已显示个人信息，已记录查看原因）'))}</span>"
        else:
            mask_note = ""
        fields = [
            (t("状态"), _label(TicketStatus, d.status)),
            (t("类型 / 渠道"), f"{_label(Kind, d.kind)} / {_label(Channel, d.channel)}"),
            (t("市民"), f"{d.citizen_name} {d.citizen_phone}"),
            (t("位置"), f"{d.district} {d.street} {d.address}"),
            (t("职责事项"), f"{d.item_code} {d.item_name}" + (t("（市民选择 {code}）").format(code=d.citizen_item_code)
                                                              if d.citizen_item_code else "")),
            (t("受理时间"), format_room_time(d.received_at, with_seconds=True)),
            (t("首次分拨"), format_room_time(d.dispatched_at, with_seconds=True) or "—"),
            (t("办结时间"), format_room_time(d.closed_at, with_seconds=True) or "—"),
            (t("清单版本"), d.catalog_version),
            (t("处理人"), d.claimed_by_name or t("（未认领）")),
            (t("退单 / 回退 / 重启"), f"{d.return_count} / {d.rollback_count} / {d.reopen_count}"),
        ]
        if d.rating:
            fields.append((t("评价"), f"{d.rating} {d.rating_text}"))
        if d.merged_into:
            fields.append((t("已并入"), d.merged_into))
        if d.hint is not None:
            fields.append((t("分拨建议"), hint_text(d.hint)))
        rows = "".join(f"<tr><td style='color:#555;padding-right:8px'>{_e(k)}</td><td>{_e(v)}"
                       f"{mask_note if k == t('市民') else ''}</td></tr>" for k, v in fields)
        if d.personal_masked:  # leave room for the floating 「查看完整信息…」 button
            rows = f"<tr><td colspan='2' style='height:8px'></td></tr>{rows}"
        parts = [
            f"<h3 style='margin:0'><span style='color:{accent}'>■ {_e(_label(Urgency, d.urgency))}</span> "
            f"{_e(d.number)}</h3>",
            f"<p style='margin:4px 0'><b>{_e(d.title)}</b></p>",
            f"<p style='margin:4px 0;white-space:pre-wrap'>{_e(d.text)}</p>",
            f"<table cellspacing='0' cellpadding='2'>{rows}</table>",
            f"<h4>{t('时限')}</h4><table cellspacing='0' cellpadding='2'><tr>{self._clock(d.dispatch_clock, now)}"
            "</tr></table>",
        ]
        if d.assignments:
            parts.append(f"<h4>{t('承办单位')}</h4>")
            for a in d.assignments:
                clocks = "".join(f"<tr>{self._clock(c, now)}</tr>" for c in a.clocks)
                extra = ""
                if a.pending_extension_hours:
                    extra += "<br><i>" + _e(t("申请延期 {hours} 小时：{reason}").format(
                        hours=f"{a.pending_extension_hours:g}", reason=a.pending_extension_reason)) + "</i>"
                if a.return_reason:
                    extra += "<br><i>" + _e(t("退单：{reason} {text}").format(
                        reason=t(a.return_reason), text=a.return_text)) + "</i>"
                if a.reply_text:
                    extra += "<br><i>" + _e(t("反馈：{text}").format(text=a.reply_text)) + "</i>"
                parts.append(
                    f"<p style='margin:6px 0 2px 0'><b>{_e(a.unit_name)}</b> · {_e(t(a.role_label))} · "
                    f"{_e(t(a.state_label))} · {t('分拨于')} {format_room_time(a.dispatched_at)}{extra}</p>"
                    f"<table cellspacing='0' cellpadding='1' style='margin-left:12px'>{clocks}</table>")
        parts.append(f"<h4>{t('办理轨迹')}</h4>{self._timeline(d)}")
        return "".join(parts)

    def _timeline(self, d: TicketDetail) -> str:
        items = []
        for i, e in enumerate(reversed(d.events)):
            dot = "#1565c0" if i == 0 else "#9e9e9e"
            status = f"{t(e.from_status)} → {t(e.to_status)}" if e.to_status and e.to_status != e.from_status else ""
            lines = [f"<b>{_e(t(e.action_label))}</b> <span style='color:#555'>{_e(status)}</span>"]
            if e.summary:
                lines.append(_e(e.summary))
            if e.reason:
                lines.append(f"<i>{_e(record_text(e.reason))}</i>")
            items.append(
                f"<tr><td valign='top' style='color:{dot};padding-right:6px'>●</td>"
                f"<td valign='top' style='color:#555;padding-right:8px;white-space:nowrap'>"
                f"{_short(e.at)}<br>{_e(e.actor_name)}</td><td valign='top'>{'<br>'.join(lines)}</td></tr>")
        return f"<table cellspacing='0' cellpadding='3'>{''.join(items)}</table>"


def _short(value: datetime) -> str:
    return format_room_time(value, with_seconds=True)[5:]
