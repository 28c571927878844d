"""Stored versions of the duty list and the diff between any two (新增、删除、停用、移动、字段修改), with the
diff and any version exportable to Excel. The diff is read on the DB worker; non-modal."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.catalog_admin.diff import CatalogDiff
from console.catalog_admin.versions import VersionInfo
from console.domain.clock import format_room_time
from console.domain.errors import DomainError
from ui.admin import jobs
from ui.admin.preview_panel import fill_table, read_only_table
from ui.i18n import t


class VersionsDialog(QDialog):
    """``compare(old, new)`` shows the diff; ``diffed`` fires when it is shown."""

    diffed = Signal()

    def __init__(self, session: Any, versions: Sequence[VersionInfo], prompter: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.ctx = session.backend.ctx
        self.prompter = prompter
        self.versions = tuple(versions)
        self.diff: CatalogDiff | None = None
        self.setWindowTitle(t("职责清单版本与差异"))
        self.setObjectName("dutyVersionsDialog")
        self.resize(1100, 720)
        self.table = read_only_table("versionTable")
        fill_table(self.table, (t("版本"), t("生效日期"), t("变化项数"), t("修改人"), t("保存时间"), t("原因")),
                   [(v.version, v.effective_from.isoformat(), v.change_count, v.created_by,
                     format_room_time(v.created_at), v.reason) for v in self.versions])
        self.old = QComboBox()
        self.old.setObjectName("diffOld")
        self.new = QComboBox()
        self.new.setObjectName("diffNew")
        for v in self.versions:
            label = t("{name}（{code}）").format(name=v.version, code=v.effective_from.isoformat())
            self.old.addItem(label, v.version)
            self.new.addItem(label, v.version)
        if len(self.versions) > 1:
            self.old.setCurrentIndex(1)
        compare = QPushButton(t("比较"))
        compare.setObjectName("diffCompare")
        compare.clicked.connect(lambda: self.session.tasks.spawn(self.compare(self.old.currentData(),
                                                                              self.new.currentData())))
        export_diff = QPushButton(t("导出差异 Excel…"))
        export_diff.clicked.connect(self._ask_export_diff)
        export_version = QPushButton(t("导出所选版本 Excel…"))
        export_version.clicked.connect(self._ask_export_version)
        row = QHBoxLayout()
        row.addWidget(QLabel(t("从")))
        row.addWidget(self.old, 1)
        row.addWidget(QLabel(t("到")))
        row.addWidget(self.new, 1)
        row.addWidget(compare)
        row.addWidget(export_diff)
        row.addWidget(export_version)
        self.summary = QLabel("")
        self.summary.setObjectName("diffSummary")
        self.summary.setWordWrap(True)
        self.lines = QListWidget()
        self.lines.setObjectName("diffLines")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines, 3)
        if len(self.versions) > 1:
            self.session.tasks.spawn(self.compare(self.versions[1].version, self.versions[0].version))

    async def compare(self, old: str, new: str) -> CatalogDiff | None:
        try:
            diff = await self.session.worker.run(jobs.diff, self.ctx, old, new)
        except DomainError as error:
            self.prompter.error(t("比较失败"), str(error))
            return None
        self.diff = diff
        self.summary.setText(diff.summary())
        self.lines.clear()
        self.lines.addItems(diff.lines()[1:] or [t("两个版本没有差异")])
        self.diffed.emit()
        return diff

    def _ask_export_diff(self) -> None:
        if self.diff is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, t("导出差异"), t("职责清单差异.xlsx"), "Excel (*.xlsx)")
        if path:
            self.session.tasks.spawn(self.export_diff(Path(path)))

    async def export_diff(self, path: Path) -> Path | None:
        if self.diff is None:
            return None
        written = await self.session.worker.run(jobs.write_report, path, [self.diff])
        self.summary.setText(t("已导出到 {path}").format(path=written))
        return written

    def _ask_export_version(self) -> None:
        row = self.table.currentRow()
        version = self.versions[row].version if 0 <= row < len(self.versions) else self.new.currentData()
        suggested = t("职责清单-{version}.xlsx").format(version=version)
        path, _ = QFileDialog.getSaveFileName(self, t("导出职责清单"), suggested, "Excel (*.xlsx)")
        if path:
            self.session.tasks.spawn(self.export_version(version, Path(path)))

    async def export_version(self, version: str, path: Path) -> Path | None:
        written = await self.session.worker.run(jobs.export_version, self.ctx, version, path)
        self.summary.setText(t("已导出版本 {version} 到 {path}").format(version=version, path=written))
        return written
