"""The duty-list editor (职责清单维护): browse the three levels with search, collect edits (add, edit, retire,
move to another subcategory; changing the lead line moves an item to another unit), check the list and
preview the impact on tickets, save as a new version with an effective date and a reason, compare versions,
import and export the whole list as an Excel workbook.

``DutyListEditor(window)`` needs ``window.session`` (worker, backend, actor, tasks) and ``window.prompter``.
Every database or file operation is awaited on the DB worker; the GUI thread only applies pending edits in
memory (``console.catalog_admin.edits.apply_edits``, no database). Non-modal; admins only (the core refuses
everyone else).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.catalog_admin.diff import diff_catalogs
from console.catalog_admin.edits import AddItem, CatalogEditError, Edit, EditItem, MoveItem, RetireItem
from console.catalog_admin.fields import FieldProblem, item_from_flat
from console.catalog_admin.versions import VersionSaved
from console.domain.catalog import Catalog, DutyItem
from console.domain.errors import DomainError
from ui.admin import jobs
from ui.admin.describe import describe
from ui.admin.item_form import ItemForm
from ui.admin.preview_panel import PreviewPanel
from ui.i18n import t
from ui.prompts import QtPrompter

CODE = Qt.ItemDataRole.UserRole
TREE_COLUMN_WIDTHS = (128, 165, 115, 60)      # code (indented three levels), name, lead line, level
SPLITTER_SIZES = (500, 540, 440)              # tree wide enough for every column, form, pending and preview
PENDING_BRUSH = QBrush(QColor("#fff3d6"))
RETIRED_BRUSH = QBrush(QColor("#888888"))


class DutyListEditor(QDialog):
    """Signals: ``loaded`` after (re)loading the newest version, ``saved(str)`` with the new version name."""

    loaded = Signal()
    saved = Signal(str)
    previewed = Signal()

    def __init__(self, window: Any):
        super().__init__(window)
        self.window_ = window
        self.session = window.session
        self.ctx = window.session.backend.ctx
        self.state: jobs.EditorState | None = None
        self.draft: jobs.Draft | None = None
        self.candidate: Catalog | None = None
        self.preview: jobs.Preview | None = None
        self.preview_of: jobs.Draft | None = None
        self.last_saved: VersionSaved | None = None
        self.new_mode = False
        self.setWindowTitle(t("职责清单维护"))
        self.setObjectName("dutyListEditor")
        self.resize(1480, 880)
        self._build()
        self.session.tasks.spawn(self.reload())

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("dutySearch")
        self.search.setPlaceholderText(t("按编码、名称或关键词搜索"))
        self.search.textChanged.connect(self._filter)
        self.version_label = QLabel("")
        self.version_label.setObjectName("dutyBaseVersion")
        versions = QPushButton(t("版本与差异…"))
        versions.setObjectName("dutyVersions")
        versions.clicked.connect(self.open_versions)
        import_button = QPushButton(t("导入 Excel…"))
        import_button.setObjectName("dutyImport")
        import_button.clicked.connect(self._ask_import)
        export_button = QPushButton(t("导出 Excel…"))
        export_button.setObjectName("dutyExport")
        export_button.clicked.connect(self._ask_export)
        top = QHBoxLayout()
        top.addWidget(QLabel(t("搜索：")))
        top.addWidget(self.search, 2)
        top.addWidget(self.version_label, 2)
        for button in (versions, import_button, export_button):
            top.addWidget(button)

        self.tree = QTreeWidget()
        self.tree.setObjectName("dutyTree")
        self.tree.setHeaderLabels([t("编码"), t("名称"), t("主办条线"), t("层级")])
        for column, width in enumerate(TREE_COLUMN_WIDTHS):
            self.tree.setColumnWidth(column, width)
        self.tree.currentItemChanged.connect(lambda current, _old: self._show_current(current))

        self.form = ItemForm({})
        form_box = QGroupBox(t("事项"))
        self.form_layout = QVBoxLayout(form_box)
        self.form_layout.addWidget(self.form)
        self.form_layout.addStretch(1)
        self.stage_button = QPushButton(t("记入修改"))
        self.stage_button.setObjectName("dutyStage")
        self.stage_button.clicked.connect(self.stage_form)
        self.new_button = QPushButton(t("新增事项"))
        self.new_button.setObjectName("dutyNew")
        self.new_button.clicked.connect(self.new_item)
        self.retire_button = QPushButton(t("停用事项"))
        self.retire_button.setObjectName("dutyRetire")
        self.retire_button.clicked.connect(self.retire_current)
        self.move_target = QComboBox()
        self.move_target.setObjectName("dutyMoveTarget")
        self.move_button = QPushButton(t("移到此二级类别"))
        self.move_button.setObjectName("dutyMove")
        self.move_button.clicked.connect(lambda: self.move_current(self.move_target.currentData()))
        row1 = QHBoxLayout()
        for button in (self.stage_button, self.new_button, self.retire_button):
            row1.addWidget(button)
        row2 = QHBoxLayout()
        row2.addWidget(self.move_target, 1)
        row2.addWidget(self.move_button)
        self.form_layout.addLayout(row1)
        self.form_layout.addLayout(row2)

        self.pending = QListWidget()
        self.pending.setObjectName("dutyPending")
        drop = QPushButton(t("撤销所选修改"))
        drop.setObjectName("dutyDrop")
        drop.clicked.connect(self.drop_selected)
        self.preview_button = QPushButton(t("检查与影响预览"))
        self.preview_button.setObjectName("dutyPreviewButton")
        self.preview_button.clicked.connect(lambda: self.session.tasks.spawn(self.run_preview()))
        self.panel = PreviewPanel()
        self.panel.findings.cellDoubleClicked.connect(lambda row, _column: self.show_finding(row))
        self.effective = QDateEdit()
        self.effective.setObjectName("dutyEffective")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.reason = QLineEdit()
        self.reason.setObjectName("dutyReason")
        self.reason.setPlaceholderText(t("例如：协调会决定消费维权类事项改由市场监管主办"))
        self.version_name = QLineEdit()
        self.version_name.setPlaceholderText(t("留空自动命名（生效日期.序号）"))
        self.save_button = QPushButton(t("保存为新版本"))
        self.save_button.setObjectName("dutySave")
        self.save_button.clicked.connect(lambda: self.session.tasks.spawn(self.save()))
        save_box = QGroupBox(t("保存"))
        save_form = QFormLayout(save_box)
        save_form.addRow(t("生效日期"), self.effective)
        save_form.addRow(t("修改原因"), self.reason)
        save_form.addRow(t("版本号"), self.version_name)
        save_form.addRow(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(t("待保存的修改")))
        right_layout.addWidget(self.pending, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(drop)
        buttons.addWidget(self.preview_button)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.panel, 3)
        right_layout.addWidget(save_box)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(form_box)
        split.addWidget(right)
        split.setSizes(list(SPLITTER_SIZES))
        self.split = split
        self.status = QLabel("")
        self.status.setObjectName("dutyStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    # ---------------------------------------------------------------- loading
    async def reload(self) -> None:
        """Read the newest version (the base of the next) and the version list; pending edits are dropped."""
        self.status.setText(t("正在读取职责清单…"))
        state = await self.session.worker.run(jobs.load_state, self.ctx)
        self.state = state
        if not self.form.lines:
            self.form_layout.removeWidget(self.form)
            self.form.deleteLater()
            self.form = ItemForm(state.lines)
            self.form_layout.insertWidget(0, self.form)
        tomorrow = state.today + timedelta(days=1)
        self.effective.setMinimumDate(QDate(state.today.year, state.today.month, state.today.day))
        self.effective.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self._set_draft(jobs.Draft(state.base))
        self.status.setText(t("职责清单 {version}：{n} 项").format(version=state.base.version,
                                                               n=len(state.base.items)))
        self.loaded.emit()

    @property
    def lines(self) -> list[str]:
        return list(self.state.lines) if self.state else []

    def _set_draft(self, draft: jobs.Draft) -> None:
        self.draft = draft
        self.candidate = draft.candidate(self.lines)
        current = self.current_code()
        self._rebuild_tree()
        if current:
            self.select_item(current)
        self.pending.clear()
        if draft.imported is not None:
            self.pending.addItem(t("导入工作簿：{source}（{n} 项）").format(
                source=draft.source, n=len(draft.imported.items)))
        self.pending.addItems([describe(e, self.state.lines if self.state else {}) for e in draft.edits])
        base = draft.base
        self.version_label.setText(t("基于版本 {version}（{date} 起施行）").format(
            version=base.version, date=base.effective_from.isoformat()))
        stale = self.preview_of is not draft
        if stale and self.preview is not None:
            self.preview = None
            self.panel.show_preview(None)

    def _rebuild_tree(self) -> None:
        assert self.candidate is not None and self.draft is not None
        touched = self._touched_codes()
        self.tree.clear()
        self.move_target.clear()
        bold = QFont()
        bold.setBold(True)
        names = self.state.lines if self.state else {}
        for category in self.candidate.categories:
            top = QTreeWidgetItem([category.code, category.name, "", ""])
            top.setData(0, CODE, "")
            self.tree.addTopLevelItem(top)
            for sub in category.subcategories:
                node = QTreeWidgetItem([sub.code, sub.name, "", ""])
                node.setData(0, CODE, "")
                top.addChild(node)
                self.move_target.addItem(f"{sub.code} {category.name} / {sub.name}", sub.code)
                for item in sub.items:
                    leaf = QTreeWidgetItem([item.code, item.name, names.get(item.lead_line, item.lead_line),
                                            t(item.level.label)])
                    leaf.setData(0, CODE, item.code)
                    leaf.setData(1, CODE, " ".join((item.code, item.name, *item.keywords)))
                    if item.code in touched:
                        for column in range(4):
                            leaf.setBackground(column, PENDING_BRUSH)
                            leaf.setFont(column, bold)
                    if not item.active:
                        for column in range(4):
                            leaf.setForeground(column, RETIRED_BRUSH)
                    node.addChild(leaf)
        self._filter(self.search.text())

    def _touched_codes(self) -> set[str]:
        assert self.draft is not None
        codes: set[str] = set()
        for edit in self.draft.edits:
            if isinstance(edit, AddItem):
                codes.add(edit.item.code)
            elif isinstance(edit, EditItem | RetireItem):
                codes.add(edit.code)
        if self.candidate is not None:
            before = {i.code for i in self.draft.base.items}
            codes |= {i.code for i in self.candidate.items if i.code not in before}
        return codes

    def _filter(self, text: str) -> None:
        """Show items whose code, name or keywords contain ``text`` (with their parents); all when empty."""
        needle = text.strip().lower()
        root = self.tree.invisibleRootItem()
        for top in _children(root):
            top_visible = False
            for node in _children(top):
                node_visible = False
                for leaf in _children(node):
                    hit = not needle or needle in str(leaf.data(1, CODE)).lower()
                    leaf.setHidden(not hit)
                    node_visible |= hit
                node_hit = not needle or needle in (node.text(0) + node.text(1)).lower()
                node.setHidden(not (node_visible or node_hit))
                node.setExpanded(bool(needle) and node_visible)
                top_visible |= node_visible or node_hit
            top.setHidden(not (top_visible or needle in (top.text(0) + top.text(1)).lower()))
            top.setExpanded(bool(needle) and top_visible)

    # ---------------------------------------------------------------- selection
    def current_code(self) -> str:
        current = self.tree.currentItem()
        return str(current.data(0, CODE) or "") if current is not None else ""

    def current_item(self) -> DutyItem | None:
        code = self.current_code()
        return self.candidate.get(code) if code and self.candidate is not None else None

    def select_item(self, code: str) -> bool:
        """Make the item with ``code`` current (expanding its branch); False if it is not in the draft."""
        found = self.tree.findItems(code, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
        leaves = [f for f in found if f.data(0, CODE) == code]
        if not leaves:
            return False
        leaf = leaves[0]
        parent = leaf.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.tree.setCurrentItem(leaf)
        self.tree.scrollToItem(leaf)
        return True

    def _show_current(self, current: QTreeWidgetItem | None) -> None:
        self.new_mode = False
        code = str(current.data(0, CODE) or "") if current is not None else ""
        item = self.candidate.get(code) if code and self.candidate is not None else None
        self.form.show_item(item)
        index = self.move_target.findData(item.subcategory_code if item else (current.text(0) if current else ""))
        if index >= 0:
            self.move_target.setCurrentIndex(index)

    # ---------------------------------------------------------------- edits
    def add_edit(self, edit: Edit) -> bool:
        """Stage ``edit`` if the draft stays valid; otherwise show every problem and keep the draft."""
        assert self.draft is not None
        draft = self.draft.with_edit(edit)
        try:
            draft.candidate(self.lines)
        except CatalogEditError as error:
            title = t("新增事项有误") if isinstance(edit, AddItem) else t("修改有误")
            self._problem(title, "\n".join(error.problems), self._field_of(edit, error.field_problems))
            return False
        self._set_draft(draft)
        self.status.setText(t("已记入：") + describe(edit, self.state.lines if self.state else {}))
        return True

    def stage_form(self) -> bool:
        """Turn the form into a pending edit: a new item (new mode) or the changed fields of the current one."""
        unreadable = self.form.unreadable_hours()
        if unreadable is not None:  # refused here: the spin box would hand over its last valid number instead
            spin = self.form.hours[unreadable]
            self._problem(t("时限有误"), t("请填写 {low:g} 到 {high:g} 之间的小时数").format(
                low=spin.minimum(), high=spin.maximum()), unreadable)
            return False
        if self.new_mode:
            item, problems = item_from_flat(self.form.flat(), self.lines)
            if item is None:
                self._problem(t("新增事项有误"), "\n".join(str(p) for p in problems),
                              problems[0].field if problems else None)
                return False
            if self.add_edit(AddItem(item)):
                self.new_mode = False
                self.select_item(item.code)
                return True
            return False
        item = self.current_item()
        if item is None:
            self.status.setText(t("请先在左侧选择一个事项"))
            return False
        changes = self.form.changes(item)
        if not changes:
            self.status.setText(t("表单与事项相同，没有修改"))
            return False
        return self.add_edit(EditItem(item.code, changes))

    def new_item(self) -> None:
        """Blank form with the next free code of the current subcategory."""
        assert self.candidate is not None
        sub = self.move_target.currentData() or ""
        used = {int(i.code[4:]) for i in self.candidate.items if i.code.startswith(sub)}
        code = f"{sub}{max(used, default=0) + 1:02d}" if sub else ""
        self.tree.blockSignals(True)
        self.tree.setCurrentIndex(QModelIndex())
        self.tree.blockSignals(False)
        self.form.show_item(None, new=True)
        self.form.code.setText(code)
        self.form.name.setFocus()
        self.new_mode = True
        self.status.setText(t("填写新事项后点「记入修改」"))

    def retire_current(self) -> bool:
        item = self.current_item()
        if item is None:
            self.status.setText(t("请先在左侧选择一个事项"))
            return False
        return self.add_edit(RetireItem(item.code))

    def move_current(self, subcategory: str | None) -> bool:
        item = self.current_item()
        if item is None or not subcategory:
            self.status.setText(t("请先选择事项和目标二级类别"))
            return False
        return self.add_edit(MoveItem(item.code, subcategory))

    def drop_selected(self) -> None:
        assert self.draft is not None
        row = self.pending.currentRow()
        offset = 1 if self.draft.imported is not None else 0
        if row < 0:
            return
        if row < offset:
            self._set_draft(jobs.Draft(self.draft.base, self.draft.edits))
        else:
            self._set_draft(self.draft.without(row - offset))

    # ---------------------------------------------------------------- preview and save
    def effective_date(self) -> Any:
        return self.effective.date().toPython()

    async def run_preview(self) -> jobs.Preview | None:
        """Checks and impact of the pending edits, computed on the worker; shown in the panel."""
        draft = self.draft
        if draft is None or draft.empty:
            self.status.setText(t("没有待保存的修改"))
            return None
        self.preview_button.setEnabled(False)
        self.status.setText(t("正在检查清单并测算影响…"))
        try:
            result = await self.session.worker.run(jobs.preview, self.ctx, draft, self.lines, self.effective_date())
        except DomainError as error:
            self._problem(t("预览失败"), str(error))
            return None
        finally:
            self.preview_button.setEnabled(True)
        if draft is not self.draft:
            return None
        self.preview, self.preview_of = result, draft
        self.panel.show_preview(result)
        self.panel.setCurrentIndex(0)
        self.status.setText(result.impact.summary())
        self.previewed.emit()
        return result

    async def save(self) -> VersionSaved | None:
        """Preview first (if the edits changed since), confirm with the counts, then store the new version."""
        draft = self.draft
        if draft is None or draft.empty:
            self.status.setText(t("没有待保存的修改"))
            return None
        reason = self.reason.text().strip()
        if not reason:
            self._problem(t("不能保存"), t("请填写修改原因"))
            self.reason.setFocus()
            return None
        stale = self.preview is None or self.preview_of is not draft
        if stale and await self.run_preview() is None:
            return None
        assert self.preview is not None
        impact = self.preview.impact
        effective = self.effective_date()
        question = t("保存为新版本，{date} 起施行？\n\n{diff}\n在办工单 {open} 张、近 {days} 天工单 {recent} 张将改由"
                     "其他单位主办；清单检查发现 {findings} 项。").format(
            date=effective.isoformat(), diff=self.preview.diff.summary(), open=impact.open_changed,
            days=impact.days, recent=impact.recent_changed, findings=len(self.preview.checks.findings))
        if not await self.window_.prompter.confirm(t("保存职责清单"), question):
            return None
        self.save_button.setEnabled(False)
        try:
            saved = await self.session.worker.run(
                lambda: jobs.save(self.ctx, self.session.actor, draft, self.lines, effective_from=effective,
                                  reason=reason, version=self.version_name.text().strip() or None))
        except DomainError as error:
            self._problem(t("保存失败"), str(error))
            return None
        finally:
            self.save_button.setEnabled(True)
        self.last_saved = saved
        self.reason.clear()
        self.version_name.clear()
        await self.reload()
        self.panel.diff_lines.clear()
        self.panel.diff_lines.addItems(saved.diff.lines())
        self.panel.setCurrentIndex(2)
        message = t("已保存版本 {version}（{date} 起施行，记录 {n} 项变化）").format(
            version=saved.version, date=saved.effective_from.isoformat(), n=saved.change_count)
        self.status.setText(message)
        self.window_.status.showMessage(message, 10000)
        self.saved.emit(saved.version)
        return saved

    def show_finding(self, row: int) -> bool:
        """Select the first item a check finding names (double-click in the 清单检查 tab)."""
        findings = self.preview.checks.findings if self.preview is not None else ()
        if not 0 <= row < len(findings) or not findings[row].items:
            return False
        self.search.clear()
        return self.select_item(findings[row].items[0])

    # ---------------------------------------------------------------- versions, Excel
    def open_versions(self) -> Any:
        from ui.admin.versions_dialog import VersionsDialog

        if self.state is None:
            return None
        dialog = VersionsDialog(self.session, self.state.versions, self.window_.prompter, self)
        dialog.show()
        self.versions_dialog = dialog
        return dialog

    def _ask_export(self) -> None:
        if self.state is None:
            return
        name = t("职责清单-{version}.xlsx").format(version=self.state.base.version)
        path, _ = QFileDialog.getSaveFileName(self, t("导出职责清单"), name, "Excel (*.xlsx)")
        if path:
            self.session.tasks.spawn(self.export_to(Path(path)))

    async def export_to(self, path: Path) -> Path | None:
        """Write the base version — or, with pending edits, the draft — as a workbook (worker thread)."""
        if self.draft is None:
            return None
        catalog = self.draft.base
        if not self.draft.empty:
            try:
                catalog = self.draft.candidate(self.lines, version=self.draft.base.version + "+" + t("草稿"))
            except CatalogEditError as error:
                self._problem(t("导出失败"), "\n".join(error.problems))
                return None
        try:
            written = await self.session.worker.run(jobs.export_catalog, catalog, path)
        except (DomainError, OSError) as error:
            self._problem(t("导出失败"), str(error))
            return None
        self.status.setText(t("已导出 {n} 项到 {path}").format(n=len(catalog.items), path=written))
        return written

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, t("导入职责清单"), "", "Excel (*.xlsx)")
        if path:
            self.session.tasks.spawn(self.import_from(Path(path)))

    async def import_from(self, path: Path) -> Catalog | None:
        """Read a workbook (worker thread) and make it the draft; checks, preview and save follow as for edits."""
        try:
            catalog = await self.session.worker.run(jobs.import_workbook, self.ctx, path)
        except DomainError as error:
            problems = getattr(error, "problems", None) or (str(error),)
            self._problem(t("工作簿有误"), "\n".join(problems[:40]))
            return None
        assert self.draft is not None
        self._set_draft(dataclasses.replace(jobs.Draft(self.draft.base), imported=catalog, source=path.name))
        diff = diff_catalogs(self.draft.base, self.candidate) if self.candidate else None
        self.status.setText(t("已读入工作簿，尚未保存：") + (diff.summary() if diff else ""))
        return catalog

    def _field_of(self, edit: Edit, problems: tuple[FieldProblem, ...]) -> str | None:
        """The form field to point at for a refused ``edit``: the first problem's field, if it concerns the
        item the form shows (the new item, or the item being edited)."""
        shown = edit.item.code if isinstance(edit, AddItem) else edit.code if isinstance(edit, EditItem) else None
        if shown is None:
            return None
        return next((p.field for p in problems if p.code == shown and self.form.widget_for(p.field)), None)

    def _problem(self, title: str, text: str, field: str | None = None) -> None:
        """Show an error in a box over the editor (not the main window); with ``field`` (a name of the item form)
        the focus moves to that input, its text selected, so the admin can correct it at once."""
        self.status.setText(title + t("：") + (text.splitlines()[0] if text else ""))
        if field:
            self.form.focus_field(field)
        prompter = self.window_.prompter
        if isinstance(prompter, QtPrompter):
            QtPrompter(self).error(title, text)
        else:  # a test's scripted prompter
            prompter.error(title, text)


def _children(item: QTreeWidgetItem) -> Iterator[QTreeWidgetItem]:
    for index in range(item.childCount()):
        child = item.child(index)
        if child is not None:
            yield child
