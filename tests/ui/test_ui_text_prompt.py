"""The real prompter's text question (notes, escalations, reminders, refusal reasons, view names) by keyboard:
Ctrl+Return submits a multi-line text, Tab leaves it, a blank answer is refused where it was typed."""

from __future__ import annotations

import asyncio
from typing import Any

from conftest import run, wait_until
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from ui.dialogs.text_dialog import TextDialog
from ui.prompts import QtPrompter

CTRL = Qt.KeyboardModifier.ControlModifier


def _ask(loop: asyncio.AbstractEventLoop, parent: QWidget, multiline: bool) -> tuple[asyncio.Task, TextDialog]:
    task = loop.create_task(QtPrompter(parent).text("添加备注", "MY1 工地噪声", multiline=multiline))
    wait_until(loop, lambda: any(d.isVisible() for d in parent.findChildren(TextDialog)))
    dialog = next(d for d in parent.findChildren(TextDialog) if d.isVisible())
    dialog.activateWindow()
    wait_until(loop, lambda: QApplication.activeWindow() is dialog)
    return task, dialog


def test_multiline_text_is_submitted_with_ctrl_return_and_tab_leaves_it(loop: Any, qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    task, dialog = _ask(loop, parent, multiline=True)
    editor = dialog.editor
    assert editor.hasFocus() and "Ctrl+Return" in editor.placeholderText()
    qtbot.keyClicks(editor, "  ")
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)                       # whitespace only: refused, says so
    assert dialog.isVisible() and "不能为空" in dialog.problem.text() and editor.hasFocus()
    editor.insertPlainText("=1+1 <b>x</b> 𠮷😀" + "长" * 5000)
    qtbot.keyClick(editor, Qt.Key.Key_Return)                             # a new line, no submit
    assert dialog.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)                                # leaves the text, no tab character
    assert "\t" not in editor.toPlainText() and not editor.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert run(loop, task) == "=1+1 <b>x</b> 𠮷😀" + "长" * 5000


def test_one_line_text_refuses_blank_on_return_and_escape_cancels(loop: Any, qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    task, dialog = _ask(loop, parent, multiline=False)
    qtbot.keyClicks(dialog.editor, "   ")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)
    assert dialog.isVisible() and "不能为空" in dialog.problem.text()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert "Ctrl+Return" in ok.toolTip()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert run(loop, task) is None
