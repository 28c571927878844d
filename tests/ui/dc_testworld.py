"""A small world for UI and query tests: a temporary SQLite database with the 4-item mini duty list,
room staff (dispatcher, second dispatcher, supervisor, operator) and helpers to create tickets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from console.db.engine import Database
from console.db.migrate import upgrade
from console.domain.clock import FixedClock
from console.domain.enums import Kind, Role, Urgency
from console.domain.ticket import Actor
from console.services import accounts, intake
from console.services.accounts import NewStaff
from console.services.context import ServiceContext
from console.services.intake import NewTicket
from console.services.reference_seed import seed_reference_data

MINI_CATALOG = Path(__file__).resolve().parents[1] / "fixtures" / "mini_catalog.json"
START = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 09:00 room time, shift 三


@dataclass
class World:
    url: str
    ctx: ServiceContext
    clock: FixedClock
    actors: dict[str, Actor] = field(default_factory=dict)

    def intake(self, text: str, *, item: str | None = None, urgency: Urgency | None = None,
               district: str | None = "福田区", street: str | None = "园岭", phone: str = "13812341234",
               name: str = "张三", ago: timedelta = timedelta(0)) -> int:
        changed = intake.intake(self.ctx, self.actors["op01"], NewTicket(
            text=text, kind=Kind.COMPLAINT, citizen_name=name, citizen_phone=phone, district=district,
            street=street, citizen_item_code=item, urgency=urgency, received_at=self.clock.now() - ago))
        return changed.ticket_ids[0]

    def other_connection(self) -> ServiceContext:
        """A second, independent connection to the same database (another workstation)."""
        return ServiceContext(Database(self.url), self.clock)


STAFF = (
    ("disp01", "李分拨", Role.DISPATCHER),
    ("disp02", "王分拨", Role.DISPATCHER),
    ("sup01", "赵值班", Role.SUPERVISOR),
    ("op01", "陈受理", Role.OPERATOR),
)


def make_world(tmp_path: Path) -> World:
    url = f"sqlite:///{tmp_path / 'world.db'}"
    db = Database(url)
    clock = FixedClock(START)
    upgrade(db)
    seed_reference_data(db, clock, catalog_path=MINI_CATALOG)
    ctx = ServiceContext(db, clock)
    world = World(url, ctx, clock)
    for username, name, role in STAFF:
        staff_id = accounts.add_staff(ctx, NewStaff(username, name, role, "demo", shift_slot=2))
        world.actors[username] = Actor(staff_id, name, role)
    return world
