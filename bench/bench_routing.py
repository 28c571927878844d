"""Routing benchmark: latency with a 4,315-item duty list, and the eval figures on routing-dev and holdout.

Usage: ``python bench/bench_routing.py [--cases PATH] [--holdout PATH] [--items 4315] [--json]``

Two labelled sets are scored with the shipped duty list (no training): ``routing-dev.jsonl`` (shared,
public, used for tuning) and ``resources/routing/holdout.jsonl`` (160 requests written and labelled
from the duty list and DOMAIN rules before the engine was run on them; never used for tuning). Their
figures side by side show how well the cold-start engine generalises to unseen requests.

The large list is derived from the shipped one: every item is cloned under new subcategories with
its name and keywords varied by a setting qualifier (``住宅小区``, ``城中村`` …), until the list
holds ``--items`` items (the size of Shenzhen's real duty list, "3级18类4315项").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from console.domain.catalog import Catalog, Category, DutyItem, Subcategory  # noqa: E402
from console.reference.catalog_file import load_catalog  # noqa: E402
from console.routing.engine import RoutingEngine  # noqa: E402
from console.routing.evaluation import evaluate, percentile, read_cases  # noqa: E402

DEV_CASES = ROOT.parent / "shared" / "reference" / "routing-dev.jsonl"
HOLDOUT_CASES = ROOT / "resources" / "routing" / "holdout.jsonl"
QUALIFIERS = (
    "住宅小区", "城中村", "工业园区", "商业街区", "学校周边", "公园景区", "主干道路", "地铁沿线",
    "农贸市场", "医院周边", "建筑工地", "旧改片区", "口岸周边", "滨海片区", "物流园区", "产业园",
)


def _vary(item: DutyItem, qualifier: str, code: str) -> DutyItem:
    return replace(
        item,
        code=code,
        name=f"{item.name}（{qualifier}）",
        description=f"{qualifier}范围内：{item.description}",
        keywords=tuple(f"{qualifier}{k}" for k in item.keywords[:3]) + item.keywords[3:],
    )


def enlarge(catalog: Catalog, target: int) -> Catalog:
    """A catalog of exactly ``target`` items derived from ``catalog`` (which it contains)."""
    count = len(catalog.items)
    categories = []
    for category in catalog.categories:
        subs = list(category.subcategories)
        categories.append([category, subs])
    round_no = 0
    while count < target:
        qualifier = QUALIFIERS[round_no % len(QUALIFIERS)]
        round_no += 1
        for entry in categories:
            category, subs = entry
            for sub in category.subcategories:
                if count >= target:
                    break
                new_sub_no = len(subs) + 1
                if new_sub_no > 99:
                    continue
                sub_code = f"{category.code}{new_sub_no:02d}"
                items = []
                for n, item in enumerate(sub.items, start=1):
                    if count >= target:
                        break
                    items.append(_vary(item, qualifier, f"{sub_code}{n:02d}"))
                    count += 1
                if items:
                    subs.append(Subcategory(sub_code, f"{sub.name}（{qualifier}）", tuple(items)))
        if round_no > 200:
            raise RuntimeError("cannot reach the target size")
    return Catalog(
        version=f"{catalog.version}-x{target}",
        effective_from=catalog.effective_from,
        categories=tuple(Category(c.code, c.name, tuple(s)) for c, s in categories),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEV_CASES)
    parser.add_argument("--holdout", type=Path, default=HOLDOUT_CASES, help="held-out cases (never tuned on)")
    parser.add_argument("--items", type=int, default=4315)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the dev texts for timing")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    shipped = load_catalog()
    cases = read_cases(args.cases)
    shipped_engine = RoutingEngine(shipped)
    figures = evaluate(shipped_engine, cases).headline()
    holdout_figures = evaluate(shipped_engine, read_cases(args.holdout)).headline()

    big = enlarge(shipped, args.items)
    start = time.perf_counter()
    engine = RoutingEngine(big)
    build_s = time.perf_counter() - start
    for case in cases[:20]:  # warm-up
        engine.propose(case.text, case.district)
    times = []
    for _ in range(args.rounds):
        for case in cases:
            t0 = time.perf_counter()
            engine.propose(case.text, case.district)
            times.append((time.perf_counter() - t0) * 1000)
    result = {
        "shipped_items": len(shipped.items),
        "eval_shipped": figures,
        "eval_holdout": holdout_figures,
        "bench_items": len(big.items),
        "bench_index_build_s": round(build_s, 3),
        "bench_tickets": len(times),
        "bench_p50_ms": round(percentile(times, 50), 3),
        "bench_p99_ms": round(percentile(times, 99), 3),
        "bench_p99_target_ms": 10.0,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"routing-dev ({len(cases)} cases, tuning set) and holdout (never tuned on) "
              f"with the shipped duty list ({len(shipped.items)} items, no training):")
        print(f"  {'':>16}  {'routing-dev':>12}  {'holdout':>12}")
        for key, value in figures.items():
            print(f"  {key:>16}: {value!s:>12}  {holdout_figures.get(key, '')!s:>12}")
        print(f"latency with a {len(big.items)}-item duty list ({len(times)} tickets, "
              f"index built in {build_s:.2f} s):")
        print(f"  p50 {result['bench_p50_ms']} ms   p99 {result['bench_p99_ms']} ms   (target p99 ≤ 10 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
