"""Weak references to the main window for objects the window itself holds (controllers, dialog
factories): a reference cycle with the window would let Python's collector free it on whatever thread it
runs — even the DB worker — and Qt objects must die on the GUI thread."""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from ui.prompts import run_dialog


class WindowBound:
    """Holds the main window weakly; ``window`` returns it (asserting it is still alive)."""

    def __init__(self, window: Any):
        self._window = weakref.ref(window)

    @property
    def window(self) -> Any:
        window = self._window()
        assert window is not None, "the window is gone"
        return window


class WindowDialogs:
    """Base of the real dialog factories of a panel: parented to the window, awaited, then deleted.
    Tests substitute an object with the same coroutines."""

    def __init__(self, parent: QWidget):
        self._parent = weakref.ref(parent)

    @property
    def parent(self) -> QWidget | None:
        return self._parent()

    async def _run(self, dialog: QDialog) -> bool:
        try:
            return await run_dialog(dialog) == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
