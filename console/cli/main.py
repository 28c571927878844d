"""``dispatch-console`` subcommands: db, demo, simulate, import, catalog, users (+ routing, bench, export).

Every handler returns an exit code: 0 success, 1 the command ran but found problems, 2 unusable input
(a message on stderr says what and where; no traceback).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from console.domain.enums import Role

if TYPE_CHECKING:
    from console.backend import Backend
from console.domain.errors import DomainError

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2
PLUGGABLE_COMMANDS = ("console.cli.routing_cmd", "console.cli.bench_cmd", "console.cli.export_cmd",
                      "console.cli.catalog_admin_cmd", "console.cli.analytics_cmd", "console.cli.audit_cmd")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dispatch-console", description="市民诉求分拨台 Dispatch Console")
    parser.add_argument("--db", metavar="URL", default=None,
                        help="database URL (sqlite:///FILE or postgresql://USER@HOST/DB); "
                             "default: SQLite file in the user's data directory")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = sub.add_parser("db", help="database maintenance").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="bring the schema to the newest revision and load reference data"
                  ).set_defaults(func=cmd_db_upgrade)

    demo = sub.add_parser("demo", help="fill the database with a realistic history")
    demo.add_argument("--tickets", type=int, default=5000)
    demo.add_argument("--days", type=float, default=30)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--if-empty", action="store_true", help="do nothing when the database already has tickets")
    demo.set_defaults(func=cmd_demo)

    sim = sub.add_parser("simulate", help="feed a live stream of tickets, unit responses and ratings")
    sim.add_argument("--rate", type=float, default=600, help="new tickets per hour (default 600)")
    sim.add_argument("--seed", type=int, default=None)
    sim.add_argument("--duration", type=float, default=None, help="stop after this many seconds")
    sim.set_defaults(func=cmd_simulate)

    imp = sub.add_parser("import", help="import tickets from JSON Lines or CSV")
    imp.add_argument("file", type=Path)
    imp.add_argument("--all-or-nothing", action="store_true",
                     help="store nothing if any row is bad (default: store the valid rows, report the bad ones)")
    imp.add_argument("--as", dest="username", default=None, help="account recorded as the operator")
    imp.set_defaults(func=cmd_import)

    catalog = sub.add_parser("catalog", help="duty list").add_subparsers(dest="catalog_command", required=True)
    stats = catalog.add_parser("stats", help="counts per level and per line")
    stats.add_argument("--json", action="store_true")
    stats.add_argument("--file", type=Path, default=None, help="a duty list JSON file instead of the database")
    stats.set_defaults(func=cmd_catalog_stats)

    users = sub.add_parser("users", help="staff accounts").add_subparsers(dest="users_command", required=True)
    add = users.add_parser("add", help="create an account")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="display name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role if r is not Role.SYSTEM])
    add.add_argument("--password", required=True)
    add.add_argument("--unit", default=None, help="unit code (unit handlers only), e.g. 福田区/ecology")
    add.add_argument("--shift", type=int, default=None, choices=range(6), help="shift slot 0-5")
    add.set_defaults(func=cmd_users_add)

    for module_name in PLUGGABLE_COMMANDS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as missing:
            if missing.name != module_name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return int(args.func(args))
    except DomainError as refused:
        print(f"错误：{refused}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _backend(args: argparse.Namespace, with_router: bool = True) -> Backend:
    from console.backend import open_backend

    return open_backend(args.db, with_router=with_router)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    backend = _backend(args, with_router=False)
    print(f"数据库已是最新结构：{backend.url_for_display}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from console.db.schema import TicketRow
    from console.demo.history import HistoryGenerator
    from console.demo.staff import ensure_demo_staff

    if args.tickets < 0 or args.days <= 0:
        print("错误：--tickets 不能为负，--days 必须大于 0", file=sys.stderr)
        return EXIT_BAD_INPUT
    backend = _backend(args, with_router=False)
    ctx = backend.ctx
    ensure_demo_staff(ctx)
    with ctx.db.reader() as session:
        existing = session.scalar(select(func.count()).select_from(TicketRow)) or 0
    if args.if_empty and existing:
        print(f"数据库已有 {existing} 张工单，跳过演示数据生成")
        return EXIT_OK
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"\r已生成 {done}/{total} 张工单", end="", file=sys.stderr, flush=True)

    stats = HistoryGenerator(ctx, seed=args.seed).run(args.tickets, args.days, progress)
    seconds = time.perf_counter() - started
    print(file=sys.stderr)
    print(json.dumps({"tickets": stats.tickets, "assignments": stats.assignments, "events": stats.events,
                      "open_tickets": stats.open_tickets, "by_status": stats.by_status,
                      "seconds": round(seconds, 2)}, ensure_ascii=False))
    return EXIT_OK


def cmd_simulate(args: argparse.Namespace) -> int:
    from console.demo.simulator import Simulator
    from console.demo.staff import ensure_demo_staff

    if args.rate <= 0:
        print("错误：--rate 必须大于 0", file=sys.stderr)
        return EXIT_BAD_INPUT
    backend = _backend(args)
    ensure_demo_staff(backend.ctx)
    simulator = Simulator(backend.ctx, rate_per_hour=args.rate, seed=args.seed)
    print(f"模拟中：每小时 {args.rate:g} 张新工单，数据库 {backend.url_for_display}（Ctrl+C 停止）", file=sys.stderr)
    counts = simulator.run(duration=args.duration)
    print(json.dumps(counts, ensure_ascii=False))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from console.domain.ticket import Actor
    from console.importer import import_file
    from console.services.triage import staff_actor

    if not args.file.is_file():
        print(f"错误：文件 {args.file} 不存在", file=sys.stderr)
        return EXIT_BAD_INPUT
    backend = _backend(args)
    actor = staff_actor(backend.ctx, args.username) if args.username else Actor.system("批量导入")
    try:
        report = import_file(backend.ctx, actor, args.file, all_or_nothing=args.all_or_nothing)
    except ValueError as bad:
        print(f"错误：{bad}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for line, message in report.errors:
        print(f"{args.file}:{line}: {message}", file=sys.stderr)
    refused = args.all_or_nothing and report.errors
    print(json.dumps({"imported": report.imported, "duplicates": report.skipped_duplicates,
                      "errors": len(report.errors), "refused_whole_file": bool(refused)}, ensure_ascii=False))
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_catalog_stats(args: argparse.Namespace) -> int:
    from console.domain.catalog import Catalog, count_by_line

    catalog: Catalog
    if args.file:
        from console.reference.catalog_file import CatalogFormatError, load_catalog

        try:
            catalog = load_catalog(args.file)
        except (OSError, ValueError, CatalogFormatError) as bad:
            print(f"错误：{args.file}：{bad}", file=sys.stderr)
            return EXIT_BAD_INPUT
    else:
        from console.services.catalog_store import catalog_at

        backend = _backend(args, with_router=False)
        with backend.ctx.db.reader() as session:
            catalog = catalog_at(session, backend.ctx.clock.now())
    items = catalog.items
    stats = {
        "version": catalog.version, "effective_from": catalog.effective_from.isoformat(),
        "level1": len(catalog.categories), "level2": sum(len(c.subcategories) for c in catalog.categories),
        "level3": len(items), "by_line": count_by_line(items),
        "by_handling_level": {lvl: sum(1 for i in items if i.level.value == lvl) for lvl in ("city", "district",
                                                                                             "street")},
        "by_category": {c.name: sum(len(s.items) for s in c.subcategories) for c in catalog.categories},
    }
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=1))
    else:
        print(f"职责清单 {stats['version']}（{stats['effective_from']} 起施行）：一级 {stats['level1']} 类，"
              f"二级 {stats['level2']} 类，三级 {stats['level3']} 项")
        for line, count in count_by_line(items).items():
            print(f"  {line:<20} {count:>4}")
    return EXIT_OK


def cmd_users_add(args: argparse.Namespace) -> int:
    from console.services.accounts import NewStaff, add_staff

    backend = _backend(args, with_router=False)
    staff_id = add_staff(backend.ctx, NewStaff(args.username, args.name, Role(args.role), args.password,
                                               args.unit, args.shift))
    print(f"已创建账号 {args.username}（id {staff_id}，{Role(args.role).label}）")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
