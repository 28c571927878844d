"""``python -m ui.room.screenshot --db postgresql://… --out-dir screenshots``: the room's fault states as a
user sees them. The window connects through a local TCP relay; the relay is cut (a network loss), the
offline banner is captured, the relay restored and the caught-up window captured again; then a conflict
dialog is captured. Run under ``xvfb-run`` (or offscreen). Not used by the application itself."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit


class Relay:
    """127.0.0.1:<port> → the database server; ``cut()`` drops every connection and refuses new ones."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._server: socket.socket | None = None
        self._open: list[socket.socket] = []

    def start(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(16)
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def cut(self) -> None:
        server, self._server = self._server, None
        for s in ([server] if server else []) + self._open:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()
        self._open = []

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
                upstream = socket.create_connection(self.target)
            except OSError:
                return
            self._open += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pump, args=(a, b), daemon=True).start()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            sink.sendall(data)


async def capture(db_url: str, out_dir: Path, username: str, password: str) -> int:
    from console.backend import open_backend
    from console.domain.errors import ConflictError
    from console.services import accounts
    from ui.app import open_session
    from ui.main_window import MainWindow
    from ui.preferences import Preferences
    from ui.room.conflict_dialog import ConflictDialog
    from ui.room.urls import with_room_options
    from ui.worker import DbWorker

    parts = urlsplit(db_url)
    relay = Relay(parts.hostname or "127.0.0.1", parts.port or 5432)
    relay.start()
    user = parts.netloc.rsplit("@", 1)[0]
    relayed = urlunsplit(parts._replace(netloc=f"{user}@127.0.0.1:{relay.port}"))
    worker = DbWorker()
    backend = await worker.run(open_backend, with_room_options(relayed))
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        actor = await worker.run(accounts.authenticate, backend.ctx, username, password)
        session = await open_session(worker, backend, actor, username)
        window = MainWindow(session, Preferences(sound=False, tray=False), notify=False)
        window.resize(1600, 900)
        window.show()
        count = await window.start()
        if count:
            window.view.selectRow(0)
        await asyncio.sleep(1.5)
        _save(window, out_dir / "room_online.png")
        relay.cut()
        await _until(lambda: window.banner.isVisible(), 6.0)
        await asyncio.sleep(3.2)  # let the banner's "disconnected for n s" count
        _save(window, out_dir / "room_offline_banner.png")
        relay.start()
        await _until(lambda: window.banner.isHidden(), 15.0)
        await asyncio.sleep(0.5)
        _save(window, out_dir / "room_reconnected.png")
        row = window.view.current_row()
        if row is not None:
            conflict = ConflictError(row.number, row.version, row.version + 1, "钱分拨", "调整紧急程度")
            dialog = ConflictDialog(conflict, f"认领 {row.number}", row, window)
            dialog.open()
            await asyncio.sleep(0.5)
            _save(window.window(), out_dir / "room_conflict_window.png")
            _save(dialog, out_dir / "room_conflict_dialog.png")
            dialog.reject()
        window.close()
        await session.tasks.settle(8)
        return 0
    finally:
        worker.close()
        backend.close()
        relay.cut()


async def _until(condition: Any, timeout: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        await asyncio.sleep(0.05)


def _save(widget: Any, path: Path) -> None:
    widget.grab().save(str(path), "PNG")
    print(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.room.screenshot")
    parser.add_argument("--db", dest="db_url", required=True, help="a PostgreSQL URL (the relay needs TCP)")
    parser.add_argument("--out-dir", type=Path, default=Path("screenshots"))
    parser.add_argument("--user", default="disp01")
    parser.add_argument("--password", default="demo")
    args = parser.parse_args(argv)
    from ui.app import run_headless

    return run_headless(lambda: capture(args.db_url, args.out_dir, args.user, args.password))


if __name__ == "__main__":
    sys.exit(main())
