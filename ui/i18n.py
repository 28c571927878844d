"""UI strings: Simplified Chinese in the source, other languages through Qt translations.

Every user-visible literal goes through ``t("中文")`` (one translation context, ``dc``). The English
catalogue is ``resources/translations/dispatch_console_en.ts`` compiled to ``.qm`` by
``python -m ui.i18n_build``. ``install_language`` runs once before any window exists; switching language
takes effect at the next start.

Three markers, all collected by the build tool (``ui.i18n_build``), so every Chinese literal of ``ui/`` is
either in the catalogue or on the short allow-list of ``tests/ui/test_i18n.py``:

- ``t("…")`` translates now (GUI thread, after ``install_language``);
- ``N_("…")`` marks a table entry (headers, labels, choices) built at import time; show it with
  ``t(value)``;
- ``record("…")`` marks text the window writes into records (event reasons, notes). Records are stored in
  Chinese, the canonical language, whatever the UI language; ``record_text(stored)`` shows a stored text
  translated when the catalogue knows it.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "dc"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []


def t(text: str) -> str:
    """``text`` (Chinese source) in the current UI language. GUI thread."""
    return QCoreApplication.translate(CONTEXT, text)


def N_(text: str) -> str:
    """``text`` unchanged: marks a table entry for the catalogue; translate it where it is shown."""
    return text


_RECORD_TEMPLATES: dict[str, re.Pattern[str]] = {}
_FIELD = re.compile(r"\{(\w+)(?:[^{}]*)\}")


def record(text: str) -> str:
    """``text`` unchanged: canonical Chinese for a record (never translated when written). A template with
    ``{fields}`` is remembered so that ``record_text`` can translate what was formatted from it."""
    if "{" in text and text not in _RECORD_TEMPLATES:
        parts = _FIELD.split(text)
        pattern = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts))
        _RECORD_TEMPLATES[text] = re.compile(pattern + "$", re.DOTALL)
    return text


RECORD_SEPARATOR = record("：")  # between a listed reason and the writer's words, in records


def record_text(stored: str) -> str:
    """A stored record text in the UI language: a catalogue string, a ``record`` template formatted with
    values, or ``known：free text`` (a listed reason with the writer's words); anything else unchanged."""
    translated = t(stored)
    if translated != stored:
        return translated
    for template, pattern in _RECORD_TEMPLATES.items():
        found = pattern.match(stored)
        if found is not None:
            return t(template).format(**found.groupdict())
    head, separator, tail = stored.partition(RECORD_SEPARATOR)
    if separator and t(head) != head:
        return t(head) + t(RECORD_SEPARATOR) + tail
    return stored


def install_language(language: str) -> bool:
    """Load the catalogue for ``language`` (``zh_CN`` needs none). True if a catalogue was installed."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language.startswith("zh") or not language:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return False
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS / f"dispatch_console_{language}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))
    return True
