"""Export benchmark: a 2,000-ticket shift handover, and a 100,000-row report with styles — rows/s and
peak RSS — beside xlsxwriter's constant-memory mode writing the same rows in the same run.

Usage: ``dispatch-console bench export [--tickets 100000] [--shift-tickets 2000] [--json]``, or
``python -m console.benchmarks.export [...] [--db URL] [--keep]`` to reuse or keep the generated database.

A synthetic month (2026-11) is bulk-inserted into a fresh SQLite file (or ``--db``): tickets with a lead
unit, ratings, returns and rollbacks; ``--shift-tickets`` of them fall in the shift 2026-11-24 08:00–12:00,
and every dispatch made in that shift has its event. Each measured export runs in its own subprocess so
its peak RSS (``ru_maxrss``) is its own; the baseline RSS after imports is printed beside it. The handover
also reports its CPU time (``process_time``): on a shared machine wall time mostly measures the neighbours.
Targets (issue 5): handover ≤ 1 s, report peak RSS ≤ 150 MB.

A ticket's state follows its age at the handover's reading time (12:05): it is dispatched after a
delay drawn around its urgency's deadline, handled for 2–100 hours and then closed, so the room's open
work is what a real room carries; a small backlog (0.3 % never dispatched, 0.3 % in arbitration) stays.
``--stress`` adds a second handover on a month whose states are drawn regardless of age (a month-old
ticket as likely to be waiting as today's): it lists about 12,000 rows (2,400 waiting for dispatch,
4,000 clocks, 1,300 open urgent, 1,000 returns in arbitration) and is printed as ``handover_stress``.
Both print ``lists`` (rows per list), so what was measured stays visible.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

SHIFT_START = datetime(2026, 11, 24, 0, 0, tzinfo=UTC)  # 08:00 Asia/Shanghai
SHIFT_END = SHIFT_START + timedelta(hours=4)
READ_AT = SHIFT_END + timedelta(minutes=5)  # when the handover is exported
MONTH_START = datetime(2026, 10, 31, 16, 0, tzinfo=UTC)  # 2026-11-01 00:00 Asia/Shanghai
MONTH_SECONDS = 30 * 24 * 3600


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------------- data
def _state_by_age(rng: random.Random, urgency: str, received: datetime, due: datetime,
                  ) -> tuple[str, datetime | None, datetime | None]:
    """(status, dispatched_at, closed_at) of a ticket received at ``received`` as it stands at ``READ_AT``."""
    roll = rng.random()
    if roll < 0.003:
        return "pending_review", None, None  # the room's forgotten backlog
    if roll < 0.006:
        return "arbitration", received + timedelta(minutes=20), None  # returned, waiting for a supervisor
    dispatched = received + timedelta(minutes=rng.expovariate(1 / ((due - received).total_seconds() / 60 * 0.4)))
    if dispatched > READ_AT:
        return rng.choice(("pending_review", "received")), None, None
    closed = dispatched + timedelta(hours=rng.uniform(2, 100))
    if closed <= READ_AT:
        return "closed", dispatched, closed
    since = READ_AT - dispatched
    if since < timedelta(minutes=30):
        return "dispatched", dispatched, None
    if closed - READ_AT < timedelta(hours=12):
        return "replied", dispatched, None
    return rng.choice(("accepted", "handling", "handling")), dispatched, None


def _state_at_random(rng: random.Random, urgency: str, received: datetime, due: datetime,
                     ) -> tuple[str, datetime | None, datetime | None]:
    """The stress case: a status drawn regardless of the ticket's age."""
    status = rng.choice(_RANDOM_STATUSES)
    if status in ("pending_review", "arbitration"):
        return status, None, None
    dispatched = received + timedelta(minutes=rng.expovariate(1 / ((due - received).total_seconds() / 60 * 0.4)))
    closed = dispatched + timedelta(hours=rng.uniform(2, 100)) if status == "closed" else None
    return status, dispatched, closed


_RANDOM_STATUSES = ["closed"] * 70 + ["handling"] * 10 + ["accepted"] * 6 + ["dispatched"] * 6 + ["replied"] * 4 + [
    "pending_review"] * 3 + ["arbitration"]


