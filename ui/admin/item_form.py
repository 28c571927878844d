"""The form for one duty item: every editable field of ``console.catalog_admin.fields.FIELDS``.

``show_item(item)`` fills it; ``flat()`` returns the record as ``fields.item_from_flat`` takes it; ``changes(item)``
only the fields that differ from ``item`` (what an ``EditItem`` carries). GUI thread; no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from console.catalog_admin.fields import FIELDS, flat_item
from console.domain.catalog import DutyItem
from console.domain.enums import Level, Territorial, Urgency
from ui.i18n import N_, t

TERRITORIAL_LABELS = {"none": N_("条线主办"), "district_lead": N_("区政府牵头"), "street_lead": N_("街道办牵头")}
HOUR_FIELDS = (("accept_hours", N_("签收")), ("reply_hours", N_("反馈")), ("close_hours", N_("办结")))
KEYWORD_SEPARATORS = ("、", "，", ",", "；", ";")


def split_keywords(text: str) -> tuple[str, ...]:
    """Keywords typed with any of 、，,；; as separators, blanks dropped, order kept."""
    for sep in KEYWORD_SEPARATORS[1:]:
        text = text.replace(sep, KEYWORD_SEPARATORS[0])
    return tuple(dict.fromkeys(k.strip() for k in text.split(KEYWORD_SEPARATORS[0]) if k.strip()))


class ItemForm(QWidget):
    """Fields of one item. ``code`` is editable only for a new item."""

    def __init__(self, lines: Mapping[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.lines = dict(lines)
        self.code = QLineEdit()
        self.code.setObjectName("itemCode")
        self.code.setMaxLength(6)
        self.name = QLineEdit()
        self.name.setObjectName("itemName")
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(54)
        self.keywords = QLineEdit()
        self.keywords.setObjectName("itemKeywords")
        self.keywords.setPlaceholderText(t("用「、」分隔"))
        self.lead = QComboBox()
        self.lead.setObjectName("itemLead")
        for code, name in self.lines.items():
            self.lead.addItem(t("{name}（{code}）").format(name=name, code=code), code)
        self.lead.currentIndexChanged.connect(lambda _i: self._lead_not_co())
        self.co_lines = QListWidget()
        self.co_lines.setObjectName("itemCoLines")
        self.co_lines.setFixedHeight(110)
        for code, name in self.lines.items():
            entry = QListWidgetItem(t("{name}（{code}）").format(name=name, code=code))
            entry.setData(Qt.ItemDataRole.UserRole, code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.co_lines.addItem(entry)
        self.level = QComboBox()
        self.level.setObjectName("itemLevel")
        for level in Level:
            self.level.addItem(t(level.label), level.value)
        self.territorial = QComboBox()
        self.territorial.setObjectName("itemTerritorial")
        for rule in Territorial:
            self.territorial.addItem(t(TERRITORIAL_LABELS[rule.value]), rule.value)
        self.urgency = QComboBox()
        self.urgency.setObjectName("itemUrgency")
        for urgency in Urgency:
            self.urgency.addItem(t(urgency.label), urgency.value)
        self.hours = {}
        hours_row = QHBoxLayout()
        for field, caption in HOUR_FIELDS:
            spin = QDoubleSpinBox()
            spin.setObjectName(f"item_{field}")
            spin.setRange(0.0, 9999.0)
            spin.setDecimals(1)
            spin.setSuffix(" h")
            self.hours[field] = spin
            hours_row.addWidget(QLabel(t(caption)))
            hours_row.addWidget(spin)
        self.state = QLabel("")
        form = QFormLayout(self)
        form.addRow(t("事项编码"), self.code)
        form.addRow(t("事项名称"), self.name)
        form.addRow(t("事项说明"), self.description)
        form.addRow(t("关键词"), self.keywords)
        form.addRow(t("主办条线"), self.lead)
        form.addRow(t("协办条线"), self.co_lines)
        form.addRow(t("办理层级"), self.level)
        form.addRow(t("属地规则"), self.territorial)
        form.addRow(t("时限"), hours_row)
        form.addRow(t("默认紧急程度"), self.urgency)
        form.addRow(t("状态"), self.state)
        self.show_item(None)

    def show_item(self, item: DutyItem | None, *, new: bool = False) -> None:
        """Fill the form from ``item`` (blank when None); ``new`` lets the code be typed."""
        self.setEnabled(item is not None or new)
        flat: dict[str, Any] = flat_item(item) if item is not None else {
            "code": "", "name": "", "description": "", "keywords": (), "lead_line": next(iter(self.lines), ""),
            "co_lines": (), "level": "district", "territorial": "none", "accept_hours": 2.0, "reply_hours": 72.0,
            "close_hours": 120.0, "default_urgency": "normal", "active": True}
        self.code.setText(flat["code"])
        self.code.setReadOnly(not new)
        self.name.setText(flat["name"])
        self.description.setPlainText(flat["description"])
        self.keywords.setText(t("、").join(flat["keywords"]))
        _select(self.lead, flat["lead_line"])
        chosen = set(flat["co_lines"])
        for row in range(self.co_lines.count()):
            entry = self.co_lines.item(row)
            checked = entry.data(Qt.ItemDataRole.UserRole) in chosen
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        _select(self.level, flat["level"])
        _select(self.territorial, flat["territorial"])
        _select(self.urgency, flat["default_urgency"])
        for field, spin in self.hours.items():
            spin.setValue(float(flat[field]))
        self.state.setText(t("有效") if flat["active"] else t("已停用"))

    def widget_for(self, field: str) -> QWidget | None:
        """The input widget of ``field`` (a name of ``fields.FIELDS`` or ``code``); None when it has none."""
        widgets: dict[str, QWidget] = {
            "code": self.code, "name": self.name, "description": self.description, "keywords": self.keywords,
            "lead_line": self.lead, "co_lines": self.co_lines, "level": self.level, "territorial": self.territorial,
            "default_urgency": self.urgency, **self.hours}
        return widgets.get(field)

    def focus_field(self, field: str) -> bool:
        """Move the keyboard focus to the input of ``field`` and select its text; False when there is none."""
        widget = self.widget_for(field)
        if widget is None or not self.isEnabled():
            return False
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit | QDoubleSpinBox | QPlainTextEdit):
            widget.selectAll()
        return True

    def _lead_not_co(self) -> None:
        """The lead line cannot also co-handle: choosing it as lead unticks it among the co-lines."""
        if not hasattr(self, "co_lines"):
            return
        lead = self.lead.currentData()
        for row in range(self.co_lines.count()):
            entry = self.co_lines.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == lead:
                entry.setCheckState(Qt.CheckState.Unchecked)

    def set_lead(self, line: str) -> None:
        _select(self.lead, line)

    def checked_co_lines(self) -> tuple[str, ...]:
        return tuple(self.co_lines.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.co_lines.count())
                     if self.co_lines.item(r).checkState() == Qt.CheckState.Checked)

    def set_co_lines(self, codes: tuple[str, ...]) -> None:
        for row in range(self.co_lines.count()):
            entry = self.co_lines.item(row)
            on = entry.data(Qt.ItemDataRole.UserRole) in codes
            entry.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def flat(self) -> dict[str, Any]:
        """The form as a flat record (``code`` plus every field; ``active`` from the shown item)."""
        return {"code": self.code.text().strip(), "name": self.name.text().strip(),
                "description": self.description.toPlainText(), "keywords": split_keywords(self.keywords.text()),
                "lead_line": self.lead.currentData(), "co_lines": self.checked_co_lines(),
                "level": self.level.currentData(), "territorial": self.territorial.currentData(),
                "accept_hours": self.hours["accept_hours"].value(), "reply_hours": self.hours["reply_hours"].value(),
                "close_hours": self.hours["close_hours"].value(), "default_urgency": self.urgency.currentData(),
                "active": self.state.text() != t("已停用")}

    def unreadable_hours(self) -> str | None:
        """The first time-limit field whose typed text is not a number in range (emptied, half-typed): its
        ``value()`` would still be the last valid number, so the form must not be read until it is fixed."""
        return next((field for field, spin in self.hours.items() if not spin.hasAcceptableInput()), None)

    def changes(self, item: DutyItem) -> dict[str, Any]:
        """Fields whose value in the form differs from ``item`` (``active`` is changed by retiring only)."""
        before, after = flat_item(item), self.flat()
        return {f: after[f] for f in FIELDS if f != "active" and after[f] != before[f]}


def _select(box: QComboBox, value: Any) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)
