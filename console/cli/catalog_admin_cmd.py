"""``dutylist`` command group: versions, diff, export, import, edit, check, preview.

    dutylist versions
    dutylist diff OLD NEW [--json] [--xlsx FILE]
    dutylist export FILE.xlsx [--version V]
    dutylist import FILE.xlsx --effective YYYY-MM-DD --reason TEXT [--version NAME] [--as USER] [--dry-run]
    dutylist edit CODE [--lead-line L] [--co-lines a,b] [--level L] [--urgency U] [--retire]
                  --effective YYYY-MM-DD --reason TEXT [--as USER] [--dry-run]
    dutylist check [--version V] [--json] [--xlsx FILE]
    dutylist preview (--version V | --file FILE.xlsx) [--days 30] [--json] [--xlsx FILE]

Exit codes: 0 success, 1 the command ran and found problems (check), 2 unusable input (message on stderr).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``dutylist`` group to an argparse ``subparsers`` object; returns its parser."""
    parser = subparsers.add_parser("dutylist", help="duty-list versions: diff, Excel export/import, checks, impact")
    sub = parser.add_subparsers(dest="dutylist_command", metavar="COMMAND")
    sub.required = True
    sub.add_parser("versions", help="list stored versions").set_defaults(func=cmd_versions)
    diff = sub.add_parser("diff", help="differences between two versions")
    diff.add_argument("old")
    diff.add_argument("new")
    _outputs(diff)
    diff.set_defaults(func=cmd_diff)
    export = sub.add_parser("export", help="write a version as an Excel workbook")
    export.add_argument("file", type=Path)
    export.add_argument("--version", default=None, help="default: the version in effect now")
    export.set_defaults(func=cmd_export)
    imp = sub.add_parser("import", help="store an edited workbook as a new version")
    imp.add_argument("file", type=Path)
    _publishing(imp)
    imp.set_defaults(func=cmd_import)
    edit = sub.add_parser("edit", help="change one item in a new version")
    edit.add_argument("code")
    edit.add_argument("--lead-line", default=None)
    edit.add_argument("--co-lines", default=None, help="comma-separated line codes ('' for none)")
    edit.add_argument("--level", default=None, choices=("city", "district", "street"))
    edit.add_argument("--urgency", default=None, choices=("urgent", "fast", "normal"))
    edit.add_argument("--retire", action="store_true")
    _publishing(edit)
    edit.set_defaults(func=cmd_edit)
    check = sub.add_parser("check", help="items without lead, overlaps, unreachable lines/districts, "
                                         "units without handler")
    check.add_argument("--version", default=None)
    check.add_argument("--overlap", type=float, default=0.5, help="similarity threshold for overlaps (0-1)")
    _outputs(check)
    check.set_defaults(func=cmd_check)
    preview = sub.add_parser("preview", help="which tickets would change lead under a version or workbook")
    group = preview.add_mutually_exclusive_group(required=True)
    group.add_argument("--version", default=None)
    group.add_argument("--file", type=Path, default=None)
    preview.add_argument("--days", type=int, default=30)
    _outputs(preview)
    preview.set_defaults(func=cmd_preview)
    return parser


def _outputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--xlsx", type=Path, default=None, help="also write an Excel workbook")


def _publishing(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--effective", required=True, type=date.fromisoformat, help="effective date YYYY-MM-DD")
    parser.add_argument("--reason", required=True)
    parser.add_argument("--version", default=None, help="new version name (default: DATE.N)")
    parser.add_argument("--as", dest="username", default=None, help="admin account recorded as the author")
    parser.add_argument("--dry-run", action="store_true", help="show the diff and impact, store nothing")


def _backend(args: argparse.Namespace) -> Any:
    from console.backend import open_backend

    return open_backend(args.db, with_router=False)


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _print_json(value: Any) -> None:
    print(json.dumps(_plain(value), ensure_ascii=False, indent=1, default=str))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not f.name.startswith("_")}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _xlsx(args: argparse.Namespace, *results: Any) -> None:
    if getattr(args, "xlsx", None):
        from console.analytics.sheets import write_workbook

        write_workbook(args.xlsx, results)
        print(f"已写入 {args.xlsx}", file=sys.stderr)


def _actor(ctx: Any, username: str | None) -> Any:
    from console.domain.ticket import Actor
    from console.services.triage import staff_actor

    return staff_actor(ctx, username) if username else Actor.system("职责清单命令行")


