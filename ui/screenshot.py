"""``python -m ui.screenshot --db URL --out FILE.png``: log in as a demo dispatcher, wait for the queue and
the detail pane, and save the main window as a PNG. Runs offscreen unless ``QT_QPA_PLATFORM`` is set
(``make screenshot`` runs it under xvfb-run)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path


async def capture(db_url: str | None, out: Path, username: str, password: str, width: int, height: int,
                  select: int) -> int:
    from console.backend import open_backend
    from console.services import accounts
    from ui.app import open_session
    from ui.main_window import MainWindow
    from ui.preferences import Preferences
    from ui.worker import DbWorker

    worker = DbWorker()
    backend = await worker.run(open_backend, db_url)
    try:
        actor = await worker.run(accounts.authenticate, backend.ctx, username, password)
        session = await open_session(worker, backend, actor, username)
        window = MainWindow(session, Preferences(sound=False, tray=False), notify=False)
        window.resize(width, height)
        window.show()
        count = await window.start()
        if count:
            window.view.selectRow(min(select, count - 1))
        await asyncio.sleep(1.5)  # detail pane load, first poll, a countdown tick
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out), "PNG"):
            print(f"error: could not write {out}", file=sys.stderr)
            return 1
        print(f"{out} ({count} tickets in the queue)")
        window.close()
        await session.tasks.settle(5)
        return 0
    finally:
        worker.close()
        backend.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshot")
    parser.add_argument("--db", dest="db_url", default=None)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--user", default="disp01")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--size", default="1600x900")
    parser.add_argument("--select", type=int, default=0, help="queue row to select for the detail pane")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args(argv)
    from ui.app import run_headless

    width, height = (int(v) for v in args.size.lower().split("x"))
    return run_headless(lambda: capture(args.db_url, args.out, args.user, args.password, width, height,
                                        args.select), args.lang)

if __name__ == "__main__":
    sys.exit(main())
