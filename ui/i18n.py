"""UI strings: Simplified Chinese in the source, other languages through Qt translations.

Every user-visible literal goes through ``t("中文")`` (one translation context, ``dc``). The English
catalogue is ``resources/translations/dispatch_console_en.ts`` compiled to ``.qm`` by
``python -m ui.i18n_build``. ``install_language`` runs once before any window exists; switching language
takes effect at the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "dc"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []


def t(text: str) -> str:
    """``text`` (Chinese source) in the current UI language. GUI thread."""
    return QCoreApplication.translate(CONTEXT, text)


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
