"""The duty-list picker's search: by code, name, keywords, description, and pinyin (initials such as
``sgzs`` → 施工噪声, or full syllables). Built once per catalogue version; pure Python, any thread.

Pinyin comes from ``pypinyin``; without it the index still searches codes and Chinese text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from console.domain.catalog import Catalog

try:  # an optional speed-up of typing, never a reason to fail
    from pypinyin import Style, lazy_pinyin
except ImportError:  # pragma: no cover - exercised only without the package
    lazy_pinyin = None  # type: ignore[assignment]

_SPACES = re.compile(r"\s+")
_ASCII_QUERY = re.compile(r"^[a-z]+$")


@dataclass(frozen=True, slots=True)
class ItemEntry:
    """One searchable duty item: code, name, its 3-level path and the texts it is found by."""

    code: str
    name: str
    path: tuple[str, str, str]
    keywords: tuple[str, ...]
    description: str
    initials: tuple[str, ...]  # pinyin initials of the name and of each keyword
    spelled: tuple[str, ...]  # full pinyin (no tones, no spaces) of the name and of each keyword

    @property
    def path_text(self) -> str:
        return " › ".join(self.path)


def pinyin_forms(text: str) -> tuple[str, str]:
    """(initials, full pinyin) of ``text`` in lower case; Latin letters and digits are kept as they are."""
    if lazy_pinyin is None:
        return "", ""
    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower()
    spelled = "".join(lazy_pinyin(text, errors="default")).lower()
    return _SPACES.sub("", initials), _SPACES.sub("", spelled)


def entry_for(code: str, name: str, path: tuple[str, str, str], keywords: tuple[str, ...],
              description: str) -> ItemEntry:
    forms = [pinyin_forms(text) for text in (name, *keywords)]
    return ItemEntry(code, name, path, keywords, description, tuple(f[0] for f in forms if f[0]),
                     tuple(f[1] for f in forms if f[1]))


class ItemIndex:
    """Active items of one catalogue version, searchable. ``search`` ranks: code prefix, name, keyword,
    pinyin initials, full pinyin, path, description — ties by code."""

    def __init__(self, entries: list[ItemEntry], version: str = ""):
        self.entries = entries
        self.version = version
        self.by_code = {e.code: e for e in entries}

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> ItemIndex:
        entries = [entry_for(i.code, i.name, catalog.path(i), tuple(i.keywords), i.description)
                   for i in catalog.items if i.active]
        return cls(entries, catalog.version)

    def search(self, query: str, limit: int = 50) -> list[ItemEntry]:
        """Items matching every word of ``query`` (best first); all items in code order for an empty query."""
        words = [w for w in _SPACES.split(query.strip().lower()) if w]
        if not words:
            return self.entries[:limit]
        ranked: list[tuple[int, str, ItemEntry]] = []
        for entry in self.entries:
            ranks = [self._rank(entry, w) for w in words]
            if all(r is not None for r in ranks):
                ranked.append((sum(r for r in ranks if r is not None), entry.code, entry))
        ranked.sort(key=lambda x: (x[0], x[1]))
        return [e for _, _, e in ranked[:limit]]

    @staticmethod
    def _rank(entry: ItemEntry, word: str) -> int | None:
        if entry.code.startswith(word):
            return 0
        if word in entry.name.lower():
            return 1 if entry.name.lower().startswith(word) else 2
        if any(word in k.lower() for k in entry.keywords):
            return 3
        if _ASCII_QUERY.match(word):
            if any(i.startswith(word) for i in entry.initials):
                return 4
            if any(word in i for i in entry.initials):
                return 5
            if any(word in s for s in entry.spelled):
                return 6
        if any(word in p.lower() for p in entry.path[:2]):
            return 7
        if word in entry.description.lower():
            return 8
        return None
