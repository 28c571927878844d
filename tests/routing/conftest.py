"""Shared fixtures: a 16-item catalog in the shipped format and an engine over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.domain.catalog import Catalog
from console.reference.catalog_file import load_catalog
from console.routing.engine import RoutingEngine
from console.routing.gazetteer import Gazetteer

FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture(scope="session")
def small_catalog() -> Catalog:
    return load_catalog(FIXTURES / "duty_list_small.json")


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(places_csv=FIXTURES / "places_small.csv")


@pytest.fixture(scope="session")
def engine(small_catalog: Catalog, gazetteer: Gazetteer) -> RoutingEngine:
    return RoutingEngine(small_catalog, gazetteer)
