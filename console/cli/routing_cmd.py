"""``routing`` command group: ``routing eval --cases FILE.jsonl [--json]`` (and, when the learned
model's CLI module is present, its ``train`` and ``test`` subcommands).

Exit codes: 0 success, 2 unusable input (message on stderr naming the file and line, no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``routing`` group to an argparse ``subparsers`` object; returns its parser."""
    parser = subparsers.add_parser("routing", help="auto-routing engine: evaluate, train, test")
    routing = parser.add_subparsers(dest="routing_command", metavar="COMMAND")
    routing.required = True
    ev = routing.add_parser("eval", help="route labelled cases (routing-dev.jsonl format) and score")
    ev.add_argument("--cases", required=True, type=Path, help="JSON-lines file of labelled cases")
    ev.add_argument("--json", action="store_true", help="print the headline figures as JSON")
    ev.add_argument("--catalog", type=Path, default=None, help="duty list JSON (default: shipped)")
    ev.set_defaults(func=run_eval)
    rt = routing.add_parser("retrain", help="train the learned model on reviewers' decisions and activate it")
    rt.add_argument("--min-examples", type=int, default=200, help="do nothing below this many decisions")
    rt.add_argument("--every", type=float, default=None, metavar="HOURS",
                    help="keep running and retrain every HOURS hours (for a scheduled service)")
    rt.set_defaults(func=run_retrain)
    try:
        from console.cli import routing_learned_cmd  # type: ignore[attr-defined,unused-ignore]
    except ImportError as exc:
        if exc.name not in ("console.cli.routing_learned_cmd", "console.cli"):
            raise
    else:
        routing_learned_cmd.register(routing)
    return parser


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run_retrain(args: argparse.Namespace) -> int:
    """Handler of ``routing retrain``: once, or every ``--every`` hours."""
    import time

    from console.backend import open_backend
    from console.routing.learning import retrain

    backend = open_backend(getattr(args, "db", None), with_router=False)
    while True:
        result = retrain(backend.ctx.db, now=backend.ctx.clock.now(), min_examples=args.min_examples)
        if result is None:
            print(json.dumps({"trained": False, "reason": f"fewer than {args.min_examples} review decisions"},
                             ensure_ascii=False))
        else:
            print(json.dumps({"trained": True, "model_version": result.version, "examples": result.examples,
                              "items": result.labels, "train_s": round(result.train_seconds, 2)}))
        sys.stdout.flush()
        if args.every is None:
            return EXIT_OK
        time.sleep(args.every * 3600)


def run_eval(args: argparse.Namespace) -> int:
    """Handler of ``routing eval``."""
    from console.reference.catalog_file import CatalogFormatError, load_catalog
    from console.routing.engine import RoutingEngine
    from console.routing.evaluation import CaseFileError, evaluate, read_cases

    try:
        cases = read_cases(args.cases)
    except CaseFileError as exc:
        return _fail(str(exc))
    try:
        catalog = load_catalog(args.catalog) if args.catalog else load_catalog()
    except (OSError, ValueError, CatalogFormatError) as exc:
        return _fail(f"{args.catalog or 'duty list'}: {exc}")
    engine = RoutingEngine(catalog)
    result = evaluate(engine, cases)
    headline: dict[str, Any] = {**result.headline(), "model_version": engine.model_version}
    if args.json:
        print(json.dumps(headline, ensure_ascii=False, indent=2))
        return EXIT_OK
    for key, value in headline.items():
        print(f"{key:>16}: {value}")
    print("\nper expected line (n, top-1, top-3):")
    for line, figures in result.per_line.items():
        print(f"  {line:<18} {int(figures['n']):>4} {figures['top1']:>6.2f} {figures['top3']:>6.2f}")
    print("\nconfusion pairs (expected → predicted lead, count):")
    for expected, predicted, count in result.confusion:
        print(f"  {expected:<18} → {predicted:<18} {count}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry: ``python -m console.cli.routing_cmd routing eval ...``."""
    parser = argparse.ArgumentParser(prog="dispatch-console")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
