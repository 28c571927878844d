"""Checks on a duty-list version against the units and staff in the database.

Findings (each immutable, with a Chinese message naming the item, line, district or unit):
- ``no_lead``: an active item for which no unit can lead anywhere;
- ``overlap``: two active items with nearly the same keywords but different leads (keyword-set Jaccard or
  character-bigram Jaccard at or above the threshold), so routing between them is a coin toss;
- ``unreachable_line``: a line named by items that has no active unit at all;
- ``unreachable_district``: a district (or street) where some items find no lead unit;
- ``no_handler``: an active unit that leads some item but has no active unit handler account.
Reading only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.analytics.similarity import bigrams, jaccard
from console.db.schema import StaffRow, UnitRow
from console.domain.catalog import Catalog, DutyItem
from console.domain.enums import Level, Role, Territorial
from console.reference.territories import load_districts
from console.reference.units import lead_unit_code

KINDS = {"no_lead": "无主办单位", "overlap": "事项重叠", "unreachable_line": "条线无单位",
         "unreachable_district": "属地无单位", "no_handler": "单位无承办人"}


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    subject: str
    message: str
    items: tuple[str, ...] = ()
    score: float = 0.0

    @property
    def label(self) -> str:
        return KINDS[self.kind]


@dataclass(frozen=True, slots=True)
class CheckReport:
    version: str
    findings: tuple[Finding, ...]

    def of(self, kind: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == kind)

    def counts(self) -> dict[str, int]:
        return {kind: len(self.of(kind)) for kind in KINDS}

    @property
    def ok(self) -> bool:
        return not self.findings


def check_catalog(session: Session, catalog: Catalog, *, overlap_threshold: float = 0.5) -> CheckReport:
    """Every finding for ``catalog`` given the active units and handlers in the database."""
    unit_rows = session.execute(select(UnitRow.id, UnitRow.code, UnitRow.name, UnitRow.line)
                                .where(UnitRow.active)).all()
    known = frozenset(r.code for r in unit_rows)
    items = [i for i in catalog.items if i.active]
    places = [(d, s) for d, streets in load_districts().items() for s in streets]
    findings: list[Finding] = []
    leads_found: set[str] = set()
    gaps: dict[tuple[str, str], list[str]] = defaultdict(list)
    for item in items:
        leads = {(d, s): lead_unit_code(item, d, s, known) for d, s in places}
        if item.level is Level.CITY and item.territorial is Territorial.NONE:
            leads[(None, None)] = lead_unit_code(item, None, None, known)  # type: ignore[index]
        found = {code for code in leads.values() if code}
        leads_found |= found
        if not found:
            findings.append(Finding("no_lead", item.code, f"事项 {item.code}「{item.name}」在任何地方都找不到主办单位"
                                    f"（主办条线 {item.lead_line}，{item.level.label}）", (item.code,)))
            continue
        for (district, street), code in leads.items():
            if code is None and district is not None:
                gaps[(district, street if item.territorial is Territorial.STREET_LEAD else "")].append(item.code)
    for (district, street), codes in sorted(gaps.items()):
        place = f"{district}{street + '街道' if street else ''}"
        findings.append(Finding("unreachable_district", place, f"{place}有 {len(codes)} 个事项找不到主办单位",
                                tuple(sorted(set(codes)))))
    lines_with_units = {r.line for r in unit_rows}
    named: dict[str, list[str]] = defaultdict(list)
    for item in items:
        for line in (item.lead_line, *item.co_lines):
            named[line].append(item.code)
    for line, codes in sorted(named.items()):
        if line not in lines_with_units and line not in ("district_gov", "street_office"):
            message = f"条线「{line}」没有任何在用单位，涉及 {len(codes)} 个事项"
            findings.append(Finding("unreachable_line", line, message, tuple(codes)))
    findings += _overlaps(items, overlap_threshold)
    handled = set(session.scalars(select(StaffRow.unit_id).where(
        StaffRow.active, StaffRow.role == Role.UNIT_HANDLER.value, StaffRow.unit_id.is_not(None))))
    for r in unit_rows:
        if r.code in leads_found and r.id not in handled:
            message = f"单位「{r.name}」（{r.code}）承担主办事项，但没有在岗承办人账号"
            findings.append(Finding("no_handler", r.code, message))
    return CheckReport(catalog.version, tuple(findings))


def _lead_key(item: DutyItem) -> tuple[str, str]:
    return (item.lead_line, item.territorial.value)


def _overlaps(items: list[DutyItem], threshold: float) -> list[Finding]:
    """Pairs of items with different leads whose keywords nearly coincide (candidate pairs via a bigram index)."""
    sets = {i.code: frozenset(i.keywords) for i in items}
    grams = {i.code: bigrams(" ".join(i.keywords)) for i in items}
    index: dict[str, set[str]] = defaultdict(set)
    for code, gs in grams.items():
        for g in gs:
            index[g].add(code)
    by_code = {i.code: i for i in items}
    pairs: set[tuple[str, str]] = set()
    for codes in index.values():
        if 1 < len(codes) <= 60:
            pairs.update(combinations(sorted(codes), 2))
    out = []
    for a, b in sorted(pairs):
        first, second = by_code[a], by_code[b]
        if _lead_key(first) == _lead_key(second):
            continue
        score = max(jaccard(sets[a], sets[b]), jaccard(grams[a], grams[b]))
        if score >= threshold:
            shared = "、".join(sorted(sets[a] & sets[b])) or "（字面相近）"
            message = (f"事项 {a}「{first.name}」（{first.lead_line}）与 {b}「{second.name}」（{second.lead_line}）"
                       f"关键词相近（相似度 {score:.2f}，共同关键词：{shared}）")
            out.append(Finding("overlap", f"{a}/{b}", message, (a, b), round(score, 3)))
    out.sort(key=lambda f: -f.score)
    return out
