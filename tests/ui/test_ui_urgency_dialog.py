"""The urgency dialog by keyboard: 1/2/3 pick while the reason is empty, then type as text; a missing
reason is said under the field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ui.dialogs.urgency_dialog import UrgencyDialog


def test_digits_pick_the_urgency_until_the_reason_is_begun_then_are_text(qtbot: Any) -> None:
    dialog = UrgencyDialog("normal")
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_1)
    assert dialog.choice().urgency == "urgent" and dialog.reason.text() == ""
    qtbot.keyClick(dialog.reason, Qt.Key.Key_2)
    assert dialog.choice().urgency == "fast"
    qtbot.keyClicks(dialog.reason, "x3")  # QTest types ASCII only; a begun reason takes the digit as text
    assert dialog.choice().reason == "x3" and dialog.choice().urgency == "fast"


def test_a_missing_reason_is_said_under_the_field_and_nothing_is_chosen(qtbot: Any) -> None:
    dialog = UrgencyDialog("normal")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.reason, "   ")
    dialog._accept()
    assert dialog.result() == 0 and "原因" in dialog.problem.text()
    dialog.reason.setText("市民称燃气味越来越浓")
    dialog._accept()
    assert dialog.result() == 1
