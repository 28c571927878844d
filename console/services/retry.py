"""Retrying a use case across connection faults without ever doing it twice.

A use case called with a request id either committed (and stored its result under that id) or did not.
After a connection error the caller cannot know which — the commit may have landed just before the
connection died. Retrying with the *same* request id is safe: a landed commit is found and its stored
result returned; otherwise the work is done now.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, OperationalError

T = TypeVar("T")


class StillOffline(Exception):
    """The database stayed unreachable for the whole retry window; the action was not confirmed."""


def new_request_id() -> str:
    return uuid.uuid4().hex


def is_connection_fault(error: BaseException) -> bool:
    """True for errors that mean "the connection broke", not "the statement was wrong"."""
    if isinstance(error, OperationalError):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def call_with_retry(call: Callable[[str], T], *, request_id: str | None = None, window: float = 60.0,
                    pause: float = 0.25) -> T:
    """``call(request_id)`` until it succeeds or ``window`` seconds pass; only connection faults retry."""
    rid = request_id or new_request_id()
    deadline = time.monotonic() + window
    while True:
        try:
            return call(rid)
        except (OperationalError, DBAPIError) as fault:
            if not is_connection_fault(fault):
                raise
            if time.monotonic() >= deadline:
                raise StillOffline(f"数据库连接中断超过 {window:.0f} 秒，操作未确认（请求号 {rid}）") from fault
            time.sleep(pause)
