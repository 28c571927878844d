"""Plugs the analytics into the main window (值班 menu, supervisors and admins): the live hot-spot dock
(Ctrl+Shift+H shows or hides it; installed and refreshing from the start) and the analytics reports
(Ctrl+Shift+T: top problems, recurrence, suggestions digest)."""

from __future__ import annotations

from typing import Any

from console.domain.enums import Role
from ui.actions import ActionSpec
from ui.extensions import ExtensionCommand

VIEWERS = frozenset({Role.SUPERVISOR, Role.ADMIN})


def install(window: Any) -> None:
    """Supervisors and admins get the hot-spot dock at the bottom, refreshing every few seconds."""
    if window.session.role not in VIEWERS:
        return
    from ui.analytics.hotspot_panel import HotspotPanel
    from ui.supervision.panels import place_bottom_dock

    panel = HotspotPanel(window)
    place_bottom_dock(window, panel)
    window.hotspot_panel = panel
    panel.start()


def toggle_hotspots(window: Any) -> None:
    panel = getattr(window, "hotspot_panel", None)
    if panel is None:
        return
    visible = not panel.isVisible()
    panel.setVisible(visible)
    if visible:
        panel.raise_()
        panel.refresh_soon()
        panel.table.setFocus()


def open_reports(window: Any) -> Any:
    from ui.analytics.reports import AnalyticsDialog

    dialog = getattr(window, "analytics_dialog", None)
    if dialog is None:
        dialog = AnalyticsDialog(window)
        dialog.setModal(False)
        window.analytics_dialog = dialog
    else:
        dialog.reload()
    dialog.show()
    dialog.raise_()
    return dialog


COMMANDS = (
    ExtensionCommand(ActionSpec("hotspots", "热点聚集", "Ctrl+Shift+H", "值班", "hotspots",
                                "显示或隐藏热点面板：同一地点同一问题的工单聚集，可关联为一个事件",
                                VIEWERS, needs_ticket=False), toggle_hotspots),
    ExtensionCommand(ActionSpec("analytics", "分析报表…", "Ctrl+Shift+T", "值班", "analytics",
                                "本周突出问题、回潮统计、建议汇总，可导出 Excel", VIEWERS, needs_ticket=False),
                     open_reports),
)
