"""Cold-start ranking of duty items for a normalised text, with calibrated probabilities.

Score of an item = keyword/name phrase hits (inverse item frequency × length)
+ ``bm25_weight`` × character-bigram BM25 against the item's wording
+ ``exemplar_weight`` × the request's similarity to the item's closest example request
(:mod:`console.routing.exemplars`)
+ ``line_weight`` × the evidence for the item's lead line (lines.csv typical matters, units the
citizen names: ``请城管…``).

Probabilities: a softmax with temperature over the top ``top_k`` scores plus a constant "none of
these" score, so they sum to less than 1 and stay low when the best score is weak. A supervised
:class:`ItemScorer` can be blended in with weight ``learned_weight``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

from console.routing.exemplars import ExemplarIndex, ExemplarScan
from console.routing.index import ItemIndex, bigrams
from console.routing.lexicon import (
    AGENCY_NAMES,
    GENERIC_BIGRAMS,
    REQUEST_VERBS,
    UNCLEAR_OWNERSHIP,
    LineInfo,
)


@runtime_checkable
class ItemScorer(Protocol):
    """A learned model that scores texts; the hook for ``console.routing.learned``.

    ``item_probabilities`` takes the citizen's raw text and returns probabilities of duty-item
    codes (missing codes mean 0; values in [0, 1], summing to at most 1). ``version`` is recorded
    with every proposal the model contributed to.
    """

    @property
    def version(self) -> str: ...

    def item_probabilities(self, text: str) -> Mapping[str, float]: ...


@dataclass(frozen=True, slots=True)
class RankerConfig:
    """Weights of the cold-start ranker (global, not per request)."""

    bm25_weight: float = 0.35  # middle of the routing-dev plateau 0.30–0.40 (was 0.25)
    line_weight: float = 1.0
    agency_weight: float = 7.0
    line_term_weight: float = 1.0
    generic_bigram_factor: float = 0.25
    temperature: float = 4.0
    null_score: float = 3.0
    top_k: int = 30
    min_coverage: float = 0.6
    context_factor: float = 0.25
    partial_factor: float = 0.4
    learned_weight: float = 0.5
    exemplar_weight: float = 60.0  # middle of the plateau 50–80 on routing-dev + dev2a + dev2b


@dataclass(frozen=True, slots=True)
class Hit:
    """A match in the normalised text at ``[start, end)``."""

    start: int
    end: int
    phrase: str
    source: str
    weight: float
    target: str = ""


@dataclass
class Ranking:
    """Raw result of :func:`rank`: per-item scores and probabilities, plus the hits behind them."""

    order: list[int]
    scores: np.ndarray
    probs: dict[int, float]
    phrase_hits: dict[int, list[Hit]]
    bigram_hits: list[tuple[int, str, float]]
    line_hits: list[Hit]
    ownership_hits: list[Hit]
    line_evidence: dict[str, float] = field(default_factory=dict)
    learned_version: str | None = None
    exemplars: ExemplarScan | None = None




class Ranker:
    """Ranks the items of one :class:`ItemIndex`; immutable and thread-safe after construction."""

    def __init__(
        self,
        index: ItemIndex,
        lines: Mapping[str, LineInfo],
        config: RankerConfig | None = None,
        learned: ItemScorer | None = None,
        exemplars: ExemplarIndex | None = None,
    ) -> None:
        self.index = index
        self.config = config or RankerConfig()
        self.learned = learned
        self.exemplars = exemplars
        self._line_terms: dict[str, list[tuple[str, float]]] = {}
        for info in lines.values():
            for term in info.terms:
                self._line_terms.setdefault(term, []).append((info.code, 1.0))
        for line, names in AGENCY_NAMES.items():
            for name in names:
                self._line_terms.setdefault(name, []).append((line, -1.0))
        self._max_line_term = max((len(t) for t in self._line_terms), default=0)

    def rank(self, text: str, masked: frozenset[int], raw_text: str | None = None) -> Ranking:
        """Rank all items for normalised ``text``; ``masked`` positions (place names) are skipped
        by the bigram matcher. ``raw_text`` (the original) is what a learned scorer sees."""
        n_items = len(self.index.items)
        scores = np.zeros(n_items, dtype=np.float64)
        phrase_hits = self._phrases(text, scores)
        bigram_hits = self._bigrams(text, masked, scores)
        scan = None
        if self.exemplars is not None and len(self.exemplars):
            scan = self.exemplars.scan(text, masked)
            scores += self.config.exemplar_weight * scan.items
        line_hits, line_evidence = self._line_prior(text)
        for line, weight in line_evidence.items():
            ids = self.index.line_items.get(line)
            if ids is not None:
                scores[ids] += self.config.line_weight * weight
        ownership = self._scan(text, UNCLEAR_OWNERSHIP, "ownership")
        probs, order = self._calibrate(scores)
        learned_version = None
        if self.learned is not None:
            probs, order = self._blend(probs, raw_text if raw_text is not None else text)
            learned_version = self.learned.version
        return Ranking(order, scores, probs, phrase_hits, bigram_hits, line_hits, ownership,
                       line_evidence, learned_version, scan)

    # -- evidence ---------------------------------------------------------------------------

    def _phrases(self, text: str, scores: np.ndarray) -> dict[int, list[Hit]]:
        """Keyword credit: full for a keyword found verbatim, partial (``partial_factor`` ×
        coverage²) when at least ``min_coverage`` of its bigrams occur in the text."""
        table = self.index.keywords
        counts = np.zeros(len(table.text), dtype=np.float64)
        first: dict[str, int] = {}
        for pos, gram in bigrams(text):
            if gram in first:
                continue
            first[gram] = pos
            ids = table.grams.get(gram)
            if ids is not None:
                counts[ids] += 1.0
        coverage = counts / table.size
        candidates = np.nonzero(coverage >= self.config.min_coverage)[0]
        per_item: dict[int, list[Hit]] = {}
        for kw_id in candidates.tolist():
            phrase = table.text[kw_id]
            cov = float(coverage[kw_id])
            at = text.find(phrase) if cov >= 1.0 else -1
            if at >= 0:
                weight = float(table.weight[kw_id])
                hit = Hit(at, at + len(phrase), phrase, "keyword", weight)
            elif table.size[kw_id] >= 2:
                weight = float(table.weight[kw_id]) * self.config.partial_factor * cov * cov
                spots = sorted((first[g], first[g] + len(g)) for _, g in bigrams(phrase) if g in first)
                hit = Hit(spots[0][0], max(e for _, e in spots), phrase, "keyword_part", weight)
            else:
                continue
            if _is_context(text, hit.start, hit.end):
                hit = Hit(hit.start, hit.end, hit.phrase, hit.source, hit.weight * self.config.context_factor)
            idx = int(table.item[kw_id])
            per_item.setdefault(idx, []).append(hit)
        for idx, hits in per_item.items():
            scores[idx] += sum(h.weight for h in hits)
        return per_item

    def _bigrams(
        self, text: str, masked: frozenset[int], scores: np.ndarray
    ) -> list[tuple[int, str, float]]:
        seen: set[str] = set()
        used: list[tuple[int, str, float]] = []
        postings = self.index.bigrams
        factor = self.config.bm25_weight
        for pos, gram in bigrams(text):
            if gram in seen or pos in masked or pos + 1 in masked:
                continue
            seen.add(gram)
            entry = postings.get(gram)
            if entry is None:
                continue
            weight = factor * (self.config.generic_bigram_factor if gram in GENERIC_BIGRAMS else 1.0)
            ids, ws = entry
            scores[ids] += weight * ws
            used.append((pos, gram, weight))
        return used

    def _line_prior(self, text: str) -> tuple[list[Hit], dict[str, float]]:
        hits: list[Hit] = []
        evidence: dict[str, float] = {}
        n = len(text)
        i = 0
        while i < n - 1:
            step = 1
            for length in range(min(self._max_line_term, n - i), 1, -1):
                term = text[i : i + length]
                targets = self._line_terms.get(term)
                if not targets:
                    continue
                for line, kind in targets:
                    if kind < 0:
                        before = text[max(0, i - 5) : i]
                        addressed = any(v in before for v in REQUEST_VERBS)
                        weight = self.config.agency_weight * (1.0 if addressed else 0.3)
                        source = "agency"
                    else:
                        weight = self.config.line_term_weight * min(length, 4) / 4
                        source = "line"
                    if weight > evidence.get(line, 0.0):
                        evidence[line] = weight
                    hits.append(Hit(i, i + length, term, source, weight, line))
                step = length
                break
            i += step
        return hits, evidence

    @staticmethod
    def _scan(text: str, phrases: tuple[str, ...], source: str) -> list[Hit]:
        hits = []
        for phrase in phrases:
            at = text.find(phrase)
            if at >= 0:
                hits.append(Hit(at, at + len(phrase), phrase, source, 1.0))
        return hits

    # -- probabilities ----------------------------------------------------------------------

    def _calibrate(self, scores: np.ndarray) -> tuple[dict[int, float], list[int]]:
        k = min(self.config.top_k, len(scores))
        if k == 0:
            return {}, []
        part = np.argpartition(-scores, k - 1)[:k]
        part = part[np.argsort(-scores[part], kind="stable")]
        top = [int(i) for i in part if scores[i] > 0]
        if not top:
            return {}, []
        best = float(scores[top[0]])
        temp = self.config.temperature
        exps = [math.exp((float(scores[i]) - best) / temp) for i in top]
        null = math.exp((self.config.null_score - best) / temp)
        total = sum(exps) + null
        return {i: e / total for i, e in zip(top, exps, strict=True)}, top

    def _blend(self, probs: dict[int, float], text: str) -> tuple[dict[int, float], list[int]]:
        assert self.learned is not None
        w = self.config.learned_weight
        learned = self.learned.item_probabilities(text)
        blended = {i: (1 - w) * p for i, p in probs.items()}
        for code, p in learned.items():
            idx = self.index.position.get(code)
            if idx is not None and p > 0:
                blended[idx] = blended.get(idx, 0.0) + w * float(p)
        order = sorted(blended, key=lambda i: -blended[i])[: self.config.top_k]
        return {i: blended[i] for i in order}, order


LOCATIVE_AFTER = ("旁边", "附近", "门口", "对面", "那边", "这边", "一带", "周边", "入口", "出口", "边上", "隔壁")
LOCATIVE_BEFORE = ("在", "从", "于", "到")
NEGATION_BEFORE = ("不", "没", "未", "无", "非")


def _is_context(text: str, start: int, end: int) -> bool:
    """True when a phrase at ``[start, end)`` names where something is rather than what is wrong
    (``地铁站旁边``, ``在某电商平台``) or is negated (``打不着火``)."""
    after = text[end : end + 2]
    before = text[max(0, start - 3) : start]
    if after.startswith(LOCATIVE_AFTER) or text[end : end + 3].startswith(("的旁边", "的附近", "的门口")):
        return True
    if start > 0 and text[start - 1] in NEGATION_BEFORE:
        return True
    return any(b in before for b in LOCATIVE_BEFORE)
