"""Opening a database for an application (window, CLI, simulator): upgrade, seed reference data, build the
service context. The UI reaches the database only through what this returns."""

from __future__ import annotations

from dataclasses import dataclass

from console.db.engine import Database, default_database_url
from console.db.migrate import upgrade
from console.domain.clock import Clock, SystemClock
from console.services.context import RoomSettings, Router, ServiceContext
from console.services.reference_seed import seed_reference_data


@dataclass
class Backend:
    """The service context of one process plus where it points (the URL without a password)."""

    ctx: ServiceContext

    @property
    def url_for_display(self) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.ctx.db.url).render_as_string(hide_password=True)

    @property
    def is_postgres(self) -> bool:
        return self.ctx.db.is_postgres

    def close(self) -> None:
        self.ctx.db.dispose()
        if self.ctx.gate is not None and self.ctx.gate is not self.ctx.db:
            self.ctx.gate.dispose()


def open_backend(url: str | None = None, *, clock: Clock | None = None, settings: RoomSettings | None = None,
                 migrate: bool = True, with_router: bool = True) -> Backend:
    """Connect to ``url`` (default: the user's SQLite file), bring the schema to head, insert missing
    reference data, and attach the auto-router when it is available.

    A URL naming a hardened room's gate login (``postgresql://<room>_gate@host/<room>``) opens a context
    that can do nothing until a staff member signs in (``accounts.authenticate`` → ``room_login.sign_in``):
    no migration (the DBA's job), and the router is loaded once the staff login is in place."""
    from console.db.hardening.login import is_gate_url

    db = Database(url or default_database_url())
    gated = is_gate_url(db.url)
    if migrate and not gated:
        upgrade(db)
        seed_reference_data(db, clock)
    ctx = ServiceContext(db, clock or SystemClock(), settings=settings or RoomSettings(),
                         gate=db if gated else None)
    if with_router and gated:
        ctx.on_sign_in = _load_router_once
    elif with_router:
        ctx.router = load_router(db)
    return Backend(ctx)


def _load_router_once(ctx: ServiceContext) -> None:
    if ctx.router is None:
        ctx.router = load_router(ctx.db)


def load_router(db: Database) -> Router:
    """The routing engine over the shipped duty list, blended with the database's active learned model."""
    from console.routing.adapter import RouterAdapter
    from console.routing.engine import RoutingEngine
    from console.routing.learning import load_active_scorer

    return RouterAdapter(RoutingEngine.from_resources(learned=load_active_scorer(db)))
