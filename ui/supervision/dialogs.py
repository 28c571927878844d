"""The supervisor's and the citizen loop's dialogs: bulk reassignment, the citizen's rating, merging a
probable duplicate. Each returns a plain choice; ``QtSupervisionDialogs`` opens them with ``run_dialog``
(tests substitute an object with the same coroutines). GUI thread; no database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from console.domain.clock import format_room_time
from console.domain.enums import Rating, Role, TicketStatus
from console.queries.rows import QueueRow
from console.supervision_queries.rows import DuplicateView, StaffChoice, UnitChoice
from ui.i18n import t
from ui.supervision.pickers import StaffPicker, UnitPicker
from ui.supervision.table import RowTable
from ui.window_ref import WindowDialogs


@dataclass(frozen=True)
class BulkChoice:
    """Which tickets (the selected ones, or everything ``source_staff`` holds) go to whom, and why."""

    ticket_ids: tuple[int, ...]
    source_staff: str
    to_username: str
    to_unit: str
    reason: str


@dataclass(frozen=True)
class RatingChoice:
    rating: Rating
    text: str


@dataclass(frozen=True)
class MergeChoice:
    duplicate_id: int
    primary_id: int
    reason: str


def _box(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
    box.rejected.connect(dialog.reject)
    return box


def _problem() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color:#c62828")
    return label


class BulkReassignDialog(QDialog):
    """批量改派: source (selected rows, or all open tickets of one person), target (a room member or a unit)."""

    def __init__(self, rows: Sequence[QueueRow], staff: Sequence[StaffChoice], units: Sequence[UnitChoice],
                 source_staff: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.rows = list(rows)
        self.setWindowTitle(t("批量改派"))
        self.resize(560, 300)
        form = QFormLayout(self)
        self.from_selection = QRadioButton(t("选中的 {n} 张工单").format(n=len(self.rows)))
        self.from_staff = QRadioButton(t("此人持有的全部在办工单："))
        self.source_picker = StaffPicker(staff)
        group = QButtonGroup(self)
        group.addButton(self.from_selection)
        group.addButton(self.from_staff)
        source = QHBoxLayout()
        source.addWidget(self.from_staff)
        source.addWidget(self.source_picker, 1)
        form.addRow(t("改派哪些"), self.from_selection)
        form.addRow("", source)
        if source_staff or not self.rows:
            self.from_staff.setChecked(True)
            self.source_picker.set_username(source_staff)
        else:
            self.from_selection.setChecked(True)
        self.from_selection.setEnabled(bool(self.rows))
        self.to_staff = QRadioButton(t("改派给人员："))
        self.to_unit = QRadioButton(t("改派给单位（主办）："))
        target = QButtonGroup(self)
        target.addButton(self.to_staff)
        target.addButton(self.to_unit)
        self.to_staff.setChecked(True)
        self.staff_picker = StaffPicker([s for s in staff if s.role in (Role.DISPATCHER.value,
                                                                         Role.SUPERVISOR.value,
                                                                         Role.OPERATOR.value)])
        # Nobody until the supervisor picks someone: a default could be the source person themself.
        self.staff_picker.setCurrentIndex(-1)
        self.staff_picker.setPlaceholderText(t("请选择改派对象"))
        self.unit_picker = UnitPicker(units)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.to_staff)
        row1.addWidget(self.staff_picker, 1)
        row2.addWidget(self.to_unit)
        row2.addWidget(self.unit_picker, 1)
        form.addRow(t("改派给"), row1)
        form.addRow("", row2)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(t("改派原因（必填，记入每张工单的时间线）"))
        form.addRow(t("原因"), self.reason)
        self.problem = _problem()
        form.addRow(self.problem)
        box = _box(self, t("改派"))
        box.accepted.connect(self._accept)
        form.addRow(box)

    def choice(self) -> BulkChoice:
        ids = tuple(r.id for r in self.rows) if self.from_selection.isChecked() else ()
        source = self.source_picker.username() if self.from_staff.isChecked() else ""
        to_user = self.staff_picker.username() if self.to_staff.isChecked() else ""
        to_unit = self.unit_picker.code() if self.to_unit.isChecked() else ""
        return BulkChoice(ids, source, to_user, to_unit, self.reason.text().strip())

    def _accept(self) -> None:
        """Refuse with the problem shown and the focus on the field to fix."""
        c = self.choice()
        target = self.staff_picker if self.to_staff.isChecked() else self.unit_picker
        if not c.reason:
            self.problem.setText(t("请填写改派原因"))
            self.reason.setFocus()
        elif not (c.to_username or c.to_unit):
            self.problem.setText(t("请选择改派对象"))
            target.setFocus()
        elif c.source_staff and c.source_staff == c.to_username:
            self.problem.setText(t("不能改派给同一个人"))
            target.setFocus()
        else:
            self.accept()


class RatingDialog(QDialog):
    """市民评价: 1 满意 / 2 基本满意 / 3 不满意 with the citizen's words; warns that 不满意 sends it back."""

    def __init__(self, number: str, title: str, lead_unit: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t("记录市民评价") + f" — {number}")
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{number}</b> {title}"))
        row = QHBoxLayout()
        self.buttons: dict[Rating, QRadioButton] = {}
        group = QButtonGroup(self)
        for n, rating in enumerate(Rating, start=1):
            button = QRadioButton(f"&{n} {t(rating.label)}")
            group.addButton(button)
            self.buttons[rating] = button
            row.addWidget(button)
        self.buttons[Rating.SATISFIED].setChecked(True)
        form.addRow(t("评价"), row)
        self.text = QLineEdit()
        self.text.setPlaceholderText(t("市民原话（不满意时必填）"))
        form.addRow(t("说明"), self.text)
        self.warning = QLabel(t("不满意：工单将回退主办单位「{unit}」重新办理，并重新计时。")
                              .format(unit=lead_unit or "—"))
        self.warning.setStyleSheet("color:#c62828")
        self.warning.setVisible(False)
        form.addRow(self.warning)
        self.buttons[Rating.UNSATISFIED].toggled.connect(self.warning.setVisible)
        self.problem = _problem()
        form.addRow(self.problem)
        box = _box(self, t("记录"))
        box.accepted.connect(self._accept)
        form.addRow(box)

    def choice(self) -> RatingChoice:
        rating = next(r for r, b in self.buttons.items() if b.isChecked())
        return RatingChoice(rating, self.text.text().strip())

    def _accept(self) -> None:
        c = self.choice()
        if c.rating is Rating.UNSATISFIED and not c.text:
            self.problem.setText(t("请记录市民不满意的原因"))
            self.text.setFocus()
            return
        self.accept()


