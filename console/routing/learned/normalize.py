"""Text normalisation for the learned classifier's features.

Contract: :func:`normalize_text` is a pure function of its input; equal inputs give equal outputs,
and training and prediction both go through it, so features agree. Steps, in order: Unicode NFKC
(full-width ASCII and the ideographic space → half-width), Traditional → Simplified (``zhconv``,
``zh-cn``; skipped when the text has no Traditional-only character, which keeps it cheap), Latin
letters lower-cased, whitespace / ``*`` / NUL / non-breaking spaces dropped, every run of digits
replaced by a single ``0`` (phone numbers, dates and amounts are noise for the category).

This is deliberately independent of ``console.routing.textnorm`` (which keeps character offsets
for explanations); the classifier only needs a stable canonical form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import zhconv
from zhconv import zhconv as _zhconv_impl

_NOISE = re.compile(r"[\s\u00a0\u3000*\x00]+")
_DIGITS = re.compile(r"[0-9]+")


@lru_cache(maxsize=1)
def _traditional_only() -> frozenset[str]:
    """Characters that appear only in Traditional Chinese (zhconv's own table)."""
    _zhconv_impl.loaddict()
    table = _zhconv_impl.zhcdicts
    assert table is not None
    return frozenset(table["TRADONLY"])


def normalize_text(text: str | None) -> str:
    """Canonical form of ``text`` used by every feature; ``None`` and ``""`` give ``""``."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", text)
    if not _traditional_only().isdisjoint(s):
        s = zhconv.convert(s, "zh-cn")
    s = s.lower()
    s = _NOISE.sub("", s)
    return _DIGITS.sub("0", s)
