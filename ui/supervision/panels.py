"""Panel plumbing: each supervision panel lives in a dock at the bottom of the window (tabbed together with
every other bottom dock, the hot spots included: one tabbed area of moderate height, never rows of docks
squeezing the queue), created on first use, and refreshes itself — debounced — when tickets change on this
workstation or any other, as long as it is visible. GUI thread."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
BOTTOM_SHARE = 0.28  # of the window's height, for the bottom tab area when its first dock arrives
BOTTOM_MIN = 180


def place_bottom_dock(window: QMainWindow, dock: QDockWidget) -> None:
    """Add ``dock`` to the bottom area as one more tab of the docks already there. The area keeps the height
    it has (a new panel's size hint does not grow it); the first bottom dock gets a moderate share of the
    window once the window has its size. Docks keep their object names, so a saved window state still finds
    them."""
    present = [d for d in window.findChildren(QDockWidget)
               if d is not dock and not d.isFloating() and window.dockWidgetArea(d) == BOTTOM]
    shown = [d.height() for d in present if d.isVisible()]
    window.addDockWidget(BOTTOM, dock)
    if present:
        window.tabifyDockWidget(present[0], dock)
    ref = weakref.ref(window)

    def size() -> None:
        main = ref()
        if main is not None and dock.parent() is main and not dock.isFloating():
            height = max(shown) if shown else max(BOTTOM_MIN, int(main.height() * BOTTOM_SHARE))
            main.resizeDocks([dock], [height], Qt.Orientation.Vertical)

    QTimer.singleShot(0, dock, size)  # dropped with the dock


class Panel(QWidget):
    """Base of the panels: ``refresh()`` is a coroutine reading on the DB worker; ``schedule()`` debounces."""

    title = ""

    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self._main = weakref.ref(window)  # weak: no cycle with the window (see the property)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self._refresh_now)
        window.session.bus.ticketsChanged.connect(self.on_changed)
        window.queue.remoteEvents.connect(self.on_changed)
        window.closed.connect(self._debounce.stop)

    @property
    def main(self) -> Any:
        """The main window (held weakly so that the window and its panels form no reference cycle)."""
        window = self._main()
        assert window is not None, "the window is gone"
        return window

    def on_changed(self, _what: object) -> None:
        """Tickets changed here or elsewhere (a bound slot: Qt drops it when the panel is destroyed)."""
        self.schedule()

    def schedule(self) -> None:
        if self.isVisible():
            self._debounce.start()

    def _refresh_now(self) -> None:
        self.main.session.tasks.spawn(self.refresh())

    async def refresh(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> Any:
        return self.main.session.tasks.spawn(coro)

    def take_focus(self) -> None:
        """Keyboard focus to the panel's first widget in Tab order (its list, usually): the command that
        opened the panel leaves the keyboard user in it, not in the queue behind (F6 goes back)."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (self.isAncestorOf(widget) and widget.isVisibleTo(self) and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()


def open_panel(window: Any, key: str, factory: Callable[[Any, QWidget], Panel]) -> Panel:
    """Show (creating on first use) the panel ``key`` in its dock, raise it, put the keyboard focus in it,
    and start a refresh."""
    docks: dict[str, QDockWidget] | None = getattr(window, "supervision_docks", None)
    if docks is None:
        docks = window.supervision_docks = {}
    dock = docks.get(key)
    if dock is None:
        dock = QDockWidget(window)
        panel = factory(window, dock)  # parented at once: Qt alone owns the panel
        dock.setWindowTitle(panel.title)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(panel)
        place_bottom_dock(window, dock)
        docks[key] = dock
    dock.show()
    dock.raise_()
    panel = dock.widget()
    assert isinstance(panel, Panel)
    panel.take_focus()
    panel.main.session.tasks.spawn(panel.refresh())
    return panel
