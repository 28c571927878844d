"""The decision being prepared on the review card: the item and, when the reviewer changed them, the
units. Pure value objects; any thread."""

from __future__ import annotations

from dataclasses import dataclass, replace

from console.review_desk.card import ReviewCard
from console.review_desk.units import UnitChoice, UnitPlan
from ui.i18n import N_


@dataclass(frozen=True, slots=True)
class Draft:
    """``plan`` is where the item goes by its rules; ``lead``/``co`` override it when not None."""

    ticket_id: int
    item_code: str | None
    item_name: str
    plan: UnitPlan | None
    lead: UnitChoice | None = None
    co: tuple[UnitChoice, ...] | None = None

    @classmethod
    def from_card(cls, card: ReviewCard) -> Draft:
        top = card.top
        return cls(card.id, top.code if top else None, top.name if top else "", card.plan)

    @property
    def units_overridden(self) -> bool:
        return self.lead is not None or self.co is not None

    @property
    def effective_lead(self) -> UnitChoice | None:
        return self.lead or (self.plan.lead if self.plan else None)

    @property
    def effective_co(self) -> tuple[UnitChoice, ...]:
        if self.co is not None:
            return self.co
        return self.plan.co if self.plan else ()

    @property
    def problem(self) -> str:
        """Why this draft cannot be dispatched yet ("" when it can)."""
        if not self.item_code and self.lead is None:
            return N_("请选择职责事项")
        if self.effective_lead is None:
            return self.plan.problem if self.plan and self.plan.problem else N_("无法确定主办单位")
        return ""

    def is_acceptance_of(self, card: ReviewCard) -> bool:
        """True when dispatching this draft accepts the router's suggestion unchanged."""
        return card.suggested_item is not None and self.item_code == card.suggested_item \
            and not self.units_overridden

    def with_item(self, code: str, name: str, plan: UnitPlan) -> Draft:
        return replace(self, item_code=code, item_name=name, plan=plan, lead=None, co=None)

    def with_lead(self, lead: UnitChoice) -> Draft:
        co = tuple(u for u in self.effective_co if u.code != lead.code)
        return replace(self, lead=lead, co=co)

    def with_co(self, co: tuple[UnitChoice, ...]) -> Draft:
        lead = self.effective_lead
        return replace(self, co=tuple(u for u in co if lead is None or u.code != lead.code),
                       lead=self.lead or lead)
