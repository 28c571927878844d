"""Which duty items a text talks about, by the items' keywords (longest matches win).

Used where a ticket has no item yet (pending review) so that it can still join a hot spot or a suggestion
topic. Pure and cached per catalogue version.
"""

from __future__ import annotations

from console.domain.catalog import Catalog


class KeywordMatcher:
    """Keyword → item codes for one catalogue version; ``items_in`` finds the items a text mentions."""

    def __init__(self, catalog: Catalog):
        self.version = catalog.version
        index: dict[str, set[str]] = {}
        for item in catalog.items:
            if not item.active:
                continue
            for keyword in item.keywords:
                if len(keyword) >= 2:
                    index.setdefault(keyword, set()).add(item.code)
        self._items = {k: frozenset(v) for k, v in index.items()}
        self._by_start: dict[str, list[str]] = {}
        for keyword in sorted(index, key=len, reverse=True):
            self._by_start.setdefault(keyword[:2], []).append(keyword)

    def matches(self, text: str) -> list[str]:
        """Keywords found in ``text``, longest first, leaving out those inside a longer match."""
        hits: set[str] = set()
        for i in range(len(text) - 1):
            for keyword in self._by_start.get(text[i:i + 2], ()):
                if text.startswith(keyword, i):
                    hits.add(keyword)
        found: list[str] = []
        for keyword in sorted(hits, key=lambda k: (-len(k), k)):
            if not any(keyword in longer for longer in found):
                found.append(keyword)
        return found

    def items_in(self, text: str) -> tuple[str, ...]:
        """Item codes mentioned by ``text``, the one with the longest matching keyword first."""
        out: list[str] = []
        for keyword in self.matches(text):
            for code in sorted(self._items[keyword]):
                if code not in out:
                    out.append(code)
        return tuple(out)


_matchers: dict[str, KeywordMatcher] = {}


def matcher_for(catalog: Catalog) -> KeywordMatcher:
    """A matcher per catalogue version, cached (stored versions never change)."""
    matcher = _matchers.get(catalog.version)
    if matcher is None:
        matcher = _matchers[catalog.version] = KeywordMatcher(catalog)
    return matcher
