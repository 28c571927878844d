"""Recurrence (回潮), the week's top problems and the suggestions digest on scripted histories, and their
Excel sheets (citizen text never becomes a formula)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

import console.db.schema_analytics  # noqa: F401
from console.analytics.recurrence import recurrence
from console.analytics.sheets import write_workbook
from console.analytics.suggestions import suggestions_digest
from console.analytics.top import NO_ITEM, top_problems

from .rows import add_ticket

DAY = timedelta(days=1)


def test_recurrence_counts_comebacks_and_reopens_per_unit_and_item(sqlite_room) -> None:  # type: ignore[no-untyped-def]
    room = sqlite_room
    now = room.clock.now()
    a = add_ticket(room, received_at=now - 6 * DAY, closed_at=now - 5 * DAY, item="010101", district="福田区",
                   street="华富", lead="福田区/urban_mgmt")
    add_ticket(room, received_at=now - 3 * DAY, item="010101", district="福田区", street="华富")       # came back
    add_ticket(room, received_at=now - 6 * DAY, closed_at=now - 5 * DAY, item="010101", district="福田区",
               street="园岭", lead="福田区/urban_mgmt")
    add_ticket(room, received_at=now - 5 * DAY - timedelta(hours=1), item="010101", district="福田区",
               street="园岭")                                                                       # before close
    add_ticket(room, received_at=now - 4 * DAY, item="150201", district="福田区", street="园岭")       # other item
    add_ticket(room, received_at=now - 7 * DAY, closed_at=now - DAY, item="150201", district="罗湖区", street="桂园",
               lead="罗湖区/water", reopened_at=now - 2 * DAY)
    add_ticket(room, received_at=now - 30 * DAY, closed_at=now - 20 * DAY, item="010101", district="福田区",
               street="华富", lead="福田区/urban_mgmt")                                            # outside period
    with room.ctx.db.reader() as s:
        report = recurrence(s, now - 7 * DAY, now, days=7)
    rows = {(r.unit, r.item_code): (r.closed, r.came_back, r.follow_ups, r.reopened) for r in report.rows}
    assert rows == {("福田区/urban_mgmt", "010101"): (2, 1, 1, 0), ("罗湖区/water", "150201"): (1, 0, 0, 1)}
    first = report.rows[0]
    assert (first.item_name in ("占道经营", "道路积水内涝") and first.rate == 0.5) or first.rate == 1.0
    units = {u.unit: (u.closed, u.came_back, u.reopened) for u in report.units}
    assert units == {"福田区/urban_mgmt": (2, 1, 0), "罗湖区/water": (1, 0, 1)}
    assert (report.total_came_back, report.total_reopened) == (1, 1)
    assert a > 0


def test_top_problems_by_district_category_and_unit(sqlite_room) -> None:  # type: ignore[no-untyped-def]
    room = sqlite_room
    now = room.clock.now()
    for street in ("华富", "园岭", "华富"):
        add_ticket(room, received_at=now - 2 * DAY, item="010101", district="福田区", street=street,
                   lead="福田区/urban_mgmt")
    add_ticket(room, received_at=now - DAY, item="150201", district="福田区", street="华富", lead="福田区/water")
    for _ in range(2):
        add_ticket(room, received_at=now - DAY, item="150201", district="罗湖区", street="桂园", lead="罗湖区/water")
    add_ticket(room, received_at=now - DAY, item=None, district="罗湖区", street="桂园", status="pending_review")
    add_ticket(room, received_at=now - DAY, item="150201", district="罗湖区", street="桂园", status="merged")
    add_ticket(room, received_at=now - 9 * DAY, item="010101", district="福田区", street="华富",
               lead="福田区/urban_mgmt")                                                            # last week
    with room.ctx.db.reader() as s:
        top = top_problems(s, now - 7 * DAY, now)
    overall = {p.item_code: (p.count, p.previous) for p in top.overall}
    assert overall == {"010101": (3, 1), "150201": (3, 0)} and top.unrouted == 1
    districts = {g.label: (g.total, g.previous_total, [p.item_code for p in g.problems], g.unrouted)
                 for g in top.by_district}
    assert districts == {"福田区": (4, 1, ["010101", "150201"], 0), "罗湖区": (3, 0, ["150201"], 1)}
    categories = {g.label: g.total for g in top.by_category}
    assert categories["城市管理"] == 3 and NO_ITEM not in categories and sum(categories.values()) == 6
    units = {g.label: g.total for g in top.by_unit}
    assert units == {"福田区城市管理和综合执法局": 3, "罗湖区水务局": 2, "福田区水务局": 1}
    assert top.by_unit[0].problems[0].change == 2


def test_tickets_without_an_item_never_rank_but_are_counted_apart(sqlite_room, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Intake not yet routed to a duty item is not a problem of the week, however many there are: it stays
    in the district's total, is counted apart (``unrouted``) and is listed apart, unranked, in the sheet."""
    room = sqlite_room
    now = room.clock.now()
    for _ in range(4):
        add_ticket(room, received_at=now - DAY, item=None, district="福田区", street="华富")
    for _ in range(2):
        add_ticket(room, received_at=now - DAY, item="010101", district="福田区", street="华富",
                   lead="福田区/urban_mgmt")
    with room.ctx.db.reader() as s:
        top = top_problems(s, now - 7 * DAY, now)
    (futian,) = top.by_district
    assert (futian.total, futian.unrouted) == (6, 4)
    assert [p.item_code for p in futian.problems] == ["010101"]
    assert [p.item_code for p in top.overall] == ["010101"] and (top.total, top.unrouted) == (6, 4)
    assert [g.label for g in top.by_category] == ["城市管理"]
    assert all(p.item_name != NO_ITEM for g in top.by_district + top.by_unit for p in g.problems)
    path = write_workbook(tmp_path / "top.xlsx", [top])
    rows = [[c.value for c in row] for row in load_workbook(path)["本周突出问题"].iter_rows(min_row=4)]
    apart = [r for r in rows if r[5] == "（未定事项，不参与排名）"]
    assert [(r[0], r[1], r[4] or "", r[7]) for r in apart] == [("全市", "全市", "", 4), ("区", "福田区", "", 4)]
    assert all(r[4] for r in rows if r[5] != "（未定事项，不参与排名）")


