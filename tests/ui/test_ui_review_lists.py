"""The review desk's lists: the item picker says how many items matched when it lists only the first ones;
the pending list names its claimant column for what it shows and sizes its columns for the UI language;
a suggestion's percentage is shown beside its bar, never on the fill."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QGridLayout, QTableView, QWidget

from console.queries.rows import QueueRow
from console.reference.catalog_file import load_catalog
from console.review_desk.item_search import ItemIndex
from ui.countdown import format_remaining
from ui.i18n import install_language, t
from ui.review.card_view import CandidateRow
from ui.review.controller import ITEM_RESULTS, item_rows
from ui.review.pending_model import ESCALATED_MARK, PendingModel
from ui.review.pickers import PickerResults, PickerRow, SearchPicker

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def index() -> ItemIndex:
    return ItemIndex.from_catalog(load_catalog())


@pytest.fixture
def english() -> Iterator[None]:
    assert install_language("en")
    try:
        yield
    finally:
        install_language("zh_CN")


def row(i: int, claimed_by_name: str = "") -> QueueRow:
    now = time.time()
    return QueueRow(id=i, number=f"MY20261124{i:06d}", version=1, received_ts=now - 60, kind="complaint",
                    channel="hotline", urgency="fast", urgency_rank=1, status="pending_review", district="福田区",
                    street="园岭", item_code="", item_name="", category="", line="", lead_unit="",
                    lead_unit_code="", claimed_by=7 if claimed_by_name else None, claimed_by_name=claimed_by_name,
                    title=f"诉求{i}号", due_kind="dispatch", due_start_ts=now - 3600, due_ts=now - 23 * 60,
                    search_blob="")


# ---------------------------------------------------------------------- item picker
def test_item_rows_are_capped_but_count_every_match(index: ItemIndex) -> None:
    everything = item_rows(index, "")
    assert len(everything) == ITEM_RESULTS < len(index.entries)
    assert everything.total == len(index.entries)
    assert item_rows(index, "zs").total == len(index.search("zs", len(index.entries))) > ITEM_RESULTS
    few = item_rows(index, "sgzs")
    assert 0 < len(few) == few.total <= ITEM_RESULTS


def test_picker_summary_gives_the_true_count_and_how_many_are_listed(index: ItemIndex) -> None:
    picker = SearchPicker("t", "p", lambda query: item_rows(index, query))
    total = len(index.entries)
    assert picker.results.count() == ITEM_RESULTS
    assert picker.summary.text() == t("找到 {n} 项，显示前 {shown} 项").format(n=total, shown=ITEM_RESULTS)
    picker.query.setText("sgzs")
    shown = picker.results.count()
    assert shown and picker.summary.text() == t("找到 {n} 项").format(n=shown)
    picker.close()


def test_picker_over_a_plain_list_counts_its_rows() -> None:
    rows = [PickerRow(str(i), f"row {i}") for i in range(3)]
    picker = SearchPicker("t", "p", lambda _query: rows)
    assert picker.total == 3 and picker.summary.text() == t("找到 {n} 项").format(n=3)
    picker.close()
    assert PickerResults(rows, total=1).total == 3  # never fewer than listed


# ---------------------------------------------------------------------- pending list
def test_claimant_column_is_named_for_what_it_shows() -> None:
    model = PendingModel()
    model.set_rows([row(1, "郑伟"), row(2)], frozenset({2}))
    assert model.headerData(PendingModel.CLAIMED_BY, Qt.Orientation.Horizontal) == t("认领人")
    assert model.data(model.index(0, PendingModel.CLAIMED_BY)) == "郑伟"
    assert model.data(model.index(1, PendingModel.CLAIMED_BY)) == ""
    # An escalation is marked on the request, not in the claimant column.
    assert model.data(model.index(0, PendingModel.TITLE)) == "诉求1号"
    assert model.data(model.index(1, PendingModel.TITLE)) == ESCALATED_MARK + "诉求2号"
    tip = model.data(model.index(1, PendingModel.TITLE), Qt.ItemDataRole.ToolTipRole)
    assert t("已转值班长") in tip and "诉求2号" in tip


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_fixed_columns_fit_their_header_and_an_overdue_time(language: str) -> None:
    install_language(language)
    try:
        model = PendingModel()
        model.set_rows([row(1, "郑伟")], frozenset())
        view = QTableView()
        view.setModel(model)
        bold = QFont(view.horizontalHeader().font())
        bold.setBold(True)
        cells, header = view.fontMetrics(), QFontMetrics(bold)
        widths = model.column_widths(cells, header)
        assert set(widths) == {0, 1, 3, PendingModel.CLAIMED_BY}
        for column, width in widths.items():
            assert width > header.horizontalAdvance(str(model.headerData(column, Qt.Orientation.Horizontal)))
        overdue = model.data(model.index(0, 0))
        assert overdue.startswith(t("超 "))
        assert widths[0] > cells.horizontalAdvance(format_remaining(-(9 * 3600 + 59 * 60 + 59), t("超 "),
                                                                    t("天"), t("时")))
        assert widths[1] > cells.horizontalAdvance(model.data(model.index(0, 1)))
        view.close()
    finally:
        install_language("zh_CN")


def test_english_headers_name_place_and_claimant(english: None) -> None:
    model = PendingModel()
    assert model.headerData(3, Qt.Orientation.Horizontal) == "District / street"
    assert model.headerData(PendingModel.CLAIMED_BY, Qt.Orientation.Horizontal) == "Claimed by"


# ---------------------------------------------------------------------- top-3 bars
def test_percentage_is_beside_the_bar_not_on_its_fill() -> None:
    host = QWidget()
    grid = QGridLayout(host)
    candidate = CandidateRow(grid, 0)
    candidate.show(1, "150102", "水压不足", ("水电气与通信邮政", "供水", "水压不足"), 0.43, True)
    assert not candidate.bar.isTextVisible()
    assert candidate.bar.value() == 43 and candidate.percent.text() == "43%"
    candidate.hide()
    assert candidate.percent.text() == ""
    host.close()
