"""The English UI is complete and records stay in Chinese.

- Every Chinese literal of ``ui/`` reaches the catalogue: through ``t()``, ``N_()`` (tables shown with
  ``t(value)``), ``record()`` (text written into records) or the command tables that ``label_sources`` reads;
  the few exceptions are listed below with their reason.
- Every catalogue string has a finished, English translation with the same ``{fields}``.
- An English session writes the canonical Chinese reason into the dispatch event, and shows it translated.
"""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import timedelta

import pytest
from conftest import wait_until
from dc_testworld import MINI_CATALOG
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.db.engine import Database
from console.db.schema import EventRow
from console.reference.catalog_file import load_catalog
from console.routing.adapter import RouterAdapter
from console.routing.engine import RoutingEngine
from console.services.context import RoomSettings
from ui.i18n import TRANSLATIONS, install_language, record_text, t
from ui.i18n_build import CJK, label_sources, literal_sources, untranslated_literals

# Chinese literals that are not UI text, by file (relative to ui/) and exact value.
ALLOWED: dict[str, set[str]] = {
    # Benchmark sample data (districts, titles, units of generated tickets); never shown to a user.
    "bench_queue.py": {"光明区", "南山区", "坪山区", "大鹏新区", "宝安区", "盐田区", "福田区", "罗湖区", "龙华区",
                       "龙岗区",
                       "商贩占道经营", "垃圾清运不及时", "小区里闻到煤气味", "工地夜间施工噪声扰民", "路口红绿灯损坏",
                       "井盖缺失", "公交站台雨棚损坏", "房东不退押金", "电梯困人", "积水严重", "行道树倒伏",
                       "餐馆油烟直排", "交通运输局", "住房和建设局", "公安分局", "城市管理和综合执法局", "水务局",
                       "生态环境局", "附近", "，", "，编号", "分拨", "煤气", "电梯困人 附近", "分拨03"},
    # Column sizing samples (the widest district/street and claimant name a cell is sized for); never shown.
    "review/pending_model.py": {"龙岗区南湾街", "欧阳晓明"},
    # Screenshot scene data (a colleague's name and action in a staged conflict).
    "room/screenshot.py": {"钱分拨", "调整紧急程度", "认领 "},
    # The language menu names each language in itself.
    "i18n.py": {"简体中文"},
    # Input parsing: the separators an admin may type between keywords; the routing reason's quote marks.
    "admin/item_form.py": {"、", "，", "；"},
    "review/reasons.py": {"「(.*?)」"},
    # The version id of the unsaved candidate list handed to the core (data, like any version id).
    "admin/jobs.py": {"（待保存）"},
    # The command-line description (argparse, bilingual on purpose), not the window.
    "entry.py": {"分拨调度台 — 12345 民意速办 dispatch-room console. Without a command: open the window."},
    # Defaults of a pure function; the window passes translated unit words (ui.queue_columns.Labels).
    "countdown.py": {"超 ", "天", "时"},
}

# Known and not yet fixed, in files owned by other engineers (see the i18n report): shrink, never grow.
PENDING: dict[str, set[str]] = {}

# English that quotes Chinese on purpose: the text typed into Chinese data (keywords, item names).
QUOTES_CHINESE = {"简体中文", "用「、」分隔", "按关键词、事项编码或拼音首字母（如 sgzs → 施工噪声）搜索："}

# Translations may leave out a source field, and use these extra ones the code passes as well.
EXTRA_FIELDS = {"{date} 第{slot}班（{start}–{end}）": {"number"}, "第{slot}班 {start}–{end}": {"number"}}


def test_every_chinese_literal_of_the_ui_goes_through_the_catalogue() -> None:
    found = untranslated_literals()
    stray = [f"ui/{path}:{line}: {text!r}" for path, line, text in found
             if text not in ALLOWED.get(path, set()) | PENDING.get(path, set())]
    assert not stray, "Chinese shown without the catalogue (use t/N_/record):\n" + "\n".join(stray)


def test_the_exception_lists_hold_nothing_stale() -> None:
    found = {(path, text) for path, _line, text in untranslated_literals()}
    stale = [(path, text) for table in (ALLOWED, PENDING) for path, texts in table.items() for text in texts
             if (path, text) not in found]
    assert not stale, f"no longer in the source, remove from the lists: {stale}"


def test_the_scan_sees_f_strings_and_tables(tmp_path, monkeypatch) -> None:
    import ui.i18n_build as build

    (tmp_path / "sample.py").write_text(
        'from ui.i18n import N_, record, t\n'
        'HEADERS = (N_("地点"), "问题")\n'
        'def f(n):\n'
        '    """文档。"""\n'
        '    return f"已导出 {n} 行", t("已导出 {n} 行").format(n=n), record("人工复核")\n', encoding="utf-8")
    monkeypatch.setattr(build, "UI_DIR", tmp_path)
    assert sorted((line, text) for _path, line, text in build.untranslated_literals()) == \
        [(2, "问题"), (5, " 行"), (5, "已导出 ")]
    assert sorted(build.literal_sources()) == sorted(["地点", "已导出 {n} 行", "人工复核"])


def _catalogue() -> dict[str, str | None]:
    root = ET.parse(TRANSLATIONS / "dispatch_console_en.ts").getroot()
    return {m.findtext("source") or "": (None if m.find("translation").get("type") == "unfinished"
                                         else m.findtext("translation")) for m in root.iter("message")}


