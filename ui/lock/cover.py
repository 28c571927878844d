"""What the lock hides and gives back: the window's content (queue, filters, detail — kept alive behind a
stacked page), its docks, tool bars, menu bar and status bar, every window it owns (dialogs, the review
desk, the handover composer — hidden, not closed, so half-typed text and choices stay), and the window's
shortcuts (swallowed while locked, so no key acts behind the lock). Windows that open while locked are
hidden as they appear. GUI thread.

Commands are not disabled and re-enabled (their enabled state belongs to others, e.g. the offline mode,
and may change while locked); their shortcut events are eaten instead."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)
from shiboken6 import Shiboken


def owned_by(widget: QObject, window: QWidget) -> bool:
    """Whether ``widget`` is ``window`` or has it among its ancestors (across window boundaries)."""
    current: QObject | None = widget
    while current is not None:
        if current is window:
            return True
        current = current.parent()
    return False


def owned_windows(window: QMainWindow) -> list[QWidget]:
    """The visible top-level windows owned by ``window`` (not ``window`` itself)."""
    return [w for w in QApplication.topLevelWidgets()
            if w is not window and w.isVisible() and owned_by(w, window)]


class Cover(QObject):
    """Wraps the window's central widget in a stack with the lock page; ``hide_all`` / ``restore``."""

    def __init__(self, window: QMainWindow, page: QWidget):
        super().__init__(window)
        self.window = window
        self.page = page
        content = window.takeCentralWidget()
        assert content is not None, "the window's layout must be built before the lock is attached"
        self.content: QWidget = content
        self.stack = QStackedWidget()
        self.stack.addWidget(self.content)
        self.stack.addWidget(page)
        window.setCentralWidget(self.stack)
        self.hidden: list[QWidget] = []
        self.covering = False

    def hide_all(self) -> None:
        """Cover everything (idempotent); remember what was visible."""
        if self.covering:
            return
        self.covering = True
        w = self.window
        bars: list[QWidget] = [w.menuBar(), w.statusBar(), *w.findChildren(QDockWidget), *w.findChildren(QToolBar)]
        for widget in [*bars, *owned_windows(w)]:
            if widget.isVisible():
                self._remember(widget)
                widget.hide()
        self.stack.setCurrentWidget(self.page)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def restore(self) -> None:
        """Show again what ``hide_all`` hid, in the state it was left."""
        if not self.covering:
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.covering = False
        self.stack.setCurrentWidget(self.content)
        hidden, self.hidden = self.hidden, []
        for widget in hidden:
            if Shiboken.isValid(widget):  # a window deleted meanwhile is gone for good
                widget.show()
        self.window.activateWindow()

    def release(self) -> None:
        """Leave the application's event stream (the window is closing; nothing is shown again)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def open_windows(self) -> list[QWidget]:
        """The owned windows hidden by the lock (open dialogs and panels: their content is a draft)."""
        return [w for w in self.hidden if w.isWindow() and not isinstance(w, QDockWidget)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While covering: the window's shortcuts do nothing; a window of ours that shows up (an error box, a
        conflict dialog) is hidden at once and shown again on unlock."""
        if not self.covering:
            return False
        kind = event.type()
        if kind == QEvent.Type.Shortcut and isinstance(watched, QAction) and owned_by(watched, self.window):
            return True
        if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow() \
                and watched is not self.window and owned_by(watched, self.window):
            self._remember(watched)
            QTimer.singleShot(0, lambda: self._hide_if_covering(watched))
        return False

    def _remember(self, widget: QWidget) -> None:
        """Note ``widget`` to show again on unlock, unless a dialog among them is finished meanwhile."""
        if widget in self.hidden:
            return
        self.hidden.append(widget)
        if isinstance(widget, QDialog):
            widget.finished.connect(lambda _result, w=widget: self._forget(w))

    def _forget(self, widget: QWidget) -> None:
        if widget in self.hidden:
            self.hidden.remove(widget)

    def _hide_if_covering(self, widget: QWidget) -> None:
        if self.covering:
            widget.hide()


def draft_texts(widgets: list[QWidget]) -> list[str]:
    """Titles of the windows among ``widgets`` that hold typed text (editable fields that are not empty)."""
    found = []
    for widget in widgets:
        for field in widget.findChildren(QLineEdit):
            if not field.isReadOnly() and field.text().strip():
                found.append(widget.windowTitle())
                break
        else:
            rich = [e for e in widget.findChildren(QTextEdit) if not e.isReadOnly() and e.toPlainText().strip()]
            plain = [e for e in widget.findChildren(QPlainTextEdit) if not e.isReadOnly() and e.toPlainText().strip()]
            if rich or plain:
                found.append(widget.windowTitle())
    return found
