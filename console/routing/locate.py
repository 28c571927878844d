"""Locating a request: district and street from the text's place names and the citizen's pick.

Contract of :func:`locate`:
- place names in the text outweigh the district the citizen selected when they disagree;
- with no usable place name, the selected district is kept (street unknown);
- with neither, district and street are ``None``;
- longer names win over names they contain (``沙头角`` over ``沙头``, ``福田区`` over ``福田``);
- a bare name shared by a district and its street (``福田``, ``南山`` …) locates the district only.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.routing.gazetteer import (
    DISTRICT,
    DISTRICT_SHORT,
    STREET,
    STREET_BARE,
    Gazetteer,
    PlaceMention,
)

_WEIGHT = {DISTRICT: 3.0, STREET: 3.0, STREET_BARE: 2.0, DISTRICT_SHORT: 2.0}
_PLACE_WEIGHT = 2.5
_WEAK_FACTOR = 0.2
_MIN_TEXT_EVIDENCE = 1.0


@dataclass(frozen=True, slots=True)
class MatchedPlace:
    """A place name that counted, with its span in the normalised text."""

    surface: str
    kind: str
    district: str
    street: str | None
    start: int
    end: int
    weight: float


@dataclass(frozen=True, slots=True)
class Location:
    """Where a request is; ``source`` is ``text``, ``selected`` or ``none``."""

    district: str | None
    street: str | None
    source: str
    places: tuple[MatchedPlace, ...]


def _weight(kind: str) -> float:
    return _WEIGHT.get(kind, _PLACE_WEIGHT)


def _places(mentions: list[PlaceMention]) -> list[MatchedPlace]:
    found: list[MatchedPlace] = []
    for mention in mentions:
        districts = {e.district for e in mention.entries}
        share = 1.0 / len(districts)
        seen: set[str] = set()
        for entry in mention.entries:
            if entry.district in seen:
                continue
            seen.add(entry.district)
            weight = _weight(entry.kind) * share * (1.0 if mention.strong else _WEAK_FACTOR)
            street = entry.street if entry.kind != DISTRICT_SHORT else None
            found.append(
                MatchedPlace(mention.surface, entry.kind, entry.district, street,
                             mention.start, mention.end, weight)
            )
    return found


def locate(
    gazetteer: Gazetteer,
    text: str,
    selected_district: str | None = None,
    mentions: list[PlaceMention] | None = None,
) -> Location:
    """Resolve district and street for normalised ``text``; see the module contract.

    ``mentions`` may pass ``gazetteer.find(text)`` when the caller already has it."""
    places = _places(gazetteer.find(text) if mentions is None else mentions)
    score: dict[str, float] = {}
    first_at: dict[str, int] = {}
    for place in places:
        score[place.district] = score.get(place.district, 0.0) + place.weight
        first_at.setdefault(place.district, place.start)
    selected = selected_district if selected_district in gazetteer.districts else None
    if score:
        best = max(
            score,
            key=lambda d: (round(score[d], 6), d == selected, -first_at[d]),
        )
        if score[best] >= _MIN_TEXT_EVIDENCE or selected == best:
            kept = tuple(p for p in places if p.district == best)
            return Location(best, _street(kept), "text", kept)
    if selected is not None:
        return Location(selected, None, "selected", ())
    return Location(None, None, "none", ())


def _street(places: tuple[MatchedPlace, ...]) -> str | None:
    streets = [p for p in places if p.street is not None]
    if not streets:
        return None
    best = max(streets, key=lambda p: (p.kind == STREET, p.weight))
    return best.street
