"""Shift handover in the window: ``HandoverComposer(backend, actor, parent=None)`` (the 交接班 dialog) and
``ExportRunner`` / ``ExportProgress`` (background export with progress bar and cancel)."""

from __future__ import annotations

from ui.handover.composer import HandoverComposer
from ui.handover.progress import ExportProgress
from ui.handover.runner import ExportRunner

__all__ = ["ExportProgress", "ExportRunner", "HandoverComposer"]
