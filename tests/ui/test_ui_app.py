"""Start-up and surroundings: the entry point's delegation, login, the English catalogue, urgent-ticket
notification and counts, the connection state, and a small run of the queue benchmark."""

from __future__ import annotations

import sys
import types
import xml.etree.ElementTree as ET

from conftest import run, wait_until
from PySide6.QtWidgets import QDialog

from console.domain.enums import Role
from console.queries.live import ConnectionLost
from console.services import intake
from console.services.intake import NewTicket


def test_entry_hands_subcommands_to_the_cli_and_runs_the_queue_bench(monkeypatch) -> None:
    from ui import entry

    calls: list[list[str]] = []
    fake = types.ModuleType("console.cli.main")
    fake.main = lambda argv: calls.append(argv) or 7  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "console.cli.main", fake)
    assert entry.main(["demo", "--tickets", "5"]) == 7 and calls == [["demo", "--tickets", "5"]]
    assert entry.main(["--db", "sqlite:///x.db", "demo"]) == 7 and calls[-1] == ["--db", "sqlite:///x.db", "demo"]
    import ui.bench_queue

    monkeypatch.setattr(ui.bench_queue, "main", lambda argv: 0 if argv == ["--rows", "10"] else 1)
    assert entry.main(["bench", "queue", "--rows", "10"]) == 0


def test_login_asks_again_after_wrong_password(world, loop, qtbot) -> None:
    from ui.login import LoginDialog, login_flow
    from ui.worker import DbWorker

    worker = DbWorker()
    dialog = LoginDialog("disp01", "test.db")
    qtbot.addWidget(dialog)
    try:
        task = loop.create_task(login_flow(dialog, worker, world.ctx))
        wait_until(loop, dialog.isVisible)
        dialog.password.setText("wrong")
        dialog.accept()
        wait_until(loop, lambda: dialog.error.text() == "用户名或密码错误" and dialog.isVisible())
        dialog.password.setText("demo")
        dialog.accept()
        actor, username = run(loop, task)
    finally:
        worker.close()
    assert (actor.name, actor.role, username) == ("李分拨", Role.DISPATCHER, "disp01")
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_english_catalogue_covers_every_ui_string(qapp) -> None:
    from ui.i18n import TRANSLATIONS, install_language, t
    from ui.i18n_build import label_sources, literal_sources

    root = ET.parse(TRANSLATIONS / "dispatch_console_en.ts").getroot()
    translated = {m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") != "unfinished"}
    assert set(literal_sources()) | set(label_sources()) <= translated
    try:
        assert install_language("en")
        assert (t("认领"), t("紧急")) == ("Claim", "Urgent")
    finally:
        install_language("zh_CN")
    assert t("认领") == "认领"


def test_new_urgent_ticket_notifies_and_counts(world, open_window, loop) -> None:
    window = open_window("disp01")
    other = world.other_connection()
    try:
        intake.intake(other, world.actors["op01"], NewTicket(text="闻到煤气味", citizen_item_code="020101"))
    finally:
        other.db.dispose()
    wait_until(loop, lambda: window.notifier.count == 1)
    window.status.refresh_counts()
    assert "紧急 1" in window.status.counts.text()
    assert "新紧急工单" in window.status.currentMessage()


def test_connection_state_follows_the_database(world, open_window, loop, monkeypatch) -> None:
    window = open_window("disp01")
    window.queue.stop()
    original = window.queue.live.poll

    def broken():
        raise ConnectionLost("数据库连接失败：server closed the connection")

    monkeypatch.setattr(window.queue.live, "poll", broken)
    run(loop, window.queue.poll_once())
    assert "中断" in window.status.connection.text()
    monkeypatch.setattr(window.queue.live, "poll", original)
    run(loop, window.queue.poll_once())
    assert "已连接" in window.status.connection.text()


def test_queue_bench_reports_every_figure(qapp) -> None:
    from ui.bench_queue import TARGETS, run_bench

    result = run_bench(3000)
    assert set(TARGETS) | {"rss_mb", "rows"} <= set(result)
    assert all(result[key] >= 0 for key in TARGETS)


def test_signal_emission_keeps_reference_counts(qapp) -> None:
    """PySide6 6.12.0 drops a reference to ``True`` on every ``Signal.emit`` from Python; a window emitting
    every second then dies after a few hours with "bool_dealloc". Pin a PySide6 without that bug."""
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal()

    emitter = Emitter()
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.fired.emit()
    assert sys.getrefcount(True) >= before - 5
