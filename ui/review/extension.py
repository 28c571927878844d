"""Plugs the review desk (工单 → 人工复核台, Ctrl+R) and the routing-quality view (管理 → 分拨质量,
Ctrl+Shift+Q) into the main window. One desk and one quality window per main window: a second command
raises the open one. GUI thread."""

from __future__ import annotations

from typing import Any

from console.domain.enums import Role
from ui.actions import ActionSpec
from ui.extensions import ExtensionCommand

DESK_ROLES = frozenset({Role.DISPATCHER, Role.SUPERVISOR})
QUALITY_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


def _raise(widget: Any) -> None:
    widget.show()
    widget.raise_()
    widget.activateWindow()


def open_desk(window: Any) -> Any:
    """Show the review desk (created on first use), focused on its pending list."""
    from ui.review.desk import ReviewDesk

    desk = getattr(window, "review_desk", None)
    if desk is None:
        desk = ReviewDesk(window)
        window.review_desk = desk
    _raise(desk)
    desk.table.setFocus()
    return desk


def open_quality(window: Any) -> Any:
    """Show the quality view and read today's figures."""
    from ui.review.quality_view import QualityView

    view = getattr(window, "quality_view", None)
    if view is None:
        view = QualityView(window)
        window.quality_view = view
    _raise(view)
    view.reload()
    return view


COMMANDS = (
    ExtensionCommand(ActionSpec("review_desk", "人工复核台…", "Ctrl+R", "工单", "review_desk",
                                "逐张复核待复核工单：回车接受建议，改选事项或单位，转值班长，跳过",
                                DESK_ROLES, needs_ticket=False), open_desk),
    ExtensionCommand(ActionSpec("review_quality", "分拨质量…", "Ctrl+Shift+Q", "管理", "review_quality",
                                "路由建议准确率、免复核占比、各事项准确率与常见更正（今天/本班/近 7 天）",
                                QUALITY_ROLES, needs_ticket=False), open_quality),
)
