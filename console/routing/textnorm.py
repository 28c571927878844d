"""Text normalisation for routing: one canonical Simplified, half-width, de-noised form.

``normalize(text)`` returns a :class:`NormalizedText` whose ``text`` is what every matcher reads
and whose ``span_in_original`` maps any ``[start, end)`` of the normalised text back to the
characters of the citizen's original text, so explanations can highlight the right characters.

Steps, in order: Cantonese 係 (before conversion, which would make it the ambiguous 系);
Traditional → Simplified (zhconv, ``zh-cn``); full-width ASCII and ideographic space → half-width,
Latin letters lower-cased; Cantonese, colloquial and transcription variants (``variants``), except
where a neighbouring character shows the key straddles two words (``NOT_A_VARIANT``);
noise: whitespace, emoji and other symbols dropped, runs of punctuation collapsed to one mark.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import zhconv

from console.routing.variants import CANTONESE, COLLOQUIAL, NOT_A_VARIANT

_PUNCT = set(",.!?;:、。!?,;:…~-—·'\"“”‘’()[]{}<>《》【】「」『』")
_REPLACEMENTS: dict[str, str] = {**CANTONESE, **COLLOQUIAL}
_MAX_REPLACEMENT = max(len(k) for k in _REPLACEMENTS)
_NOT_COPULA_BEFORE = set("關关聯联維维體体")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalised text plus, per character, the ``[start, end)`` it came from in ``original``."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` covering normalised ``[start, end)``; requires start < end."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"bad span [{start}, {end}) for text of length {len(self.text)}")
        return self.starts[start], self.ends[end - 1]


_Chars = list[tuple[str, int, int]]


def _cantonese_copula(original: str) -> _Chars:
    out: _Chars = []
    for i, ch in enumerate(original):
        if ch == "係" and not (i > 0 and original[i - 1] in _NOT_COPULA_BEFORE):
            ch = "是"
        out.append((ch, i, i + 1))
    return out


def _to_simplified(chars: _Chars) -> _Chars:
    source = "".join(c for c, _, _ in chars)
    converted = zhconv.convert(source, "zh-cn")
    if len(converted) == len(source):
        return [(converted[i], s, e) for i, (_, s, e) in enumerate(chars)]
    # Phrase conversion changed the length somewhere: fall back to character by character.
    out: _Chars = []
    for ch, s, e in chars:
        for piece in zhconv.convert(ch, "zh-cn"):
            out.append((piece, s, e))
    return out


def _half_width(ch: str) -> str:
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        ch = chr(code - 0xFEE0)
    elif code == 0x3000:
        ch = " "
    return ch.lower() if ch.isascii() else ch


def _across_boundary(key: str, text: str, at: int) -> bool:
    """True when ``key`` at ``text[at:]`` only spans a word boundary (see ``NOT_A_VARIANT``)."""
    guard = NOT_A_VARIANT.get(key)
    if guard is None:
        return False
    not_before, not_after = guard
    end = at + len(key)
    return (at > 0 and text[at - 1] in not_before) or (end < len(text) and text[end] in not_after)


def _replace_variants(chars: _Chars) -> _Chars:
    text = "".join(c for c, _, _ in chars)
    out: _Chars = []
    i = 0
    while i < len(text):
        for length in range(min(_MAX_REPLACEMENT, len(text) - i), 0, -1):
            key = text[i : i + length]
            target = _REPLACEMENTS.get(key)
            if target is not None and not _across_boundary(key, text, i):
                start, end = chars[i][1], chars[i + length - 1][2]
                out.extend((t, start, end) for t in target)
                i += length
                break
        else:
            out.append(chars[i])
            i += 1
    return out


def _is_noise(ch: str) -> bool:
    if ch.isspace():
        return True
    category = unicodedata.category(ch)
    return category in ("So", "Sk", "Cs", "Co", "Cn", "Cf", "Mn", "Cc")


def _drop_noise(chars: _Chars) -> _Chars:
    out: _Chars = []
    for ch, s, e in chars:
        if _is_noise(ch):
            continue
        if ch in _PUNCT and out and out[-1][0] in _PUNCT:
            prev, ps, _ = out[-1]
            out[-1] = (prev, ps, e)
            continue
        out.append((ch, s, e))
    return out


def normalize(original: str) -> NormalizedText:
    """Normalise a citizen's text; never raises for any ``str`` (the result may be empty)."""
    chars = _cantonese_copula(original)
    if chars:
        chars = _to_simplified(chars)
    chars = [(_half_width(c), s, e) for c, s, e in chars]
    chars = _replace_variants(chars)
    chars = _drop_noise(chars)
    return NormalizedText(
        original=original,
        text="".join(c for c, _, _ in chars),
        starts=tuple(s for _, s, _ in chars),
        ends=tuple(e for _, _, e in chars),
    )


def is_punct(ch: str) -> bool:
    """True for the separators that split text into runs (after normalisation)."""
    return ch in _PUNCT
