"""User preferences, declared once with their defaults, stored with QSettings (INI format) apart from
window state (geometry, splitter, column layout), which the main window saves under ``window/``.
GUI thread."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QSettings

ORGANIZATION = "dispatch-console"
APPLICATION = "dispatch-console"


def qsettings() -> QSettings:
    """The user's settings store (redirect with ``QSettings.setPath`` in tests)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


@dataclass
class Preferences:
    language: str = "zh_CN"
    sound: bool = True
    tray: bool = True
    last_user: str = ""
    last_view: str = ""

    @classmethod
    def load(cls, store: QSettings | None = None) -> Preferences:
        store = store or qsettings()
        values = {}
        for f in fields(cls):
            raw = store.value(f"preferences/{f.name}", f.default)
            if isinstance(f.default, bool):
                raw = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
            values[f.name] = raw
        return cls(**values)

    def save(self, store: QSettings | None = None) -> None:
        store = store or qsettings()
        for f in fields(self):
            store.setValue(f"preferences/{f.name}", getattr(self, f.name))
        store.sync()