def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_catalogue_string_has_an_english_translation() -> None:
    catalogue = _catalogue()
    sources = set(literal_sources()) | set(label_sources())
    assert sources <= catalogue.keys(), f"run python -m ui.i18n_build: {sorted(sources - catalogue.keys())}"
    untranslated = sorted(s for s in sources if not (catalogue[s] or "").strip())
    assert not untranslated, f"no English for: {untranslated}"
    chinese = sorted(s for s in sources if CJK.search(catalogue[s] or "") and s not in QUOTES_CHINESE)
    assert not chinese, f"English that is still Chinese: {chinese}"
    broken = sorted(s for s in sources if not _fields(catalogue[s] or "") <= _fields(s) | EXTRA_FIELDS.get(s, set()))
    assert not broken, f"translations with fields the code does not pass: {broken}"


@pytest.fixture
def english(qapp) -> Iterator[None]:
    assert install_language("en")
    try:
        yield
    finally:
        install_language("zh_CN")


def test_record_texts_are_shown_translated(english) -> None:
    from ui.review.controller import ACCEPTED_REASON, MERGE_REASON
    from ui.review.pickers import CORRECTION_REASONS

    assert record_text(ACCEPTED_REASON) == "Manual review: routing suggestion accepted"
    assert record_text(MERGE_REASON.format(number="SZ2611240001")) == \
        "Merged at review desk: same request as SZ2611240001"
    assert record_text(CORRECTION_REASONS[2] + "：住建牵头") == "The handling units need changing: 住建牵头"
    assert record_text("市民自己写的话") == "市民自己写的话"
    assert t(CORRECTION_REASONS[2]) == "The handling units need changing"


@pytest.fixture
def routed_world(world):
    world.ctx.router = RouterAdapter(RoutingEngine(load_catalog(MINI_CATALOG)))
    world.ctx.settings = RoomSettings(auto_dispatch_threshold=1.01)
    return world


def _dispatch_event(world, ticket_id: int) -> tuple[str, dict]:
    """(the event's reason, its review data) of the ticket's last dispatch."""
    with Database.reader(world.ctx.db) as s:
        event = s.scalars(select(EventRow).where(EventRow.ticket_id == ticket_id, EventRow.action == "dispatch")
                          .order_by(EventRow.id.desc())).first()
        return event.reason, event.data["review"]


def test_an_english_session_records_chinese_reasons(english, routed_world, open_window, loop) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.review.pickers import ReasonDialog, SearchPicker

    w = routed_world
    accepted = w.intake("园岭街道百花二路的工地夜间施工噪声很大，凌晨两点还在打桩", ago=timedelta(minutes=20))
    corrected = w.intake("楼上邻居吵，每天晚上都在唱KTV到凌晨", ago=timedelta(minutes=10))
    window = open_window("disp01")
    assert window.menuBar().actions()[0].text() == "File"
    window.activateWindow()
    QtBot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    desk = window.review_desk
    wait_until(loop, lambda: desk.isVisible() and desk.model.rowCount() > 0)
    assert desk.model.headerData(2, Qt.Orientation.Horizontal) == "Request"

    def press(key) -> None:
        desk.activateWindow()
        desk.table.setFocus()
        wait_until(loop, lambda: QApplication.activeWindow() is desk)
        QtBot.keyClick(desk.table, key)

    def card_on(ticket_id: int) -> None:
        wait_until(loop, lambda: desk.controller.card is not None and desk.controller.card.id == ticket_id
                   and desk._current == ticket_id and not desk.controller.busy)

    # Enter accepts the suggestion: the event's reason is the Chinese one.
    card_on(accepted)
    press(Qt.Key.Key_Return)
    wait_until(loop, lambda: window.model.get(accepted).status == "dispatched")
    reason, review = _dispatch_event(w, accepted)
    assert review["decision"] == "accepted"
    assert reason == review["reason"] == "人工复核：接受路由建议"

    # A correction: the reasons are listed in English, the chosen one is stored in Chinese.
    card_on(corrected)
    assert desk.controller.card.suggested_item == "010102"
    press(Qt.Key.Key_I)
    wait_until(loop, lambda: isinstance(desk.controller.dialog, SearchPicker) and desk.controller.dialog.isVisible())
    picker = desk.controller.dialog
    QtBot.keyClicks(picker.query, "sgzs")
    QtBot.keyClick(picker.query, Qt.Key.Key_Return)
    wait_until(loop, lambda: desk.controller.draft.item_code == "010101" and desk.controller.dialog is None)
    assert "(changed)" in desk.card_view.decision.text()
    press(Qt.Key.Key_Return)
    wait_until(loop, lambda: isinstance(desk.controller.dialog, ReasonDialog) and desk.controller.dialog.isVisible())
    dialog = desk.controller.dialog
    assert dialog.reasons.item(1).text() == "2  The request concerns another duty item"
    QtBot.keyClick(dialog.reasons, Qt.Key.Key_2)
    dialog.detail.setFocus()
    dialog.detail.insert("wrong line")
    QtBot.keyClick(dialog.detail, Qt.Key.Key_Return)
    wait_until(loop, lambda: window.model.get(corrected).status == "dispatched")
    reason, review = _dispatch_event(w, corrected)
    assert review["decision"] == "corrected"
    assert reason == review["reason"] == "诉求涉及其他职责事项：wrong line"
    assert record_text(reason) == "The request concerns another duty item: wrong line"
    desk.close()


def test_a_listed_reveal_reason_is_recorded_in_chinese(english, qtbot) -> None:
    from ui.dialogs.reveal_dialog import RevealDialog

    dialog = RevealDialog("SZ2611240001")
    qtbot.addWidget(dialog)
    assert dialog.reason_box.itemText(0) == "Citizen asked to be called back"
    dialog.reason_box.setCurrentIndex(0)
    assert dialog.reason() == "市民要求回电"
    assert record_text(dialog.reason()) == "Citizen asked to be called back"
    dialog.reason_box.setEditText("checking the address")
    assert dialog.reason() == "checking the address"