class MergeDialog(QDialog):
    """并案: probable duplicates of the current ticket (score, place, time, masked phone); choose one and
    which ticket stays the primary. Both citizens' contacts and timelines are kept."""

    def __init__(self, current: QueueRow, candidates: Sequence[DuplicateView], parent: QWidget | None = None):
        super().__init__(parent)
        self.current = current
        self.setWindowTitle(t("疑似重复工单 / 并案") + f" — {current.number}")
        self.resize(820, 420)
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{current.number}</b> {current.title}"))
        self.table = RowTable([t("工单"), t("相似度"), t("同一街道"), t("相隔"), t("状态"), t("市民电话"),
                               t("受理时间"), t("标题")])
        self.table.set_rows(list(candidates), [
            (c.number, f"{c.score:.2f}", t("是") if c.same_street else "", f"{c.hours_apart:g} {t('小时')}",
             _status(c.status), c.citizen_phone, format_room_time(c.received_at), c.title) for c in candidates])
        form.addRow(self.table)
        if not candidates:
            form.addRow(QLabel(t("没有找到疑似重复的工单（同区、文字相近、72 小时内）")))
        self.into_other = QRadioButton(t("把当前工单并入所选工单"))
        self.other_into = QRadioButton(t("把所选工单并入当前工单"))
        group = QButtonGroup(self)
        group.addButton(self.into_other)
        group.addButton(self.other_into)
        self.into_other.setChecked(True)
        direction = QHBoxLayout()
        direction.addWidget(self.into_other)
        direction.addWidget(self.other_into)
        form.addRow(t("方向"), direction)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(t("并案理由（例如：同一工地、同一事件）"))
        form.addRow(t("理由"), self.reason)
        self.problem = _problem()
        form.addRow(self.problem)
        box = _box(self, t("并案"))
        box.accepted.connect(self._accept)
        form.addRow(box)

    def choice(self) -> MergeChoice | None:
        other = self.table.current_object()
        if other is None:
            return None
        if self.into_other.isChecked():
            return MergeChoice(self.current.id, other.ticket_id, self.reason.text().strip())
        return MergeChoice(other.ticket_id, self.current.id, self.reason.text().strip())

    def _accept(self) -> None:
        if self.choice() is None:
            self.problem.setText(t("请选择一张疑似重复的工单"))
            self.table.setFocus()
        elif not self.reason.text().strip():
            self.problem.setText(t("请填写并案理由"))
            self.reason.setFocus()
        else:
            self.accept()


def _status(value: str) -> str:
    try:
        return t(TicketStatus(value).label)
    except ValueError:
        return value


class QtSupervisionDialogs(WindowDialogs):
    """The real dialogs, parented to the window."""

    async def bulk_reassign(self, rows: Sequence[QueueRow], staff: Sequence[StaffChoice],
                            units: Sequence[UnitChoice], source_staff: str = "") -> BulkChoice | None:
        dialog = BulkReassignDialog(rows, staff, units, source_staff, self.parent)
        return dialog.choice() if await self._run(dialog) else None

    async def rating(self, number: str, title: str, lead_unit: str) -> RatingChoice | None:
        dialog = RatingDialog(number, title, lead_unit, self.parent)
        return dialog.choice() if await self._run(dialog) else None

    async def merge(self, current: QueueRow, candidates: Sequence[DuplicateView]) -> MergeChoice | None:
        dialog = MergeDialog(current, candidates, self.parent)
        return dialog.choice() if await self._run(dialog) else None
