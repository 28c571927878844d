"""A substring index over the queue rows' search text: one joined string scanned with ``str.find`` (C speed)
instead of a Python test per row. Rows changed since the index was built are checked one by one, and the
index is rebuilt when too many have changed. Pure Python, no Qt; GUI thread (owned by the queue model)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from console.queries.rows import QueueRow

SEPARATOR = "\x00"
REBUILD_AFTER = 2000


class SearchIndex:
    def __init__(self) -> None:
        self._text = ""
        self._starts: list[int] = []
        self._ids: list[int] = []
        self._dirty: set[int] = set()
        self._built = False

    def invalidate(self) -> None:
        self._built = False

    def touched(self, ids: Iterable[int]) -> None:
        """Rows changed, added or removed since the build."""
        self._dirty.update(ids)
        if len(self._dirty) > REBUILD_AFTER:
            self._built = False

    def build(self, rows: Iterable[QueueRow]) -> None:
        blobs, starts, ids, offset = [], [], [], 0
        for row in rows:
            starts.append(offset)
            ids.append(row.id)
            blobs.append(row.search_blob)
            offset += len(row.search_blob) + 1
        self._text = SEPARATOR.join(blobs)
        self._starts, self._ids = starts, ids
        self._dirty = set()
        self._built = True

    @property
    def built(self) -> bool:
        return self._built

    def matching_ids(self, needles: list[str], rows_by_id: dict[int, QueueRow]) -> set[int]:
        """Ids of rows whose search text contains every needle (the index must be built)."""
        first, rest = needles[0], needles[1:]
        text, starts, ids = self._text, self._starts, self._ids
        found: set[int] = set()
        position = text.find(first)
        while position >= 0:
            slot = bisect_right(starts, position) - 1
            found.add(ids[slot])
            following = starts[slot + 1] if slot + 1 < len(starts) else len(text)
            position = text.find(first, following)
        found -= self._dirty
        for ticket_id in self._dirty:
            row = rows_by_id.get(ticket_id)
            if row is not None and first in row.search_blob:
                found.add(ticket_id)
        if rest:
            found = {i for i in found if all(n in rows_by_id[i].search_blob for n in rest)}
        return {i for i in found if i in rows_by_id}
