"""Fast Chinese word segmentation for features: jieba's model, run by rjieba (jieba-rs).

Contract: :func:`segment` returns the words of every maximal run of Han characters in its
(normalised) input, segmented by the maximum-probability path over jieba's dictionary without the
HMM for unknown words (the model of ``jieba.cut(..., HMM=False)``); other characters are skipped
(the character n-gram features cover them). It is deterministic. rjieba is about four times faster
than the pure-Python Viterbi this project used before (0.15 against 0.63 ms per taidi2020 message)
and gives the same words: identical lists on all 921 test messages, and the same multiset of words
on every one of the 8,309 training texts and titles (14 differ only in the order of a reduplicated
word), so trained models are unchanged. That speed matters for the ≥ 1,000 tickets/s target.
"""

from __future__ import annotations

import re

import rjieba

_HAN = re.compile("[\u4e00-\u9fd5]+")


def segment(text: str) -> list[str]:
    """Words of the Han-character runs of ``text`` (already normalised), in order."""
    out: list[str] = []
    cut = rjieba.cut
    for run in _HAN.findall(text):
        out.extend(cut(run, False))
    return out
