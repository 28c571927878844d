"""Loading the picker's item index for the catalogue version in effect now. Caller's thread (DB worker)."""

from __future__ import annotations

from console.review_desk.item_search import ItemIndex
from console.services.catalog_store import catalog_at
from console.services.context import ServiceContext


def load_item_index(ctx: ServiceContext) -> ItemIndex:
    with ctx.db.reader() as s:
        catalog = catalog_at(s, ctx.clock.now())
    return ItemIndex.from_catalog(catalog)
