"""The gazetteer: Shenzhen's districts, streets and well-known places, matched in normalised text.

Sources: ``resources/reference/districts.csv`` (district, street) always; and
``resources/gazetteer/places.csv`` (name, kind, district, street, aliases separated by ``|``) when
present. Every name is normalised like request text, so matching is plain substring lookup.

Name shapes produced from districts.csv: ``福田区`` (district), ``福田`` (district short form),
``园岭街道`` (street, explicit), ``园岭`` (street, bare). A metro station listed as ``五和站`` is also
found as ``五和地铁站``, ``五和地铁``, ``五和地铁口`` and, in a place-like context only, ``五和``. A bare
name that is also an everyday word (``光明``, ``招商``, ``莲花`` …) only counts as a strong mention in a
place-like context or next to another place of the same district.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from console.routing.textnorm import normalize

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DISTRICTS_CSV = RESOURCES / "reference" / "districts.csv"
PLACES_CSV = RESOURCES / "gazetteer" / "places.csv"

#: Kinds of gazetteer entries that come from districts.csv.
DISTRICT = "district"
DISTRICT_SHORT = "district_short"
STREET = "street"
STREET_BARE = "street_bare"
#: A metro station's name without ``站`` (``五和``, ``大运``): a place only in a place-like context.
STATION_BARE = "station_bare"
#: Kinds whose names need a place-like neighbour when they are also everyday words.
_BARE_KINDS = (STREET_BARE, DISTRICT_SHORT, STATION_BARE)
#: How a station ``X站`` is also written: ``X地铁站``, ``X地铁``, ``X地铁口``.
_STATION_FORMS = ("地铁站", "地铁", "地铁口")

#: Bare names that are also ordinary words; they need a place-like neighbour to count fully.
COMMON_WORD_NAMES = frozenset(
    (
        "光明", "招商", "莲花", "凤凰", "大浪", "新桥", "海山", "南湖", "东湖", "新安", "新湖", "桃源",
        "龙城", "石井", "沙河", "梅林", "南园", "宝龙", "龙田", "马田", "园山", "福海", "清水河", "公明",
        "民治", "华富", "福保", "航城", "东门", "吉华", "碧岭", "燕罗", "观湖", "福城", "玉塘", "南湾",
        "桂园", "黄贝", "翠竹", "东晓", "梅沙", "南头",
    )
)
_PLACE_SUFFIX = (
    "路", "街", "道", "大道", "社区", "村", "那边", "这边", "附近", "一带", "片区", "站", "地铁",
    "公园", "花园", "小区", "广场", "中心", "口岸", "那里", "这里", "辖区", "区域", "镇", "墟",
    "医院", "学校", "小学", "中学", "市场", "工业", "河", "湖", "山", "新村", "老街", "派出所",
    "某", "这一带", "那一带", "这块", "那块", "商场",
)
_PLACE_PREFIX = ("在", "住", "到", "去", "区", "是", "于")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One name of a place: its kind and where it lies (street may be unknown)."""

    name: str
    kind: str
    district: str
    street: str | None
    canonical: str


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A gazetteer name found in normalised text at ``[start, end)``."""

    start: int
    end: int
    surface: str
    entries: tuple[GazetteerEntry, ...]
    strong: bool


class GazetteerError(ValueError):
    """A gazetteer file is malformed; the message names the file and line."""


class Gazetteer:
    """Names → entries, with leftmost-longest matching over normalised text."""

    def __init__(self, entries: Iterable[GazetteerEntry], districts: dict[str, tuple[str, ...]]):
        self.districts = districts
        self._by_name: dict[str, list[GazetteerEntry]] = {}
        for entry in entries:
            self._by_name.setdefault(entry.name, []).append(entry)
        for name, found in list(self._by_name.items()):  # a bare station name yields to any other place
            if any(e.kind == STATION_BARE for e in found) and any(e.kind != STATION_BARE for e in found):
                self._by_name[name] = [e for e in found if e.kind != STATION_BARE]
        self._max_len = max((len(n) for n in self._by_name), default=0)

    @classmethod
    def load(cls, districts_csv: Path | None = None, places_csv: Path | None = None) -> Gazetteer:
        """Load districts.csv (required) and places.csv (optional: skipped when absent)."""
        districts = _read_districts(districts_csv or DISTRICTS_CSV)
        entries = list(_district_entries(districts))
        places = places_csv if places_csv is not None else PLACES_CSV
        if places.exists():
            entries.extend(_read_places(places, districts))
        return cls(entries, districts)

    def __len__(self) -> int:
        return len(self._by_name)

    def find(self, text: str) -> list[PlaceMention]:
        """Leftmost-longest, non-overlapping mentions in normalised ``text``. A weak bare name next to
        another mention of the same district (``光明马田``, ``宝安西乡``) counts as a strong one."""
        mentions = self._scan(text)
        for k, mention in enumerate(mentions):
            if mention.strong:
                continue
            districts = {e.district for e in mention.entries}
            neighbours = [m for m in mentions[max(0, k - 1) : k + 2] if m is not mention
                          and (m.end == mention.start or m.start == mention.end)]
            if any(districts & {e.district for e in m.entries} for m in neighbours):
                mentions[k] = PlaceMention(mention.start, mention.end, mention.surface, mention.entries, True)
        return mentions

    def _scan(self, text: str) -> list[PlaceMention]:
        mentions: list[PlaceMention] = []
        i, n = 0, len(text)
        while i < n:
            for length in range(min(self._max_len, n - i), 1, -1):
                surface = text[i : i + length]
                found = self._by_name.get(surface)
                if found:
                    strong = _is_strong(text, i, i + length, found)
                    mentions.append(PlaceMention(i, i + length, surface, tuple(found), strong))
                    i += length
                    break
            else:
                i += 1
        return mentions


def _is_strong(text: str, start: int, end: int, entries: list[GazetteerEntry]) -> bool:
    if any(e.kind not in _BARE_KINDS for e in entries):
        return True
    if text[start:end] not in COMMON_WORD_NAMES and all(e.kind != STATION_BARE for e in entries):
        return True
    after = text[end : end + 3]
    before = text[max(0, start - 1) : start]
    return after.startswith(_PLACE_SUFFIX) or before in _PLACE_PREFIX


def _read_districts(path: Path) -> dict[str, tuple[str, ...]]:
    streets: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for lineno, row in enumerate(csv.DictReader(handle), start=2):
            district = (row.get("district") or "").strip()
            street = (row.get("street") or "").strip()
            if not district or not street:
                raise GazetteerError(f"{path}:{lineno}: district and street are required")
            streets.setdefault(district, []).append(street)
    return {d: tuple(s) for d, s in streets.items()}


def _short_district(district: str) -> str:
    for suffix in ("新区", "区"):
        if district.endswith(suffix):
            return district[: -len(suffix)]
    return district


def _district_entries(districts: dict[str, tuple[str, ...]]) -> Iterable[GazetteerEntry]:
    for district, streets in districts.items():
        yield GazetteerEntry(district, DISTRICT, district, None, district)
        short = _short_district(district)
        yield GazetteerEntry(short, DISTRICT_SHORT, district, None, district)
        if district.endswith("新区"):
            yield GazetteerEntry(short + "区", DISTRICT, district, None, district)
        for street in streets:
            yield GazetteerEntry(street + "街道", STREET, district, street, street + "街道")
            yield GazetteerEntry(street + "街道办", STREET, district, street, street + "街道")
            if street != short:
                yield GazetteerEntry(street, STREET_BARE, district, street, street + "街道")


def _read_places(path: Path, districts: dict[str, tuple[str, ...]]) -> Iterable[GazetteerEntry]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"name", "district"} - set(reader.fieldnames or ())
        if missing:
            raise GazetteerError(f"{path}:1: missing columns {sorted(missing)}")
        for row in reader:
            name = (row.get("name") or "").strip()
            kind = (row.get("kind") or "place").strip() or "place"
            street = (row.get("street") or "").strip().removesuffix("街道") or None
            for district in (row.get("district") or "").split("|"):
                district = district.strip()
                if not name or district not in districts:
                    continue
                if street is not None and street not in districts[district]:
                    street = None
                names = [name, *((row.get("aliases") or "").split("|"))]
                for alias in names:
                    norm = normalize(alias.strip()).text
                    if len(norm) >= 2:
                        yield GazetteerEntry(norm, kind, district, street, name)
                    if kind == "metro_station" and norm.endswith("站") and len(norm) >= 3:
                        base = norm[:-1]
                        for form in _STATION_FORMS:
                            yield GazetteerEntry(base + form, kind, district, street, name)
                        yield GazetteerEntry(base, STATION_BARE, district, street, name)
