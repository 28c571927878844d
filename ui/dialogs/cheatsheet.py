"""F1: every shortcut of the window, generated from the action table and the view table."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.queries.views import NamedView
from ui.actions import ActionSpec
from ui.i18n import t


class CheatSheet(QDialog):
    def __init__(self, actions: list[ActionSpec], views: list[NamedView], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t("快捷键一览"))
        self.resize(620, 640)
        rows = [(t(a.menu), t(a.label), a.shortcut, t(a.help)) for a in actions]
        rows += [(t("视图"), t(v.name), v.shortcut, t("切换到该视图")) for v in views if v.shortcut]
        table = QTableWidget(len(rows), 4, self)
        table.setHorizontalHeaderLabels([t("菜单"), t("命令"), t("快捷键"), t("说明")])
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                text = QKeySequence(value).toString(QKeySequence.SequenceFormat.NativeText) if c == 2 else value
                table.setItem(r, c, QTableWidgetItem(text))
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnsToContents()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table = table
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(t("关闭"))
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(box)
