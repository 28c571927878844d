"""``analytics`` command group: hot spots, recurrence (回潮), the week's top problems, suggestions digest.

    analytics hotspots [--hours 6] [--days N] [--min-size 3] [--json] [--xlsx FILE]
    analytics recurrence [--days 7] [--within 7] [--json] [--xlsx FILE]
    analytics top [--days 7] [--json] [--xlsx FILE]
    analytics suggestions [--days 7] [--json] [--xlsx FILE]
    analytics report FILE.xlsx [--days 7]          (all four sheets in one workbook)
    analytics storm [--district 福田区] [--street 华富] [--count 30] [--seconds 120]   (demo)

Exit codes: 0 success, 2 unusable input.
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from console.cli.catalog_admin_cmd import _print_json, _xlsx

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``analytics`` group to an argparse ``subparsers`` object; returns its parser."""
    parser = subparsers.add_parser("analytics", help="hot spots, recurrence, top problems, suggestions digest")
    sub = parser.add_subparsers(dest="analytics_command", metavar="COMMAND")
    sub.required = True
    hot = sub.add_parser("hotspots", help="clusters of tickets about one place and problem")
    hot.add_argument("--hours", type=float, default=6, help="clustering window in hours (default 6)")
    hot.add_argument("--days", type=float, default=None, help="look back this many days (default: the live window)")
    hot.add_argument("--min-size", type=int, default=3)
    _outputs(hot)
    hot.set_defaults(func=cmd_hotspots)
    rec = sub.add_parser("recurrence", help="回潮 per unit and item")
    rec.add_argument("--days", type=float, default=7, help="period: the last N days (default 7)")
    rec.add_argument("--within", type=int, default=7, help="a new ticket within N days after closing counts")
    _outputs(rec)
    rec.set_defaults(func=cmd_recurrence)
    top = sub.add_parser("top", help="top problems by district, category and unit")
    top.add_argument("--days", type=float, default=7)
    _outputs(top)
    top.set_defaults(func=cmd_top)
    sug = sub.add_parser("suggestions", help="suggestions grouped by topic and district")
    sug.add_argument("--days", type=float, default=7)
    _outputs(sug)
    sug.set_defaults(func=cmd_suggestions)
    storm = sub.add_parser("storm", help="demo: send flood reports from one street (watch the hot spot form)")
    storm.add_argument("--district", default="福田区")
    storm.add_argument("--street", default="华富")
    storm.add_argument("--count", type=int, default=30)
    storm.add_argument("--seconds", type=float, default=120, help="spread over this many seconds (default 120)")
    storm.set_defaults(func=cmd_storm)
    rep = sub.add_parser("report", help="one workbook with top problems, recurrence, hot spots and suggestions")
    rep.add_argument("file", type=Path)
    rep.add_argument("--days", type=float, default=7)
    rep.set_defaults(func=cmd_report)
    return parser


def _outputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--xlsx", type=Path, default=None, help="also write an Excel workbook")


def _over_last_days(args: argparse.Namespace, compute: Any, **options: Any) -> Any:
    """``compute(session, since, until, **options)`` over the last ``--days`` days, read-only."""
    backend = _open(args)
    now = backend.ctx.clock.now()
    with backend.ctx.db.reader() as session:
        return compute(session, now - timedelta(days=args.days), now, **options)


def _open(args: argparse.Namespace) -> Any:
    from console.backend import open_backend

    if getattr(args, "days", 1) is not None and getattr(args, "days", 1) <= 0:
        raise SystemExit(_fail("--days 必须大于 0"))
    return open_backend(args.db, with_router=False)


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def cmd_hotspots(args: argparse.Namespace) -> int:
    from console.analytics.hotspots import HotspotTracker, find_hotspots

    backend = _open(args)
    now = backend.ctx.clock.now()
    window = timedelta(hours=args.hours)
    with backend.ctx.db.reader() as session:
        if args.days:
            spots = find_hotspots(session, now - timedelta(days=args.days), now, window=window, min_size=args.min_size)
        else:
            spots = HotspotTracker(window=window, min_size=args.min_size).refresh(session, now)
    if args.json:
        _print_json(list(spots))
    else:
        print(f"热点 {len(spots)} 处")
        for h in spots:
            print(f"  {h.title}  {h.first_at:%m-%d %H:%M}–{h.last_at:%m-%d %H:%M} UTC  在办 {h.open_count}"
                  f"{'  事件 #' + str(h.incident_id) if h.incident_id else ''}")
    _xlsx(args, spots)
    return EXIT_OK


def cmd_recurrence(args: argparse.Namespace) -> int:
    from console.analytics.recurrence import recurrence

    report = _over_last_days(args, recurrence, days=args.within)
    if args.json:
        _print_json(report)
    else:
        print(f"回潮：办结后再诉 {report.total_came_back} 张，重新打开 {report.total_reopened} 张")
        for u in report.units[:15]:
            print(f"  {u.unit_name}：办结 {u.closed}，再诉 {u.came_back}，重开 {u.reopened}，回潮率 {u.rate:.1%}")
    _xlsx(args, report)
    return EXIT_OK


def cmd_top(args: argparse.Namespace) -> int:
    from console.analytics.top import top_problems

    top = _over_last_days(args, top_problems)
    if args.json:
        _print_json(top)
    else:
        for p in top.overall:
            print(f"  {p.item_name}（{p.category}）：{p.count}（上期 {p.previous}，{p.change:+d}）")
        for group in top.by_district:
            print(f"{group.label} {group.total}：" + "、".join(f"{p.item_name} {p.count}" for p in group.problems))
    _xlsx(args, top)
    return EXIT_OK


def cmd_suggestions(args: argparse.Namespace) -> int:
    from console.analytics.suggestions import suggestions_digest

    digest = _over_last_days(args, suggestions_digest)
    if args.json:
        _print_json(digest)
    else:
        print(f"建议 {digest.total} 件，{len(digest.topics)} 个主题")
        for t in digest.topics[:20]:
            print(f"  {t.label}（{t.category}）{t.count} 件：" + "、".join(f"{d} {n}" for d, n in t.districts[:5]))
    _xlsx(args, digest)
    return EXIT_OK


def cmd_storm(args: argparse.Namespace) -> int:
    from console.analytics.storm import send_storm
    from console.reference.territories import validate_location

    problem = validate_location(args.district, args.street)
    if problem or args.count <= 0:
        return _fail(problem or "--count 必须大于 0")
    backend = _open(args)
    numbers = send_storm(backend.ctx, district=args.district, street=args.street, count=args.count,
                         seconds=args.seconds, progress=lambda n, number: print(f"{n}: {number}", file=sys.stderr))
    print(f"已发送 {len(numbers)} 张内涝工单（{args.district}{args.street}街道）")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from console.analytics.hotspots import find_hotspots
    from console.analytics.recurrence import recurrence
    from console.analytics.sheets import write_workbook
    from console.analytics.suggestions import suggestions_digest
    from console.analytics.top import top_problems

    backend = _open(args)
    now = backend.ctx.clock.now()
    since = now - timedelta(days=args.days)
    with backend.ctx.db.reader() as session:
        results = [top_problems(session, since, now), recurrence(session, since, now),
                   find_hotspots(session, since, now), suggestions_digest(session, since, now)]
    write_workbook(args.file, results)
    print(f"已写入 {args.file}")
    return EXIT_OK

