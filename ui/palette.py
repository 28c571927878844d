"""Colours and icons of the queue: hue by urgency (urgent red, fast amber, normal neutral), strength by SLA
state (ok faint, warning lighter, breached strong). Urgency is also a shape icon and text, so colour is
never the only signal. GUI thread (QColor/QIcon).

Nothing here is cached at module level: Qt paint objects must not outlive the QApplication, so callers
(the queue model) cache them per instance."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap, QPolygonF

# (urgency, state) -> (background, foreground); state: ok / warning / breached / none
_COLOURS: dict[tuple[str, str], tuple[str, str]] = {
    ("urgent", "ok"): ("#fdecec", "#1f1f1f"),
    ("urgent", "warning"): ("#f7b9b9", "#1f1f1f"),
    ("urgent", "breached"): ("#c62828", "#ffffff"),
    ("fast", "ok"): ("#fff6e5", "#1f1f1f"),
    ("fast", "warning"): ("#ffdd99", "#1f1f1f"),
    ("fast", "breached"): ("#e69500", "#1f1f1f"),
    ("normal", "ok"): ("", ""),
    ("normal", "warning"): ("#e3e7ea", "#1f1f1f"),
    ("normal", "breached"): ("#5f6b73", "#ffffff"),
}

URGENCY_ACCENT = {"urgent": "#c62828", "fast": "#d98200", "normal": "#607d8b"}


def row_brushes(urgency: str, state: str) -> tuple[QBrush | None, QBrush | None]:
    """Background and foreground brushes for a row, or None to keep the view's defaults."""
    background, foreground = _COLOURS.get((urgency, state if state != "none" else "ok"), ("", ""))
    return (QBrush(QColor(background)) if background else None, QBrush(QColor(foreground)) if foreground else None)


def urgency_icon(urgency: str, size: int = 14) -> QIcon:
    """A shape per urgency: urgent ▲, fast ◆, normal ●, filled with the urgency's accent colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#ffffff"))
    painter.setBrush(QColor(URGENCY_ACCENT.get(urgency, "#607d8b")))
    s = float(size)
    if urgency == "urgent":
        painter.drawPolygon(QPolygonF([QPointF(s / 2, 1), QPointF(s - 1, s - 1), QPointF(1, s - 1)]))
    elif urgency == "fast":
        painter.drawPolygon(QPolygonF([QPointF(s / 2, 1), QPointF(s - 1, s / 2), QPointF(s / 2, s - 1),
                                       QPointF(1, s / 2)]))
    else:
        painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    return QIcon(pixmap)
