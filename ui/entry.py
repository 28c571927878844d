"""``dispatch-console``: with no subcommand it opens the dispatch-room window (``--db URL``, ``--user NAME``
to prefill the login, ``--lang en``); ``bench queue`` runs the queue benchmark (needs Qt); any other
subcommand — ``bench live`` included — is handed to the headless CLI, ``console.cli.main.main(argv)``,
imported lazily."""

from __future__ import annotations

import argparse
import sys


def window_parser(add_help: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dispatch-console", add_help=add_help, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="分拨调度台 — 12345 民意速办 dispatch-room console. Without a command: open the window.",
        epilog="commands (dispatch-console [--db URL] COMMAND --help for each):\n"
               "  db upgrade | demo | simulate | import | catalog stats | users add | routing (eval, train, test,\n"
               "  retrain) | export (handover, report) | dutylist | analytics | bench (queue, live, export)")
    parser.add_argument("--db", dest="db_url", default=None, help="database URL (default: the local SQLite file)")
    parser.add_argument("--user", default="", help="prefill the login with this user name")
    parser.add_argument("--lang", default=None, choices=["zh_CN", "en"], help="UI language for this start")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    known, rest = window_parser(add_help=False).parse_known_args(args)
    if not rest or rest[0].startswith("-"):  # no subcommand: the window's own --help applies
        known, rest = window_parser().parse_known_args(args)
    if rest[:2] == ["bench", "queue"]:
        from ui.bench_queue import main as bench_main

        return bench_main(rest[2:])
    if rest:  # a subcommand (options such as --db may come before it): the headless CLI's business
        try:
            from console.cli.main import main as cli_main
        except ImportError as exc:
            if exc.name not in ("console.cli.main", "console.cli"):
                raise
            print("error: the command-line interface (console.cli.main) is not installed", file=sys.stderr)
            return 2
        return int(cli_main(args) or 0)
    from ui.app import WindowOptions, launch

    return launch(WindowOptions(db_url=known.db_url, username=known.user, language=known.lang))


if __name__ == "__main__":
    sys.exit(main())
