"""Example requests per duty item: the file's contract, the similarity, and what they change in a proposal."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from console.domain.catalog import Catalog
from console.reference.catalog_file import load_catalog
from console.routing.engine import RoutingEngine
from console.routing.exemplars import EXEMPLARS_JSON, ExemplarError, ExemplarIndex, ItemExamples, load_exemplars
from console.routing.gazetteer import Gazetteer
from console.routing.textnorm import normalize

DISTRICTS = Path(__file__).resolve().parents[2] / "resources" / "reference" / "districts.csv"

FRAUD = ItemExamples("电信诈骗", ("有人冒充孩子的班主任让我转账交资料费，转完就把我拉黑了",
                                 "网上认识的人让我下载软件投资，充值以后提现不了，客服也联系不上"))
TEXT = "微信上有个人说是孩子的班主任，叫我转账交资料费，转完就把我拉黑了"


def test_a_missing_file_means_no_examples(tmp_path: Path) -> None:
    assert load_exemplars(tmp_path / "none.json") == {}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2]", "expected a JSON object"),
        ('{"040201": ["a request"]}', "item '040201': expected the item's name"),
        ('{"040201": {"name": "电信诈骗", "examples": ["", "x"]}}', "item '040201': expected a list of non-empty"),
        ("{", "cannot read the exemplars"),
    ],
)
def test_a_malformed_file_is_refused_with_its_name_and_item(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "exemplars.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ExemplarError) as caught:
        load_exemplars(path)
    assert str(path) in str(caught.value) and message in str(caught.value)


def test_the_shipped_examples_cover_every_item_in_citizens_words() -> None:
    catalog = load_catalog()
    examples = load_exemplars()
    with DISTRICTS.open(encoding="utf-8", newline="") as fh:
        districts = {row["district"] for row in csv.DictReader(fh)}
    assert EXEMPLARS_JSON.exists()
    for item in catalog.items:
        entry = examples.get(item.code)
        assert entry is not None and entry.name == item.name, item.code
        assert len(entry.examples) >= 4, item.code
        for text in entry.examples:
            assert 15 <= len(text) <= 100, (item.code, text)
            assert not any(d in text for d in districts), (item.code, text)  # no place names to match on


def test_similarity_is_a_cosine_per_item_that_ignores_boilerplate_and_places(small_catalog: Catalog) -> None:
    index = ExemplarIndex(small_catalog.items, {"040201": FRAUD})
    fraud = [i.code for i in small_catalog.items].index("040201")
    same = index.scan(normalize(FRAUD.examples[0]).text).items
    assert same[fraud] == pytest.approx(1.0) and same.sum() == pytest.approx(1.0)
    assert not index.scan(normalize("市民来电反映：诉求：请相关部门尽快处理").text).items.any()
    text = normalize(TEXT).text
    assert 0.2 < index.scan(text).items[fraud] < 1.0
    everything = frozenset(range(len(text)))  # as if the whole text were a place name
    assert not index.scan(text, everything).items.any()


def test_examples_attach_only_to_the_item_they_were_written_for(small_catalog: Catalog) -> None:
    renamed = {"040201": ItemExamples("网络诈骗（旧名）", FRAUD.examples)}
    assert len(ExemplarIndex(small_catalog.items, renamed)) == 0
    assert len(ExemplarIndex(small_catalog.items, {"040201": FRAUD})) == 2


def test_examples_route_a_request_that_names_no_keyword(small_catalog: Catalog, gazetteer: Gazetteer) -> None:
    without = RoutingEngine(small_catalog, gazetteer, exemplars={}).propose(TEXT)
    with_examples = RoutingEngine(small_catalog, gazetteer, exemplars={"040201": FRAUD}).propose(TEXT)
    assert without.top is None or without.top.code != "040201"
    assert with_examples.top is not None and with_examples.top.code == "040201"
    assert with_examples.lead_line == "police"
    shown = [p for p in with_examples.top.phrases if p.source == "example"]
    assert shown and all(TEXT[p.start : p.end] == p.text for p in shown)
    assert any("拉黑" in p.text or "班主任" in p.text for p in shown)


def test_examples_file_is_valid_json_in_the_documented_shape() -> None:
    raw = json.loads(EXEMPLARS_JSON.read_text(encoding="utf-8"))
    assert all(set(entry) == {"name", "examples"} for entry in raw.values())