def test_suggestions_digest_groups_by_topic_and_district(sqlite_room, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    room = sqlite_room
    now = room.clock.now()

    def suggest(text: str, district: str = "福田区", item: str | None = None) -> None:
        add_ticket(room, received_at=now - DAY, item=item, district=district, street="华富" if district == "福田区"
                   else "桂园", kind="suggestion", text=text)

    suggest("建议加强占道经营管理，人行道太挤", item="010101")
    suggest("建议规范夜市摊位，不要占道", item="010101")
    suggest("希望整治店铺出店经营", district="罗湖区", item="010101")
    suggest("建议改造排水管网，一下雨路面积水")
    suggest("建议在低洼路段加装抽水泵，解决积水问题", district="罗湖区")
    suggest("建议多设共享雨伞借还点")
    suggest("希望增设共享雨伞借还点，方便下雨天出行", district="罗湖区")
    suggest("=cmd|' /C calc'!A0 建议增设共享雨伞借还点")
    add_ticket(room, received_at=now - DAY, item="010101", district="福田区", street="华富", text="投诉占道")
    with room.ctx.db.reader() as s:
        digest = suggestions_digest(s, now - 7 * DAY, now)
    topics = {t.label: (t.count, dict(t.districts)) for t in digest.topics}
    assert digest.total == 8
    assert topics["占道经营"] == (3, {"福田区": 2, "罗湖区": 1})
    assert topics["道路积水内涝"] == (2, {"福田区": 1, "罗湖区": 1})
    umbrella = next(t for t in digest.topics if t.item_code is None)
    assert umbrella.count == 3 and umbrella.category == "（未归类）"
    assert all("雨伞" in text for text in umbrella.representatives)

    path = write_workbook(tmp_path / "digest.xlsx", [digest])
    sheet = load_workbook(path)["建议汇总"]
    bait = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert bait and all(c.data_type == "s" for c in bait)


def test_all_reports_in_one_workbook(sqlite_room, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    room = sqlite_room
    now = room.clock.now()
    add_ticket(room, received_at=now - DAY, item="010101", district="福田区", street="华富", lead="福田区/urban_mgmt",
               text="=1+1 门口占道经营")
    with room.ctx.db.reader() as s:
        since = now - 7 * DAY
        results = [top_problems(s, since, now), recurrence(s, since, now), suggestions_digest(s, since, now), ()]
    wb = load_workbook(write_workbook(tmp_path / "all.xlsx", results))
    assert wb.sheetnames == ["本周突出问题", "回潮统计", "建议汇总", "热点聚集"]
    assert wb["本周突出问题"]["F4"].value == "占道经营"


def _week(room):  # type: ignore[no-untyped-def]
    now = room.clock.now()
    for n, district in enumerate(("福田区", "罗湖区", "南山区") * 4):
        add_ticket(room, received_at=now - DAY, item="010101", district=district, street="华富",
                   lead="福田区/urban_mgmt", text=f"门口占道经营（{n}）")
    with room.ctx.db.reader() as s:
        since = now - 7 * DAY
        return [top_problems(s, since, now), recurrence(s, since, now), suggestions_digest(s, since, now)]


def test_every_analytics_sheet_has_the_shared_print_setup(sqlite_room, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    room = sqlite_room
    results = _week(room)
    wb = load_workbook(write_workbook(tmp_path / "all.xlsx", [*results, ()], exported_by="赵值班",
                                      exported_at=room.clock.now()))
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.oddHeader.center.text == "分析报表 · &A", ws.title
        assert ws.oddFooter.left.text.startswith("统计期："), ws.title
        assert ws.oddFooter.center.text == "第 &P 页 / 共 &N 页", ws.title
        assert ws.oddFooter.right.text.startswith("导出：赵值班 "), ws.title
    # the table's header row repeats on every printed page (below the period line when there is one)
    assert wb["本周突出问题"].print_title_rows == "$3:$3" and wb["本周突出问题"]["A3"].value == "维度"
    assert wb["回潮统计"].print_title_rows == "$3:$3"
    assert wb["建议汇总"].print_title_rows == "$3:$3"
    assert wb["热点聚集"].print_title_rows == "$1:$1"
    assert wb["本周突出问题"].freeze_panes == "A4"


def test_analytics_workbook_reports_progress_and_a_cancel_leaves_no_file(sqlite_room, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from console.analytics.sheets import row_count
    from console.exports.progress import CancelToken, ExportCancelled

    results = _week(sqlite_room)
    seen: list[tuple[int, int]] = []
    write_workbook(tmp_path / "all.xlsx", results, progress=lambda done, total: seen.append((done, total)))
    total = row_count(results)
    assert total > 0 and seen[-1] == (total, total)

    token = CancelToken()
    token.cancel()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportCancelled):
        write_workbook(out / "cancelled.xlsx", results, token=token)
    assert list(out.iterdir()) == []  # neither the file nor a temporary part
