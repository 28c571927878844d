"""Impact preview on a scripted history: counts per old → new lead, in the open and last-30-days scopes,
following moved items, with retired items going to manual review."""

from __future__ import annotations

from datetime import date, timedelta

from console.catalog_admin.edits import EditItem, MoveItem, RetireItem, apply_edits
from console.catalog_admin.impact import REVIEW, preview_impact, preview_version
from console.catalog_admin.versions import known_lines, publish_edits
from console.services.catalog_store import catalog_at

from .conftest import make_admin
from .helpers import take

DAY = date(2026, 11, 25)


def _script(room) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Five street-vending tickets (one received 40 days ago), one flooding ticket, one without item."""
    long_ago = room.clock.now() - timedelta(days=40)
    numbers = {f"fu{n}": take(room, "010101", "福田区", street) for n, street in enumerate(("华富", "园岭", "沙头"))}
    numbers["luohu"] = take(room, "010101", "罗湖区", "桂园")
    numbers["old"] = take(room, "010101", "福田区", "园岭", received_at=long_ago)
    numbers["flood"] = take(room, "150201", "福田区", "华富", text="华富路积水很深")
    numbers["unknown"] = take(room, None, "福田区", "华富", text="有事咨询")
    return numbers


def _candidate(room, *edits):  # type: ignore[no-untyped-def]
    with room.ctx.db.reader() as s:
        return apply_edits(catalog_at(s, room.clock.now()), edits, version="candidate", effective_from=DAY,
                           known_lines=known_lines(s)).catalog


def test_counts_per_unit_for_open_and_recent_tickets(room) -> None:  # type: ignore[no-untyped-def]
    numbers = _script(room)
    candidate = _candidate(room, EditItem("010101", {"lead_line": "market"}))
    with room.ctx.db.reader() as s:
        preview = preview_impact(s, candidate, at=room.clock.now())
    assert (preview.open_with_item, preview.open_changed) == (6, 5)
    assert (preview.recent_with_item, preview.recent_changed) == (5, 4)
    assert preview.open_without_item == 1
    shifts = {(x.old_unit, x.new_unit): (x.open_count, x.recent_count) for x in preview.shifts}
    assert shifts == {("福田区/urban_mgmt", "福田区/market"): (4, 3), ("罗湖区/urban_mgmt", "罗湖区/market"): (1, 1)}
    units = {u.unit: (u.open_lost, u.open_gained, u.recent_lost, u.recent_gained) for u in preview.units}
    assert units["福田区/market"] == (0, 4, 0, 3) and units["福田区/urban_mgmt"] == (4, 0, 3, 0)
    assert {e.number for e in preview.examples} <= {numbers[k] for k in ("fu0", "fu1", "fu2", "luohu", "old")}
    assert preview.examples and all(e.new_unit and e.new_unit.endswith("/market") for e in preview.examples)
    assert "5 张将改由其他单位主办" in preview.summary()


def test_moves_are_followed_and_retired_items_go_to_review(sqlite_room) -> None:  # type: ignore[no-untyped-def]
    room = sqlite_room
    _script(room)
    moved = _candidate(room, MoveItem("010101", "0102"))
    retired = _candidate(room, RetireItem("150201"))
    with room.ctx.db.reader() as s:
        assert preview_impact(s, moved, at=room.clock.now()).open_changed == 0
        preview = preview_impact(s, retired, at=room.clock.now())
    assert [(x.old_unit, x.new_unit, x.new_name, x.open_count) for x in preview.shifts] == [
        ("福田区/water", None, REVIEW, 1)]


def test_a_stored_future_version_can_be_previewed(sqlite_room) -> None:  # type: ignore[no-untyped-def]
    room = sqlite_room
    _script(room)
    publish_edits(room.ctx, make_admin(room), [EditItem("010101", {"lead_line": "market"})], effective_from=DAY,
                  reason="调整", version="t-impact.2")
    with room.ctx.db.reader() as s:
        preview = preview_version(s, "t-impact.2", at=room.clock.now())
    assert (preview.candidate_version, preview.open_changed, preview.recent_changed) == ("t-impact.2", 5, 4)
