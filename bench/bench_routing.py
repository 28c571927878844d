"""Routing benchmark: latency with a 4,315-item duty list, and the eval figures on five labelled sets.

Usage: ``python bench/bench_routing.py [--items 4315] [--json]``

The sets are scored with the shipped duty list and example requests (no training):
- development (read and tuned on): ``routing-dev.jsonl`` (shared), ``resources/routing/dev2a.jsonl``
  and ``dev2b.jsonl`` (440 fresh requests, see ``dev2.README.md``);
- held out (never tuned on): ``resources/routing/holdout.jsonl`` (160) and ``holdout2.jsonl`` (240,
  written by a helper that never saw the router). Their figures show how the cold-start engine
  generalises to unseen requests; ``unseen`` pools the two.

The large list is derived from the shipped one: every item is cloned under new subcategories with
its name and keywords varied by a setting qualifier (``住宅小区``, ``城中村`` …), until the list
holds ``--items`` items (the size of Shenzhen's real duty list, "3级18类4315项"); a clone carries its
source item's example requests.
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
from console.routing.exemplars import ItemExamples, load_exemplars  # noqa: E402

SETS = {
    "routing-dev": ROOT.parent / "shared" / "reference" / "routing-dev.jsonl",
    "dev2a": ROOT / "resources" / "routing" / "dev2a.jsonl",
    "dev2b": ROOT / "resources" / "routing" / "dev2b.jsonl",
    "holdout": ROOT / "resources" / "routing" / "holdout.jsonl",
    "holdout2": ROOT / "resources" / "routing" / "holdout2.jsonl",
}
HELD_OUT = ("holdout", "holdout2")
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


def enlarge(catalog: Catalog, target: int) -> tuple[Catalog, dict[str, str]]:
    """A catalog of exactly ``target`` items derived from ``catalog`` (which it contains), and the
    source item code of every clone."""
    origin: dict[str, str] = {}
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
                    origin[items[-1].code] = item.code
                    count += 1
                if items:
                    subs.append(Subcategory(sub_code, f"{sub.name}（{qualifier}）", tuple(items)))
        if round_no > 200:
            raise RuntimeError("cannot reach the target size")
    big = Catalog(
        version=f"{catalog.version}-x{target}",
        effective_from=catalog.effective_from,
        categories=tuple(Category(c.code, c.name, tuple(s)) for c, s in categories),
    )
    return big, origin


def _with_clones(catalog: Catalog, table: dict[str, ItemExamples], origin: dict[str, str]) -> dict[str, ItemExamples]:
    """``table`` (item code → examples) with every clone of ``catalog`` given its source item's examples."""
    names = {item.code: item.name for item in catalog.items}
    clones = {code: ItemExamples(names[code], table[source].examples) for code, source in origin.items()
              if source in table}
    return {**table, **clones}


def _pooled(figures: list[dict[str, float | int]]) -> dict[str, float | int]:
    n = sum(int(f["n"]) for f in figures)
    keys = ("lead_top1", "lead_top3", "urgency_acc")
    return {"n": n, **{k: round(sum(float(f[k]) * int(f["n"]) for f in figures) / n, 4) for k in keys}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=4315)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the dev texts for timing")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    shipped = load_catalog()
    shipped_engine = RoutingEngine(shipped)
    sets = {name: read_cases(path) for name, path in SETS.items() if path.exists()}
    figures = {name: evaluate(shipped_engine, cases).headline() for name, cases in sets.items()}
    unseen = _pooled([figures[name] for name in HELD_OUT if name in figures])
    cases = sets["routing-dev"]

    big, origin = enlarge(shipped, args.items)
    start = time.perf_counter()
    engine = RoutingEngine(big, exemplars=_with_clones(big, load_exemplars(), origin))
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
        "model_version": shipped_engine.model_version,
        "eval": figures,
        "unseen_pooled": unseen,
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
        print(f"shipped duty list ({len(shipped.items)} items, no training), {shipped_engine.model_version}; "
              f"development sets, then held-out sets (never tuned on):")
        print(f"  {'':>16}  " + "  ".join(f"{name:>11}" for name in figures))
        for key in next(iter(figures.values())):
            print(f"  {key:>16}: " + "  ".join(f"{f.get(key, '')!s:>11}" for f in figures.values()))
        print("  unseen, pooled: " + ", ".join(f"{k} {v}" for k, v in unseen.items()))
        print(f"latency with a {len(big.items)}-item duty list ({len(times)} tickets, "
              f"index built in {build_s:.2f} s):")
        print(f"  p50 {result['bench_p50_ms']} ms   p99 {result['bench_p99_ms']} ms   (target p99 ≤ 10 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
