"""SLA clocks as pure functions with a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.catalog import TimeLimits
from console.domain.clock import FixedClock, format_room_time
from console.domain.enums import Channel, Kind, Role, Urgency
from console.domain.sla import (
    ClockKind,
    ClockState,
    SlaPolicy,
    dispatch_clock,
    dispatch_due,
    next_deadline,
    ticket_clocks,
    unit_deadlines,
    worst_state,
)
from console.domain.ticket import Actor, Citizen, Location, Ticket, UnitRef

T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
POLICY = SlaPolicy()


def ticket(urgency: Urgency) -> Ticket:
    made, _ = Ticket.receive(number="MY1", channel=Channel.APP, kind=Kind.HELP, title="t", text="x",
                             citizen=Citizen(), location=Location(), urgency=urgency, received_at=T0,
                             actor=Actor.system())
    return made


@pytest.mark.parametrize(("urgency", "minutes"), [(Urgency.URGENT, 30), (Urgency.FAST, 120), (Urgency.NORMAL, 480)])
def test_dispatch_deadline_by_urgency(urgency: Urgency, minutes: int) -> None:
    assert dispatch_due(T0, urgency, POLICY) == T0 + timedelta(minutes=minutes)


def test_states_move_ok_warning_breached_with_the_clock() -> None:
    clock = FixedClock(T0)
    urgent = ticket(Urgency.URGENT)
    assert dispatch_clock(urgent, POLICY, clock.now()).state is ClockState.OK
    clock.advance(timedelta(minutes=23, seconds=59))
    assert dispatch_clock(urgent, POLICY, clock.now()).state is ClockState.OK
    clock.advance(timedelta(seconds=1))  # 24 of 30 minutes = 80 %
    assert dispatch_clock(urgent, POLICY, clock.now()).state is ClockState.WARNING
    clock.advance(timedelta(minutes=6))
    reading = dispatch_clock(urgent, POLICY, clock.now())
    assert reading.state is ClockState.BREACHED and reading.remaining == timedelta(0)


def test_warning_fraction_is_configurable_and_validated() -> None:
    early = SlaPolicy(warning_fraction=0.5)
    assert dispatch_clock(ticket(Urgency.URGENT), early, T0 + timedelta(minutes=15)).state is ClockState.WARNING
    with pytest.raises(ValueError):
        SlaPolicy(warning_fraction=1.5)


def test_stopped_clock_is_met_or_breached() -> None:
    t = ticket(Urgency.FAST)
    t.dispatched_at = T0 + timedelta(minutes=90)
    assert dispatch_clock(t, POLICY, T0 + timedelta(days=1)).state is ClockState.MET
    t.dispatched_at = T0 + timedelta(minutes=150)
    assert dispatch_clock(t, POLICY, T0 + timedelta(days=1)).state is ClockState.BREACHED


def test_unit_clocks_and_extension_shift() -> None:
    limits = TimeLimits(1, 10, 48)
    plain = unit_deadlines(T0, T0, limits)
    extended = unit_deadlines(T0, T0, limits, extension_hours=24)
    assert (plain.accept_due, plain.reply_due, plain.close_due) == (T0 + timedelta(hours=1), T0 + timedelta(hours=10),
                                                                   T0 + timedelta(hours=48))
    assert extended.reply_due == plain.reply_due + timedelta(hours=24)
    assert extended.close_due == plain.close_due + timedelta(hours=24)
    assert extended.accept_due == plain.accept_due


def test_ticket_clocks_and_next_deadline() -> None:
    t = ticket(Urgency.NORMAL)
    t.dispatch(Actor(1, "d", Role.DISPATCHER), lead=UnitRef(1, "a", "A"), co_units=[UnitRef(2, "b", "B")],
               item_code=None, limits=TimeLimits(2, 24, 72), now=T0 + timedelta(minutes=10))
    now = T0 + timedelta(hours=1)
    kinds = [c.kind for c in ticket_clocks(t, POLICY, now)]
    assert kinds == [ClockKind.DISPATCH, ClockKind.ACCEPT, ClockKind.REPLY, ClockKind.ACCEPT, ClockKind.REPLY,
                     ClockKind.CLOSE]
    upcoming = next_deadline(t, POLICY, now)
    assert upcoming is not None and upcoming.kind is ClockKind.ACCEPT
    assert upcoming.due == T0 + timedelta(minutes=130)
    late = T0 + timedelta(hours=3)
    assert worst_state(ticket_clocks(t, POLICY, late)) is ClockState.BREACHED


def test_times_are_shown_in_shanghai() -> None:
    assert format_room_time(T0) == "2026-11-24 09:00"
    assert format_room_time(datetime(2026, 11, 24, 16, 30, tzinfo=UTC)) == "2026-11-25 00:30"
