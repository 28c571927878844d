"""``dispatch-console bench queue --rows 100000 [--json]``: the live queue's costs on N open tickets built
in memory, with the real model and table view offscreen. Prints sort_ms, filter_ms, search_ms,
apply_100_changes_ms, first_paint_ms and rss_mb (medians of several runs where it makes sense).

Wall-clock figures are the headline; CPU milliseconds of the same calls (``cpu_ms``), the 1-minute load
average and ``reference_sort_ms`` (plain ``sorted()`` of 100,000 random floats, ~8-10 ms on an idle
desktop) say how loaded the machine was. Targets (issue 3): sort ≤ 30 ms, filter ≤ 30 ms,
search ≤ 50 ms, 100 remote changes ≤ 20 ms, first paint ≤ 1.5 s. Lives in ``ui`` because it needs Qt;
``ui.entry`` dispatches ``bench queue`` here.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from console.queries.queue import RowRefresh
from console.queries.rows import NO_DEADLINE, QueueRow

TARGETS = {"sort_ms": 30, "filter_ms": 30, "search_ms": 50, "apply_100_changes_ms": 20, "first_paint_ms": 1500}
DISTRICTS = ["福田区", "罗湖区", "南山区", "盐田区", "宝安区", "龙岗区", "龙华区", "坪山区", "光明区", "大鹏新区"]
STATUSES = ["received", "pending_review", "dispatched", "accepted", "handling", "replied", "returned", "arbitration"]
PHRASES = ["工地夜间施工噪声扰民", "小区里闻到煤气味", "路口红绿灯损坏", "商贩占道经营", "垃圾清运不及时",
           "电梯困人", "井盖缺失", "餐馆油烟直排", "公交站台雨棚损坏", "房东不退押金", "行道树倒伏", "积水严重"]
UNITS = ["城市管理和综合执法局", "生态环境局", "交通运输局", "住房和建设局", "水务局", "公安分局"]
LINES = ["urban_mgmt", "ecology", "transport", "housing", "water", "police"]


def make_rows(count: int, seed: int = 42, now: float | None = None) -> list[QueueRow]:
    """``count`` plausible open-ticket rows (deterministic for a seed)."""
    rng = random.Random(seed)
    now = time.time() if now is None else now
    rows = []
    for i in range(1, count + 1):
        urgency = rng.choices(("urgent", "fast", "normal"), (1, 3, 12))[0]
        received = now - rng.uniform(0, 6 * 86400)
        due = received + rng.uniform(0.2, 3) * {"urgent": 1800, "fast": 7200, "normal": 28800}[urgency]
        district = rng.choice(DISTRICTS)
        unit = rng.randrange(len(UNITS))
        text = rng.choice(PHRASES) + "，" + rng.choice(PHRASES) + f"，编号{i}附近"
        phone = f"13{rng.randrange(10**9):09d}"
        number = f"MY2026{rng.randint(1118, 1124):04d}{i:06d}"
        claimed = rng.randrange(1, 60) if rng.random() < 0.2 else None
        rows.append(QueueRow(
            id=i, number=number, version=1, received_ts=received, kind=rng.choice(("complaint", "help")),
            channel="hotline", urgency=urgency, urgency_rank={"urgent": 0, "fast": 1, "normal": 2}[urgency],
            status=rng.choice(STATUSES), district=district, street="", item_code=f"{rng.randint(1, 18):02d}0101",
            item_name=text[:6], category=f"{rng.randint(1, 18):02d}", line=LINES[unit],
            lead_unit=district + UNITS[unit],
            lead_unit_code=f"{district}/{LINES[unit]}", claimed_by=claimed,
            claimed_by_name=f"分拨{claimed:02d}" if claimed else "", title=text[:30], due_kind="reply",
            due_start_ts=received, due_ts=due if rng.random() > 0.01 else NO_DEADLINE,
            search_blob=f"{number} {phone} {text}".lower()))
    return rows


_CPU: dict[str, list[float]] = {}


def _ms(fn: Callable[[], Any], figure: str = "") -> float:
    """Wall-clock milliseconds of one call; its CPU milliseconds are kept under ``figure``."""
    cpu, start = time.process_time(), time.perf_counter()
    fn()
    wall = (time.perf_counter() - start) * 1000
    if figure:
        _CPU.setdefault(figure, []).append((time.process_time() - cpu) * 1000)
    return wall


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reference_sort_ms() -> float:
    values = [random.random() for _ in range(100_000)]
    return statistics.median(_ms(lambda: sorted(values)) for _ in range(3))


def run_bench(rows_count: int, seed: int = 42) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QApplication

    from console.queries.views import ViewSpec, compile_spec
    from ui.queue_columns import Labels, build_columns
    from ui.queue_model import QueueModel
    from ui.queue_view import QueueView

    app = QApplication.instance() or QApplication([])
    Labels.load()
    rows = make_rows(rows_count, seed)
    now = time.time()

    class PaintWatch(QObject):
        painted = False

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    start, cpu_start = time.perf_counter(), time.process_time()
    model = QueueModel(build_columns())
    model.set_rows(rows)
    view = QueueView(model)
    watch = PaintWatch()
    view.viewport().installEventFilter(watch)
    view.resize(1400, 800)
    view.show()
    while not watch.painted:
        app.processEvents()
    first_paint = (time.perf_counter() - start) * 1000
    first_paint_cpu = (time.process_time() - cpu_start) * 1000
    view.selectRow(10)

    columns = [2, 3, 0, 9]
    _CPU.clear()
    sorts = [_ms(lambda c=c: model.sort(c, Qt.SortOrder.DescendingOrder), "sort_ms") for c in columns]
    model.sort(-1, Qt.SortOrder.AscendingOrder)
    specs = [ViewSpec(urgencies=("urgent",)), ViewSpec(statuses=("received", "pending_review", "returned")),
             ViewSpec(districts=("南山区",)), ViewSpec(due_within_minutes=30), ViewSpec(overdue=True)]
    filters = []
    for spec in specs:
        predicate = compile_spec(spec, 7, now)
        filters.append(_ms(lambda p=predicate: model.set_filter(p), "filter_ms"))
        model.set_filter(None)
    searches = []
    sample = rows[54321 % len(rows)]
    phone = sample.search_blob.split()[1]
    for text in ("煤气", sample.number, phone, phone[-4:], "电梯困人 附近"):
        searches.append(_ms(lambda s=text: model.set_filter(None, s), "search_ms"))
        model.set_filter(None)
    app.processEvents()

    rng = random.Random(seed + 1)
    changes = []
    for _ in range(5):
        picked = rng.sample(rows, 100)
        updated = tuple(dataclasses.replace(r, status="dispatched", claimed_by=3, claimed_by_name="分拨03",
                                            due_ts=r.due_ts + rng.uniform(-3600, 3600), version=r.version + 1)
                        for r in picked[:80])
        inserted = tuple(dataclasses.replace(r, id=10_000_000 + rng.randrange(10**6)) for r in picked[80:90])
        gone = tuple(r.id for r in picked[90:])
        refresh = RowRefresh(updated + inserted, gone)
        changes.append(_ms(lambda rf=refresh: model.apply(rf), "apply_100_changes_ms"))
        app.processEvents()
        rows = model.all_rows()[:]
    result = {
        "rows": rows_count,
        "sort_ms": round(statistics.median(sorts), 1),
        "filter_ms": round(statistics.median(filters), 1),
        "search_ms": round(statistics.median(searches), 1),
        "apply_100_changes_ms": round(statistics.median(changes), 2),
        "first_paint_ms": round(first_paint, 1),
        "rss_mb": round(_rss_mb(), 1),
        "reference_sort_ms": round(_reference_sort_ms(), 1),
        "load_avg_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "cpu_ms": {**{k: round(statistics.median(v), 1) for k, v in _CPU.items()},
                   "first_paint_ms": round(first_paint_cpu, 1)},
        "worst": {"sort_ms": round(max(sorts), 1), "filter_ms": round(max(filters), 1),
                  "search_ms": round(max(searches), 1), "apply_100_changes_ms": round(max(changes), 2)},
    }
    view.close()
    view.deleteLater()
    app.processEvents()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dispatch-console bench queue")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.rows < 1:
        print("error: --rows must be positive", file=sys.stderr)
        return 2
    result = run_bench(args.rows, args.seed)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    for key, target in TARGETS.items():
        mark = "ok" if result[key] <= target else "OVER"
        print(f"{key:>22}: {result[key]:>8} (target ≤ {target}) {mark}")
    print(f"{'rss_mb':>22}: {result['rss_mb']:>8}")
    print(f"CPU ms (medians; wall time suffers on a loaded machine, load {result['load_avg_1m']}): "
          + ", ".join(f"{k} {v}" for k, v in result["cpu_ms"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
