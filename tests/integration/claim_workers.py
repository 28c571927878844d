"""Worker processes for the PostgreSQL room tests (run in separate processes via multiprocessing spawn)."""

from __future__ import annotations

import threading
import time
from typing import Any

from console.db.engine import Database
from console.domain.enums import Role
from console.domain.ticket import Actor
from console.services.context import ServiceContext
from console.services.retry import StillOffline, call_with_retry
from console.services.triage import claim_next


def claim_until_empty(url: str, actors: list[tuple[int, str]], retry: bool) -> list[dict[str, Any]]:
    """Threads (one per actor) claim until nothing is left; returns what each claim returned.

    With ``retry`` every claim carries a request id and is retried across connection faults.
    """
    db = Database(url, pool_size=len(actors), max_overflow=0)
    ctx = ServiceContext(db)
    results: list[dict[str, Any]] = []
    lock = threading.Lock()

    def loop(staff_id: int, name: str) -> None:
        actor = Actor(staff_id, name, Role.DISPATCHER)
        while True:
            try:
                if retry:
                    changed = call_with_retry(lambda rid: claim_next(ctx, actor, request_id=rid), window=60)
                else:
                    changed = claim_next(ctx, actor)
            except StillOffline:
                return
            if not changed.ticket_ids:
                return
            with lock:
                results.append({"ticket": changed.ticket_ids[0], "actor": staff_id, "replayed": changed.replayed,
                                "at": time.monotonic()})

    threads = [threading.Thread(target=loop, args=actor) for actor in actors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    db.dispose()
    return results
