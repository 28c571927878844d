"""The window's connection state, shared by every controller: online (live) or offline (read-only).

GUI thread only. Anything that learns the database is unreachable calls ``lost``; only a successful
catch-up poll (with the PostgreSQL listener up) calls ``restored``, so "online" always means "the view is
caught up and actions can be confirmed".

Deliberately not a QObject: it lives in the session (which outlives windows) and must never be destroyed
by the garbage collector on another thread. Listeners are held weakly and skipped once their Qt object
is gone, as a Qt connection would be.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from typing import Any

from shiboken6 import isValid


class LinkSignal:
    """``connect(bound_method)`` / ``emit(online, message)``: weak, GUI-thread callbacks."""

    def __init__(self) -> None:
        self._slots: list[weakref.WeakMethod[Callable[..., Any]]] = []

    def connect(self, slot: Callable[[bool, str], Any]) -> None:
        self._slots.append(weakref.WeakMethod(slot))  # type: ignore[arg-type]

    def emit(self, online: bool, message: str) -> None:
        for ref in list(self._slots):
            slot = ref()
            owner = getattr(slot, "__self__", None)
            if slot is None or (owner is not None and hasattr(owner, "metaObject") and not isValid(owner)):
                self._slots.remove(ref)
                continue
            slot(online, message)


class Link:
    """Online/offline with the reason and the time the view was last known to be complete."""

    def __init__(self) -> None:
        self.changed = LinkSignal()
        self.online = True
        self.message = ""
        self.offline_since: float | None = None
        self.last_live = time.time()
        self.outages = 0
        self.restored_at: float | None = None  # when the last outage ended (None: never offline)

    def lost(self, message: str) -> None:
        """The database could not be reached (a poll, an action, the listener)."""
        if self.online:
            self.online = False
            self.offline_since = time.time()
            self.outages += 1
            self.message = message
            self.changed.emit(False, message)
        elif message != self.message:
            self.message = message
            self.changed.emit(False, message)

    def restored(self) -> None:
        """A catch-up poll succeeded: the view is complete again."""
        self.last_live = time.time()
        if not self.online:
            self.online = True
            self.restored_at = self.last_live
            self.offline_since = None
            self.message = ""
            self.changed.emit(True, "")

    def offline_for(self) -> float:
        """Seconds since the link went offline (0 while online)."""
        return 0.0 if self.offline_since is None else time.time() - self.offline_since

    def live(self) -> None:
        """Any successful read while online: remember when the view was last complete."""
        if self.online:
            self.last_live = time.time()