def generate(url: str, tickets: int, shift_tickets: int, seed: int = 7, *, stress: bool = False) -> None:
    """Bulk-insert the synthetic month (direct inserts: the point is the export, not the services), then flush
    it to disk so that no measured export waits for its write-back.

    Tickets arrive until ``READ_AT`` (``stress``: over the whole month) and their states follow their age
    (``stress``: drawn regardless of it, see the module doc)."""
    from sqlalchemy import insert, select

    from console.db.engine import Database
    from console.db.migrate import upgrade
    from console.db.schema import AssignmentRow, DutyItemRow, EventRow, StaffRow, TicketRow, UnitRow
    from console.services.reference_seed import seed_reference_data

    rng = random.Random(seed)
    db = Database(url)
    upgrade(db)
    seed_reference_data(db)
    with db.reader() as session:
        # ordered by code, so a seed gives the same month on any database
        units = [u for u, in session.execute(select(UnitRow.id).order_by(UnitRow.code))]
        items = [i for i, in session.execute(select(DutyItemRow.code).order_by(DutyItemRow.code))]
    urgencies = ["urgent"] * 5 + ["fast"] * 20 + ["normal"] * 75
    minutes = {"urgent": 30, "fast": 120, "normal": 480}
    ratings = ["satisfied"] * 85 + ["basically_satisfied"] * 10 + ["unsatisfied"] * 5
    state_of = _state_at_random if stress else _state_by_age
    arrival_seconds = MONTH_SECONDS if stress else int((READ_AT - MONTH_START).total_seconds())
    with db.engine.begin() as conn:
        conn.execute(insert(StaffRow), [{
            "username": "bench.sup", "display_name": "基准值班长", "role": "supervisor", "shift_slot": 2,
            "password_hash": "", "active": True, "created_at": SHIFT_START}])
    chunk = 5000
    for base in range(0, tickets, chunk):
        t_rows: list[dict[str, Any]] = []
        a_rows: list[dict[str, Any]] = []
        e_rows: list[dict[str, Any]] = []
        for i in range(base, min(tickets, base + chunk)):
            tid = i + 1
            if i < shift_tickets:
                received = SHIFT_START + timedelta(seconds=rng.randrange(4 * 3600))
            else:
                received = MONTH_START + timedelta(seconds=rng.randrange(arrival_seconds))
            urgency = rng.choice(urgencies)
            due = received + timedelta(minutes=minutes[urgency])
            status, dispatched, closed = state_of(rng, urgency, received, due)
            rating = rng.choice(ratings) if closed and rng.random() < 0.8 else None
            t_rows.append({
                "id": tid, "number": f"BX{received:%Y%m%d}{tid:07d}",
                "channel": rng.choice(["hotline", "app", "wechat"]),
                "kind": rng.choice(["complaint", "consultation", "help", "suggestion"]),
                "title": rng.choice(["=夜间施工噪声扰民", "小区垃圾清运不及时", "+路灯不亮", "占道经营",
                                     "燃气味道明显"]),
                "text": "市民来电反映情况", "citizen_name": "张三丰", "citizen_phone": f"138{tid:08d}",
                "district": "福田区", "street": "园岭", "address": "", "item_code": rng.choice(items),
                "catalog_version": None, "urgency": urgency, "status": status, "received_at": received,
                "dispatch_due_at": due, "dispatched_at": dispatched, "closed_at": closed, "claimed_by_name": "",
                "rating": rating, "rating_text": "",
                "return_count": int(rng.random() < 0.04 or status == "arbitration"),
                "reopen_count": int(rng.random() < 0.01), "rollback_count": int(rating == "unsatisfied"),
                "updated_at": received, "version": 1})
            if dispatched is not None:
                returned = dispatched + timedelta(hours=1) if status == "arbitration" else None
                a_rows.append({
                    "ticket_id": tid, "unit_id": rng.choice(units), "role": "lead",
                    "state": "replied" if status in ("closed", "replied") else "returned" if returned else
                    "dispatched" if status == "dispatched" else "accepted", "returned_at": returned,
                    "return_reason": "not_our_function" if returned else None,
                    "dispatched_at": dispatched, "accept_due_at": dispatched + timedelta(hours=2),
                    "reply_due_at": dispatched + timedelta(hours=72), "close_due_at": received + timedelta(hours=96),
                    "accepted_at": dispatched + timedelta(minutes=30) if status != "dispatched" else None,
                    "replied_at": closed, "reply_text": "", "return_text": "", "extension_hours": 0.0,
                    "pending_extension_reason": "", "accept_hours": 2, "reply_hours": 72, "close_hours": 96})
            if dispatched is not None and SHIFT_START <= dispatched < SHIFT_END:
                e_rows.append({"ticket_id": tid, "at": dispatched, "actor_name": "基准分拨",
                               "actor_role": "dispatcher",
                               "action": "dispatch", "from_status": "pending_review", "to_status": "dispatched",
                               "reason": "", "data": {}})
        with db.engine.begin() as conn:
            conn.execute(insert(TicketRow), t_rows)
            if a_rows:
                conn.execute(insert(AssignmentRow), a_rows)
            if e_rows:
                conn.execute(insert(EventRow), e_rows)
    db.dispose()
    # the generated pages are still dirty in the page cache: flush them now, or the first measured export's
    # first commit (its log row) waits for the kernel to write the whole freshly generated database
    os.sync()


