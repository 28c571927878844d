"""The right side of the review desk: one ticket's review card and the decision being prepared. Shows,
never decides. GUI thread."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import format_room_time
from console.domain.enums import TicketStatus, Urgency
from console.review_desk.card import ReviewCard
from ui.i18n import N_, record_text, t
from ui.palette import URGENCY_ACCENT
from ui.review.draft import Draft
from ui.review.highlight import PHRASE_STYLE, PLACE_STYLE, highlighted_html
from ui.review.reasons import urgency_reason_text

TOP_N = 3
_LOCATION_SOURCES = {"text": N_("诉求文字"), "selected": N_("市民选择"), "citizen": N_("市民选择"),
                     "none": N_("未识别")}


def _urgency_label(value: str) -> str:
    try:
        return t(Urgency(value).label)
    except ValueError:
        return value


def _status_label(value: str) -> str:
    try:
        return t(TicketStatus(value).label)
    except ValueError:
        return value


def _muted(text: str) -> str:
    return f"<span style='color:#607d8b'>{html.escape(text)}</span>"


class CandidateRow:
    """One of the top items: rank, a confidence bar with its percentage beside it (never on the fill, where
    it would be unreadable), code, name and the 3-level path."""

    def __init__(self, grid: QGridLayout, row: int):
        self.rank = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFixedWidth(100)
        self.bar.setTextVisible(False)
        self.percent = QLabel()
        self.percent.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.percent.setMinimumWidth(self.percent.fontMetrics().horizontalAdvance("100%") + 4)
        gauge = QWidget()
        box = QHBoxLayout(gauge)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        box.addWidget(self.bar)
        box.addWidget(self.percent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(self.rank, row, 0)
        grid.addWidget(gauge, row, 1)
        grid.addWidget(self.label, row, 2)

    def show(self, rank: int, code: str, name: str, path: tuple[str, ...], confidence: float, chosen: bool) -> None:
        mark = "✔ " if chosen else ""
        self.rank.setText(f"<b>{rank}</b>")
        self.bar.setValue(round(confidence * 100))
        self.bar.setVisible(True)
        self.percent.setText(f"{self.bar.value()}%")
        trail = " › ".join(path) if path else name
        self.label.setText(f"<b>{mark}{html.escape(code)} {html.escape(name)}</b><br/>{_muted(trail)}")

    def hide(self) -> None:
        self.rank.setText("")
        self.bar.setVisible(False)
        self.percent.setText("")
        self.label.setText("")


class CardView(QScrollArea):
    """``show_card(card, draft)``; ``show_draft(draft)`` after a change; ``show_message`` when empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.card: ReviewCard | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#fff3e0; border:1px solid #e69500; padding:6px;")
        layout.addWidget(self.banner)
        self.text = QTextBrowser()
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text.setOpenLinks(False)
        layout.addWidget(self.text)
        legend = QLabel(f"<span style='{PHRASE_STYLE}'>{t('决定性词语')}</span>&nbsp;&nbsp;"
                        f"<span style='{PLACE_STYLE}'>{t('地名')}</span>")
        layout.addWidget(legend)
        self.suggestion_box = QGroupBox(t("路由建议（前三）"))
        grid = QGridLayout(self.suggestion_box)
        grid.setColumnStretch(2, 1)
        self.candidates = [CandidateRow(grid, i) for i in range(TOP_N)]
        self.model_line = QLabel()
        grid.addWidget(self.model_line, TOP_N, 0, 1, 3)
        layout.addWidget(self.suggestion_box)
        self.location = self._group(layout, t("位置依据"))
        self.decision = self._group(layout, t("本次分拨"))
        self.urgency = self._group(layout, t("紧急程度"))
        self.duplicates = self._group(layout, t("疑似重复（并案候选）"))
        layout.addStretch(1)
        self.setWidget(body)
        self.show_message(t("没有选中的工单"))

    @staticmethod
    def _group(layout: QVBoxLayout, title: str) -> QLabel:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(label)
        layout.addWidget(box)
        return label

    # ------------------------------------------------------------------ showing
    def show_message(self, text: str) -> None:
        self.card = None
        self.header.setText(f"<h3>{html.escape(text)}</h3>")
        self.banner.setVisible(False)
        self.text.setHtml("")
        for row in self.candidates:
            row.hide()
        self.model_line.setText("")
        for label in (self.location, self.decision, self.urgency, self.duplicates):
            label.setText("")

    def show_card(self, card: ReviewCard, draft: Draft) -> None:
        self.card = card
        accent = URGENCY_ACCENT.get(card.urgency, "#607d8b")
        claimed = f" · {t('认领人')}{t('：')}{html.escape(card.claimed_by_name)}" if card.claimed_by_name else ""
        self.header.setText(
            f"<h3 style='margin:0'>{html.escape(card.number)} "
            f"<span style='color:{accent}'>[{_urgency_label(card.urgency)}]</span> {html.escape(card.title)}</h3>"
            + _muted(f"{t('受理')} {format_room_time(card.received_at)} · {t('分拨时限')} "
                     f"{format_room_time(card.dispatch_due_at)}") + claimed
            + ("<br/>" + _muted(f"{t('转复核原因')}{t('：')}{record_text(card.submit_reason)}")
               if card.submit_reason else ""))
        if card.escalations:
            lines = [f"{format_room_time(e.at)} {html.escape(e.actor_name)}{t('：')}{html.escape(e.question)}"
                     for e in card.escalations]
            self.banner.setText(f"<b>{t('已转值班长')}</b><br/>" + "<br/>".join(lines))
            self.banner.setVisible(True)
        else:
            self.banner.setVisible(False)
        self.text.setHtml(f"<div style='font-size:15px; line-height:150%'>{highlighted_html(card.text, card.spans)}"
                          "</div>")
        self._fit_text()
        self._show_location(card)
        self._show_urgency(card)
        self._show_duplicates(card)
        self.show_draft(draft)

    def _fit_text(self) -> None:
        """As tall as the text (within limits), so the evidence below stays in view."""
        document = self.text.document()
        document.setTextWidth(max(200, self.text.viewport().width()))
        height = int(document.size().height()) + 2 * self.text.frameWidth() + 6
        self.text.setFixedHeight(min(max(height, 60), 260))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.card is not None:
            self._fit_text()

    def show_draft(self, draft: Draft) -> None:
        card = self.card
        if card is None:
            return
        for i, row in enumerate(self.candidates):
            if i < len(card.candidates):
                c = card.candidates[i]
                row.show(i + 1, c.code, c.name, c.path, c.confidence, c.code == draft.item_code)
            else:
                row.hide()
        if not card.candidates:
            self.candidates[0].label.setText(_muted(t("没有路由建议：按 I 从职责清单中选择事项")))
        source = {"intake": t("受理时的建议"), "live": t("即时计算的建议"), "none": ""}.get(card.source, "")
        version = f" · {t('模型版本')} {html.escape(card.model_version)}" if card.model_version else ""
        self.model_line.setText(_muted(source) + (_muted(version) if version else ""))
        self.decision.setText(self._decision_html(card, draft))

    def _decision_html(self, card: ReviewCard, draft: Draft) -> str:
        changed = f" <span style='color:#c62828'>{t('（已修改）')}</span>"
        item_changed = draft.item_code != card.suggested_item
        item = (f"{html.escape(draft.item_code)} {html.escape(draft.item_name)}" if draft.item_code
                else t("（未选择）"))
        lead = draft.effective_lead
        missing = f"<span style='color:#c62828'>{html.escape(t(draft.problem))}</span>"
        lead_text = html.escape(lead.name) if lead else missing
        co = t("、").join(html.escape(u.name) for u in draft.effective_co) or t("无")
        lines = [
            f"<b>{t('事项')}</b>{t('：')}{item}{changed if item_changed and card.suggested_item else ''}",
            f"<b>{t('主办')}</b>{t('：')}{lead_text}{changed if draft.lead is not None else ''}",
            f"<b>{t('协办')}</b>{t('：')}{co}{changed if draft.co is not None else ''}",
        ]
        if draft.is_acceptance_of(card):
            lines.append(_muted(t("回车：接受建议并分拨")))
        elif not draft.problem:
            lines.append(_muted(t("回车：按更正分拨（需选择更正原因）") if card.suggested_item
                                else t("回车：分拨")))
        return "<br/>".join(lines)

    def _show_location(self, card: ReviewCard) -> None:
        place = f"{card.district}{card.street}" or t("未知")
        source = _LOCATION_SOURCES.get(card.location_source, card.location_source)
        lines = [f"<b>{html.escape(place)}</b>"
                 + (f" · {html.escape(card.address)}" if card.address else "")
                 + (" " + _muted(t("（依据：{source}）").format(source=t(source))) if card.location_source else "")]
        for span in card.places:
            lines.append(f"<span style='{PLACE_STYLE}'>{html.escape(span.text)}</span> → {html.escape(span.note)}")
        if not card.places:
            lines.append(_muted(t("诉求文字中没有识别出地名")))
        self.location.setText("<br/>".join(lines))

    def _show_urgency(self, card: ReviewCard) -> None:
        proposed = card.suggested_urgency
        text = f"{t('当前')}{t('：')}<b>{_urgency_label(card.urgency)}</b>"
        if proposed:
            text += f" · {t('建议')}{t('：')}<b>{_urgency_label(proposed)}</b>"
        if card.urgency_reason:
            text += "<br/>" + _muted(f"{t('理由')}{t('：')}{urgency_reason_text(card.urgency_reason)}")
        self.urgency.setText(text)

    def _show_duplicates(self, card: ReviewCard) -> None:
        if not card.duplicates:
            self.duplicates.setText(_muted(t("无")))
            return
        lines = [f"<b>{html.escape(d.number)}</b> {html.escape(d.title)} "
                 + _muted(t("（相似度 {score} · {hours} 小时 · {status}）").format(
                     score=f"{d.score:.2f}", hours=f"{d.hours_apart:.1f}", status=_status_label(d.status)))
                 for d in card.duplicates]
        lines.append(_muted(t("按 M 并案")))
        self.duplicates.setText("<br/>".join(lines))
