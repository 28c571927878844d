"""The value every use case returns: which tickets changed and how, small and immutable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Changed:
    """What a use case changed. ``replayed`` is True when the request id had been processed before and
    this is the stored result of that first call (nothing was done again)."""

    action: str
    ticket_ids: tuple[int, ...] = ()
    numbers: tuple[str, ...] = ()
    replayed: bool = False
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"action": self.action, "ticket_ids": list(self.ticket_ids), "numbers": list(self.numbers),
                "detail": self.detail}

    @classmethod
    def from_json(cls, raw: dict[str, Any], replayed: bool = True) -> Changed:
        return cls(raw["action"], tuple(raw.get("ticket_ids", ())), tuple(raw.get("numbers", ())), replayed,
                   raw.get("detail", ""))

    @property
    def nothing(self) -> bool:
        return not self.ticket_ids