def cmd_versions(args: argparse.Namespace) -> int:
    from console.catalog_admin.versions import list_versions

    backend = _backend(args)
    with backend.ctx.db.reader() as session:
        for v in list_versions(session):
            print(f"{v.version:<20} {v.effective_from} 起施行  {v.change_count:>4} 项变化  {v.created_by}  {v.reason}")
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from console.catalog_admin.diff import diff_versions

    backend = _backend(args)
    with backend.ctx.db.reader() as session:
        diff = diff_versions(session, args.old, args.new)
    _print_json(diff) if args.json else print("\n".join(diff.lines()))
    _xlsx(args, diff)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from console.catalog_admin.workbook import write_workbook
    from console.services.catalog_store import catalog_at, load_version

    backend = _backend(args)
    with backend.ctx.db.reader() as session:
        catalog = load_version(session, args.version) if args.version else catalog_at(session, backend.ctx.clock.now())
    write_workbook(catalog, args.file)
    print(f"已导出职责清单 {catalog.version}（{len(catalog.items)} 项）到 {args.file}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from console.catalog_admin.versions import known_lines, publish_catalog
    from console.catalog_admin.workbook import read_workbook

    if not args.file.is_file():
        return _fail(f"文件 {args.file} 不存在")
    backend = _backend(args)
    with backend.ctx.db.reader() as session:
        catalog = read_workbook(args.file, known_lines(session))
    if args.dry_run:
        return _dry_run(backend, catalog, args)
    saved = publish_catalog(backend.ctx, _actor(backend.ctx, args.username), catalog, effective_from=args.effective,
                            reason=args.reason, version=args.version)
    print(f"已保存版本 {saved.version}（{saved.effective_from} 起施行，基于 {saved.base_version}，"
          f"记录 {saved.change_count} 项变化）")
    print(saved.diff.summary())
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    from console.catalog_admin.edits import EditItem, RetireItem, apply_edits
    from console.catalog_admin.versions import known_lines, latest_version, publish_edits
    from console.services.catalog_store import load_version

    changes: dict[str, Any] = {}
    if args.lead_line:
        changes["lead_line"] = args.lead_line
    if args.co_lines is not None:
        changes["co_lines"] = [x for x in args.co_lines.split(",") if x.strip()]
    if args.level:
        changes["level"] = args.level
    if args.urgency:
        changes["default_urgency"] = args.urgency
    edits: list[Any] = [EditItem(args.code, changes)] if changes else []
    if args.retire:
        edits.append(RetireItem(args.code))
    if not edits:
        return _fail("没有指定任何修改")
    backend = _backend(args)
    if args.dry_run:
        with backend.ctx.db.reader() as session:
            result = apply_edits(load_version(session, latest_version(session)), edits,
                                 version=args.version or "（预览）", effective_from=args.effective,
                                 known_lines=known_lines(session))
        return _dry_run(backend, result.catalog, args)
    saved = publish_edits(backend.ctx, _actor(backend.ctx, args.username), edits, effective_from=args.effective,
                          reason=args.reason, version=args.version)
    print(f"已保存版本 {saved.version}（{saved.effective_from} 起施行，记录 {saved.change_count} 项变化）")
    print("\n".join(saved.diff.lines()))
    return EXIT_OK


def _dry_run(backend: Any, catalog: Any, args: argparse.Namespace) -> int:
    from console.catalog_admin.diff import diff_catalogs
    from console.catalog_admin.impact import preview_impact
    from console.catalog_admin.versions import latest_version
    from console.services.catalog_store import load_version

    with backend.ctx.db.reader() as session:
        diff = diff_catalogs(load_version(session, latest_version(session)), catalog)
        preview = preview_impact(session, catalog, at=backend.ctx.clock.now())
    print("\n".join(diff.lines()))
    _print_preview(preview)
    print("（试运行，未保存）")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from console.catalog_admin.checks import check_catalog
    from console.services.catalog_store import catalog_at, load_version

    backend = _backend(args)
    with backend.ctx.db.reader() as session:
        catalog = load_version(session, args.version) if args.version else catalog_at(session, backend.ctx.clock.now())
        report = check_catalog(session, catalog, overlap_threshold=args.overlap)
    if args.json:
        _print_json(report)
    else:
        from console.catalog_admin.checks import KINDS

        print(f"职责清单 {report.version}：" + "，".join(f"{KINDS[k]} {n}" for k, n in report.counts().items()))
        for finding in report.findings:
            print(f"[{finding.label}] {finding.message}")
    _xlsx(args, report)
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_preview(args: argparse.Namespace) -> int:
    from console.catalog_admin.impact import preview_impact
    from console.catalog_admin.versions import known_lines
    from console.catalog_admin.workbook import read_workbook
    from console.services.catalog_store import load_version

    backend = _backend(args)
    with backend.ctx.db.reader() as session:
        candidate = (read_workbook(args.file, known_lines(session)) if args.file
                     else load_version(session, args.version))
        preview = preview_impact(session, candidate, at=backend.ctx.clock.now(), days=args.days)
    _print_json(preview) if args.json else _print_preview(preview)
    _xlsx(args, preview)
    return EXIT_OK


def _print_preview(preview: Any) -> None:
    print(preview.summary())
    for s in preview.shifts[:30]:
        print(f"  {s.old_name} → {s.new_name}：在办 {s.open_count}，近 {preview.days} 天 {s.recent_count}")
    for e in preview.examples[:10]:
        print(f"  例：{e.number} {e.item_code} {e.district or ''}{e.street or ''} {e.old_unit} → {e.new_unit}")
    print(f"耗时 {preview.seconds:.2f} 秒")
