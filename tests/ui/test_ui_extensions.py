"""Feature panels plug into the window through ``ui.extensions``: menus, shortcuts and the cheat sheet
follow the role."""

from __future__ import annotations

from conftest import wait_until


def test_supervisor_gets_the_handover_command_dispatcher_does_not(world, open_window, loop) -> None:
    supervisor = open_window("sup01")
    assert "handover" in supervisor.qactions
    assert supervisor.qactions["handover"].shortcut().toString() == "Ctrl+H"
    supervisor.qactions["handover"].trigger()
    from ui.handover.composer import HandoverComposer

    wait_until(loop, lambda: any(isinstance(w, HandoverComposer) and w.isVisible()
                                 for w in supervisor.findChildren(HandoverComposer)))
    for composer in supervisor.findChildren(HandoverComposer):
        composer.close()
    dispatcher = open_window("disp01")
    assert "handover" not in dispatcher.qactions


def test_no_two_commands_share_a_shortcut_for_any_role() -> None:
    from collections import Counter

    from PySide6.QtGui import QKeySequence

    from console.domain.enums import Role
    from console.queries.views import builtin_views
    from ui.actions import actions_for
    from ui.extensions import commands_for, loaded_modules

    modules = loaded_modules()
    for role in Role:
        if role is Role.SYSTEM:
            continue
        keys = [a.shortcut for a in actions_for(role)] + [c.spec.shortcut for c in commands_for(role, modules)]
        keys += [v.shortcut for v in builtin_views(role)]
        normalized = Counter(QKeySequence(k).toString() for k in keys if k)
        assert [k for k, n in normalized.items() if n > 1] == [], role
