"""Fixtures for duty-list administration: an admin account in a room, and the small test catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

import console.db.schema_analytics  # noqa: F401  (the analytics tables belong to the metadata)
from console.domain.catalog import Catalog
from console.domain.enums import Role
from console.domain.ticket import Actor
from console.reference.catalog_file import load_catalog
from console.reference.lines import load_lines
from console.services.accounts import NewStaff, add_staff

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini_catalog.json"
LINES = frozenset(line.code for line in load_lines())


@pytest.fixture
def mini() -> Catalog:
    return load_catalog(MINI)


def make_admin(room) -> Actor:  # type: ignore[no-untyped-def]
    staff_id = add_staff(room.ctx, NewStaff("admin01", "李管理", Role.ADMIN, "pw1234"))
    return Actor(staff_id, "李管理", Role.ADMIN)
