"""Window extensions: feature panels that live in their own packages and plug into the main window.

A feature package offers a module ``<package>.extension`` with
- ``COMMANDS``: a tuple of ``ExtensionCommand`` — an ``ActionSpec`` (label, shortcut, menu, roles, help line)
  and ``run(window)``, which may return a coroutine (it is then run as a window task);
- optionally ``install(window)``, called once after the window is built (docks, timers, signal wiring).
The window adds each command to its menu, its shortcuts and the F1 cheat sheet, exactly like the built-in
ones in ``ui.actions``. Modules listed here that are not present are skipped.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from console.domain.enums import Role
from ui.actions import ActionSpec

MODULES = (
    "ui.handover.extension",
    "ui.review.extension",
    "ui.unit_desk.extension",
    "ui.supervision.extension",
    "ui.admin.extension",
    "ui.analytics.extension",
    "ui.room.extension",
)


@dataclass(frozen=True)
class ExtensionCommand:
    spec: ActionSpec
    run: Callable[[Any], Any]


def loaded_modules() -> list[ModuleType]:
    modules = []
    for name in MODULES:
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as missing:
            if missing.name is None or not name.startswith(missing.name):
                raise
    return modules


def commands_for(role: Role, modules: list[ModuleType]) -> list[ExtensionCommand]:
    return [c for m in modules for c in getattr(m, "COMMANDS", ()) if role in c.spec.roles]
