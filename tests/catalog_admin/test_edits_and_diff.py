"""Edits make a new catalogue (the base never changes), every problem names the item and the field, and the
diff between two catalogues lists added, retired, moved and changed fields."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from console.catalog_admin.diff import diff_catalogs
from console.catalog_admin.edits import (
    AddItem,
    AddNode,
    CatalogEditError,
    EditItem,
    MoveItem,
    RenameNode,
    RetireItem,
    apply_edits,
)
from console.catalog_admin.versions import changes_from_diff
from console.domain.catalog import Catalog
from console.domain.enums import Urgency

from .conftest import LINES

DAY = date(2026, 12, 1)


def edit(base: Catalog, *edits: object) -> Catalog:
    return apply_edits(base, edits, version="t.2", effective_from=DAY, known_lines=LINES).catalog  # type: ignore[arg-type]


def test_edit_fields_retire_move_and_add_make_a_new_version(mini: Catalog) -> None:
    noise = mini.item("010102")
    new_item = dataclasses.replace(noise, code="010103", name="广场舞噪声", keywords=("广场舞", "音响太吵"))
    result = apply_edits(mini, [
        EditItem("010101", {"lead_line": "urban_mgmt", "co_lines": ["ecology"], "accept_hours": 1,
                            "keywords": ["施工噪声", "夜间施工", "打桩"], "default_urgency": "fast"}),
        RetireItem("010102"),
        AddItem(new_item),
        AddNode("0203", "消防安全"),
        MoveItem("020101", "0203"),
        RenameNode("02", "公共安全与消防"),
    ], version="t.2", effective_from=DAY, known_lines=LINES)
    new = result.catalog
    assert (new.version, new.effective_from) == ("t.2", DAY)
    first = new.item("010101")
    assert (first.lead_line, first.co_lines, first.limits.accept_hours, first.default_urgency) == (
        "urban_mgmt", ("ecology",), 1.0, Urgency.FAST)
    assert not new.item("010102").active
    assert new.item("020301").name == "燃气泄漏" and new.get("020101") is None
    assert mini.item("010101").lead_line == "ecology"  # the base is untouched
    assert [c.change for c in result.changes] == ["edit", "retire", "add", "node_add", "move", "node_rename"]
    assert set(result.changes[0].fields) == {"lead_line", "co_lines", "accept_hours", "keywords", "default_urgency"}
    assert result.changes[0].before["lead_line"] == "ecology" and result.changes[0].after["lead_line"] == "urban_mgmt"

    diff = diff_catalogs(mini, new)
    assert [i.code for i in diff.added] == ["010103"]
    assert diff.retired == ("010102",)
    assert diff.moved == (("020101", "020301"),)
    assert diff.code_map() == {"020101": "020301"}
    changed = {c.code: {f.field: (f.before, f.after) for f in c.fields} for c in diff.changed}
    assert changed["010101"]["lead_line"] == ("ecology", "urban_mgmt")
    assert changed["010101"]["accept_hours"] == (2.0, 1.0)
    assert {(n.code, n.before, n.after) for n in diff.nodes} == {("0203", None, "消防安全"),
                                                                 ("02", "公共安全", "公共安全与消防")}
    assert any("主办条线" in line for line in diff.lines())
    assert diff_catalogs(mini, mini).empty
    kinds = sorted(c.change for c in changes_from_diff(mini, new))
    assert kinds == ["add", "edit", "move", "node_add", "node_rename", "retire"]


def test_every_problem_is_reported_with_item_and_field(mini: Catalog) -> None:
    with pytest.raises(CatalogEditError) as caught:
        edit(mini,
             EditItem("010101", {"lead_line": "nonsense"}),
             EditItem("010102", {"accept_hours": 100, "reply_hours": 24}),
             AddItem(mini.item("020101")),
             MoveItem("020201", "0909"),
             EditItem("999999", {"name": "x"}),
             EditItem("010101", {"colour": "red"}),
             EditItem("020201", {"co_lines": ["planning"], "level": "galaxy"}))
    problems = caught.value.problems
    assert "事项 010101 的「主办条线」：未知条线「nonsense」" in problems
    assert any(p.startswith("事项 010102 的「反馈时限（小时）」") and "0 < 签收 ≤ 反馈 ≤ 办结" in p for p in problems)
    assert any(p.startswith("事项 020101 的「事项编码」：编码重复") for p in problems)
    assert "事项 020201 的「事项编码」：目标二级类别 0909 不存在" in problems
    assert any(p.startswith("999999") and "不存在" in p for p in problems)
    assert any("colour" in p for p in problems)
    assert any("「协办条线」：主办条线「planning」不能同时是协办条线" in p for p in problems)
    assert any("「办理层级」" in p and "galaxy" in p for p in problems)
    assert len(problems) == 8
    assert "职责清单修改有误" in str(caught.value)


def test_adding_into_a_missing_subcategory_and_empty_edits_are_refused(mini: Catalog) -> None:
    orphan = dataclasses.replace(mini.item("010101"), code="090101")
    with pytest.raises(CatalogEditError, match="二级类别 0901 不存在"):
        edit(mini, AddItem(orphan))
    with pytest.raises(CatalogEditError, match="没有任何修改"):
        edit(mini, EditItem("010101", {"lead_line": "ecology"}))


@pytest.mark.parametrize(("hours", "field", "label", "why"), [
    ((3, 0, 120), "reply_hours", "反馈时限（小时）", "必须大于 0"),
    ((3, 2, 120), "reply_hours", "反馈时限（小时）", "不能短于签收时限（3 小时）"),
    ((3, 72, 1), "close_hours", "办结时限（小时）", "不能短于反馈时限（72 小时）"),
    ((3, 72, 0), "close_hours", "办结时限（小时）", "必须大于 0"),
    ((0, 72, 120), "accept_hours", "签收时限（小时）", "必须大于 0"),
    ((-1, 0, 120), "accept_hours", "签收时限（小时）", "必须大于 0"),
])
def test_a_broken_time_limit_names_the_field_that_is_wrong(mini: Catalog, hours: tuple[float, float, float],
                                                          field: str, label: str, why: str) -> None:
    accept, reply, close = hours
    with pytest.raises(CatalogEditError) as caught:
        edit(mini, EditItem("010101", {"accept_hours": accept, "reply_hours": reply, "close_hours": close}))
    assert [(p.code, p.field) for p in caught.value.field_problems] == [("010101", field)]
    (problem,) = caught.value.problems
    assert problem.startswith(f"事项 010101 的「{label}」：{why}")
    assert f"现为 {accept:g} / {reply:g} / {close:g}" in problem
