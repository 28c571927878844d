"""A scripted storm for demos: flood reports (内涝/积水) from one street arrive through intake, so a supervisor
can watch the hot spot form. Runs beside the simulator; every ticket is an ordinary intake."""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from console.domain.enums import Channel, Kind
from console.domain.ticket import Actor
from console.services.context import ServiceContext
from console.services.intake import NewTicket, intake

FLOOD_TEXTS = ("{s}街道{r}积水很深，车都开不过去了", "{s}这边小区门口内涝严重，地下车库进水了",
               "{r}下大雨路面积水到膝盖，行人没法走", "{r}路口水浸街，公交车都停了",
               "{s}一下雨就淹，排水太差，积水半天不退", "{s}附近严重内涝，请马上派人抽水",
               "{r}路面积水漫进商铺，损失很大", "{s}地下通道积水，有车熄火了")
ROADS = ("深南大道", "红荔路", "莲花路", "新洲路", "滨河大道", "北环大道")


def send_storm(ctx: ServiceContext, *, district: str, street: str, count: int = 30, seconds: float = 0.0,
               seed: int | None = None, progress: Callable[[int, str], None] | None = None) -> list[str]:
    """Take ``count`` flood tickets in ``district``/``street``, spread over ``seconds`` of wall time; every
    fifth names the item 道路积水内涝 (as if picked in the app). Returns the ticket numbers."""
    rng = random.Random(seed)
    actor = Actor.system("暴雨演示")
    numbers = []
    for n in range(count):
        text = rng.choice(FLOOD_TEXTS).format(s=street, r=rng.choice(ROADS))
        changed = intake(ctx, actor, NewTicket(text=text, kind=Kind.HELP if n % 3 == 0 else Kind.COMPLAINT,
                                                channel=Channel.APP if n % 5 == 0 else Channel.HOTLINE,
                                                district=district, street=street,
                                                citizen_item_code="150201" if n % 5 == 0 else None))
        numbers.append(changed.numbers[0])
        if progress:
            progress(n + 1, changed.numbers[0])
        if seconds and n < count - 1:
            time.sleep(seconds / max(1, count - 1))
    return numbers
