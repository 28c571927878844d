"""``export`` command group, for scheduled runs:

- ``export handover [--shift START] --out FILE.xlsx [--as USER] [--unmasked] [--fresh]``: the handover of
  the shift starting at START (room time, e.g. ``2026-11-24T08:00``; default the last finished shift).
- ``export report (--from DATE --to DATE | --period day|week|month [--date DATE]) --by unit|category
  --out FILE.xlsx [--as USER]``: the statistics report.

The main parser supplies ``args.db`` (None → the default URL). Exit codes: 0 done, 2 unusable input
(message on stderr, no traceback), 1 the export failed. Every export is recorded in ``export_log``; the
actor is ``--as USER`` or, by default, the system account named ``计划任务``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``export`` group to an argparse ``subparsers`` object; returns its parser."""
    parser = subparsers.add_parser("export", help="交接单与统计报表导出（Excel）")
    group = parser.add_subparsers(dest="export_command", metavar="KIND")
    group.required = True

    handover = group.add_parser("handover", help="导出班次交接单")
    handover.add_argument("--shift", metavar="START", default=None,
                          help="班次开始时间（北京时间），如 2026-11-24T08:00；默认为最近结束的班次")
    handover.add_argument("--out", required=True, type=Path, help="输出文件 .xlsx")
    handover.add_argument("--as", dest="actor", metavar="USER", default=None, help="以该账号导出（记录在导出日志）")
    handover.add_argument("--unmasked", action="store_true", help="不脱敏（需受理员或值班长账号）")
    handover.add_argument("--fresh", action="store_true", help="忽略已保存的交接单，按当前数据重新汇总")
    handover.set_defaults(func=run_handover)

    report = group.add_parser("report", help="导出统计报表（按单位或按类别）")
    report.add_argument("--from", dest="date_from", metavar="DATE", default=None, help="开始日期 YYYY-MM-DD（含）")
    report.add_argument("--to", dest="date_to", metavar="DATE", default=None, help="结束日期 YYYY-MM-DD（含）")
    report.add_argument("--period", choices=("day", "week", "month"), default=None,
                        help="日报/周报/月报：不给 --from/--to 时取 --date 所在周期，默认最近一个完整周期")
    report.add_argument("--date", dest="anchor", metavar="DATE", default=None, help="与 --period 合用的日期")
    report.add_argument("--by", choices=("unit", "category"), required=True, help="分组：unit 单位 / category 类别")
    report.add_argument("--out", required=True, type=Path, help="输出文件 .xlsx")
    report.add_argument("--as", dest="actor", metavar="USER", default=None, help="以该账号导出（记录在导出日志）")
    report.add_argument("--unmasked", action="store_true", help="不脱敏（需受理员或值班长账号）")
    report.set_defaults(func=run_report)
    return parser


class BadInput(Exception):
    """A user error: printed as one line, exit code 2."""


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _check_out(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise BadInput(f"输出文件须以 .xlsx 结尾：{path}")
    if path.exists() and path.is_dir():
        raise BadInput(f"输出路径是目录：{path}")
    parent = path.resolve().parent
    if not parent.is_dir():
        raise BadInput(f"输出目录不存在：{parent}")
    return path


def _parse_day(text: str, flag: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(f"{flag} 日期格式应为 YYYY-MM-DD，收到 {text!r}") from None


def _actor(ctx: Any, username: str | None) -> Any:
    from console.domain.errors import NotFound
    from console.domain.ticket import Actor
    from console.services.triage import staff_actor

    if username is None:
        return Actor.system("计划任务")
    try:
        return staff_actor(ctx, username)
    except NotFound as exc:
        raise BadInput(str(exc)) from None


def report_days(args: argparse.Namespace, today: date) -> tuple[date, date]:
    """The inclusive room-time days a ``report`` invocation asks for (``BadInput`` when unclear)."""
    from console.exports.report_data import last_complete, period_of

    if args.date_from or args.date_to:
        if not (args.date_from and args.date_to):
            raise BadInput("--from 与 --to 须同时给出")
        if args.period or args.anchor:
            raise BadInput("--from/--to 不能与 --period/--date 同时使用")
        first, last = _parse_day(args.date_from, "--from"), _parse_day(args.date_to, "--to")
        if last < first:
            raise BadInput(f"--to {last} 早于 --from {first}")
        if (last - first).days > 3 * 366:
            raise BadInput("统计期不能超过三年")
        return first, last
    if not args.period:
        raise BadInput("请给出 --from 和 --to，或 --period day|week|month")
    if args.anchor:
        return period_of(args.period, _parse_day(args.anchor, "--date"))
    return last_complete(args.period, today)


def _run(args: argparse.Namespace, body: Any) -> int:
    from console.backend import open_backend
    from console.domain.errors import DomainError

    try:
        backend = open_backend(getattr(args, "db", None), with_router=False)
    except Exception as exc:  # a bad URL or an unreachable server is the user's input
        return _fail(f"无法打开数据库：{exc}")
    try:
        result = body(backend.ctx)
    except BadInput as exc:
        return _fail(str(exc))
    except (DomainError, ValueError) as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"写入失败：{exc}", EXIT_FAILED)
    finally:
        backend.close()
    print(f"已导出 {result.path}（{result.row_count} 行，SHA-256 {result.sha256}，导出日志 #{result.log_id}）")
    return EXIT_OK


def run_handover(args: argparse.Namespace) -> int:
    """Handler of ``export handover``."""
    from console.domain.shifts import calendar_for, parse_room_time
    from console.exports.service import export_handover

    try:
        out = _check_out(args.out)
        start = parse_room_time(args.shift) if args.shift else None
    except (BadInput, ValueError) as exc:
        return _fail(str(exc))

    def body(ctx: Any) -> Any:
        calendar = calendar_for(ctx.settings)
        try:
            shift = calendar.starting_at(start) if start is not None else calendar.last_finished(ctx.clock.now())
        except ValueError as exc:
            raise BadInput(str(exc)) from None
        if shift.start >= ctx.clock.now():
            raise BadInput(f"班次 {shift.label} 尚未开始")
        return export_handover(ctx, _actor(ctx, args.actor), out, shift=shift, unmask=args.unmasked,
                               use_saved=not args.fresh)

    return _run(args, body)


def run_report(args: argparse.Namespace) -> int:
    """Handler of ``export report``."""
    from console.domain.clock import SystemClock, to_room_time
    from console.exports.service import export_report

    try:
        out = _check_out(args.out)
        first, last = report_days(args, to_room_time(SystemClock().now()).date())
    except BadInput as exc:
        return _fail(str(exc))

    def body(ctx: Any) -> Any:
        return export_report(ctx, _actor(ctx, args.actor), out, first_day=first, last_day=last, by=args.by,
                             unmask=args.unmasked)

    return _run(args, body)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry: ``python -m console.cli.export_cmd [--db URL] export ...``."""
    parser = argparse.ArgumentParser(prog="dispatch-console")
    parser.add_argument("--db", default=None, help="database URL (default: the user's SQLite file)")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
