"""Text likeness for short Chinese texts: character bigrams, Jaccard, and an IDF-weighted variant.

Citizen texts share a lot of boilerplate ("市民来电反映", "请尽快处理", the place name), so clustering weighs
bigrams by how rare they are among recent texts (``BigramStats``) and strips the place before comparing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Set

_NOT_HAN_OR_WORD = re.compile(r"[^\w\u4e00-\u9fff]+")
_DIGITS = re.compile(r"\d+")


def normalise(text: str, remove: Iterable[str] = ()) -> str:
    """Lower case, without punctuation, digits and the given substrings (e.g. district and street names)."""
    for part in remove:
        if part:
            text = text.replace(part, " ")
    text = _DIGITS.sub(" ", text.lower())
    return _NOT_HAN_OR_WORD.sub(" ", text)


def bigrams(text: str) -> frozenset[str]:
    """Character bigrams inside each run of non-space characters (single characters count as themselves)."""
    grams: set[str] = set()
    for run in text.split():
        if len(run) == 1:
            grams.add(run)
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    return frozenset(grams)


def jaccard(a: Set[str], b: Set[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


class BigramStats:
    """Document frequencies of bigrams over a rolling set of texts; ``weight`` is a smoothed IDF."""

    def __init__(self) -> None:
        self.docs = 0
        self.df: Counter[str] = Counter()
        self._cache: dict[str, float] = {}
        self._updates = 0

    def add(self, grams: Iterable[str]) -> None:
        self.docs += 1
        self.count(grams)

    def count(self, grams: Iterable[str]) -> None:
        """Count bigrams for an existing document (e.g. new bigrams of a growing cluster)."""
        self.df.update(set(grams))
        self._touch()

    def remove(self, grams: Iterable[str]) -> None:
        self.docs = max(0, self.docs - 1)
        self.df.subtract(set(grams))
        self._touch()

    def _touch(self) -> None:
        # weights are cached and recomputed after every 200 updates: close enough, and far cheaper
        self._updates += 1
        if self._updates >= 200 or self.docs < 200:
            self._cache.clear()
            self._updates = 0

    def weight(self, gram: str) -> float:
        value = self._cache.get(gram)
        if value is None:
            value = self._cache[gram] = math.log((1 + self.docs) / (1 + max(0, self.df.get(gram, 0)))) + 0.05
        return value

    def similarity(self, a: Set[str], b: Set[str]) -> float:
        """Weighted Jaccard: the IDF mass of the shared bigrams over that of the union."""
        if not a or not b:
            return 0.0
        union = a | b
        total = sum(self.weight(g) for g in union)
        shared = sum(self.weight(g) for g in a & b)
        return shared / total if total else 0.0

    def containment(self, a: Set[str], b: Set[str]) -> float:
        """Weighted overlap: the IDF mass of the shared bigrams over that of the lighter text (forgiving
        when one text is a short version of the other)."""
        if not a or not b:
            return 0.0
        lighter = min(sum(self.weight(g) for g in a), sum(self.weight(g) for g in b))
        return sum(self.weight(g) for g in a & b) / lighter if lighter else 0.0

    def top_terms(self, grams: Counter[str], n: int = 5) -> tuple[str, ...]:
        """The ``n`` bigrams most characteristic of a group (count × IDF)."""
        ranked = sorted(grams.items(), key=lambda kv: (-kv[1] * self.weight(kv[0]), kv[0]))
        return tuple(g for g, _ in ranked[:n])
