"""A window whose database becomes unreachable (a TCP proxy between it and PostgreSQL is stopped, as a
network loss or a server restart would do): the offline banner appears above the queue within 5 s, the
view stays readable, writing commands are disabled and an action is refused with a message; when the
network comes back the window reconnects by itself, catches up the changes it missed, and the banner
goes away. The PostgreSQL tests skip without a server."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from urllib.parse import urlsplit, urlunsplit

import pytest
from conftest import run, wait_until
from test_ui_room import new_ticket, pg_windows, pg_world  # noqa: F401  (fixtures)

from console.domain.enums import Urgency
from console.services import triage
from tests.conftest import Room

pytestmark = pytest.mark.postgres


class TcpProxy:
    """Forwards 127.0.0.1:<port> to the PostgreSQL server; ``stop()`` cuts every connection and refuses new
    ones (the network is gone), ``start()`` brings it back on the same port."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._server: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(64)
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            with contextlib.suppress(OSError):  # wakes the accepting thread, frees the port
                server.shutdown(socket.SHUT_RDWR)
            server.close()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for s in sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)


def through(proxy: TcpProxy, url: str) -> str:
    parts = urlsplit(url)
    user = parts.netloc.rsplit("@", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}@127.0.0.1:{proxy.port}"))


def test_offline_banner_read_only_then_reconnect_and_catch_up(pg_world: Room, pg_windows, loop) -> None:  # noqa: F811
    from ui.room.urls import with_room_options

    tickets = [new_ticket(pg_world, f"第 {n} 号路灯不亮") for n in range(3)]
    url = pg_world.ctx.db.url
    parts = urlsplit(url)
    proxy = TcpProxy((parts.hostname or "127.0.0.1", parts.port or 5432))
    proxy.start()
    try:
        window = pg_windows(pg_world.dispatcher, with_room_options(through(proxy, url)))
        wait_until(loop, lambda: window.queue._listener_up, timeout=5)
        assert window.banner.isHidden() and window.qactions["claim"].isEnabled()

        proxy.stop()  # the network is gone
        cut = time.monotonic()
        wait_until(loop, lambda: window.banner.isVisible(), timeout=5)
        assert time.monotonic() - cut < 5.0
        assert "只读" in window.banner.text.text()
        assert not window.qactions["claim"].isEnabled() and not window.qactions["note"].isEnabled()
        assert window.model.get(tickets[0]) is not None  # still showing what it had

        window.view.select_ticket(tickets[0])
        run(loop, window.triage.claim())  # sent at once: retried with its request id, then reported unconfirmed
        assert window.prompter.errors and "未能确认" in window.prompter.errors[-1]
        wait_until(loop, lambda: window.session.link.offline_for() > 5.5, timeout=5)
        window.prompter.answers.append("离线时的备注")
        run(loop, window.triage.add_note())  # offline for a while: refused at once, nothing sent
        assert "未执行" in window.prompter.errors[-1]

        # the room works on while this window is cut off
        triage.claim(pg_world.ctx, pg_world.dispatcher2, tickets[1])
        triage.change_urgency(pg_world.ctx, pg_world.dispatcher2, tickets[2], Urgency.URGENT, "离线期间")
        missed = new_ticket(pg_world, "离线期间受理的新工单")
        time.sleep(0.5)
        assert window.model.get(missed) is None and window.banner.isVisible()

        proxy.start()  # the network is back
        wait_until(loop, lambda: window.banner.isHidden(), timeout=10)
        wait_until(loop, lambda: "没有生效" in window.prompter.errors[-1], timeout=5)  # the unconfirmed claim
        wait_until(loop, lambda: window.model.get(missed) is not None, timeout=5)
        assert window.model.get(tickets[1]).claimed_by_name == "钱分拨"
        assert window.model.get(tickets[2]).urgency == "urgent"
        assert window.qactions["claim"].isEnabled()
        window.view.select_ticket(tickets[0])
        assert run(loop, window.triage.claim()) is True  # actions work again
        drift = run(loop, window.queue.reconcile())
        assert drift is not None and len(drift) == 0
    finally:
        proxy.stop()


def test_an_action_interrupted_by_a_fault_is_confirmed_or_refused_never_doubled(pg_world: Room, pg_windows,  # noqa: F811
                                                                               loop) -> None:
    """The connection dies right under an action: the same request id is retried; the action is recorded
    exactly once and confirmed."""
    from sqlalchemy import func, select, text

    from console.db.schema import EventRow

    ticket = new_ticket(pg_world)
    window = pg_windows(pg_world.dispatcher)
    window.view.select_ticket(ticket)
    with pg_world.ctx.db.engine.connect() as admin:  # every connection of the window's pool is cut
        admin.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
        admin.commit()
    window.prompter.answers.append("断线后补记")
    run(loop, window.triage.add_note())
    with pg_world.ctx.db.reader() as s:
        notes = s.scalar(select(func.count()).select_from(EventRow).where(EventRow.ticket_id == ticket,
                                                                          EventRow.action == "note"))
    assert notes == 1 and not window.prompter.errors
