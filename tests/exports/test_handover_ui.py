"""The handover composer dialog (pytest-qt, offscreen): loads off the GUI thread, saves, exports with
progress, cancels, and the incoming supervisor acknowledges."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from console.backend import Backend
from console.domain.shifts import ShiftCalendar
from console.exports.handover_store import latest_for_shift
from console.exports.progress import CancelToken, ExportCancelled
from tests.exports.conftest import Scripted, room
from ui.handover.composer import HandoverComposer
from ui.handover.runner import ExportRunner


def open_composer(qtbot, scripted: Scripted, actor=None) -> HandoverComposer:  # type: ignore[no-untyped-def]
    dialog = HandoverComposer(Backend(scripted.ctx), actor or scripted.supervisor)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None and not dialog.runner.busy, timeout=10_000)
    return dialog


def test_composer_shows_the_last_finished_shift(qtbot, scripted: Scripted) -> None:  # type: ignore[no-untyped-def]
    dialog = open_composer(qtbot, scripted)
    assert dialog.selected_shift().start == room(8)
    assert dialog.figure_labels["received"].text() == "6"
    assert dialog.figure_labels["on_time_rate"].text() == "75.0%"
    assert dialog.tables["改派记录"].rowCount() == 2
    assert dialog.tabs.count() == 9
    assert dialog.incoming_box.currentText() == "李值班"
    phones = {dialog.tables["本班受理"].item(r, 9).text() for r in range(dialog.tables["本班受理"].rowCount())}
    assert "138****5678" in phones


def test_save_export_and_acknowledge(qtbot, scripted: Scripted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_composer(qtbot, scripted)
    dialog.notes.setPlainText("燃气泄漏工单已电话督办")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.runner.busy and dialog.current.saved is not None, timeout=10_000)
    saved = latest_for_shift(scripted.ctx, room(8))
    assert saved is not None and saved.notes == "燃气泄漏工单已电话督办" and saved.incoming_supervisor == "李值班"

    seen: list[tuple[int, int]] = []
    dialog.runner.progressed.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        assert dialog.export_to(tmp_path / "h.xlsx")
    assert (tmp_path / "h.xlsx").exists() and seen and seen[-1][0] == seen[-1][1]
    dialog.close()

    incoming = open_composer(qtbot, scripted, scripted.incoming)
    assert incoming.ack_button.isEnabled() and incoming.save_button.isEnabled()
    incoming.ack_button.click()
    qtbot.waitUntil(lambda: incoming.current.saved is not None and incoming.current.saved.acknowledged_at is not None
                    and not incoming.runner.busy, timeout=10_000)
    assert not incoming.ack_button.isEnabled()


def test_dispatcher_cannot_save(qtbot, scripted: Scripted) -> None:  # type: ignore[no-untyped-def]
    dialog = open_composer(qtbot, scripted, scripted.dispatcher)
    assert not dialog.save_button.isEnabled() and dialog.export_button.isEnabled()


def test_runner_runs_off_the_gui_thread_and_cancels(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = ExportRunner()
    threads: list[str] = []
    release = threading.Event()

    def job(progress, token: CancelToken):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        progress(1, 10)
        release.wait(5)
        token.raise_if_cancelled()
        raise AssertionError("not cancelled")

    with qtbot.waitSignal(runner.cancelled, timeout=10_000):
        assert runner.start(job)
        assert not runner.start(job)  # one at a time
        runner.cancel()
        release.set()
    assert threads and threads[0].startswith("dc-handover") and not runner.busy
    runner.shutdown()


def test_export_cancel_raises_in_the_core(scripted: Scripted, tmp_path: Path) -> None:
    from console.exports.service import export_handover

    token = CancelToken()
    token.cancel()
    with pytest.raises(ExportCancelled):
        export_handover(scripted.ctx, scripted.supervisor, tmp_path / "x.xlsx",
                        shift=ShiftCalendar().starting_at(room(8)), token=token)


def test_unsaved_export_prints_the_chosen_incoming_supervisor_and_notes(  # type: ignore[no-untyped-def]
        qtbot, scripted: Scripted, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    dialog = open_composer(qtbot, scripted)
    assert dialog.current.saved is None
    dialog.incoming_box.setCurrentIndex(dialog.incoming_box.findText("李值班"))
    dialog.notes.setPlainText("燃气泄漏工单已电话督办")
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        assert dialog.export_to(tmp_path / "draft.xlsx")
    summary = load_workbook(tmp_path / "draft.xlsx")["交接摘要"]
    info = {row[0]: row[1] for row in summary.iter_rows(values_only=True) if row and row[0]}
    assert info["接班值班长"] == "李值班" and info["交班值班长"] == "（未保存）"
    assert "燃气泄漏工单已电话督办" in info

    dialog.incoming_box.setCurrentIndex(0)  # （未指定）
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        assert dialog.export_to(tmp_path / "none.xlsx")
    summary = load_workbook(tmp_path / "none.xlsx")["交接摘要"]
    info = {row[0]: row[1] for row in summary.iter_rows(values_only=True) if row and row[0]}
    assert info["接班值班长"] == "（未指定）"
    dialog.close()


def test_tab_leaves_the_notes_for_the_incoming_supervisor(qtbot, scripted: Scripted) -> None:  # type: ignore[no-untyped-def]
    """Keyboard only: Tab in the notes moves on (no tab character), so the incoming supervisor and the buttons
    can be reached."""
    from PySide6.QtCore import Qt

    dialog = open_composer(qtbot, scripted)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.notes.setFocus()
    dialog.notes.insertPlainText("燃气泄漏工单已电话督办")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Tab)
    assert dialog.notes.toPlainText() == "燃气泄漏工单已电话督办" and not dialog.notes.hasFocus()
    assert dialog.focusWidget() is dialog.incoming_box
