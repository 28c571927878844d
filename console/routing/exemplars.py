"""Exemplar similarity: how close a request is to short example requests written for each duty item.

Keywords catch a matter when the citizen uses one of its phrases; a request often names it only
through its circumstances (``冒充班主任…转了三千二…被拉黑`` is a fraud without the word 诈骗). The
router therefore also carries a few example requests per item, in citizens' words
(``resources/routing/exemplars.json``: ``{item code: {"name": item name, "examples": [request, ...]}}``),
and scores an item by the similarity of the request to its closest example. Examples attach to an
item only when both its code and its name match, so a renamed item (its scope may have changed) or
another catalog that reuses the code never inherits examples written for something else.

Representation: character bigrams of the normalised text (the same grams as the ranker's, place
names masked), sublinear TF × IDF over the examples, L2-normalised; similarity is the cosine. An
item's similarity is the maximum over its examples. Bigrams of the room's boilerplate
(``lexicon.GENERIC_WORDS``: ``市民来电反映``, ``诉求`` …) and bigrams too common to say anything
(``COMMON_SHARE``) take no part, so two texts never look alike for their form alone.

Contracts: :meth:`ExemplarIndex.scan` gives one similarity in [0, 1] per indexed item (0 for an
item without examples); :func:`load_exemplars` returns ``{}`` when the file does not exist and
raises :class:`ExemplarError` naming the file and item when it is malformed. Immutable after
construction, safe to share between threads.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from console.domain.catalog import DutyItem
from console.routing.index import bigrams
from console.routing.lexicon import GENERIC_BIGRAMS
from console.routing.textnorm import normalize

EXEMPLARS_JSON = Path(__file__).resolve().parents[2] / "resources" / "routing" / "exemplars.json"

#: A bigram found in more than this share of the examples (and in more than ``COMMON_MIN_COUNT``)
#: carries no matter of its own.
COMMON_SHARE = 0.25
COMMON_MIN_COUNT = 10


class ExemplarError(ValueError):
    """The exemplar file is malformed; the message names the file and the item."""


@dataclass(frozen=True, slots=True)
class ItemExamples:
    """The example requests written for one duty item, and the name it had then."""

    name: str
    examples: tuple[str, ...]


def load_exemplars(path: Path | None = None) -> dict[str, ItemExamples]:
    """Item code → its examples, from ``path`` (default: the shipped file)."""
    path = path or EXEMPLARS_JSON
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExemplarError(f"{path}: cannot read the exemplars: {exc}") from None
    if not isinstance(raw, dict):
        raise ExemplarError(f"{path}: expected a JSON object of item code → {{name, examples}}")
    out: dict[str, ItemExamples] = {}
    for code, entry in raw.items():
        name = entry.get("name") if isinstance(entry, dict) else None
        texts = entry.get("examples") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise ExemplarError(f"{path}: item {code!r}: expected the item's name under \"name\"")
        if not isinstance(texts, list) or not all(isinstance(t, str) and t.strip() for t in texts):
            raise ExemplarError(f"{path}: item {code!r}: expected a list of non-empty requests under \"examples\"")
        out[str(code)] = ItemExamples(name.strip(), tuple(t.strip() for t in texts))
    return out


@dataclass(frozen=True)
class ExemplarScan:
    """One request against every example: per item (max over its examples), per example, and the
    request's bigrams that the examples know (column → (position, bigram))."""

    items: np.ndarray
    examples: np.ndarray
    grams: dict[int, tuple[int, str]]


class ExemplarIndex:
    """TF-IDF bigram vectors of every item's examples; see the module docstring."""

    def __init__(self, items: Sequence[DutyItem], exemplars: Mapping[str, ItemExamples]) -> None:
        texts: list[str] = []
        owners: list[int] = []
        for idx, item in enumerate(items):
            entry = exemplars.get(item.code)
            if entry is None or entry.name != item.name:
                continue
            for text in entry.examples:
                texts.append(normalize(text).text)
                owners.append(idx)
        self.n_items = len(items)
        # an item's examples are consecutive rows: item → [begin, end)
        self._segment: dict[int, tuple[int, int]] = {}
        for row, owner in enumerate(owners):
            begin, _ = self._segment.get(owner, (row, row))
            self._segment[owner] = (begin, row + 1)
        self._items = np.array(sorted(self._segment), dtype=np.int64)
        self._starts = np.array([self._segment[i][0] for i in self._items.tolist()], dtype=np.int64)
        grams = [Counter(g for _, g in bigrams(t)) for t in texts]
        df: Counter[str] = Counter()
        for counts in grams:
            df.update(counts.keys())
        n = max(len(texts), 1)
        common = max(COMMON_SHARE * n, COMMON_MIN_COUNT)
        self._idf = {g: math.log((1.0 + n) / (1.0 + f)) + 1.0 for g, f in df.items()
                     if f <= common and g not in GENERIC_BIGRAMS}
        self._column = {g: c for c, g in enumerate(sorted(self._idf))}
        rows, cols, vals = [], [], []
        for r, counts in enumerate(grams):
            for g, tf in counts.items():
                col = self._column.get(g)
                if col is not None:
                    rows.append(r)
                    cols.append(col)
                    vals.append((1.0 + math.log(tf)) * self._idf[g])
        matrix = sp.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(self._column)), dtype=np.float64)
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self._matrix = sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)
        self._columns_t = sp.csc_matrix(self._matrix)

    def __len__(self) -> int:
        return int(self._matrix.shape[0])

    def scan(self, text: str, masked: frozenset[int] = frozenset()) -> ExemplarScan:
        """Similarities of normalised ``text`` (``masked`` positions skipped) to every example and item."""
        items = np.zeros(self.n_items, dtype=np.float64)
        counts: Counter[int] = Counter()
        grams: list[tuple[int, str]] = []
        for pos, gram in bigrams(text):
            if pos in masked or pos + 1 in masked:
                continue
            col = self._column.get(gram)
            if col is None:
                continue
            if col not in counts:
                grams.append((pos, gram))
            counts[col] += 1
        if not counts:
            return ExemplarScan(items, np.zeros(len(self)), {})
        cols = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        weights = np.array([(1.0 + math.log(tf)) * self._idf[g] for (_, g), tf in
                            zip(grams, counts.values(), strict=True)], dtype=np.float64)
        examples = self._columns_t[:, cols] @ (weights / float(np.sqrt((weights * weights).sum())))
        items[self._items] = np.maximum.reduceat(examples, self._starts)
        return ExemplarScan(items, examples, dict(zip(cols.tolist(), grams, strict=True)))

    def shared(self, item: int, scan: ExemplarScan) -> tuple[tuple[int, str], ...]:
        """The (position, bigram) pairs the scanned text shares with ``item``'s closest example."""
        segment = self._segment.get(item)
        if segment is None or not scan.grams:
            return ()
        begin, end = segment
        best = begin + int(np.argmax(scan.examples[begin:end]))
        row = self._matrix.indices[self._matrix.indptr[best] : self._matrix.indptr[best + 1]].tolist()
        return tuple(sorted(scan.grams[c] for c in row if c in scan.grams))
