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
