"""The supervisors' routing-quality view shows the figures of a scripted set of review decisions:
two accepted suggestions, one correction, one automatic dispatch."""

from __future__ import annotations

import pytest
from conftest import wait_until
from dc_testworld import MINI_CATALOG
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.reference.catalog_file import load_catalog
from console.routing.adapter import RouterAdapter
from console.routing.engine import RoutingEngine
from console.services import triage
from console.services.context import RoomSettings

NOISE = "园岭街道百花二路的工地夜间施工噪声很大，凌晨两点还在打桩"
NOISE_AGAIN = "福田区园岭的工地施工噪声太吵，晚上十一点还在施工"
NEIGHBOUR = "楼上邻居吵，每天晚上都在唱KTV到凌晨"


@pytest.fixture(scope="module")
def router() -> RouterAdapter:
    return RouterAdapter(RoutingEngine(load_catalog(MINI_CATALOG)))


def scripted_decisions(world, router) -> None:
    world.ctx.router = router
    world.ctx.settings = RoomSettings(auto_dispatch_threshold=1.01)
    dispatcher = world.actors["disp01"]
    for text in (NOISE, NOISE_AGAIN):
        ticket = world.intake(text)
        triage.dispatch(world.ctx, dispatcher, ticket, item_code="010101", reason="接受")
    corrected = world.intake(NEIGHBOUR)
    triage.dispatch(world.ctx, dispatcher, corrected, item_code="010101", reason="建议事项不准确")
    world.ctx.settings = RoomSettings(auto_dispatch_threshold=0.0)
    world.intake(NOISE)  # dispatched by the system without review


def test_quality_view_shows_the_scripted_figures(world, router, open_window, loop) -> None:
    scripted_decisions(world, router)
    window = open_window("sup01")
    window.activateWindow()
    QtBot.keyClick(window.view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_until(loop, lambda: getattr(window, "quality_view", None) is not None
               and window.quality_view.report is not None)
    view = window.quality_view
    assert view.figures["precision"].text() == "66.7%"
    assert view.figures["automatic"].text() == "25.0%"
    assert (view.figures["dispatched"].text(), view.figures["reviewed"].text()) == ("4", "3")
    assert (view.figures["accepted"].text(), view.figures["corrected"].text()) == ("2", "1")
    first = [view.items.item(0, c).text() for c in range(view.items.columnCount())]
    assert first == ["010102", "社会生活噪声", "1", "0", "1", "0.0%"]
    assert [view.items.item(1, c).text() for c in (0, 2, 3, 5)] == ["010101", "2", "2", "100.0%"]
    correction = [view.corrections.item(0, c).text() for c in range(3)]
    assert correction == ["010102 社会生活噪声", "010101 建筑施工噪声", "1"]
    view.set_window("week")
    wait_until(loop, lambda: view.report is not None and view.report.quality.until > view.report.quality.since)
    view.close()


def test_only_supervisors_and_admins_get_the_quality_view(world, open_window) -> None:
    dispatcher = open_window("disp01")
    assert "review_quality" not in dispatcher.qactions and "review_desk" in dispatcher.qactions
    supervisor = open_window("sup01")
    assert supervisor.qactions["review_quality"].shortcut().toString() == "Ctrl+Shift+Q"
    assert supervisor.qactions["review_desk"].shortcut().toString() == "Ctrl+R"
