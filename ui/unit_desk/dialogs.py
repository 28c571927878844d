"""The unit desk's dialogs: reply (the lead sees the co-units' replies to consolidate), return with a
reason code, extension request. Each is opened with ``run_dialog`` by ``QtDeskDialogs`` and returns a
plain choice. GUI thread; no database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.catalog import TimeLimits
from console.domain.clock import format_room_time
from console.domain.enums import AssignmentState, ReturnReason
from console.domain.sla import unit_deadlines
from console.supervision_queries.rows import ReplyContext, UnitPart
from ui.i18n import RECORD_SEPARATOR, record, t
from ui.window_ref import WindowDialogs


@dataclass(frozen=True)
class ReturnChoice:
    reason: ReturnReason
    text: str


@dataclass(frozen=True)
class ExtensionChoice:
    hours: float
    reason: str


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
    box.rejected.connect(dialog.reject)
    return box


SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # Enter = the keypad's


def _submit_keys(dialog: QDialog, box: QDialogButtonBox, submit: Callable[[], None]) -> str:
    """Ctrl+Return (and the keypad's Ctrl+Enter) anywhere in ``dialog`` — also in a multi-line text, where a
    plain Return makes a new line — calls ``submit`` (the dialog's own checks, as the button does); the submit
    button's tooltip names the key, and so does the returned hint."""
    for key in SUBMIT_KEYS:
        shortcut = QShortcut(QKeySequence(key), dialog)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(submit)
    name = QKeySequence(SUBMIT_KEYS[0]).toString(QKeySequence.SequenceFormat.NativeText)
    hint = t("按 {key} 提交").format(key=name)
    box.button(QDialogButtonBox.StandardButton.Ok).setToolTip(hint)
    return hint


def _state_label(state: str) -> str:
    try:
        return t(AssignmentState(state).label)
    except ValueError:
        return state


class ReplyDialog(QDialog):
    """反馈: the reply text; for the lead, every co-unit's state and reply, and a button quoting them."""

    def __init__(self, context: ReplyContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(t("反馈") + f" — {context.number}")
        self.resize(620, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{context.number}</b> {context.title}"))
        role = t("主办") if context.mine.role == "lead" else t("协办")
        layout.addWidget(QLabel(t("{unit}（{role}）· 反馈时限 {due}").format(
            unit=context.mine.unit_name, role=role, due=format_room_time(context.mine.reply_due))))
        self.co_view = QLabel()
        self.co_view.setWordWrap(True)
        self.quote = QPushButton(t("引用协办意见"))
        self.quote.clicked.connect(self.quote_co_replies)
        if context.mine.role == "lead" and context.co_units:
            layout.addWidget(QLabel(f"<b>{t('协办单位意见')}</b>"))
            layout.addWidget(self.co_view)
            layout.addWidget(self.quote)
            self.co_view.setText(self._co_html(context.co_units))
            self.quote.setEnabled(any(p.reply_text for p in context.co_units))
            if self.pending_co_units():
                pending = QLabel(t("尚未反馈的协办单位：") + t("、").join(self.pending_co_units())
                                 + t("。可先催其反馈，或在答复中说明。"))
                pending.setWordWrap(True)
                pending.setStyleSheet("color:#d98200")
                layout.addWidget(pending)
        elif context.mine.role != "lead" and context.lead is not None:
            layout.addWidget(QLabel(t("您的意见将由主办单位汇总答复：") + context.lead.unit_name))
        self.text = QPlainTextEdit()
        layout.addWidget(self.text, 1)
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#c62828")
        layout.addWidget(self.problem)
        box = _buttons(self, t("提交反馈"))
        box.accepted.connect(self._accept)
        self.text.setPlaceholderText(t("办理结果（必填）") + " · " + _submit_keys(self, box, self._accept))
        layout.addWidget(box)
        self.text.setFocus()

    @staticmethod
    def _co_html(parts: tuple[UnitPart, ...]) -> str:
        lines = []
        for p in parts:
            colour = "#2e7d32" if p.state == "replied" else "#d98200"
            body = p.reply_text or t("（尚未反馈）")
            lines.append(f"<span style='color:{colour}'>●</span> <b>{p.unit_name}</b> · {_state_label(p.state)}"
                         f"{t('：')}{body}")
        return "<br>".join(lines)

    def pending_co_units(self) -> list[str]:
        return [p.unit_name for p in self.context.co_units if p.state != "replied"]

    def quote_co_replies(self) -> None:
        replied = [p for p in self.context.co_units if p.reply_text]
        if not replied:
            return
        # The reply is a record the citizen reads: quoted in Chinese whatever the UI language.
        quoted = "\n".join(f"- {p.unit_name}{RECORD_SEPARATOR}{p.reply_text}" for p in replied)
        current = self.text.toPlainText().rstrip()
        self.text.setPlainText((current + "\n\n" if current else "") + record("协办单位意见：") + "\n" + quoted)

    def _accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.problem.setText(t("请填写办理结果"))
            self.text.setFocus()
            return
        self.accept()

    def reply_text(self) -> str:
        return self.text.toPlainText().strip()


class ReturnDialog(QDialog):
    """退单: one of four reason codes (1-4), a text required for 其他; warns when it goes to a supervisor."""

    def __init__(self, number: str, title: str, return_count: int, limit: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t("退单") + f" — {number}")
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{number}</b> {title}"))
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        self.buttons: dict[ReturnReason, QRadioButton] = {}
        for n, reason in enumerate(ReturnReason, start=1):
            button = QRadioButton(f"&{n} {t(reason.label)}")
            self.group.addButton(button)
            self.buttons[reason] = button
            row.addWidget(button)
        self.buttons[ReturnReason.NOT_OUR_FUNCTION].setChecked(True)
        form.addRow(t("退单原因"), row)
        self.text = QLineEdit()
        self.text.setPlaceholderText(t("说明（选「其他」时必填）"))
        form.addRow(t("说明"), self.text)
        if return_count + 1 >= limit:
            warn = QLabel(t("该工单已退单 {n} 次，本次退单后将转值班长仲裁，仲裁结果为最终决定。")
                          .format(n=return_count))
            warn.setStyleSheet("color:#c62828")
            warn.setWordWrap(True)
            form.addRow(warn)
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#c62828")
        form.addRow(self.problem)
        box = _buttons(self, t("退单"))
        box.accepted.connect(self._accept)
        _submit_keys(self, box, self._accept)
        form.addRow(box)

    def choice(self) -> ReturnChoice:
        reason = next(r for r, b in self.buttons.items() if b.isChecked())
        return ReturnChoice(reason, self.text.text().strip())

    def _accept(self) -> None:
        choice = self.choice()
        if choice.reason is ReturnReason.OTHER and not choice.text:
            self.problem.setText(t("退单原因为「其他」时必须填写说明"))
            self.text.setFocus()
            return
        self.accept()


class ExtensionDialog(QDialog):
    """延期申请: hours (quick picks 12/24/48/72) and a reason; shows the reply deadline approval would give."""

    def __init__(self, context: ReplyContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(t("申请延期") + f" — {context.number}")
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{context.number}</b> {context.title}"))
        form.addRow(t("当前反馈时限"), QLabel(format_room_time(context.mine.reply_due)))
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.5, 1440)
        self.hours.setDecimals(1)
        self.hours.setSuffix(" " + t("小时"))
        self.hours.setValue(24)
        quick = QHBoxLayout()
        quick.addWidget(self.hours)
        for value in (12, 24, 48, 72):
            button = QPushButton(f"{value}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, v=value: self.hours.setValue(v))
            quick.addWidget(button)
        form.addRow(t("延期时长"), quick)
        self.new_due = QLabel()
        form.addRow(t("批准后反馈时限"), self.new_due)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(t("延期理由（必填）"))
        form.addRow(t("理由"), self.reason)
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#c62828")
        form.addRow(self.problem)
        box = _buttons(self, t("提交申请"))
        box.accepted.connect(self._accept)
        _submit_keys(self, box, self._accept)
        form.addRow(box)
        self.hours.valueChanged.connect(self._update_due)
        self.hours.installEventFilter(self)
        self._update_due()
        self.reason.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Return in the hours box with a half-typed or out-of-range number (0, 9999): the box would fall back
        to its last valid value and the dialog submit that — refuse and say so instead."""
        if (watched is self.hours and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not self.hours.hasAcceptableInput()):
            self._hours_problem()
            return True
        return super().eventFilter(watched, event)

    def _hours_problem(self) -> None:
        self.problem.setText(t("延期时长须在 {low:g} 到 {high:g} 小时之间").format(
            low=self.hours.minimum(), high=self.hours.maximum()))
        self.hours.setFocus()
        self.hours.selectAll()

    def _update_due(self) -> None:
        m = self.context.mine
        limits = TimeLimits(m.accept_hours, m.reply_hours, m.close_hours)
        due = unit_deadlines(m.dispatched_at, self.context.received_at, limits,
                             m.extension_hours + self.hours.value()).reply_due
        self.new_due.setText(format_room_time(due))

    def choice(self) -> ExtensionChoice:
        return ExtensionChoice(self.hours.value(), self.reason.text().strip())

    def _accept(self) -> None:
        if not self.hours.hasAcceptableInput():  # shown: what was typed; value(): the last valid number
            self._hours_problem()
            return
        if not self.reason.text().strip():
            self.problem.setText(t("请填写延期理由"))
            self.reason.setFocus()
            return
        self.accept()


class QtDeskDialogs(WindowDialogs):
    """The real dialogs, parented to the window. Tests substitute an object with the same coroutines."""

    async def reply(self, context: ReplyContext) -> str | None:
        dialog = ReplyDialog(context, self.parent)
        return dialog.reply_text() if await self._run(dialog) else None

    async def return_reason(self, number: str, title: str, return_count: int, limit: int) -> ReturnChoice | None:
        dialog = ReturnDialog(number, title, return_count, limit, self.parent)
        return dialog.choice() if await self._run(dialog) else None

    async def extension(self, context: ReplyContext) -> ExtensionChoice | None:
        dialog = ExtensionDialog(context, self.parent)
        return dialog.choice() if await self._run(dialog) else None
