"""The export benchmark's data generator: states that follow age, and a handover that lists them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.benchmarks.export import READ_AT, SHIFT_END, SHIFT_START, child_handover, generate
from console.db.engine import Database
from console.db.schema import EventRow, TicketRow


@pytest.fixture(scope="module")
def aged(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('bench') / 'aged.db'}"
    generate(url, 3000, 300)
    return url


def test_states_follow_the_age_of_the_ticket(aged: str) -> None:
    db = Database(aged)
    with db.reader() as session:
        tickets = session.execute(select(TicketRow.status, TicketRow.received_at, TicketRow.dispatched_at,
                                         TicketRow.closed_at)).all()
        dispatch_events = session.scalar(select(func.count()).select_from(EventRow)
                                         .where(EventRow.action == "dispatch"))
        in_shift = sum(1 for t in tickets if t.dispatched_at and SHIFT_START <= t.dispatched_at < SHIFT_END)
    db.dispose()
    assert len(tickets) == 3000
    assert all(t.received_at < READ_AT for t in tickets)
    assert all(t.closed_at is None or t.closed_at <= READ_AT for t in tickets)
    assert all(t.dispatched_at is None or t.dispatched_at <= READ_AT for t in tickets)
    assert all((t.status == "closed") == (t.closed_at is not None) for t in tickets)
    week_old = [t for t in tickets if (READ_AT - t.received_at).days >= 7]
    assert sum(t.status == "closed" for t in week_old) / len(week_old) > 0.98
    assert dispatch_events == in_shift > 0


def test_handover_of_the_generated_shift(aged: str, tmp_path: Path) -> None:
    figures = child_handover(aged, str(tmp_path / "handover.xlsx"))
    lists = figures["lists"]
    assert lists["received"] >= 300 and lists["dispatched"] > 0 and lists["waiting"] > 0
    assert figures["rows"] == sum(lists.values())
    assert (tmp_path / "handover.xlsx").stat().st_size > 0


def test_stress_month_keeps_old_tickets_open(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'stress.db'}"
    generate(url, 2000, 200, stress=True)
    db = Database(url)
    with db.reader() as session:
        old_waiting = session.scalar(select(func.count()).select_from(TicketRow).where(
            TicketRow.status == "pending_review", TicketRow.received_at < SHIFT_START))
    db.dispose()
    assert old_waiting and old_waiting > 20