# --------------------------------------------------------------------------- children
def child_handover(url: str, out: str) -> dict[str, Any]:
    from console.backend import open_backend
    from console.domain.clock import FixedClock
    from console.domain.shifts import ShiftCalendar
    from console.domain.ticket import Actor
    from console.exports.handover_model import LISTS
    from console.exports.handover_store import compose
    from console.exports.service import export_handover

    backend = open_backend(url, clock=FixedClock(READ_AT), with_router=False)
    baseline = rss_mb()
    shift = ShiftCalendar().starting_at(SHIFT_START)
    started, cpu = time.perf_counter(), time.process_time()
    result = export_handover(backend.ctx, Actor.system("基准测试"), Path(out), shift=shift)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = rss_mb()
    data = compose(backend.ctx, shift)  # after the measurement: what the rows are made of
    lists = {name: len(getattr(data, name)) for name, _ in LISTS if name != "staff"}
    return {"rows": result.row_count, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
            "baseline_rss_mb": round(baseline, 1), "peak_rss_mb": round(peak, 1), "lists": lists}


def child_report(url: str, out: str) -> dict[str, Any]:
    from console.backend import open_backend
    from console.domain.ticket import Actor
    from console.exports.service import export_report

    backend = open_backend(url, with_router=False)
    baseline = rss_mb()
    started = time.perf_counter()
    result = export_report(backend.ctx, Actor.system("基准测试"), Path(out), first_day=date(2026, 11, 1),
                           last_day=date(2026, 11, 30), by="unit")
    seconds = time.perf_counter() - started
    return {"rows": result.row_count, "seconds": round(seconds, 2), "rows_per_s": round(result.row_count / seconds),
            "baseline_rss_mb": round(baseline, 1), "peak_rss_mb": round(rss_mb(), 1),
            "file_mb": round(Path(out).stat().st_size / 1e6, 1)}


def child_xlsxwriter(url: str, out: str) -> dict[str, Any]:
    """The same detail rows (same query, values, masking, formats) with xlsxwriter constant_memory."""
    import xlsxwriter

    from console.db.engine import Database
    from console.domain.clock import to_room_time
    from console.domain.masking import mask_name, mask_phone
    from console.exports.labels import status_label, urgency_label
    from console.exports.report_data import day_window, stream_tickets, unit_names

    db = Database(url)
    baseline = rss_mb()
    started = time.perf_counter()
    book = xlsxwriter.Workbook(out, {"constant_memory": True})
    sheet = book.add_worksheet("明细")
    base = {"font_name": "Noto Sans CJK SC", "font_size": 10, "border": 1, "border_color": "#BFC5CC"}
    head = book.add_format({**base, "bold": True, "font_color": "#FFFFFF", "bg_color": "#1F3B57"})
    text = book.add_format(base)
    when = book.add_format({**base, "num_format": "yyyy-mm-dd hh:mm"})
    urgent = book.add_format({**base, "bold": True, "font_color": "#FFFFFF", "bg_color": "#C62828"})
    fast = book.add_format({**base, "bold": True, "bg_color": "#F9A825"})
    sheet.freeze_panes(1, 0)
    sheet.write_row(0, 0, ["工单编号", "受理时间", "紧急程度", "类型", "渠道", "类别", "事项", "诉求标题", "区域",
                           "主办单位", "当前状态", "分拨时间", "分拨按时", "办结时间", "办结按时", "办理时长(小时)",
                           "评价", "退单次数", "回退次数", "重启次数", "市民", "联系电话"], head)
    start, end = day_window(date(2026, 11, 1), date(2026, 11, 30))
    rows = 0
    with db.reader() as session:
        units = unit_names(session)
        for t in stream_tickets(session, start, end):
            rows += 1
            r = rows

            def local(v: datetime | None) -> datetime | None:
                return to_room_time(v).replace(tzinfo=None) if v else None

            sheet.write_string(r, 0, t.number, text)
            sheet.write_datetime(r, 1, local(t.received_at), when)
            sheet.write_string(r, 2, urgency_label(t.urgency),
                               urgent if t.urgency == "urgent" else fast if t.urgency == "fast" else text)
            for col, value in ((3, t.kind), (4, t.channel), (5, t.item_code[:2] if t.item_code else ""),
                               (6, t.item_code or ""), (7, t.title), (8, f"{t.district} {t.street}"),
                               (9, units.get(t.unit_id, "")), (10, status_label(t.status))):
                sheet.write_string(r, col, value, text)
            if t.dispatched_at:
                sheet.write_datetime(r, 11, local(t.dispatched_at), when)
                sheet.write_string(r, 12, "按时" if t.dispatched_at <= t.dispatch_due_at else "超时", text)
            if t.closed_at:
                sheet.write_datetime(r, 13, local(t.closed_at), when)
                sheet.write_number(r, 15, (t.closed_at - t.received_at).total_seconds() / 3600, text)
            sheet.write_string(r, 16, t.rating or "", text)
            sheet.write_number(r, 17, t.return_count, text)
            sheet.write_number(r, 18, t.rollback_count, text)
            sheet.write_number(r, 19, t.reopen_count, text)
            sheet.write_string(r, 20, mask_name(t.citizen_name), text)
            sheet.write_string(r, 21, mask_phone(t.citizen_phone), text)
    book.close()
    seconds = time.perf_counter() - started
    return {"rows": rows, "seconds": round(seconds, 2), "rows_per_s": round(rows / seconds),
            "baseline_rss_mb": round(baseline, 1), "peak_rss_mb": round(rss_mb(), 1),
            "file_mb": round(Path(out).stat().st_size / 1e6, 1)}


