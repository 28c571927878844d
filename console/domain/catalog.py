"""The duty list (职责清单): three levels of categories and items, each item naming who leads.

Pure data with lookups; loading from ``resources/catalog/duty_list.json`` lives in
``console.reference.catalog_file``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from console.domain.enums import Level, Territorial, Urgency


@dataclass(frozen=True, slots=True)
class TimeLimits:
    """A unit's clocks for an item, in hours from dispatch (accept, reply) and receipt (close)."""

    accept_hours: float = 2.0
    reply_hours: float = 72.0
    close_hours: float = 120.0

    def __post_init__(self) -> None:
        if not 0 < self.accept_hours <= self.reply_hours <= self.close_hours:
            raise ValueError(
                "time limits must satisfy 0 < accept ≤ reply ≤ close, got "
                f"accept={self.accept_hours} reply={self.reply_hours} close={self.close_hours}"
            )


@dataclass(frozen=True, slots=True)
class DutyItem:
    """A level-3 item of the duty list.

    ``code`` is six digits: two for the category, two for the subcategory, two for the item.
    ``lead_line`` and ``co_lines`` are line codes of ``resources/reference/lines.csv``.
    """

    code: str
    name: str
    description: str
    keywords: tuple[str, ...]
    lead_line: str
    level: Level
    co_lines: tuple[str, ...] = ()
    territorial: Territorial = Territorial.NONE
    limits: TimeLimits = field(default_factory=TimeLimits)
    default_urgency: Urgency = Urgency.NORMAL
    active: bool = True

    @property
    def category_code(self) -> str:
        return self.code[:2]

    @property
    def subcategory_code(self) -> str:
        return self.code[:4]


@dataclass(frozen=True, slots=True)
class Subcategory:
    """A level-2 node."""

    code: str
    name: str
    items: tuple[DutyItem, ...]


@dataclass(frozen=True, slots=True)
class Category:
    """A level-1 node (one of the 18 categories)."""

    code: str
    name: str
    subcategories: tuple[Subcategory, ...]


@dataclass(frozen=True)
class Catalog:
    """One version of the whole duty list; immutable, indexed by item code."""

    version: str
    effective_from: date
    categories: tuple[Category, ...]
    _by_code: dict[str, DutyItem] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, DutyItem] = {}
        for item in self._iter_items():
            if item.code in index:
                raise ValueError(f"duplicate duty item code {item.code}")
            index[item.code] = item
        object.__setattr__(self, "_by_code", index)

    def _iter_items(self) -> Iterator[DutyItem]:
        for category in self.categories:
            for sub in category.subcategories:
                yield from sub.items

    @property
    def items(self) -> list[DutyItem]:
        """Every level-3 item, in catalogue order."""
        return list(self._iter_items())

    def item(self, code: str) -> DutyItem:
        """The item with this code; ``KeyError`` naming the code if there is none."""
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"no duty item with code {code!r}") from None

    def get(self, code: str | None) -> DutyItem | None:
        return self._by_code.get(code) if code else None

    def category_of(self, item: DutyItem) -> Category:
        for category in self.categories:
            if category.code == item.category_code:
                return category
        raise KeyError(f"item {item.code} has no category")

    def path(self, item: DutyItem) -> tuple[str, str, str]:
        """Names of the item's three levels, category first."""
        category = self.category_of(item)
        sub = next(s for s in category.subcategories if s.code == item.subcategory_code)
        return (category.name, sub.name, item.name)

    def lines(self) -> set[str]:
        """All line codes named as lead or co-line by some item."""
        found: set[str] = set()
        for item in self._iter_items():
            found.add(item.lead_line)
            found.update(item.co_lines)
        return found


def count_by_line(items: Iterable[DutyItem]) -> dict[str, int]:
    """Number of items led by each line."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.lead_line] = counts.get(item.lead_line, 0) + 1
    return dict(sorted(counts.items()))
