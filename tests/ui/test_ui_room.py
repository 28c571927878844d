"""Two workstations on one PostgreSQL database, as windows: each sees the other's work within a blink
(NOTIFY wake-ups), a conflicting edit shows who changed what and is redone on the fresh state with one
click, and every window is a workstation session whose claims are released when it closes or when the
room declared it dead. The PostgreSQL tests skip without a server (``tests/conftest.py``)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from conftest import ScriptedPrompter, run, wait_until
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from console.backend import Backend
from console.db.engine import Database
from console.db.schema import EventRow, TicketRow, WorkstationRow
from console.domain.enums import Urgency
from console.services import intake, triage
from console.services.context import ServiceContext
from console.services.intake import NewTicket
from console.services.workstations import release_dead_workstations
from tests.conftest import Room, make_room
from ui.prompts import UrgencyChoice

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_world(pg_url: str) -> Iterator[Room]:
    made = make_room(pg_url)
    yield made
    made.backend.close()


def new_ticket(room: Room, text: str = "小区门口路灯不亮") -> int:
    changed = intake.intake(room.ctx, room.operator, NewTicket(text=text, citizen_item_code="020101",
                                                                district="福田区", street="园岭"))
    return changed.ticket_ids[0]


@pytest.fixture
def pg_windows(pg_world: Room, loop: asyncio.AbstractEventLoop, qtbot: Any) -> Iterator[Callable[..., Any]]:
    """``open_window(actor, url=None)``: a started window with its own database pool (another workstation)."""
    from ui.main_window import MainWindow
    from ui.preferences import Preferences
    from ui.session import AppSession, ChangeBus
    from ui.tasks import TaskGroup
    from ui.worker import DbWorker

    opened: list[tuple[Any, Database]] = []

    def factory(actor: Any, url: str | None = None) -> Any:
        db = Database(url or pg_world.ctx.db.url)
        session = AppSession(Backend(ServiceContext(db, pg_world.clock)), DbWorker(), actor, actor.name, 2,
                             TaskGroup(), ChangeBus())
        window = MainWindow(session, Preferences(sound=False, tray=False), prompter=ScriptedPrompter(), notify=False)
        opened.append((window, db))
        window.show()
        run(loop, window.start())
        return window

    yield factory
    for window, db in opened:
        close_window(loop, window)
        db.dispose()
    assert not [t.name for t in threading.enumerate() if t.name.startswith("dc-listen")]


def close_window(loop: asyncio.AbstractEventLoop, window: Any) -> None:
    if window.session.worker._closed:
        return
    try:
        window.close()
        run(loop, window.session.tasks.settle(), timeout=10)
    except (TimeoutError, asyncio.CancelledError):
        pass
    finally:
        window.session.worker.close()
        window.deleteLater()


def test_two_windows_show_each_others_work_within_a_blink(pg_world: Room, pg_windows, loop) -> None:
    ticket = new_ticket(pg_world)
    first = pg_windows(pg_world.dispatcher)
    second = pg_windows(pg_world.dispatcher2)
    assert first.queue.listener is not None and second.model.get(ticket) is not None
    wait_until(loop, lambda: first.queue._listener_up and second.queue._listener_up)

    first.view.select_ticket(ticket)
    started = time.monotonic()
    run(loop, first.triage.claim())
    wait_until(loop, lambda: second.model.get(ticket).claimed_by_name == "王分拨", timeout=5)
    assert time.monotonic() - started < 1.0, "the claim should reach the other window within a blink"

    fresh = new_ticket(pg_world, "楼道里有很浓的煤气味")  # a third party (intake) commits
    wait_until(loop, lambda: first.model.get(fresh) is not None and second.model.get(fresh) is not None, timeout=5)
    second.view.select_ticket(fresh)
    second.prompter.answers.append(UrgencyChoice("urgent", "煤气泄漏"))
    run(loop, second.triage.change_urgency())
    wait_until(loop, lambda: first.model.get(fresh).urgency == "urgent", timeout=5)
    assert not first.prompter.errors and not second.prompter.errors

    drift = run(loop, first.queue.reconcile())
    assert drift is not None and len(drift) == 0 and first.queue.repairs == 0
    assert "累计修复 0 行" in first.status.connection.toolTip()


def test_commit_to_window_model_latency(pg_world: Room, pg_windows, loop) -> None:
    """Twenty commits from another workstation: each is in the window's queue model well within 150 ms
    typically (median asserted under 150 ms, every one under 1 s even on a busy CI machine)."""
    ticket = new_ticket(pg_world)
    window = pg_windows(pg_world.dispatcher)
    wait_until(loop, lambda: window.queue._listener_up)
    latencies = []
    for n in range(20):
        triage.add_note(pg_world.ctx, pg_world.dispatcher2, ticket, f"备注 {n}")
        committed = time.monotonic()
        with pg_world.ctx.db.reader() as s:
            version = s.scalar(select(TicketRow.version).where(TicketRow.id == ticket))
        wait_until(loop, lambda v=version: window.model.get(ticket).version >= v, timeout=5)
        latencies.append((time.monotonic() - committed) * 1000)
        run(loop, asyncio.sleep(0.02))
    latencies.sort()
    print(f"window latency ms: p50 {latencies[10]:.1f} max {latencies[-1]:.1f}")
    assert latencies[10] < 150 and latencies[-1] < 1000


def test_a_conflict_names_who_changed_what_and_redo_applies_on_the_fresh_state(pg_world: Room, pg_windows,
                                                                               loop) -> None:
    ticket = new_ticket(pg_world)
    window = pg_windows(pg_world.dispatcher)
    window.view.select_ticket(ticket)
    seen = window.model.get(ticket)
    window.triage.current = lambda: seen  # the window still shows the version it had a moment ago
    triage.change_urgency(pg_world.ctx, pg_world.dispatcher2, ticket, Urgency.FAST, "钱分拨先改了")

    window.prompter.answers.append(UrgencyChoice("urgent", "有人员受伤"))
    task = window.session.tasks.spawn(window.triage.change_urgency())

    def dialog() -> Any:
        found = window.findChild(QDialog, "conflictDialog")
        return found if found is not None and found.isVisible() else None

    wait_until(loop, lambda: dialog() is not None, timeout=5)
    shown = dialog()
    assert "钱分拨" in shown.headline.text() and "调整紧急程度" in shown.headline.text()
    assert "快速" in shown.fresh.text()  # the ticket as it is now
    shown.redo.click()
    run(loop, asyncio.wait_for(task, 10))
    with pg_world.ctx.db.reader() as s:
        urgency = s.scalar(select(TicketRow.urgency).where(TicketRow.id == ticket))
        changes = s.scalars(select(EventRow.actor_name).where(EventRow.ticket_id == ticket,
                                                              EventRow.action == "change_urgency")
                            .order_by(EventRow.id)).all()
    assert urgency == "urgent" and changes == ["钱分拨", "王分拨"]  # both recorded, nothing overwritten silently
    wait_until(loop, lambda: window.model.get(ticket).urgency == "urgent")


def test_giving_up_after_a_conflict_leaves_the_other_change_in_place(pg_world: Room, pg_windows, loop) -> None:
    ticket = new_ticket(pg_world)
    window = pg_windows(pg_world.dispatcher)
    seen = window.model.get(ticket)
    window.triage.current = lambda: seen  # the window still shows the version it had a moment ago
    triage.change_urgency(pg_world.ctx, pg_world.dispatcher2, ticket, Urgency.FAST, "先改")
    answers: list[Any] = []

    async def give_up(conflict, action, fresh) -> bool:  # type: ignore[no-untyped-def]
        answers.append((conflict.changed_by, action, fresh.urgency))
        return False

    window.triage.conflicts = give_up
    window.prompter.answers.append(UrgencyChoice("urgent", "后改"))
    run(loop, window.triage.change_urgency())
    assert answers and answers[0][0] == "钱分拨" and answers[0][2] == "fast"
    with pg_world.ctx.db.reader() as s:
        assert s.scalar(select(TicketRow.urgency).where(TicketRow.id == ticket)) == "fast"


def test_window_is_a_workstation_whose_claims_are_released_on_close(pg_world: Room, pg_windows, loop) -> None:
    ticket = new_ticket(pg_world)
    window = pg_windows(pg_world.dispatcher)
    workstation = window.session.backend.ctx.workstation_id
    assert workstation is not None and pg_world.ctx.workstation_id is None
    window.view.select_ticket(ticket)
    run(loop, window.triage.claim())
    assert run(loop, window.workstation.beat()) is True
    with pg_world.ctx.db.reader() as s:
        assert s.scalar(select(TicketRow.claimed_workstation).where(TicketRow.id == ticket)) == workstation
    close_window(loop, window)
    with pg_world.ctx.db.reader() as s:
        row = s.get(WorkstationRow, workstation)
        claimed = s.scalar(select(TicketRow.claimed_by).where(TicketRow.id == ticket))
    assert row.ended_at is not None and row.end_reason == "logout" and claimed is None


def test_a_workstation_declared_dead_tells_the_user_its_claims_were_released(pg_world: Room, pg_windows,
                                                                            loop) -> None:
    ticket = new_ticket(pg_world)
    window = pg_windows(pg_world.dispatcher)
    other = pg_windows(pg_world.dispatcher2)
    first_session = window.session.backend.ctx.workstation_id
    window.view.select_ticket(ticket)
    run(loop, window.triage.claim())
    wait_until(loop, lambda: other.model.get(ticket).claimed_by_name == "王分拨", timeout=5)
    # the room declares every silent workstation dead (here: everyone, as if 90 s had passed)
    release_dead_workstations(pg_world.ctx, stale_after_seconds=-1)
    wait_until(loop, lambda: other.model.get(ticket).claimed_by is None, timeout=5)
    assert run(loop, window.workstation.beat()) is False
    assert any("认领的工单已全部释放" in e for e in window.prompter.errors)
    assert window.session.backend.ctx.workstation_id not in (None, first_session)  # a new session was opened
