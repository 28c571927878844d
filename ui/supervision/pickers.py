"""Pickers for units and staff: a searchable unit combo box, a filterable checklist of co-units, a staff
combo box. GUI thread; filled from rows read on the DB worker."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from console.domain.enums import Role
from console.supervision_queries.rows import StaffChoice, UnitChoice
from ui.i18n import t


class UnitPicker(QComboBox):
    """One unit; type any part of its name or code to find it. ``code()`` is '' when nothing matches."""

    def __init__(self, units: Sequence[UnitChoice], parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for unit in units:
            self.addItem(t("{name}（{code}）").format(name=unit.name, code=unit.code), unit.code)
        completer = self.completer()  # the combo box's own completer: no second owner of its model
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCurrentIndex(-1)
        self.lineEdit().setPlaceholderText(t("输入单位名称或代码"))

    def set_code(self, code: str) -> None:
        self.setCurrentIndex(self.findData(code))

    def code(self) -> str:
        index = self.findText(self.currentText())
        return str(self.itemData(index)) if index >= 0 else ""


class UnitChecklist(QWidget):
    """Several units (co-units): a filter line over a checkable list; checked units stay listed first."""

    def __init__(self, units: Sequence[UnitChoice], parent: QWidget | None = None):
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(t("筛选单位"))
        self.list = QListWidget()
        for unit in units:
            item = QListWidgetItem(t("{name}（{code}）").format(name=unit.name, code=unit.code))
            item.setData(Qt.ItemDataRole.UserRole, unit.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._filter)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            checked = item.checkState() == Qt.CheckState.Checked
            item.setHidden(bool(needle) and needle not in item.text().lower() and not checked)

    def set_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)

    def codes(self) -> list[str]:
        return [str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


class StaffPicker(QComboBox):
    """A room member, shown as 'name（username · role）'."""

    def __init__(self, staff: Sequence[StaffChoice], parent: QWidget | None = None):
        super().__init__(parent)
        for person in staff:
            self.addItem(t("{name}（{code}）").format(name=person.name,
                                                    code=f"{person.username} · {t(Role(person.role).label)}"),
                         person.username)

    def set_username(self, username: str) -> None:
        self.setCurrentIndex(max(0, self.findData(username)))

    def username(self) -> str:
        return str(self.currentData() or "")
