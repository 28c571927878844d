"""A scripted storm: 30 tickets about flooding (内涝/积水) in one street within two hours form one hot spot
as they arrive; unrelated tickets in the same street, and flooding in another street, stay out of it. The
cluster can be linked as one incident."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

import console.db.schema_analytics  # noqa: F401
from console.analytics.hotspots import HotspotTracker, find_hotspots, hotspot_changes
from console.analytics.incidents import close_incident, link_incident, open_incidents
from console.analytics.storm import send_storm
from console.db.schema import EventRow, TicketRow
from console.domain.enums import Kind
from console.domain.errors import PermissionDenied, ValidationError
from console.services.intake import NewTicket, intake

FLOOD = ("华富路积水很深，车都开不过去了", "小区门口内涝严重，地下车库进水了", "下大雨路面积水到膝盖，行人没法走",
         "莲花路口水浸街，公交车都停了", "这边一下雨就淹，排水太差，积水半天不退", "华富村附近严重内涝，请马上派人抽水",
         "路面积水漫进商铺，损失很大", "地下通道积水，有车熄火了，车被淹")
OTHER = ("楼下KTV每天半夜唱歌，吵得睡不着", "小区门口有人乱停车，堵住消防通道", "路灯坏了好几天，晚上很黑",
         "餐馆油烟直排，熏得窗户都不敢开", "共享单车乱停放，人行道走不了")


def _take(room, text: str, street: str = "华富", item: str | None = None, kind: Kind = Kind.COMPLAINT) -> int:  # type: ignore[no-untyped-def]
    return intake(room.ctx, room.operator, NewTicket(text=text, district="福田区", street=street,
                                                     citizen_item_code=item, kind=kind)).ticket_ids[0]


def _storm(room, tracker: HotspotTracker) -> tuple[list[int], list[int], list[int]]:  # type: ignore[no-untyped-def]
    """30 flood tickets over 2 h in 华富, interleaved with 10 unrelated ones there and 5 floods in 园岭;
    the tracker refreshes after every batch of 10 minutes, as the live view would."""
    storm: list[int] = []
    other: list[int] = []
    elsewhere: list[int] = []
    for minute in range(0, 120, 4):
        n = len(storm)
        storm.append(_take(room, FLOOD[n % len(FLOOD)] + f"（第{n}位市民）", item="150201" if n % 5 == 0 else None))
        if minute % 12 == 0:
            other.append(_take(room, OTHER[len(other) % len(OTHER)]))
        if minute % 24 == 0:
            elsewhere.append(_take(room, FLOOD[len(elsewhere)], street="园岭"))
        room.clock.advance(timedelta(minutes=4))
        if minute % 10 == 0:
            with room.ctx.db.reader() as s:
                tracker.refresh(s, room.clock.now())
    return storm, other, elsewhere


def test_a_street_flood_appears_as_one_cluster_as_it_arrives(room) -> None:  # type: ignore[no-untyped-def]
    tracker = HotspotTracker(window=timedelta(hours=6), min_size=3)
    storm, other, elsewhere = _storm(room, tracker)
    _take(room, "建议在华富路增加排水设施，防止积水", kind=Kind.SUGGESTION)   # not a problem report
    with room.ctx.db.reader() as s:
        spots = tracker.refresh(s, room.clock.now())
    by_street = {h.street: h for h in spots}
    flood = by_street["华富"]
    assert set(flood.ticket_ids) == set(storm)
    assert not set(flood.ticket_ids) & set(other)
    assert flood.item_code == "150201" and flood.item_name == "道路积水内涝"
    assert flood.size == 30 and flood.last_at - flood.first_at <= timedelta(hours=2)
    assert flood.title == "福田区华富街道道路积水内涝（30 件）"
    assert set(by_street["园岭"].ticket_ids) == set(elsewhere)
    assert len(spots) == 2                                      # the unrelated tickets form no hot spot
    key = flood.key

    incident = link_incident(room.ctx, room.supervisor, flood.ticket_ids, title=flood.title, district="福田区",
                             street="华富", item_code=flood.item_code)
    assert incident.ticket_count == 30 and [i.id for i in open_incidents_of(room)] == [incident.id]
    room.clock.advance(timedelta(minutes=5))
    late = _take(room, "又一处积水，华富路北段也淹了")
    before = spots
    with room.ctx.db.reader() as s:
        spots = tracker.refresh(s, room.clock.now())
    changes = hotspot_changes(before, spots)
    assert [h.key for h in changes.grown] == [key] and not changes.added and not changes.gone
    with room.ctx.db.reader() as s:
        notes = s.scalars(select(EventRow.data).where(EventRow.action == "note")).all()
    flood = next(h for h in spots if h.street == "华富")
    assert flood.key == key and late in flood.ticket_ids and flood.incident_id == incident.id
    assert len(notes) == 30 and all(n["incident"] == incident.id for n in notes)

    room.clock.advance(timedelta(hours=7))                     # the window passes: the cluster expires
    with room.ctx.db.reader() as s:
        assert tracker.refresh(s, room.clock.now()) == ()


def open_incidents_of(room):  # type: ignore[no-untyped-def]
    with room.ctx.db.reader() as s:
        return open_incidents(s)


def test_the_same_rules_over_a_past_period(sqlite_room) -> None:  # type: ignore[no-untyped-def]
    room = sqlite_room
    start = room.clock.now()
    storm, _, elsewhere = _storm(room, HotspotTracker())
    with room.ctx.db.reader() as s:
        spots = find_hotspots(s, start, room.clock.now() + timedelta(seconds=1))
    assert [set(h.ticket_ids) for h in spots] == [set(storm), set(elsewhere)]


def test_incident_rules(sqlite_room) -> None:  # type: ignore[no-untyped-def]
    room = sqlite_room
    ids = [_take(room, FLOOD[n]) for n in range(4)]
    first = link_incident(room.ctx, room.dispatcher, ids[:2], title="华富路内涝")
    with pytest.raises(ValidationError, match="已关联其他事件"):
        link_incident(room.ctx, room.dispatcher, ids[1:3], title="另一事件")
    moved = link_incident(room.ctx, room.dispatcher, ids[1:4], incident_id=first.id)   # ids[1] already there
    assert moved.ticket_count == 4
    with pytest.raises(ValidationError, match="标题"):
        link_incident(room.ctx, room.dispatcher, ids, title="")
    with pytest.raises(PermissionDenied):
        link_incident(room.ctx, room.handler("福田区/water"), ids, incident_id=first.id)
    close_incident(room.ctx, room.supervisor, first.id, "雨停，积水已排除")
    with room.ctx.db.reader() as s:
        assert open_incidents(s) == []
        assert s.scalar(select(TicketRow.status).where(TicketRow.id == ids[0])) is not None


def test_the_demo_storm_forms_one_hot_spot(sqlite_room) -> None:  # type: ignore[no-untyped-def]
    room = sqlite_room
    tracker = HotspotTracker()
    with room.ctx.db.reader() as s:
        assert tracker.refresh(s, room.clock.now()) == ()
    numbers = send_storm(room.ctx, district="罗湖区", street="桂园", count=12, seed=3)
    with room.ctx.db.reader() as s:
        spots = tracker.refresh(s, room.clock.now())
    assert [(h.street, set(h.numbers)) for h in spots] == [("桂园", set(numbers))]
