"""``bench`` command group.

``bench queue --rows N [--json]`` measures the window's live queue (sort, filter, search, 100 remote
changes, first paint, memory) and therefore needs Qt: the core never imports the UI (import-linter
contract), so ``ui.entry.main`` runs ``bench queue`` itself (``ui/bench_queue.py``) before handing other
commands to the CLI. This module only declares it for ``--help`` and says so when it is reached without
the window package (e.g. ``python -m console.cli.main bench queue``).

``bench live --consoles N [--changes M] [--json]`` is headless (``console.benchmarks.live``): commit-to-
model latency p50/p99 across N console processes and the sustained events per second. ``--db`` may be
given before ``bench`` or after ``live``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

EXIT_NEEDS_UI = 2


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``bench`` group to an argparse ``subparsers`` object; returns its parser."""
    parser = subparsers.add_parser("bench", help="benchmarks (queue: the window's table model, needs Qt)")
    bench = parser.add_subparsers(dest="bench_command", metavar="COMMAND")
    bench.required = True
    queue = bench.add_parser("queue", help="sort/filter/search/live-change/first-paint figures of the queue")
    queue.add_argument("--rows", type=int, default=100_000, help="open tickets in the queue (default 100000)")
    queue.add_argument("--seed", type=int, default=42)
    queue.add_argument("--json", action="store_true", help="print the figures as JSON")
    queue.set_defaults(func=run_queue)
    live = bench.add_parser("live", help="commit-to-queue latency (p50/p99) across N consoles, events per second")
    live.add_argument("--db", default=argparse.SUPPRESS, help="database URL with open tickets (PostgreSQL for a room)")
    live.add_argument("--consoles", type=int, default=20, help="console processes (default 20)")
    live.add_argument("--changes", type=int, default=200, help="timed single commits (default 200)")
    live.add_argument("--json", action="store_true", help="print the figures as JSON")
    live.set_defaults(func=run_live)
    export = bench.add_parser("export", help="handover sheet of a 2,000-ticket shift; 100,000-row styled report "
                                             "(rows/s, peak RSS) beside xlsxwriter constant-memory")
    export.add_argument("--tickets", type=int, default=100_000, help="tickets in the generated database")
    export.add_argument("--shift-tickets", type=int, default=2_000, help="tickets in the measured shift")
    export.add_argument("--stress", action="store_true",
                        help="also measure a handover on a month whose ticket states ignore their age")
    export.add_argument("--json", action="store_true", help="print the figures as JSON")
    export.set_defaults(func=run_export)
    return parser


def run_export(args: argparse.Namespace) -> int:
    """Run ``console.benchmarks.export`` (each export in its own process, so peak RSS is its own)."""
    from console.benchmarks.export import main

    argv = ["--tickets", str(args.tickets), "--shift-tickets", str(args.shift_tickets)]
    if getattr(args, "db", None):
        argv += ["--db", args.db]
    return main(argv + (["--stress"] if args.stress else []) + (["--json"] if args.json else []))


def run_queue(args: argparse.Namespace) -> int:
    print("error: 'bench queue' runs in the Qt layer: use the dispatch-console entry point "
          "(dispatch-console bench queue ...) or python -m ui.bench_queue", file=sys.stderr)
    return EXIT_NEEDS_UI


def run_live(args: argparse.Namespace) -> int:
    """Run ``console.benchmarks.live`` and print its figures (one JSON line with ``--json``)."""
    import json

    from console.benchmarks.live import run

    if not args.db:
        print("error: bench live needs --db URL (a PostgreSQL database with open tickets)", file=sys.stderr)
        return 2
    figures = run(args.db, args.consoles, args.changes)
    print(json.dumps(figures, ensure_ascii=False) if args.json else "\n".join(f"{k}: {v}" for k, v in figures.items()))
    return 0
