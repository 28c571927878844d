"""The item index: what the cold-start ranker knows about each duty item.

Built once per catalog version (immutable afterwards, safe to share between threads):
- ``keywords``: every (item, keyword or item name) pair with its bigrams, for verbatim and
  partial keyword matching; weight is the keyword's bigram specificity times a length factor;
- ``bigrams``: BM25 postings of character bigrams over each item's name (twice), keywords,
  description and subcategory name: bigram → (item indices, BM25 term weights);
- ``line_items``: line code → indices of the items the line leads (for the line prior).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from console.domain.catalog import Catalog, DutyItem
from console.routing.textnorm import is_punct, normalize

K1 = 1.2
B = 0.75


def bigrams(text: str) -> Iterator[tuple[int, str]]:
    """Positions and character bigrams of ``text`` that do not cross punctuation or digits runs,
    plus each run of two or more ASCII letters as one gram (``ktv``, ``app``, ``wifi``): such a
    word would otherwise leave no gram at all."""
    n = len(text)
    for i in range(n - 1):
        a, b = text[i], text[i + 1]
        if is_punct(a) or is_punct(b):
            continue
        if a.isascii() and b.isascii():
            if _is_letter(a) and _is_letter(b) and (i == 0 or not _is_letter(text[i - 1])):
                end = i + 2
                while end < n and _is_letter(text[end]):
                    end += 1
                yield i, text[i:end]
            continue
        yield i, a + b


def _is_letter(ch: str) -> bool:
    return "a" <= ch <= "z" or "A" <= ch <= "Z"


@dataclass(frozen=True)
class ItemIndex:
    """Search structures over one catalog; see the module docstring."""

    items: tuple[DutyItem, ...]
    paths: tuple[tuple[str, str, str], ...]
    bigrams: dict[str, tuple[np.ndarray, np.ndarray]]
    line_items: dict[str, np.ndarray]
    position: dict[str, int]
    keywords: KeywordTable


    @classmethod
    def build(cls, catalog: Catalog) -> ItemIndex:
        """Index every active item of ``catalog``."""
        items = tuple(i for i in catalog.items if i.active)
        paths = tuple(catalog.path(i) for i in items)
        postings = _bigram_postings(items, paths)
        n = max(len(items), 1)
        idf = {g: math.log(1.0 + (n - len(ids) + 0.5) / (len(ids) + 0.5)) for g, (ids, _) in postings.items()}
        line_items: dict[str, list[int]] = {}
        for idx, item in enumerate(items):
            line_items.setdefault(item.lead_line, []).append(idx)
        return cls(
            items=items,
            paths=paths,
            bigrams=postings,
            line_items={k: np.array(v, dtype=np.int32) for k, v in line_items.items()},
            position={item.code: idx for idx, item in enumerate(items)},
            keywords=KeywordTable.build(items, idf),
        )


@dataclass(frozen=True)
class KeywordTable:
    """Every (item, keyword) pair with its bigram set, for partial keyword matching.

    ``grams``: bigram → ids of the keywords containing it; ``size``: bigrams per keyword;
    ``weight``: field weight × mean bigram specificity × length factor.
    """

    text: tuple[str, ...]
    item: np.ndarray
    weight: np.ndarray
    size: np.ndarray
    grams: dict[str, np.ndarray]

    @classmethod
    def build(cls, items: tuple[DutyItem, ...], idf: dict[str, float]) -> KeywordTable:
        texts: list[str] = []
        owners: list[int] = []
        weights: list[float] = []
        sizes: list[int] = []
        grams: dict[str, list[int]] = {}
        for idx, item in enumerate(items):
            for phrase, field_weight in _item_phrases(item).items():
                unique = {g for _, g in bigrams(phrase)}
                if not unique:
                    continue
                kw_id = len(texts)
                texts.append(phrase)
                owners.append(idx)
                specificity = sum(idf.get(g, 0.0) for g in unique) / len(unique)
                weights.append(field_weight * specificity * (0.5 + 0.25 * min(len(phrase), 6)))
                sizes.append(len(unique))
                for gram in unique:
                    grams.setdefault(gram, []).append(kw_id)
        return cls(
            text=tuple(texts),
            item=np.array(owners, dtype=np.int32),
            weight=np.array(weights, dtype=np.float64),
            size=np.array(sizes, dtype=np.float64),
            grams={g: np.array(v, dtype=np.int32) for g, v in grams.items()},
        )


def _item_phrases(item: DutyItem) -> dict[str, float]:
    """Phrase → field weight for one item (keywords 1.0, the item name 1.2)."""
    found: dict[str, float] = {}
    for keyword in item.keywords:
        norm = normalize(keyword).text
        if len(norm) >= 2:
            found[norm] = max(found.get(norm, 0.0), 1.0)
    name = normalize(item.name).text
    if len(name) >= 2:
        found[name] = max(found.get(name, 0.0), 1.2)
    return found


def _document(item: DutyItem, path: tuple[str, str, str]) -> str:
    parts = [item.name, item.name, *item.keywords, item.description, path[1]]
    return "|".join(normalize(p).text for p in parts)


def _bigram_postings(
    items: tuple[DutyItem, ...], paths: tuple[tuple[str, str, str], ...]
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    counts = [Counter(g for _, g in bigrams(_document(i, p))) for i, p in zip(items, paths, strict=True)]
    lengths = np.array([sum(c.values()) for c in counts], dtype=np.float64)
    avg = float(lengths.mean()) if len(lengths) else 1.0
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(items)
    raw: dict[str, tuple[list[int], list[float]]] = {}
    for idx, c in enumerate(counts):
        norm = K1 * (1 - B + B * lengths[idx] / avg)
        for gram, tf in c.items():
            idf = math.log(1.0 + (n - df[gram] + 0.5) / (df[gram] + 0.5))
            weight = idf * tf * (K1 + 1) / (tf + norm)
            ids, weights = raw.setdefault(gram, ([], []))
            ids.append(idx)
            weights.append(weight)
    return {
        g: (np.array(ids, dtype=np.int32), np.array(ws, dtype=np.float64))
        for g, (ids, ws) in raw.items()
    }
