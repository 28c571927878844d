"""The dispatch-room window: composes the filter bar, the offline banner, the live queue, the detail pane,
the status bar and the menus built from the action table. It owns no logic of its own beyond wiring:
controllers do the work, widgets show it. GUI thread.

Room behaviour (``ui.room``): the window is a workstation (opened in ``start``, closed with its claims
released when the window closes); while the session's link is offline the banner shows above the queue
and every command that changes data is disabled.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from console.domain.errors import DomainError
from console.queries.reference import load_directory
from console.queries.saved_views import delete_view, list_saved_views, save_view
from console.queries.views import NamedView, ViewSpec, builtin_views
from ui.actions import MENUS, ActionSpec, actions_for
from ui.controllers_detail import DetailController
from ui.controllers_queue import QueueController
from ui.controllers_triage import TriageController
from ui.detail_pane import DetailPane
from ui.extensions import ExtensionCommand, commands_for, loaded_modules
from ui.filter_bar import FilterBar
from ui.i18n import N_, t
from ui.lock.controller import MANUAL, ScreenLock
from ui.notifier import UrgentNotifier
from ui.preferences import Preferences, qsettings
from ui.prompts import Prompter, QtPrompter, run_dialog
from ui.queue_columns import Labels, build_columns
from ui.queue_model import QueueModel
from ui.queue_view import QueueView
from ui.room.banner import OfflineBanner
from ui.room.urls import without_query
from ui.room.workstation import WorkstationKeeper
from ui.session import AppSession
from ui.shift_text import shift_short_text
from ui.status_bar import DispatchStatusBar

# Commands that change data: disabled while the database cannot be reached (the view stays readable).
WRITING_COMMANDS = frozenset({"claim", "release", "next", "dispatch", "review", "submit_review", "urgency", "note",
                              "reveal", "save_view", "delete_view"})


class MainWindow(QMainWindow):
    """``await start()`` after ``show()``; ``closed`` fires once the window has shut its timers and tasks."""

    closed = Signal()

    def __init__(self, session: AppSession, preferences: Preferences | None = None,
                 prompter: Prompter | None = None, notify: bool = True):
        super().__init__()
        self.session = session
        self.preferences = preferences or Preferences()
        Labels.load()
        policy = session.backend.ctx.policy
        self.model = QueueModel(build_columns(), warning_fraction=policy.warning_fraction, parent=self)
        self.queue = QueueController(session, self.model, self)
        self.filter_bar = FilterBar()
        self.view = QueueView(self.model)
        self.detail = DetailPane(policy.warning_fraction)
        self.prompter: Prompter = prompter or QtPrompter(self)
        self.triage = TriageController(session, self.prompter, self.view.current_row, self)
        self.details = DetailController(session, self.detail, self)
        self.status = DispatchStatusBar(self.model, self)
        self.banner = OfflineBanner()
        self.workstation = WorkstationKeeper(session, session.link, self)
        self.notifier = UrgentNotifier(self.preferences.sound, self.preferences.tray and notify, self)
        self.saved_views: list[NamedView] = []
        self._closing = False
        self._ticket_before_search: int | None = None  # current when Ctrl+F began; selected again by Esc
        self.qactions: dict[str, QAction] = {}
        self._build_layout()
        self._build_menus()
        self._wire()
        self.screen_lock = ScreenLock(self)  # idle lock, Ctrl+L, re-login at shift change (ui.lock)
        self._title_timer = QTimer(self)
        self._title_timer.setInterval(30_000)
        self._title_timer.timeout.connect(self.update_title)
        self._title_timer.start()
        self.update_title()
        self._restore_state()
        session.tasks.report = self._report_error
        for module in self.extension_modules:
            install = getattr(module, "install", None)
            if install is not None:
                install(self)

    # ------------------------------------------------------------------ construction
    def _build_layout(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.setStatusBar(self.status)
        self.resize(1440, 860)

    def _build_menus(self) -> None:
        menus = {name: self.menuBar().addMenu(t(name)) for name in MENUS}
        for spec in actions_for(self.session.role):
            action = QAction(t(spec.label), self)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.setToolTip(t(spec.help))
            action.setStatusTip(t(spec.help))
            action.triggered.connect(lambda _checked=False, s=spec: self.run_command(s))
            if spec.id == "detail":  # Return means "open" only in the queue, not in the search box
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self.view.addAction(action)
            else:
                self.addAction(action)
            menus[spec.menu].addAction(action)
            self.qactions[spec.id] = action
        self.extension_modules = loaded_modules()
        self.extension_commands = commands_for(self.session.role, self.extension_modules)
        for command in self.extension_commands:
            spec = command.spec
            action = QAction(t(spec.label), self)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.setToolTip(t(spec.help))
            action.setStatusTip(t(spec.help))
            action.triggered.connect(lambda _checked=False, c=command: self.run_extension(c))
            self.addAction(action)
            menus[spec.menu].addAction(action)
            self.qactions[spec.id] = action
        for menu in menus.values():
            menu.menuAction().setVisible(not menu.isEmpty())
        self.view_menu = menus[N_("视图")]
        self.view_menu.addSeparator()
        self.builtin = builtin_views(self.session.role)
        for index, view in enumerate(self.builtin):
            action = QAction(t(view.name), self)
            action.setShortcut(QKeySequence(view.shortcut))
            action.triggered.connect(lambda _checked=False, i=index: self.filter_bar.select_view(i))
            self.addAction(action)
            self.view_menu.addAction(action)

    def _wire(self) -> None:
        self.filter_bar.specChanged.connect(self.queue.set_view)
        self.filter_bar.specChanged.connect(self._apply_view_sort)
        self.filter_bar.searchChanged.connect(self.queue.set_search)
        self.filter_bar.search.returnPressed.connect(self.focus_queue)
        self.view.currentTicketChanged.connect(self.details.show_ticket)
        self.queue.connectionChanged.connect(self.status.set_connection)
        self.session.link.changed.connect(self._link_changed)
        self.banner.retryRequested.connect(self.queue.retry_now)
        self.queue.reconciled.connect(lambda _drift: self.status.set_reconciliation(
            self.queue.reconciliations, self.queue.repairs, self.queue.last_reconcile))
        self.workstation.message.connect(lambda text: self.status.showMessage(text, 15000))
        self.workstation.claimsReleased.connect(lambda text: self.prompter.error(t("认领已释放"), text))
        self.triage.sender_.settled.connect(lambda text: self.prompter.error(t("断线前的操作"), text))
        self.queue.updated.connect(self.status.set_updated)
        self.queue.remoteEvents.connect(self.details.on_remote_events)
        self.model.urgentArrived.connect(self.notifier.urgent_arrived)
        self.notifier.notified.connect(lambda text: self.status.showMessage(text, 10000))
        self.triage.message.connect(lambda text: self.status.showMessage(text, 8000))
        self.triage.focusTicket.connect(self.focus_ticket)

    def update_title(self) -> None:
        s = self.session
        shift = s.shift()
        who = t("{name}（{role}）· {shift}").format(name=s.actor.name, role=t(s.role.label),
                                                 shift=shift_short_text(shift))
        self.setWindowTitle(f"{t('分拨调度台')} — {who} · {without_query(s.backend.url_for_display)}")
        self.status.set_user(who)

    # ------------------------------------------------------------------ start and stop
    async def start(self) -> int:
        """Read pickers, saved views and the queue snapshot, then start live updates. Returns the row count."""
        try:
            directory = await self.session.worker.run(load_directory, self.session.backend.ctx.db)
            self.filter_bar.set_directory(directory)
            await self.reload_views(self.preferences.last_view or None)
        except Exception as error:  # pickers and saved views are a convenience: the queue must still come up
            self._report_error(error)
        await self.workstation.open()
        count = await self.queue.load()
        self.queue.start()
        self.status.set_live_mode(self.queue.notify)
        self.view.setFocus()
        if self.model.rowCount():
            self.view.selectRow(0)
        return count

    async def reload_views(self, keep: str | None = None) -> None:
        self.saved_views = await self.session.worker.run(list_saved_views, self.session.backend.ctx.db,
                                                         self.session.actor)
        self.filter_bar.set_views(self.builtin + self.saved_views, keep)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing:  # closing twice (e.g. a test, then its fixture) must not run the shutdown twice
            super().closeEvent(event)
            return
        self._closing = True
        self._save_state()
        self.queue.stop()
        self.details.stop()
        self.status.stop()
        self.notifier.stop()
        self._title_timer.stop()
        self.screen_lock.close()
        self.banner.stop()
        self.session.tasks.cancel_all()
        self.session.tasks.spawn(self.workstation.close())  # releases this workstation's claims
        super().closeEvent(event)
        self.closed.emit()

    def _link_changed(self, online: bool, message: str) -> None:
        """Offline: banner above the queue, writing commands disabled; online: the reverse."""
        for command_id in WRITING_COMMANDS:
            action = self.qactions.get(command_id)
            if action is not None:
                action.setEnabled(online)
        if online:
            self.banner.show_online()
            self.status.showMessage(t("数据库连接已恢复，队列已同步"), 8000)
            if self.triage.sender_.unconfirmed:
                self.session.tasks.spawn(self.triage.sender_.settle_unconfirmed())
        else:
            link = self.session.link
            self.banner.show_offline(link.offline_since or 0.0, link.last_live, message)

    def _save_state(self) -> None:
        store = qsettings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/splitter", self.splitter.saveState())
        store.setValue("window/columns", self.view.horizontalHeader().saveState())
        view = self.filter_bar.current_view()
        self.preferences.last_view = view.name if view is not None else ""
        self.preferences.save(store)

    def _restore_state(self) -> None:
        store = qsettings()
        for key, restore in (("window/geometry", self.restoreGeometry), ("window/splitter", self.splitter.restoreState),
                             ("window/columns", self.view.horizontalHeader().restoreState)):
            value = store.value(key)
            if isinstance(value, QByteArray | bytes) and value:
                restore(value)

    # ------------------------------------------------------------------ commands
    def run_command(self, spec: ActionSpec) -> Any:
        handler = getattr(self, f"cmd_{spec.handler}", None)
        if handler is not None:
            return handler()
        coroutine = getattr(self.triage, spec.handler)()
        return self.session.tasks.spawn(coroutine)

    def run_extension(self, command: ExtensionCommand) -> Any:
        result = command.run(self)
        if asyncio.iscoroutine(result):
            return self.session.tasks.spawn(result)
        return result

    def focus_ticket(self, ticket_id: int) -> None:
        if not self.view.select_ticket(ticket_id):
            self.details.show_ticket(ticket_id)

    def focus_queue(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.selectRow(0)

    def cmd_reveal(self) -> None:
        """Ctrl+Shift+P: the detail pane's reveal (a reason, a recorded event, then the unmasked ticket)."""
        self.details.request_reveal()

    def cmd_focus_detail(self) -> None:
        self.detail.setFocus()

    def cmd_focus_queue(self) -> None:
        self.focus_queue()

    def cmd_focus_search(self) -> None:
        self._ticket_before_search = self.view.current_id()
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def cmd_clear_search(self) -> None:
        """Esc: every row back and the queue focused on the ticket that was current (during the search, or
        when Ctrl+F started it if the search had hidden it)."""
        keep = self.view.current_id() or self._ticket_before_search
        self.filter_bar.clear_search()
        if keep is not None:
            self.view.select_ticket(keep)
        self.focus_queue()

    def cmd_refresh(self) -> asyncio.Future[Any]:
        return self.session.tasks.spawn(self.queue.reload())

    def cmd_quit(self) -> None:
        self.close()

    def cmd_cheatsheet(self) -> asyncio.Future[Any]:
        from ui.dialogs.cheatsheet import CheatSheet

        specs = actions_for(self.session.role) + [c.spec for c in self.extension_commands]
        sheet = CheatSheet(specs, self.builtin, self)
        return self.session.tasks.spawn(run_dialog(sheet))

    def cmd_open_settings(self) -> asyncio.Future[Any]:
        return self.session.tasks.spawn(self._settings())

    async def _settings(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.preferences, self, self.session.backend.ctx.settings.idle_lock_minutes)
        if await run_dialog(dialog) != SettingsDialog.DialogCode.Accepted:
            return
        dialog.save_workstation_options()
        self.screen_lock.apply_idle_setting()
        changed_language = dialog.result_preferences().language != self.preferences.language
        self.preferences = dialog.result_preferences()
        self.preferences.save()
        self.notifier.sound = self.preferences.sound
        if changed_language:
            self.status.showMessage(t("语言已保存，下次启动时生效"), 10000)

    def cmd_lock(self) -> None:
        self.screen_lock.lock(MANUAL)

    def cmd_change_password(self) -> asyncio.Future[Any]:
        from ui.dialogs.password_dialog import run_change_password

        return self.session.tasks.spawn(run_change_password(self))

    def cmd_reset_password(self) -> asyncio.Future[Any]:
        from ui.dialogs.password_dialog import run_reset_password

        return self.session.tasks.spawn(run_reset_password(self))

    def cmd_save_view(self) -> asyncio.Future[Any]:
        return self.session.tasks.spawn(self._save_view())

    async def _save_view(self) -> None:
        name = await self.prompter.text(t("保存视图"), t("视图名称："))
        if not name:
            return
        shared = False
        if self.session.role.value in ("supervisor", "admin"):
            shared = await self.prompter.confirm(t("共享视图"), t("是否共享给全室所有席位？"))
        column = self.model.sort_column
        spec = dataclasses.replace(self.filter_bar.spec(),
                                   sort_column=self.model.columns[column].key if column >= 0 else "",
                                   sort_descending=self.model.descending)
        try:
            await self.session.worker.run(save_view, self.session.backend.ctx.db, self.session.actor, name, spec,
                                          shared=shared, now=self.session.backend.ctx.clock.now())
        except DomainError as error:
            self.prompter.error(t("保存失败"), str(error))
            return
        await self.reload_views(name)
        self.status.showMessage(t("视图已保存：{name}").format(name=name), 8000)

    def cmd_delete_view(self) -> asyncio.Future[Any] | None:
        view = self.filter_bar.current_view()
        if view is None or view.saved_id is None:
            self.status.showMessage(t("只能删除保存的视图"), 8000)
            return None
        return self.session.tasks.spawn(self._delete_view(view))

    async def _delete_view(self, view: NamedView) -> None:
        if not await self.prompter.confirm(t("删除视图"), t("确定删除视图「{name}」？").format(name=view.name)):
            return
        try:
            await self.session.worker.run(delete_view, self.session.backend.ctx.db, self.session.actor,
                                          view.saved_id)
        except DomainError as error:
            self.prompter.error(t("删除失败"), str(error))
            return
        await self.reload_views("")

    def _apply_view_sort(self, spec: ViewSpec) -> None:
        """A saved view may carry its sort column; built-in views keep the current order."""
        keys = [c.key for c in self.model.columns]
        if spec.sort_column in keys:
            order = Qt.SortOrder.DescendingOrder if spec.sort_descending else Qt.SortOrder.AscendingOrder
            self.view.sortByColumn(keys.index(spec.sort_column), order)

    def _report_error(self, error: BaseException) -> None:
        self.status.showMessage(t("出错：{error}").format(error=error), 15000)