CHILDREN = {"handover": child_handover, "report": child_report, "xlsxwriter": child_xlsxwriter}


def _is_empty(url: str) -> bool:
    """True when ``url`` holds no tickets yet (no schema, or an empty ``tickets`` table)."""
    from sqlalchemy import inspect, text

    from console.db.engine import Database

    db = Database(url)
    try:
        with db.engine.connect() as conn:
            if not inspect(conn).has_table("tickets"):
                return True
            return conn.execute(text("SELECT count(*) FROM tickets")).scalar_one() == 0
    finally:
        db.dispose()


def run_child(kind: str, url: str, out: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "console.benchmarks.export", "--child", kind, "--db", url,
                           "--out", str(out)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--shift-tickets", type=int, default=2_000)
    parser.add_argument("--db", default=None, help="use this database (generated when empty)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--stress", action="store_true",
                        help="also measure a handover on a month whose states ignore age (see the module doc)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--out", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(CHILDREN[args.child](args.db, args.out)))
        return 0

    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    url = args.db or f"sqlite:///{work / 'bench.db'}"
    started = time.perf_counter()
    if args.db is None or _is_empty(url):
        generate(url, args.tickets, args.shift_tickets)
    generated = time.perf_counter() - started
    figures = {
        "tickets": args.tickets, "shift_tickets": args.shift_tickets, "generate_s": round(generated, 1),
        "handover": run_child("handover", url, work / "handover.xlsx"),
        "report": run_child("report", url, work / "report.xlsx"),
        "xlsxwriter_constant_memory": run_child("xlsxwriter", url, work / "xlsxwriter.xlsx"),
        "files": str(work) if args.keep else None,
    }
    if args.stress:
        stress_url = f"sqlite:///{work / 'stress.db'}"
        generate(stress_url, args.tickets, args.shift_tickets, stress=True)
        figures["handover_stress"] = run_child("handover", stress_url, work / "handover-stress.xlsx")
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        h, r, x = figures["handover"], figures["report"], figures["xlsxwriter_constant_memory"]
        print(f"data: {args.tickets:,} tickets generated in {generated:.1f} s")
        print(f"handover ({h['rows']:,} list rows, {args.shift_tickets:,}-ticket shift): {h['seconds']:.3f} s "
              f"(target ≤ 1 s; CPU {h['cpu_seconds']:.3f} s), peak RSS {h['peak_rss_mb']} MB; rows per list: "
              + ", ".join(f"{name} {n:,}" for name, n in h["lists"].items()))
        print(f"report (openpyxl write-only, styled): {r['rows']:,} rows in {r['seconds']} s = "
              f"{r['rows_per_s']:,} rows/s, peak RSS {r['peak_rss_mb']} MB (baseline {r['baseline_rss_mb']} MB; "
              f"target ≤ 150 MB), {r['file_mb']} MB")
        print(f"xlsxwriter constant_memory, same rows: {x['rows']:,} rows in {x['seconds']} s = "
              f"{x['rows_per_s']:,} rows/s, peak RSS {x['peak_rss_mb']} MB, {x['file_mb']} MB")
        if "handover_stress" in figures:
            s = figures["handover_stress"]
            print(f"handover, stress month ({s['rows']:,} list rows): {s['seconds']:.3f} s "
                  f"(CPU {s['cpu_seconds']:.3f} s)")
    if not args.keep and args.db is None:
        for path in work.iterdir():
            path.unlink()
        work.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
