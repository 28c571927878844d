"""Without any item (no keyword, nothing picked), alike texts at one place still cluster — once there are
enough clusters for rare bigrams to mean something — and texts that merely share boilerplate do not."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from console.analytics.hotspots import HotspotTracker, TicketSnap
from console.demo.texts import compose, random_place
from console.domain.enums import Kind
from console.reference.catalog_file import load_catalog

T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
ODD = ("市民来电反映：华富路口新装的自动售货机一直发出刺耳蜂鸣声，请尽快处理。",
       "市民来电反映：华富路口自动售货机蜂鸣声刺耳，半夜也响，请尽快处理。",
       "市民来电反映：路口那台自动售货机一直蜂鸣，太刺耳了，请尽快处理。")
PLAIN = ("市民来电反映：有个问题想请相关部门看看，请尽快处理。",)


def test_alike_texts_cluster_and_boilerplate_does_not() -> None:
    catalog = load_catalog()
    tracker = HotspotTracker(min_size=3)
    tracker.use_catalog(catalog)
    rng = random.Random(7)
    items = [i for i in catalog.items if i.active]
    background = []
    for n in range(120):
        place = random_place(rng)
        _, text = compose(rng, rng.choice(items), Kind.COMPLAINT, place)
        background.append(TicketSnap(n + 1, f"B{n}", T0 + timedelta(seconds=n * 30), place.district, place.street,
                                     place.address, None, text))
    tracker.add(background)
    at = T0 + timedelta(hours=1)
    odd = [TicketSnap(1000 + n, f"O{n}", at + timedelta(minutes=n), "福田区", "华富", "", None, text)
           for n, text in enumerate(ODD)]
    plain = [TicketSnap(2000 + n, f"P{n}", at + timedelta(minutes=5 + n), "福田区", "华富", "", None, PLAIN[0])
             for n in range(1)]
    tracker.add(odd + plain)
    clusters = {tracker.cluster_of(t.id) for t in odd}
    assert len(clusters) == 1
    assert tracker.cluster_of(plain[0].id) not in clusters
    spots = [h for h in tracker.hotspots() if h.street == "华富" and h.district == "福田区"]
    assert [set(h.ticket_ids) for h in spots] == [{t.id for t in odd}]
