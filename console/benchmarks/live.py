"""``bench live``: how fast a commit on one console reaches the queue model of every other console.

N console processes each run what the window's DB worker runs — a NOTIFY wake-up, the change feed and
the queue query for the touched tickets (``console.queries.live.LiveQueue``) — and apply the fresh rows
to an in-memory model. A producer commits one change at a time through the services and records the
instant each commit returned; every console records the instant the changed row (at that version) is in
its model. Latency = seen − committed, over all consoles. A second phase commits as fast as one writer can
for a few seconds and reports the sustained events per second and how far behind the consoles ended.
"""

from __future__ import annotations

import json
import multiprocessing
import statistics
import time
from typing import Any

from sqlalchemy import select

from console.backend import open_backend
from console.db.schema import TicketRow


def _console(url: str, ready: Any, stop: Any, out: Any) -> None:
    from console.db.engine import Database
    from console.feed import Wakeup
    from console.queries.live import LiveQueue
    from console.queries.queue import QueueScope, load_queue

    db = Database(url, pool_size=2, max_overflow=0)
    wakeup = Wakeup(db)
    wakeup.start()
    live = LiveQueue(db, QueueScope())
    live.start()
    model = {row.id: row.version for row in load_queue(db)}
    seen: list[tuple[int, int, float]] = []
    events = 0
    ready.set()
    while not stop.is_set():
        if wakeup.wait(0.2) is None and not db.is_sqlite:
            continue
        batch = live.poll()
        now = time.time()
        events += len(batch.events)
        for row in batch.refresh.rows:
            if model.get(row.id) != row.version:
                model[row.id] = row.version
                seen.append((row.id, row.version, now))
        for gone in batch.refresh.gone:
            model.pop(gone, None)
    wakeup.close()
    db.dispose()
    out.put({"seen": seen, "events": events})


def run(url: str, consoles: int, changes: int = 200, burst_seconds: float = 5.0) -> dict[str, Any]:
    """Run the benchmark against ``url`` (which should hold open tickets, e.g. a demo database)."""
    from console.services.triage import add_note

    backend = open_backend(url, with_router=False)
    ctx = backend.ctx
    with ctx.db.reader() as s:
        targets = s.scalars(select(TicketRow.id).where(TicketRow.status.in_(["pending_review", "dispatched"]))
                            .limit(changes)).all()
    if not targets:
        raise SystemExit("the database has no open tickets: run `dispatch-console demo` first")
    spawn = multiprocessing.get_context("spawn")
    stop, out = spawn.Event(), spawn.Queue()
    ready = [spawn.Event() for _ in range(consoles)]
    procs = [spawn.Process(target=_console, args=(ctx.db.url, ready[i], stop, out), daemon=True)
             for i in range(consoles)]
    for p in procs:
        p.start()
    for r in ready:
        r.wait(120)
    time.sleep(0.5)
    from console.demo.staff import ensure_demo_staff
    from console.services.triage import staff_actor

    ensure_demo_staff(ctx)
    system = staff_actor(ctx, "disp01")
    committed: dict[tuple[int, int], float] = {}
    for n in range(changes):
        ticket_id = targets[n % len(targets)]
        add_note(ctx, system, ticket_id, f"bench {n}")
        with ctx.db.reader() as s:
            version = s.scalar(select(TicketRow.version).where(TicketRow.id == ticket_id))
        committed[(ticket_id, int(version or 0))] = time.time()
        time.sleep(0.05)
    time.sleep(1.0)
    burst_start, burst_count = time.time(), 0
    while time.time() - burst_start < burst_seconds:
        add_note(ctx, system, targets[burst_count % len(targets)], "burst")
        burst_count += 1
    burst_elapsed = time.time() - burst_start
    time.sleep(2.0)
    stop.set()
    results = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(30)
    latencies = sorted((t - committed[(tid, ver)]) * 1000 for r in results for tid, ver, t in r["seen"]
                       if (tid, ver) in committed)
    expected = changes * consoles
    backend.close()
    return {
        "consoles": consoles, "database": ctx.db.dialect, "changes": changes,
        "delivered": len(latencies), "expected": expected,
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 1) if latencies else None,
        "max_ms": round(latencies[-1], 1) if latencies else None,
        "burst_events_per_s": round(burst_count / burst_elapsed, 1),
        "events_read_per_console": [r["events"] for r in results],
    }


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="dispatch-console bench live")
    parser.add_argument("--db", required=True, help="database URL with open tickets (PostgreSQL for a room)")
    parser.add_argument("--consoles", type=int, default=20)
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    figures = run(args.db, args.consoles, args.changes)
    print(json.dumps(figures, ensure_ascii=False) if args.json else "\n".join(f"{k}: {v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
