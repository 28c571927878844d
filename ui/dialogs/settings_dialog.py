"""Settings: UI language (applied at the next start), sound and tray notification for urgent tickets."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from ui.i18n import LANGUAGES, t
from ui.preferences import Preferences


class SettingsDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t("设置"))
        self.preferences = preferences
        form = QFormLayout(self)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language)))
        form.addRow(t("界面语言(&L)"), self.language)
        form.addRow("", QLabel(t("语言在下次启动时生效")))
        self.sound = QCheckBox(t("新紧急工单时提示音(&S)"))
        self.sound.setChecked(preferences.sound)
        form.addRow(self.sound)
        self.tray = QCheckBox(t("新紧急工单时桌面通知(&T)"))
        self.tray.setChecked(preferences.tray)
        form.addRow(self.tray)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(t("确定"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)

    def result_preferences(self) -> Preferences:
        p = self.preferences
        return Preferences(language=str(self.language.currentData()), sound=self.sound.isChecked(),
                           tray=self.tray.isChecked(), last_user=p.last_user, last_view=p.last_view)
