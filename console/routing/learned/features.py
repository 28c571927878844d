"""Sparse TF-IDF feature space for the learned classifier: character n-grams and words.

Contracts:

- :func:`analyze` turns raw ``(text, title)`` pairs into :class:`AnalyzedDoc` (normalised strings
  and words); it is the only expensive step and is shared by every block.
- A :class:`FeatureSpace` is fitted once (vocabulary with a document-frequency floor, smoothed IDF)
  and then maps analysed documents to a CSR matrix: per block, sublinear tf (``1 + ln tf``) × IDF,
  rows L2-normalised, multiplied by the block's weight, blocks side by side.
- ``to_arrays`` / ``from_arrays`` give a lossless representation as plain numpy arrays plus a JSON
  spec (no pickle): character n-grams are stored as ``uint64`` code-point keys (21 bits per
  character), words as a unicode array.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from console.routing.learned.normalize import normalize_text
from console.routing.learned.segment import segment

_BITS = 21  # every Unicode code point fits in 21 bits; three of them fit in a uint64
TITLE_SEPARATOR = "。"


@dataclass(frozen=True, slots=True)
class AnalyzedDoc:
    """A document after normalisation: ``body`` is title + separator + text, ``words`` its words."""

    body: str
    title: str
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BlockSpec:
    """One feature block. ``kind`` is ``"char"`` or ``"word"``; ``source`` is ``"body"`` or ``"title"``."""

    name: str
    kind: str
    source: str = "body"
    ngram_min: int = 1
    ngram_max: int = 3
    min_df: int = 2
    weight: float = 1.0
    max_features: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in ("char", "word"):
            raise ValueError(f"block {self.name}: unknown kind {self.kind!r}")
        if self.source not in ("body", "title"):
            raise ValueError(f"block {self.name}: unknown source {self.source!r}")
        if self.kind == "char" and not 1 <= self.ngram_min <= self.ngram_max <= 3:
            raise ValueError(f"block {self.name}: character n-grams must lie within 1..3")


DEFAULT_BLOCKS: tuple[BlockSpec, ...] = (
    BlockSpec("char", "char", "body"),
    BlockSpec("word", "word", "body"),
    BlockSpec("title", "char", "title"),
)


def analyze(texts: Sequence[str], titles: Sequence[str | None] | None = None) -> list[AnalyzedDoc]:
    """Normalise and segment each ``(text, title)``; ``titles`` may be ``None`` or hold ``None``s."""
    if titles is not None and len(titles) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(titles)} titles")
    out: list[AnalyzedDoc] = []
    for i, raw in enumerate(texts):
        text = normalize_text(raw)
        title = normalize_text(titles[i]) if titles is not None else ""
        body = f"{title}{TITLE_SEPARATOR}{text}" if title else text
        words = (*segment(title), *segment(text)) if title else tuple(segment(text))
        out.append(AnalyzedDoc(body=body, title=title, words=words))
    return out


def char_keys(s: str, ngram_min: int = 1, ngram_max: int = 3) -> np.ndarray:
    """``uint64`` keys of the character n-grams of ``s`` (each code point in 21 bits, no NULs)."""
    if not s:
        return np.zeros(0, dtype=np.uint64)
    c = np.frombuffer(s.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    parts = []
    for n in range(ngram_min, ngram_max + 1):
        if len(c) < n:
            break
        key = c[: len(c) - n + 1].copy()
        for k in range(1, n):
            key = (key << np.uint64(_BITS)) | c[k : len(c) - n + 1 + k]
        parts.append(key)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)


def decode_char_key(key: int) -> str:
    """Inverse of :func:`char_keys` for one key: the n-gram as a string (for explanations)."""
    chars = []
    mask = (1 << _BITS) - 1
    while key:
        chars.append(chr(key & mask))
        key >>= _BITS
    return "".join(reversed(chars))


_HASH_MULT = np.uint64(0x9E3779B97F4A7C15)


class _KeyIndex:
    """Open-addressing hash table (linear probing, vectorised) from ``uint64`` keys to positions.

    Equivalent to a binary search in the sorted vocabulary, about 5x faster for large batches.
    Key 0 never occurs (no NUL characters), so it marks empty slots."""

    def __init__(self, keys: np.ndarray) -> None:
        bits = max(4, int(np.ceil(np.log2(max(1, keys.size) * 3))))
        self._mask = np.uint64((1 << bits) - 1)
        self._shift = np.uint64(64 - bits)
        self._keys = np.zeros(1 << bits, dtype=np.uint64)
        self._vals = np.full(1 << bits, -1, dtype=np.int64)
        pending = np.arange(keys.size, dtype=np.int64)
        slots = self._slot(keys)
        while pending.size:
            slot = slots[pending]
            free = self._keys[slot] == 0
            # one winner per free slot; everybody else probes the next slot
            cand = pending[free]
            uniq_slots, first = np.unique(slot[free], return_index=True)
            winners = cand[first]
            self._keys[uniq_slots] = keys[winners]
            self._vals[uniq_slots] = winners
            placed = np.zeros(keys.size, dtype=bool)
            placed[winners] = True
            pending = pending[~placed[pending]]
            slots[pending] = (slots[pending] + np.uint64(1)) & self._mask

    def _slot(self, keys: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return (keys * _HASH_MULT) >> self._shift

    def lookup(self, queries: np.ndarray) -> np.ndarray:
        """Position of each query key, ``-1`` when absent."""
        out = np.full(queries.size, -1, dtype=np.int64)
        todo = np.arange(queries.size, dtype=np.int64)
        slots = self._slot(queries)
        while todo.size:
            slot = slots[todo]
            found = self._keys[slot]
            hit = found == queries[todo]
            out[todo[hit]] = self._vals[slot[hit]]
            go_on = ~hit & (found != 0)
            todo = todo[go_on]
            slots[todo] = (slots[todo] + np.uint64(1)) & self._mask
        return out


class _MissingIsMinusOne(dict[str, int]):
    """Word → column; an unknown word maps to -1 (C-speed lookups through ``__getitem__``)."""

    def __missing__(self, key: str) -> int:
        return -1


class _Block:
    """A fitted block: its spec, vocabulary and IDF vector."""

    def __init__(self, spec: BlockSpec, vocab: np.ndarray, idf: np.ndarray) -> None:
        self.spec = spec
        self.vocab = vocab
        self.idf = idf.astype(np.float64)
        self._word_index: dict[str, int] | None = None
        self._key_index: _KeyIndex | None = None
        if spec.kind == "word":
            self._word_index = _MissingIsMinusOne((str(w), i) for i, w in enumerate(vocab.tolist()))
        else:
            self._key_index = _KeyIndex(vocab)

    @property
    def size(self) -> int:
        return int(self.vocab.shape[0])

    def _source(self, doc: AnalyzedDoc) -> str:
        return doc.body if self.spec.source == "body" else doc.title

    def columns(self, docs: Sequence[AnalyzedDoc]) -> tuple[np.ndarray, np.ndarray]:
        """Column of every token occurrence (``-1`` when out of vocabulary), flat, and per-doc counts."""
        spec = self.spec
        if spec.kind == "word":
            index = self._word_index
            assert index is not None
            lengths = np.fromiter((len(d.words) for d in docs), dtype=np.int64, count=len(docs))
            lookup = index.__getitem__
            flat = np.array([lookup(w) for d in docs for w in d.words], dtype=np.int64)
            return flat, lengths
        keys = [char_keys(self._source(d), spec.ngram_min, spec.ngram_max) for d in docs]
        lengths = np.fromiter((k.size for k in keys), dtype=np.int64, count=len(docs))
        all_keys = np.concatenate(keys) if keys else np.zeros(0, dtype=np.uint64)
        if self.size == 0 or all_keys.size == 0:
            return np.full(all_keys.shape, -1, dtype=np.int64), lengths
        assert self._key_index is not None
        return self._key_index.lookup(all_keys), lengths


def _fit_block(spec: BlockSpec, docs: Sequence[AnalyzedDoc]) -> _Block:
    n = len(docs)
    if spec.kind == "word":
        df: dict[str, int] = {}
        for d in docs:
            for w in set(d.words):
                df[w] = df.get(w, 0) + 1
        items = [(w, f) for w, f in df.items() if f >= spec.min_df]
        if spec.max_features is not None:
            items = sorted(items, key=lambda wf: (-wf[1], wf[0]))[: spec.max_features]
        items.sort()
        vocab = np.array([w for w, _ in items], dtype=str)
        dfs = np.array([f for _, f in items], dtype=np.float64)
    else:
        per_doc = [
            np.unique(char_keys(d.body if spec.source == "body" else d.title, spec.ngram_min, spec.ngram_max))
            for d in docs
        ]
        flat = np.concatenate(per_doc) if per_doc else np.zeros(0, dtype=np.uint64)
        keys, counts = np.unique(flat, return_counts=True)
        keep = counts >= spec.min_df
        keys, counts = keys[keep], counts[keep]
        if spec.max_features is not None and keys.size > spec.max_features:
            top = np.sort(np.argsort(-counts, kind="stable")[: spec.max_features])
            keys, counts = keys[top], counts[top]
        vocab = keys.astype(np.uint64)
        dfs = counts.astype(np.float64)
    if vocab.size == 0:
        vocab = vocab.reshape(0)
    idf = np.log((1.0 + n) / (1.0 + dfs)) + 1.0
    return _Block(spec, vocab, idf)


class FeatureSpace:
    """Fitted feature blocks; ``transform`` maps analysed documents to one CSR matrix."""

    def __init__(self, blocks: list[_Block]) -> None:
        self._blocks = blocks
        sizes = np.array([b.size for b in blocks], dtype=np.int64)
        self._offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        self._idf = np.concatenate([b.idf for b in blocks]) if blocks else np.zeros(0)
        self._weights = np.array([b.spec.weight for b in blocks], dtype=np.float64)

    @classmethod
    def fit(cls, docs: Sequence[AnalyzedDoc], specs: Sequence[BlockSpec] = DEFAULT_BLOCKS) -> FeatureSpace:
        """Vocabulary (document frequency ≥ ``min_df``) and IDF of each block, from ``docs``."""
        names = [s.name for s in specs]
        if len(set(names)) != len(names) or not names:
            raise ValueError(f"feature blocks need distinct names, got {names}")
        return cls([_fit_block(s, docs) for s in specs])

    @property
    def n_features(self) -> int:
        return sum(b.size for b in self._blocks)

    @property
    def specs(self) -> list[BlockSpec]:
        return [b.spec for b in self._blocks]

    def transform(self, docs: Sequence[AnalyzedDoc]) -> sp.csr_matrix:
        """``len(docs) × n_features`` TF-IDF matrix (float64, CSR, sorted indices)."""
        n_rows, n_cols = len(docs), self.n_features
        if n_rows == 0 or n_cols == 0:
            return sp.csr_matrix((n_rows, n_cols), dtype=np.float64)
        rows_parts, cols_parts = [], []
        offset = 0
        for block in self._blocks:
            flat, lengths = block.columns(docs)
            rows = np.repeat(np.arange(n_rows, dtype=np.int32), lengths)
            keep = flat >= 0
            rows_parts.append(rows[keep])
            cols_parts.append((flat[keep] + offset).astype(np.int32))
            offset += block.size
        rows_all = np.concatenate(rows_parts)
        counts = sp.csr_matrix(
            (np.ones(rows_all.size, dtype=np.float64), (rows_all, np.concatenate(cols_parts))),
            shape=(n_rows, n_cols),
        )
        counts.sum_duplicates()  # also sorts the indices of every row
        c = counts.indices
        r = np.repeat(np.arange(n_rows, dtype=np.int64), np.diff(counts.indptr))
        data = (1.0 + np.log(counts.data)) * self._idf[c]
        blk = np.searchsorted(self._offsets, c, side="right") - 1
        group = r * len(self._blocks) + blk
        norms = np.sqrt(np.bincount(group, weights=data * data, minlength=n_rows * len(self._blocks)))
        data *= self._weights[blk] / norms[group]
        return sp.csr_matrix((data, c, counts.indptr), shape=(n_rows, n_cols))

    def feature_name(self, column: int) -> str:
        """Human-readable name of a column (``block:ngram``), for explanations and debugging."""
        for b in self._blocks:
            if column < b.size:
                token = b.vocab[column]
                text = decode_char_key(int(token)) if b.spec.kind == "char" else str(token)
                return f"{b.spec.name}:{text}"
            column -= b.size
        raise IndexError(column)

    def to_arrays(self) -> tuple[list[dict[str, Any]], dict[str, np.ndarray]]:
        """JSON-able block specs and the arrays (``<name>.vocab``, ``<name>.idf``) that rebuild it."""
        specs = [asdict(b.spec) for b in self._blocks]
        arrays: dict[str, np.ndarray] = {}
        for b in self._blocks:
            arrays[f"{b.spec.name}.vocab"] = b.vocab
            arrays[f"{b.spec.name}.idf"] = b.idf
        return specs, arrays

    @classmethod
    def from_arrays(cls, specs: list[dict[str, Any]], arrays: dict[str, np.ndarray]) -> FeatureSpace:
        """Inverse of :meth:`to_arrays`; raises ``KeyError``/``ValueError`` on an inconsistent file."""
        blocks = []
        for raw in specs:
            spec = BlockSpec(**raw)
            vocab = arrays[f"{spec.name}.vocab"]
            idf = arrays[f"{spec.name}.idf"]
            if vocab.shape[0] != idf.shape[0]:
                raise ValueError(f"block {spec.name}: {vocab.shape[0]} terms but {idf.shape[0]} IDF values")
            expected = np.uint64 if spec.kind == "char" else np.str_
            if not np.issubdtype(vocab.dtype, expected):
                raise ValueError(f"block {spec.name}: vocabulary has dtype {vocab.dtype}")
            blocks.append(_Block(spec, vocab, idf))
        return cls(blocks)
