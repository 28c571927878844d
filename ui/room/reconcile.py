"""Reconciliation arithmetic: which rows of the window's model differ from the database although no
event explains it. Pure functions; GUI thread (the model is read there)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Drift:
    """Tickets to re-read: missing from the model, extra in it, or at another version."""

    missing: tuple[int, ...]
    extra: tuple[int, ...]
    stale: tuple[int, ...]

    @property
    def ids(self) -> tuple[int, ...]:
        return self.missing + self.extra + self.stale

    def __len__(self) -> int:
        return len(self.missing) + len(self.extra) + len(self.stale)


def drift(model: Mapping[int, int], database: Mapping[int, int], explained: Iterable[int] = ()) -> Drift:
    """Compare id → version maps; ids in ``explained`` (touched by events read meanwhile) are not drift."""
    skip = set(explained)
    missing = tuple(sorted(i for i in database.keys() - model.keys() if i not in skip))
    extra = tuple(sorted(i for i in model.keys() - database.keys() if i not in skip))
    stale = tuple(sorted(i for i, v in database.items() if i not in skip and i in model and model[i] != v))
    return Drift(missing, extra, stale)
