"""The review desk (人工复核台): a window of its own beside the main window. Left, the pending reviews by
dispatch deadline, live from the window's queue model; right, the review card of the selected ticket.
Everything is on the keyboard, and after each decision the next ticket is selected, so a dispatcher can
clear the queue without the mouse.

Keys (this window only): Enter accept / dispatch · ↑/↓ ticket · 1/2/3 take a suggestion · I pick an item ·
L lead unit · O co-units · E escalate to the supervisor · M merge into a duplicate · S skip ·
Ctrl+E only escalated · F5 refresh · Esc close.

GUI thread. The escalation flags of the listed tickets are read on the DB worker when the list changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.queries.rows import QueueRow
from console.review_desk.escalation import escalated_among
from ui.i18n import N_, t
from ui.prompts import QtPrompter
from ui.review.card_view import CardView
from ui.review.controller import ReviewController
from ui.review.pending_model import PENDING, PendingModel, pending_reviews

TITLE_WIDTH = 260  # room left for the request title (and the scroll bar) when the list is first laid out

KEYS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("accept", ("Return", "Enter"), N_("接受/分拨")),
    ("up", ("Up",), N_("上一张")),
    ("down", ("Down",), N_("下一张")),
    ("take1", ("1",), N_("采用建议1")),
    ("take2", ("2",), N_("采用建议2")),
    ("take3", ("3",), N_("采用建议3")),
    ("item", ("I",), N_("改选事项")),
    ("lead", ("L",), N_("主办单位")),
    ("co", ("O",), N_("协办单位")),
    ("escalate", ("E",), N_("转值班长")),
    ("merge", ("M",), N_("并案")),
    ("skip", ("S",), N_("跳过")),
    ("only_escalated", ("Ctrl+E",), N_("只看转值班长")),
    ("refresh", ("F5",), N_("刷新")),
    ("close", ("Escape",), N_("关闭")),
)


class ReviewDesk(QWidget):
    """Opened from 工单 → 复核台 (Ctrl+R). ``window`` is the main window (session, model, queue, prompter)."""

    def __init__(self, window: Any):
        super().__init__(window, Qt.WindowType.Window)
        self.window_ = window
        self.session = window.session
        self.setWindowTitle(t("人工复核台") + f" — {self.session.actor.name}")
        self.resize(1360, 820)
        self.model = PendingModel(self.session.backend.ctx.policy.warning_fraction, self)
        self.escalated: frozenset[int] = frozenset()
        self._signature: tuple[tuple[int, int], ...] = ()
        self._gone: set[int] = set()
        self._current: int | None = None
        self._position = 0
        # questions from the desk appear over the desk (a scripted prompter in tests is used as it is)
        prompter = QtPrompter(self) if isinstance(window.prompter, QtPrompter) else window.prompter
        self.controller = ReviewController(self.session, prompter, self._holder_of, self, self)
        self._build()
        self._wire()
        self.actions_by_id: dict[str, QAction] = {}
        self._build_keys()
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(1000)
        self.tick_timer.timeout.connect(lambda: self.model.tick(time.time()))

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        self.count = QLabel()
        self.only_escalated = QCheckBox(t("只看已转值班长"))
        self.only_escalated.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        top = QHBoxLayout()
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.only_escalated)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PendingModel.TITLE, QHeaderView.ResizeMode.Stretch)
        bold = QFont(header.font())
        bold.setBold(True)  # some styles draw the header bold: size for that
        widths = self.model.column_widths(self.table.fontMetrics(), QFontMetrics(bold))
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        list_width = max(620, sum(widths.values()) + TITLE_WIDTH)  # the title keeps room in every language
        self.card_view = CardView()
        self.card_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.card_view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([list_width, 1360 - list_width])
        self.help = QLabel(t("<b>回车</b> 接受/分拨 · <b>↑/↓</b> 切换工单 · <b>1/2/3</b> 采用第几个建议 · "
                             "<b>I</b> 改选事项 · <b>L</b> 主办单位 · <b>O</b> 协办单位 · <b>E</b> 转值班长 · "
                             "<b>M</b> 并案 · <b>S</b> 跳过 · <b>Ctrl+E</b> 只看转值班长 · <b>Esc</b> 关闭"))
        self.help.setStyleSheet("color:#37474f; padding:4px;")
        self.message = QLabel()
        self.message.setStyleSheet("color:#1565c0; padding:2px 4px;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.help)
        layout.addWidget(self.message)

    def _wire(self) -> None:
        self.window_.queue.updated.connect(lambda _when: self.refresh_list())
        self.window_.model.modelReset.connect(self.refresh_list)
        self.only_escalated.toggled.connect(lambda _on: self.refresh_list())
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._row_changed(current.row()))
        c = self.controller
        c.cardShown.connect(self.card_view.show_card)
        c.draftChanged.connect(self.card_view.show_draft)
        c.cardCleared.connect(self.card_view.show_message)
        c.message.connect(self.show_message)
        c.decided.connect(self._decided)

    def _build_keys(self) -> None:
        handlers: dict[str, Callable[[], Any]] = {
            "accept": lambda: self._act(self.controller.dispatch),
            "up": lambda: self.step_ticket(-1),
            "down": lambda: self.step_ticket(1),
            "take1": lambda: self._act(lambda: self.controller.take_candidate(1)),
            "take2": lambda: self._act(lambda: self.controller.take_candidate(2)),
            "take3": lambda: self._act(lambda: self.controller.take_candidate(3)),
            "item": lambda: self._act(self.controller.pick_item),
            "lead": lambda: self._act(self.controller.pick_lead),
            "co": lambda: self._act(self.controller.pick_co),
            "escalate": lambda: self._act(self.controller.escalate),
            "merge": lambda: self._act(self.controller.merge),
            "skip": self.skip,
            "only_escalated": self.only_escalated.toggle,
            "refresh": self.refresh_now,
            "close": self.close,
        }
        for key, shortcuts, label in KEYS:
            action = QAction(t(label), self)
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, h=handlers[key]: h())
            self.addAction(action)
            self.actions_by_id[key] = action

    # ------------------------------------------------------------------ the list
    def _holder_of(self, ticket_id: int) -> tuple[int | None, str]:
        row = self.window_.model.get(ticket_id)
        if row is None:
            card = self.controller.card
            return (card.claimed_by, card.claimed_by_name) if card is not None and card.id == ticket_id else (None, "")
        return row.claimed_by, row.claimed_by_name

    def refresh_list(self) -> None:
        """Recompute the pending list from the window's model; restore the selection by ticket id.
        Skipped while the desk is hidden (showing it recomputes)."""
        if not self.isVisible():
            return
        all_rows: list[QueueRow] = self.window_.model.all_rows()
        self._gone = {i for i in self._gone if (r := self.window_.model.get(i)) is not None and r.status == PENDING}
        rows = pending_reviews(all_rows, self.escalated, self.only_escalated.isChecked(), frozenset(self._gone))
        self._check_escalations(rows if not self.only_escalated.isChecked()
                                else pending_reviews(all_rows, hidden=frozenset(self._gone)))
        reset = self.model.set_rows(rows, self.escalated)
        self.count.setText(f"<b>{t('待复核')}</b> {len(rows)} " + t("张（按分拨时限排序）"))
        if reset or self._current is None or self.model.row_of(self._current) < 0:
            self._restore_selection()
        elif self._current is not None:
            card = self.controller.card
            row = self.window_.model.get(self._current)
            if card is not None and row is not None and card.id == row.id and card.version != row.version \
                    and not self.controller.busy and self.controller.dialog is None:
                self.controller.show_ticket(self._current)

    def _restore_selection(self) -> None:
        target = self._current if self._current is not None and self.model.row_of(self._current) >= 0 else None
        if target is None and self.model.rows:
            target = self.model.id_at(min(self._position, len(self.model.rows) - 1))
        self.select(target)

    def select(self, ticket_id: int | None) -> None:
        row = self.model.row_of(ticket_id) if ticket_id is not None else -1
        if row < 0:
            self.table.clearSelection()
            if self._current is not None or ticket_id is None:
                self._current = None
                self.controller.show_ticket(None)
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        if self._current != ticket_id:
            self._row_changed(row)

    def _row_changed(self, row: int) -> None:
        ticket_id = self.model.id_at(row)
        if ticket_id is None or ticket_id == self._current:
            return
        self._current = ticket_id
        self._position = row
        self.controller.show_ticket(ticket_id)

    def step_ticket(self, step: int) -> None:
        if not self.model.rows:
            return
        row = self.model.row_of(self._current) if self._current is not None else -1
        self.select(self.model.id_at(min(max(row + step, 0), len(self.model.rows) - 1)))

    def following(self, ticket_id: int) -> int | None:
        """The ticket after ``ticket_id`` in the list (wrapping to the first other one), None if alone."""
        ids = self.model.ids()
        if ticket_id not in ids:
            return ids[0] if ids else None
        at = ids.index(ticket_id)
        rest = ids[at + 1:] + ids[:at]
        return rest[0] if rest else None

    def skip(self) -> None:
        if self._current is not None:
            nxt = self.following(self._current)
            if nxt is not None:
                self.select(nxt)
            self.show_message(t("已跳过"))

    def _decided(self, ticket_id: int, left_review: bool) -> None:
        nxt = self.following(ticket_id)
        if left_review:  # hidden at once; the queue model drops it when it re-reads the ticket
            self._gone.add(ticket_id)
        self.refresh_list()
        if nxt is not None and nxt != ticket_id:
            self.select(nxt)
        elif self.model.row_of(ticket_id) >= 0:
            self.controller.show_ticket(ticket_id)

    def _act(self, make: Callable[[], Any]) -> None:
        """Run a card command as a window task, if the open card is the selected ticket."""
        if self.controller.dialog is not None or not self.controller.current(self._current):
            return
        self.session.tasks.spawn(make())

    # ------------------------------------------------------------------ escalations
    def _check_escalations(self, rows: list[QueueRow]) -> None:
        signature = tuple((r.id, r.version) for r in rows)
        if signature == self._signature:
            return
        self._signature = signature
        self.session.tasks.spawn(self._load_escalations(tuple(r.id for r in rows)))

    async def _load_escalations(self, ids: tuple[int, ...]) -> None:
        found = await self.session.worker.run(escalated_among, self.session.backend.ctx.db, ids)
        if found != self.escalated:
            self.escalated = found
            if self.only_escalated.isChecked():
                self.refresh_list()
            else:
                self.model.set_escalated(found)

    # ------------------------------------------------------------------ misc
    def refresh_now(self) -> None:
        self._signature = ()
        self.session.tasks.spawn(self.window_.queue.reload())
        if self._current is not None:
            self.controller.show_ticket(self._current)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.window_.status.showMessage(text, 8000)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.tick_timer.start()
        self.refresh_list()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tick_timer.stop()
        super().closeEvent(event)
