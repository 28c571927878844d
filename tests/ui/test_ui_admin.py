"""The duty-list editor in the window: an admin moves an item to another unit effective tomorrow, sees the
impact preview before saving, saves, and finds the new version with its diff; the Excel round trip."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from conftest import run, wait_until

from console.domain.clock import to_room_time
from console.domain.enums import Role
from console.domain.ticket import Actor
from console.services.accounts import NewStaff, add_staff


def _admin_window(world: Any, open_window: Any) -> Any:
    staff_id = add_staff(world.ctx, NewStaff("admin", "李管理", Role.ADMIN, "demo"))
    world.actors["admin"] = Actor(staff_id, "李管理", Role.ADMIN)
    return open_window("admin")


def _editor(window: Any, loop: Any) -> Any:
    assert window.qactions["duty_list"].shortcut().toString() == "Ctrl+Shift+L"
    window.qactions["duty_list"].trigger()
    editor = window.duty_list_editor
    wait_until(loop, lambda: editor.state is not None and editor.tree.topLevelItemCount() > 0)
    return editor


def test_admin_moves_an_item_to_another_unit_sees_the_impact_and_saves(world, open_window, loop) -> None:
    for days in (1, 3, 10):
        world.intake("楼上邻居吵，半夜还在装修", item="010102", ago=timedelta(days=days))
    world.intake("工地夜间施工噪声很大", item="010101", ago=timedelta(days=2))
    window = _admin_window(world, open_window)
    editor = _editor(window, loop)
    editor.search.setText("邻居吵")                       # search by keyword
    assert editor.select_item("010102")
    assert editor.form.lead.currentData() == "police"
    editor.form.set_lead("urban_mgmt")
    assert editor.stage_form()
    assert editor.pending.count() == 1 and "urban_mgmt" in editor.pending.item(0).text()

    preview = run(loop, editor.run_preview())
    assert preview.impact.recent_changed == 3 and preview.impact.open_changed == 3
    assert [(s.old_unit, s.new_unit, s.recent_count) for s in preview.impact.shifts] == [
        ("福田区/police", "福田区/urban_mgmt", 3)]
    assert "3 张将改由其他单位主办" in editor.panel.summary.text()
    assert editor.panel.shifts.rowCount() == 1 and editor.panel.examples.rowCount() == 3

    tomorrow = to_room_time(world.clock.now()).date() + timedelta(days=1)
    assert editor.effective_date() == tomorrow                   # default: tomorrow
    editor.reason.setText("协调会决定：生活噪声改由城管主办")
    saved = run(loop, editor.save())
    assert saved is not None and saved.effective_from == tomorrow
    assert window.prompter.asked[-1][0] == "confirm" and "3 张" in window.prompter.asked[-1][1]
    wait_until(loop, lambda: editor.state.base.version == saved.version)
    assert editor.pending.count() == 0
    assert editor.state.base.item("010102").lead_line == "urban_mgmt"

    versions = editor.open_versions()
    assert versions.versions[0].version == saved.version
    wait_until(loop, lambda: versions.diff is not None)
    assert versions.diff.new_version == saved.version
    changed = [f.field for c in versions.diff.changed if c.code == "010102" for f in c.fields]
    assert changed == ["lead_line"]
    assert any("010102" in versions.lines.item(i).text() for i in range(versions.lines.count()))
    versions.close()
    editor.close()


def test_workbook_export_and_import_round_trip_in_the_editor(world, open_window, loop, tmp_path: Path) -> None:
    window = _admin_window(world, open_window)
    editor = _editor(window, loop)
    assert editor.select_item("020101")
    assert editor.retire_current()
    path = run(loop, editor.export_to(tmp_path / "list.xlsx"))      # the draft, with the item retired
    assert path is not None and path.is_file()
    editor.pending.setCurrentRow(0)
    editor.drop_selected()
    assert editor.draft.empty
    catalog = run(loop, editor.import_from(path))
    assert catalog is not None and not catalog.item("020101").active
    assert editor.pending.count() == 1 and "list.xlsx" in editor.pending.item(0).text()
    preview = run(loop, editor.run_preview())
    assert preview.diff.retired == ("020101",)
    editor.reason.setText("导入修订后的清单")
    saved = run(loop, editor.save())
    assert saved is not None and saved.diff.retired == ("020101",)
    editor.close()


def test_a_bad_time_limit_names_its_field_moves_the_focus_there_and_stores_nothing(world, open_window,
                                                                                    loop) -> None:
    window = _admin_window(world, open_window)
    editor = _editor(window, loop)
    assert editor.select_item("010102")
    before = editor.candidate.item("010102").limits                # 1 / 24 / 72 h
    reply, close = editor.form.hours["reply_hours"], editor.form.hours["close_hours"]
    reply.setValue(0)
    assert not editor.stage_form()
    assert "事项 010102 的「反馈时限（小时）」" in window.prompter.errors[-1]
    assert editor.focusWidget() is reply and reply.lineEdit().selectedText() == reply.cleanText()
    assert editor.draft.empty and editor.pending.count() == 0
    assert editor.candidate.item("010102").limits == before

    assert reply.value() == 0                                      # the form keeps the input to correct
    reply.setValue(before.reply_hours)
    close.setValue(1)                                              # below the reply limit
    assert not editor.stage_form()
    assert "事项 010102 的「办结时限（小时）」" in window.prompter.errors[-1]
    assert editor.focusWidget() is close
    assert editor.draft.empty and editor.pending.count() == 0 and editor.candidate.item("010102").limits == before


def test_an_emptied_time_limit_is_refused_not_replaced_by_its_last_value(world, open_window, loop) -> None:
    window = _admin_window(world, open_window)
    editor = _editor(window, loop)
    assert editor.select_item("010102")
    before = editor.candidate.item("010102").limits
    reply = editor.form.hours["reply_hours"]
    editor.form.name.setText("社会生活噪声（改）")                  # a real change beside the emptied box
    reply.lineEdit().clear()                                       # shown: nothing; value(): still 24
    assert reply.value() == before.reply_hours and not reply.hasAcceptableInput()
    assert not editor.stage_form()
    assert "0 到 9999" in window.prompter.errors[-1] and editor.focusWidget() is reply
    assert editor.draft.empty and editor.pending.count() == 0


def test_a_duplicate_code_in_a_new_item_is_shown_over_the_editor_with_the_focus_on_the_code(world, open_window,
                                                                                             loop) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.prompts import QtPrompter

    window = _admin_window(world, open_window)
    editor = _editor(window, loop)
    window.prompter = QtPrompter(window)                           # the real message boxes
    assert editor.select_item("010102")
    editor.new_item()
    editor.form.code.setText("010102")                             # taken
    editor.form.name.setText("广场舞噪声")
    editor.form.keywords.setText("广场舞")
    assert not editor.stage_form()
    boxes = [b for b in editor.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and boxes[0].parent() is editor
    assert boxes[0].windowTitle() == "新增事项有误"
    assert "事项 010102 的「事项编码」：编码重复" in boxes[0].text()
    assert not [b for b in window.findChildren(QMessageBox) if b.parent() is window]
    assert editor.focusWidget() is editor.form.code and editor.form.code.selectedText() == "010102"
    assert editor.draft.empty and editor.pending.count() == 0 and editor.new_mode
    boxes[0].close()
    editor.close()
