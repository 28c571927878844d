"""``audit verify [--json]``: check the tamper-evident audit chain (``console.audit.verify``).

Exit 0 when the chain is intact, 1 when it names a problem (the first one), 2 when the database has no
audit chain yet. The database is opened without migrating: verifying must not write.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

EXIT_OK, EXIT_TAMPERED, EXIT_BAD_INPUT = 0, 1, 2


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``audit`` group to an argparse ``subparsers`` object; returns its parser."""
    parser = subparsers.add_parser("audit", help="audit trail: verify the hash chain of the event table")
    audit = parser.add_subparsers(dest="audit_command", metavar="COMMAND")
    audit.required = True
    verify = audit.add_parser("verify", help="recompute every event's seal; report the first tampered event")
    verify.add_argument("--db", default=argparse.SUPPRESS, help="database URL (also accepted before 'audit')")
    verify.add_argument("--json", action="store_true", help="print the result as JSON")
    verify.set_defaults(func=run_verify)
    return parser


def run_verify(args: argparse.Namespace) -> int:
    from console.audit.verify import ChainMissing, verify
    from console.db.engine import Database, default_database_url

    db = Database(getattr(args, "db", None) or default_database_url())
    try:
        report = verify(db)
    except ChainMissing as missing:
        print(f"错误：数据库没有审计链（{missing}），请先运行 dispatch-console db upgrade", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        print(describe(report))
    return EXIT_OK if report.ok else EXIT_TAMPERED


def describe(report: Any) -> str:
    """The report in Chinese, with the facts (``report`` is a ``console.audit.verify.Report``)."""
    p = report.problem
    if p is None:
        return (f"审计链完好：共 {report.events} 条事件，最后链序号 {report.last_seq}，链头哈希 {report.head_hash}；"
                f"用时 {report.seconds:.2f} 秒（{report.events_per_second:,.0f} 条/秒）")
    ticket = f"工单 {p.ticket_number}" if p.ticket_number else "无关联工单"
    if p.kind == "modified":
        return (f"审计链被篡改：链序号 {p.chain_seq} 的事件（事件 id {p.event_id}，{ticket}）内容与封存哈希不符，"
                f"已被修改或伪造。存储哈希 {p.stored_hash}，重算哈希 {p.expected_hash}。"
                f"此前 {report.events} 条事件完好。")
    if p.kind == "missing":
        span = f"{p.missing_from}" if p.missing_from == p.missing_to else f"{p.missing_from}–{p.missing_to}"
        return (f"审计链缺失事件：链序号 {span} 的事件不存在（已被删除），"
                f"缺口后的第一条事件为链序号 {p.chain_seq}（事件 id {p.event_id}，{ticket}）。")
    if p.kind == "unsealed":
        return (f"发现未封存的事件：事件 id {p.event_id}（{ticket}）没有链序号和哈希，"
                f"它绕过了封存（触发器被停用或由其他程序写入）。")
    if p.kind == "deleted_tail":
        return (f"审计链尾部缺失：链头记录到链序号 {p.missing_to}，最后一条事件却是链序号 {report.last_seq}，"
                f"末尾 {p.missing_to - p.missing_from + 1} 条事件已被删除。")
    return (f"链头与事件不符：链头为链序号 {report.head_seq}（哈希 {report.head_hash}），"
            f"最后一条事件为链序号 {report.last_seq}（哈希 {p.expected_hash}）。")
