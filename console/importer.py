"""Import tickets from JSON Lines or CSV.

Policy: valid rows go in, bad rows are reported (line number and reason) and skipped — each row is its own
transaction, so a row is either wholly stored or not at all; never half-written. With ``all_or_nothing``
the whole file is validated first and nothing is stored if any row is bad.

Fields (JSONL keys or CSV header): text (required), kind, channel, title, citizen_name, citizen_phone,
district, street, address, lat, lon, citizen_item_code, urgency, received_at (ISO 8601 with offset;
naive times are taken as Asia/Shanghai), request_id (optional; makes re-importing the same file safe).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from console.db.schema import RequestRow
from console.domain.clock import ROOM_TZ
from console.domain.enums import Channel, Kind, Urgency
from console.domain.errors import DomainError
from console.domain.ticket import Actor
from console.services.changes import Changed
from console.services.context import ServiceContext
from console.services.intake import NewTicket, intake, receive
from console.services.runner import Work, execute

KNOWN_FIELDS = {"text", "kind", "channel", "title", "citizen_name", "citizen_phone", "district", "street", "address",
                "lat", "lon", "citizen_item_code", "urgency", "received_at", "request_id"}


@dataclass
class ImportReport:
    imported: int = 0
    skipped_duplicates: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, record) pairs; a record that cannot be parsed is yielded as its error message."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as bad:
                    yield number, f"不是有效的 JSON（{bad.msg}，第 {bad.colno} 列）"
                    continue
                yield number, record if isinstance(record, dict) else "每行必须是一个 JSON 对象"
    elif suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "text" not in reader.fieldnames:
                yield 1, "CSV 表头缺少必填列 text"
                return
            for record in reader:
                yield reader.line_num, {k: v for k, v in record.items() if k is not None and v not in (None, "")}
    else:
        raise ValueError(f"{path}：不支持的文件类型 {suffix or '(无扩展名)'}，请使用 .jsonl 或 .csv")


def to_new_ticket(record: dict[str, Any]) -> tuple[NewTicket, str | None]:
    """The intake request of a record and its request id; ``ValueError`` naming the first bad field."""
    unknown = set(record) - KNOWN_FIELDS
    if unknown:
        raise ValueError(f"未知字段 {', '.join(sorted(unknown))}")

    def enum(name: str, kind: Any, default: Any) -> Any:
        value = record.get(name)
        if value in (None, ""):
            return default
        try:
            return kind(str(value).strip())
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            raise ValueError(f"{name}：「{value}」无效（可选：{allowed}）") from None

    def number(name: str) -> float | None:
        value = record.get(name)
        if value in (None, ""):
            return None
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{name}：「{value}」不是数字") from None

    received = record.get("received_at")
    received_at = None
    if received:
        try:
            received_at = datetime.fromisoformat(str(received))
        except ValueError:
            raise ValueError(f"received_at：「{received}」不是 ISO 8601 时间") from None
        if received_at.tzinfo is None:
            received_at = received_at.replace(tzinfo=ROOM_TZ)
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("text：缺少诉求内容")
    request = NewTicket(
        text=text, kind=enum("kind", Kind, Kind.COMPLAINT), channel=enum("channel", Channel, Channel.HOTLINE),
        title=str(record.get("title", "")), citizen_name=str(record.get("citizen_name", "")),
        citizen_phone=str(record.get("citizen_phone", "")), district=record.get("district") or None,
        street=record.get("street") or None, address=str(record.get("address", "")), lat=number("lat"),
        lon=number("lon"), citizen_item_code=record.get("citizen_item_code") or None,
        urgency=enum("urgency", Urgency, None), received_at=received_at)
    problems = request.problems()
    if problems:
        raise ValueError("；".join(problems))
    request_id = record.get("request_id")
    return request, str(request_id) if request_id else None


def import_file(ctx: ServiceContext, actor: Actor, path: Path, *, all_or_nothing: bool = False) -> ImportReport:
    """Import ``path`` (see module docstring for the policy). Never raises for a bad row."""
    report = ImportReport()
    parsed: list[tuple[int, NewTicket, str | None]] = []
    for line, record in read_records(path):
        if isinstance(record, str):
            report.errors.append((line, record))
            continue
        try:
            request, request_id = to_new_ticket(record)
        except ValueError as bad:
            report.errors.append((line, str(bad)))
            continue
        parsed.append((line, request, request_id))
    if all_or_nothing:
        if not report.errors:
            _import_in_one_transaction(ctx, actor, parsed, report)
        return report
    for line, request, request_id in parsed:
        try:
            changed = intake(ctx, actor, request, request_id=request_id)
        except DomainError as refused:
            report.errors.append((line, str(refused)))
            continue
        if changed.replayed:
            report.skipped_duplicates += 1
        else:
            report.imported += 1
    report.errors.sort()
    return report


class _Refused(Exception):
    """Aborts the single transaction of an all-or-nothing import."""


def _import_in_one_transaction(ctx: ServiceContext, actor: Actor, parsed: list[tuple[int, NewTicket, str | None]],
                               report: ImportReport) -> None:
    def body(work: Work) -> Changed:
        ids: list[int] = []
        for line, request, request_id in parsed:
            if request_id and work.session.get(RequestRow, request_id) is not None:
                report.skipped_duplicates += 1
                continue
            try:
                with work.session.begin_nested():
                    _, row, _ = receive(work, request)
            except DomainError as refused:
                report.errors.append((line, str(refused)))
                continue
            ids.append(row.id)
            if request_id:
                work.session.add(RequestRow(request_id=request_id, actor_id=work.actor.staff_id, action="receive",
                                            at=work.now, result={"action": "receive", "ticket_ids": [row.id]}))
        if report.errors:
            raise _Refused
        return Changed("import", tuple(ids))

    try:
        changed = execute(ctx, actor, "import", body)
    except _Refused:
        report.skipped_duplicates = 0
        return
    report.imported = len(changed.ticket_ids)
