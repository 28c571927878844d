"""``python -m ui.review.screenshot --db URL --out DIR``: renders the review desk (with a ticket selected),
the duty-list picker searching by pinyin initials, and the quality view, as PNGs in DIR. Offscreen unless
``QT_QPA_PLATFORM`` is set (run under xvfb-run for real fonts and window decorations)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path


async def _settled(seconds: float) -> None:
    await asyncio.sleep(seconds)


async def capture(db_url: str | None, out: Path, select: int, query: str) -> int:
    from console.backend import open_backend
    from console.services import accounts
    from ui.app import open_session
    from ui.main_window import MainWindow
    from ui.preferences import Preferences
    from ui.review.extension import open_desk, open_quality
    from ui.worker import DbWorker

    out.mkdir(parents=True, exist_ok=True)
    worker = DbWorker()
    backend = await worker.run(open_backend, db_url)
    windows = []
    try:
        for username in ("disp01", "sup01"):
            actor = await worker.run(accounts.authenticate, backend.ctx, username, "demo")
            session = await open_session(worker, backend, actor, username)
            window = MainWindow(session, Preferences(sound=False, tray=False), notify=False)
            window.show()
            await window.start()
            windows.append(window)
            if username == "disp01":
                desk = open_desk(window)
                await _settled(1.0)
                desk.step_ticket(select)
                await _settled(1.5)
                desk.grab().save(str(out / "review-desk.png"), "PNG")
                task = window.session.tasks.spawn(desk.controller.pick_item())
                while desk.controller.dialog is None:
                    await _settled(0.1)
                picker = desk.controller.dialog
                picker.query.setText(query)
                await _settled(0.5)
                picker.grab().save(str(out / "review-picker.png"), "PNG")
                code = picker.choice()
                picker.reject()
                await task
                if code:
                    await desk.controller.set_item(code)
                    await _settled(0.5)
                    desk.grab().save(str(out / "review-desk-corrected.png"), "PNG")
                desk.close()
            else:
                view = open_quality(window)
                view.set_window("week")
                await _settled(2.0)
                view.grab().save(str(out / "review-quality.png"), "PNG")
                view.close()
        print(f"saved review-desk.png, review-picker.png, review-desk-corrected.png, review-quality.png in {out}")
        return 0
    finally:
        for window in windows:
            window.close()
            await window.session.tasks.settle(5)
        worker.close()
        backend.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.review.screenshot")
    parser.add_argument("--db", dest="db_url", default=None)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--select", type=int, default=0, help="pending ticket to show (0 = the first)")
    parser.add_argument("--query", default="sgzs", help="what to type into the item picker")
    parser.add_argument("--lang", default="zh_CN", help="UI language (zh_CN or en)")
    args = parser.parse_args(argv)
    from ui.app import run_headless

    return run_headless(lambda: capture(args.db_url, args.out, args.select, args.query), args.lang)


if __name__ == "__main__":
    sys.exit(main())
