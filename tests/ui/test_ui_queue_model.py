"""The queue model keeps Qt's model contract (qtmodeltester) through sorting, filtering and live changes,
and applies live changes in place: no reset, selection kept."""

from __future__ import annotations

import dataclasses
import math
import time

import pytest
from PySide6.QtCore import Qt

from console.queries.queue import RowRefresh
from console.queries.rows import QueueRow
from console.queries.views import ViewSpec, compile_search, compile_spec
from ui.queue_columns import Labels, build_columns
from ui.queue_model import QueueModel

pytestmark = pytest.mark.usefixtures("qapp")


def make_row(i: int, urgency: str = "normal", status: str = "pending_review", due_in: float = 3600.0,
             claimed_by: int | None = None) -> QueueRow:
    now = time.time()
    rank = {"urgent": 0, "fast": 1, "normal": 2}[urgency]
    return QueueRow(id=i, number=f"MY20261124{i:06d}", version=1, received_ts=now - 60, kind="complaint",
                    channel="hotline", urgency=urgency, urgency_rank=rank, status=status, district="福田区",
                    street="园岭", item_code="", item_name="", category="", line="", lead_unit="",
                    lead_unit_code="", claimed_by=claimed_by, claimed_by_name="", title=f"诉求{i}号",
                    due_kind="dispatch", due_start_ts=now - 60, due_ts=now + due_in if due_in else math.inf,
                    search_blob=f"my20261124{i:06d} 1381234{i:04d} 诉求{i}号")


def model_with(rows: list[QueueRow]) -> QueueModel:
    Labels.load()
    model = QueueModel(build_columns())
    model.set_rows(rows)
    return model


def test_model_contract_through_sort_filter_and_live_changes(qtmodeltester) -> None:
    rows = [make_row(i, ("urgent", "fast", "normal")[i % 3], due_in=600 + 97 * i) for i in range(1, 60)]
    model = model_with(rows)
    qtmodeltester.check(model, force_py=True)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    model.set_filter(compile_spec(ViewSpec(urgencies=("urgent",)), None, time.time()))
    model.apply(RowRefresh((make_row(100, "urgent"), dataclasses.replace(rows[2], urgency="normal", urgency_rank=2)),
                           (rows[5].id,)))
    model.set_filter(None)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.apply(RowRefresh((dataclasses.replace(rows[10], due_ts=time.time() - 5),), ()))
    qtmodeltester.check(model, force_py=True)


def test_rows_are_in_order_after_any_sequence_of_changes() -> None:
    rows = [make_row(i, ("urgent", "fast", "normal")[i % 3], due_in=100 * (i % 17) + 1) for i in range(1, 200)]
    model = model_with(rows)
    for column, order in ((0, Qt.SortOrder.AscendingOrder), (2, Qt.SortOrder.DescendingOrder), (-1, None)):
        model.sort(column, order or Qt.SortOrder.AscendingOrder)
        changes = tuple(dataclasses.replace(r, due_ts=r.due_ts + 500 * ((r.id * 7) % 5 - 2), urgency="urgent",
                                            urgency_rank=0) for r in rows[::9])
        model.apply(RowRefresh(changes, (rows[3].id,)))
        shown = [model.row_at(i) for i in range(model.rowCount())]
        if column >= 0:
            attrs = (*model.columns[column].sort_attrs, "id")
            keys = [tuple(getattr(r, a) for a in attrs) for r in shown]
            assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder)
        assert len(shown) == len({r.id for r in shown})
        rows = [model.get(r.id) for r in rows if model.get(r.id) is not None]


def test_live_change_moves_the_row_without_reset_and_keeps_selection(qtbot) -> None:
    from ui.queue_view import QueueView

    rows = [make_row(i, due_in=1000 + i) for i in range(1, 30)]
    model = model_with(rows)
    view = QueueView(model)
    qtbot.addWidget(view)
    assert view.select_ticket(20)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    moved = dataclasses.replace(model.get(20), urgency="urgent", urgency_rank=0)
    with qtbot.waitSignal(model.rowsMoved):
        model.apply(RowRefresh((moved,), ()))
    model.apply(RowRefresh((make_row(99, "urgent", due_in=5),), (3,)))
    assert not resets
    assert view.current_id() == 20
    assert model.row_at(0).id == 99 and model.row_at(1).id == 20


def test_countdown_and_colours_follow_the_clock_without_queries() -> None:
    model = model_with([make_row(1, "urgent", due_in=100)])
    index = model.index(0, 0)
    model.tick(time.time())
    assert model.data(index, Qt.ItemDataRole.DisplayRole).startswith("分拨 01:")
    ok = model.data(index, Qt.ItemDataRole.BackgroundRole).color().name()
    model.tick(time.time() + 200)
    assert "超" in model.data(index, Qt.ItemDataRole.DisplayRole)
    breached = model.data(index, Qt.ItemDataRole.BackgroundRole).color().name()
    assert ok != breached and breached == "#c62828"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DisplayRole) == "紧急"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DecorationRole) is not None


def test_search_by_number_phone_and_text() -> None:
    model = model_with([make_row(i) for i in range(1, 50)])
    for text, expected in (("MY20261124000007", {7}), ("138-1234 0012", {12}), ("诉求4号", {4})):
        model.set_filter(None, text)
        assert {model.row_at(i).id for i in range(model.rowCount())} == expected
        model.set_filter(compile_search(text))
        assert {model.row_at(i).id for i in range(model.rowCount())} == expected
