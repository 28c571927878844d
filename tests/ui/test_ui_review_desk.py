"""The review desk (人工复核台) on a real temporary database with the mini duty list and the real routing
engine: a dispatcher clears three pending reviews from the keyboard (accept with Enter, a correction
through the duty-list picker with a reason, an escalation to the supervisor), the decisions are recorded
in the dispatch events, and the highlighted text marks exactly the router's phrases."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from conftest import run, wait_until
from dc_testworld import MINI_CATALOG
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.db.engine import Database
from console.db.schema import EventRow
from console.reference.catalog_file import load_catalog
from console.review_desk.escalation import ESCALATION_MARKER
from console.review_desk.item_search import ItemIndex
from console.routing.adapter import RouterAdapter
from console.routing.engine import RoutingEngine
from console.services import triage
from console.services.context import RoomSettings
from ui.review.highlight import PHRASE_STYLE
from ui.review.pending_model import ESCALATED_MARK
from ui.review.pickers import ReasonDialog, SearchPicker

NOISE = "园岭街道百花二路的工地夜间施工噪声很大，凌晨两点还在打桩"
NEIGHBOUR = "楼上邻居吵，每天晚上都在唱KTV到凌晨"
ILLEGAL = "城中村有人在楼顶加建违建，已经盖到第三层了"
TEST_READER = Database.reader  # the test's own reads, not counted by record_db_threads


@pytest.fixture(scope="module")
def router() -> RouterAdapter:
    return RouterAdapter(RoutingEngine(load_catalog(MINI_CATALOG)))


@pytest.fixture
def routed_world(world, router):
    """The world with the router on and a threshold nothing reaches: every ticket waits for review."""
    world.ctx.router = router
    world.ctx.settings = RoomSettings(auto_dispatch_threshold=1.01)
    return world


def record_db_threads(monkeypatch) -> list[str]:
    """From now on, the name of the thread of every database session opened."""
    threads: list[str] = []
    original_reader, original_writer = Database.reader, Database.writer

    def reader(self):
        threads.append(threading.current_thread().name)
        return original_reader(self)

    def writer(self):
        threads.append(threading.current_thread().name)
        return original_writer(self)

    monkeypatch.setattr(Database, "reader", reader)
    monkeypatch.setattr(Database, "writer", writer)
    return threads


def open_desk(window, loop):
    window.activateWindow()
    QtBot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    desk = window.review_desk
    wait_until(loop, lambda: desk.isVisible() and desk.model.rowCount() > 0)
    return desk


def key(desk, loop, key_code, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtWidgets import QApplication

    desk.activateWindow()
    desk.table.setFocus()
    wait_until(loop, lambda: QApplication.activeWindow() is desk)
    QtBot.keyClick(desk.table, key_code, modifier)


def card_on(desk, loop, ticket_id: int) -> None:
    wait_until(loop, lambda: desk.controller.card is not None and desk.controller.card.id == ticket_id
               and desk._current == ticket_id and not desk.controller.busy)


def dialog_of(desk, loop, kind):
    wait_until(loop, lambda: isinstance(desk.controller.dialog, kind) and desk.controller.dialog.isVisible())
    return desk.controller.dialog


def dispatch_review(world, ticket_id: int) -> dict:
    with TEST_READER(world.ctx.db) as s:
        data = s.scalars(select(EventRow.data).where(EventRow.ticket_id == ticket_id, EventRow.action == "dispatch")
                         .order_by(EventRow.id.desc())).first()
    return data["review"]


def test_a_dispatcher_clears_three_reviews_from_the_keyboard(routed_world, open_window, loop, monkeypatch) -> None:
    w = routed_world
    first = w.intake(NOISE, district=None, street=None, ago=timedelta(minutes=30))
    second = w.intake(NEIGHBOUR, ago=timedelta(minutes=20))
    third = w.intake(ILLEGAL, ago=timedelta(minutes=10))
    triage.claim(w.ctx, w.actors["disp02"], first)
    threads = record_db_threads(monkeypatch)
    window = open_window("disp01")
    desk = open_desk(window, loop)
    assert desk.model.ids() == [first, second, third]

    # 1. Enter accepts the top suggestion; the ticket is held by 王分拨, so the desk asks first.
    card_on(desk, loop, first)
    assert desk.controller.card.suggested_item == "010101"
    key(desk, loop, Qt.Key.Key_Return)
    wait_until(loop, lambda: window.model.get(first).status == "dispatched")
    assert window.prompter.asked[0][0] == "confirm" and "王分拨" in window.prompter.asked[0][1]
    review = dispatch_review(w, first)
    assert review["decision"] == "accepted" and review["chosen_item"] == "010101"

    # 2. The next ticket is selected by itself; I opens the picker, pinyin initials find the item,
    #    Enter dispatches the correction after a reason picked with its number key.
    card_on(desk, loop, second)
    suggested = desk.controller.card.suggested_item
    assert suggested == "010102"
    key(desk, loop, Qt.Key.Key_I)
    picker = dialog_of(desk, loop, SearchPicker)
    QtBot.keyClicks(picker.query, "sgzs")
    assert picker.results.item(0).text().startswith("010101")
    QtBot.keyClick(picker.query, Qt.Key.Key_Return)
    wait_until(loop, lambda: desk.controller.draft.item_code == "010101" and desk.controller.dialog is None)
    assert "（已修改）" in desk.card_view.decision.text()
    key(desk, loop, Qt.Key.Key_Return)
    reason = dialog_of(desk, loop, ReasonDialog)
    QtBot.keyClick(reason.reasons, Qt.Key.Key_2)
    QtBot.keyClick(reason.reasons, Qt.Key.Key_Return)
    wait_until(loop, lambda: window.model.get(second).status == "dispatched")
    review = dispatch_review(w, second)
    assert review["decision"] == "corrected"
    assert (review["suggested_item"], review["chosen_item"]) == ("010102", "010101")
    assert review["reason"] == "诉求涉及其他职责事项"
    assert window.model.get(second).item_code == "010101"

    # 3. E escalates to the supervisor: a marked note, the ticket stays in review and is flagged.
    card_on(desk, loop, third)
    window.prompter.answers.append("楼顶加建是否属于街道执法，请值班长定")
    key(desk, loop, Qt.Key.Key_E)
    wait_until(loop, lambda: third in desk.escalated)
    assert window.model.get(third).status == "pending_review"
    with TEST_READER(w.ctx.db) as s:
        notes = s.scalars(select(EventRow.reason).where(EventRow.ticket_id == third,
                                                        EventRow.action == "note")).all()
    assert notes == [ESCALATION_MARKER + "楼顶加建是否属于街道执法，请值班长定"]
    wait_until(loop, lambda: desk.model.ids() == [third])
    assert desk.model.data(desk.model.index(0, 2)).startswith(ESCALATED_MARK)
    assert not window.prompter.errors
    desk.close()
    run(loop, window.session.tasks.settle())
    assert threads and all(name.startswith("dc-db") for name in threads), set(threads)


def test_supervisor_sees_escalations_and_can_filter_them(routed_world, open_window, loop) -> None:
    w = routed_world
    plain = w.intake(NOISE, ago=timedelta(minutes=30))
    escalated = w.intake(ILLEGAL, ago=timedelta(minutes=20))
    triage.add_note(w.ctx, w.actors["disp01"], escalated, ESCALATION_MARKER + "属地不清")
    window = open_window("sup01")
    desk = open_desk(window, loop)
    wait_until(loop, lambda: desk.escalated == frozenset({escalated}))
    assert desk.model.ids() == [plain, escalated]
    key(desk, loop, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    wait_until(loop, lambda: desk.model.ids() == [escalated])
    card_on(desk, loop, escalated)
    assert desk.card_view.banner.isVisible() and "属地不清" in desk.card_view.banner.text()
    key(desk, loop, Qt.Key.Key_S)  # skip with one ticket: stays
    assert desk._current == escalated
    desk.close()


def test_highlighted_text_marks_exactly_the_deciding_phrases(routed_world, open_window, loop) -> None:
    ticket = routed_world.intake(NOISE, district=None, street=None)
    window = open_window("disp01")
    desk = open_desk(window, loop)
    card_on(desk, loop, ticket)
    card = desk.controller.card
    assert card.phrases and card.places
    for span in card.spans:
        assert card.text[span.start:span.end] == span.text
    phrase_chars = {i for p in card.phrases for i in range(p.start, p.end)}
    marked: set[int] = set()
    document = desk.card_view.text.document()
    phrase_colour = QColor(PHRASE_STYLE.split("background-color:")[1].split(";")[0]).name()
    block = document.begin()
    offset = 0
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().background().color().name() == phrase_colour:
                start = fragment.position() - block.position() + offset
                marked.update(range(start, start + fragment.length()))
            iterator += 1
        offset += block.length()
        block = block.next()
    assert marked == phrase_chars
    places = desk.card_view.location.text()
    assert all(p.text in places for p in card.places)
    assert "市生态环境局福田管理局" in desk.card_view.decision.text()
    desk.close()


def test_pinyin_initials_find_items_of_the_shipped_duty_list() -> None:
    index = ItemIndex.from_catalog(load_catalog())
    found = index.search("sgzs")
    assert found and "施工噪声" in found[0].name
    assert index.search(found[0].code)[0].code == found[0].code
    assert all("噪声" in e.name or "噪声" in "".join(e.keywords) for e in index.search("噪声")[:5])


def test_merge_a_duplicate_then_dispatch_with_other_units(routed_world, open_window, loop) -> None:
    w = routed_world
    primary = w.intake(NOISE, ago=timedelta(minutes=30))
    duplicate = w.intake(NOISE + "，希望尽快处理", ago=timedelta(minutes=20))  # 尽快: fast, listed first
    window = open_window("disp01")
    desk = open_desk(window, loop)
    assert desk.model.ids() == [duplicate, primary]

    # M: the probable duplicate is offered; Enter merges, the desk moves on to the primary.
    card_on(desk, loop, duplicate)
    assert [d.ticket_id for d in desk.controller.card.duplicates] == [primary]
    key(desk, loop, Qt.Key.Key_M)
    picker = dialog_of(desk, loop, SearchPicker)
    QtBot.keyClick(picker.query, Qt.Key.Key_Return)
    wait_until(loop, lambda: window.model.get(duplicate) is None)
    card_on(desk, loop, primary)

    # L picks another lead among existing units, O ticks a co-unit; Enter asks a reason, then dispatches.
    key(desk, loop, Qt.Key.Key_L)
    picker = dialog_of(desk, loop, SearchPicker)
    picker.query.insert("福田区/housing")  # Chinese comes from an input method, not key codes
    QtBot.keyClick(picker.query, Qt.Key.Key_Return)
    wait_until(loop, lambda: desk.controller.draft.lead is not None and desk.controller.dialog is None)
    assert desk.controller.draft.effective_co == ()
    key(desk, loop, Qt.Key.Key_O)
    picker = dialog_of(desk, loop, SearchPicker)
    picker.query.insert("福田区/ecology")
    QtBot.keyClick(picker.query, Qt.Key.Key_Return)  # ticks the unit, clears the search
    assert picker.choices() == ["福田区/ecology"]
    QtBot.keyClick(picker.query, Qt.Key.Key_Return)  # done
    wait_until(loop, lambda: desk.controller.draft.co is not None and desk.controller.dialog is None)
    key(desk, loop, Qt.Key.Key_Return)
    reason = dialog_of(desk, loop, ReasonDialog)
    QtBot.keyClick(reason.reasons, Qt.Key.Key_3)
    reason.detail.setFocus()
    reason.detail.insert("住建牵头")
    QtBot.keyClick(reason.detail, Qt.Key.Key_Return)
    wait_until(loop, lambda: window.model.get(primary).status == "dispatched")
    review = dispatch_review(w, primary)
    assert review["decision"] == "corrected" and review["units_overridden"]
    assert review["reason"] == "承办单位需调整：住建牵头"
    assert window.model.get(primary).lead_unit_code == "福田区/housing"
    with TEST_READER(w.ctx.db) as s:
        event = s.scalars(select(EventRow).where(EventRow.ticket_id == primary, EventRow.action == "dispatch")).one()
        merged = s.scalars(select(EventRow.data).where(EventRow.ticket_id == duplicate,
                                                       EventRow.action == "merge")).one()
    assert event.data["co"] == ["福田区/ecology"] and merged["into"] == window.model.get(primary).number
    assert not window.prompter.errors
    desk.close()
