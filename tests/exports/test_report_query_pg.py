"""The report's ticket stream on PostgreSQL: the same rows as on SQLite, and a plan that stays linear on
freshly loaded (unanalysed) tables read through a cursor — a grouped sub-select once made PostgreSQL rescan
every assignment for every ticket (370 rows/s on 100,000 tickets)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.dialects import postgresql

from console.benchmarks.export import generate
from console.db.engine import Database
from console.db.schema import UnitRow
from console.exports.report_data import day_window, stream_tickets

pytestmark = pytest.mark.postgres


def _streamed(url: str) -> list[tuple[str, str | None, object]]:
    """(ticket number, lead unit code, close deadline) in stream order (unit ids differ between databases)."""
    start, end = day_window(date(2026, 11, 1), date(2026, 11, 30))
    db = Database(url)
    try:
        with db.reader() as session:
            codes = {uid: code for uid, code in session.execute(select(UnitRow.id, UnitRow.code))}
            return [(t.number, codes.get(t.unit_id), t.close_due_at)
                    for t in stream_tickets(session, start, end, batch=500)]
    finally:
        db.dispose()


def test_postgres_streams_what_sqlite_streams(pg_url: str, tmp_path: Path) -> None:
    sqlite_url = f"sqlite:///{tmp_path / 'same.db'}"
    generate(pg_url, 1500, 150)
    generate(sqlite_url, 1500, 150)
    on_pg, on_sqlite = _streamed(pg_url), _streamed(sqlite_url)
    assert len(on_pg) == 1500
    assert sum(1 for _, unit, _ in on_pg if unit is not None) > 1000
    assert on_pg == on_sqlite


def test_cursor_plan_finds_the_lead_by_index_on_unanalysed_tables(pg_url: str) -> None:
    generate(pg_url, 1500, 150)
    start, end = day_window(date(2026, 11, 1), date(2026, 11, 30))
    captured: list[str] = []

    class Capture:
        def execute(self, query: object) -> object:
            captured.append(str(query.compile(dialect=postgresql.dialect(),  # type: ignore[attr-defined]
                                              compile_kwargs={"literal_binds": True})))
            raise StopIteration

    with pytest.raises((StopIteration, RuntimeError)):
        next(stream_tickets(Capture(), start, end))  # type: ignore[arg-type]
    db = Database(pg_url)
    try:
        with db.engine.connect() as conn:
            plan = "\n".join(r[0] for r in conn.execute(text(f"EXPLAIN DECLARE c CURSOR FOR {captured[0]}")))
    finally:
        db.dispose()
    assert "ix_assignments_ticket_id" in plan, plan
    assert "Materialize" not in plan, plan
