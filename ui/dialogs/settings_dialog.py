"""Settings: UI language (applied at the next start), sound and tray notification for urgent tickets, and
this workstation's idle screen lock (it may lock sooner than the room's limit, never later)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from ui.i18n import LANGUAGES, t
from ui.lock.idle import save_workstation_idle_minutes, workstation_idle_minutes
from ui.preferences import Preferences


class SettingsDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None, room_idle_minutes: int = 0):
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
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, room_idle_minutes if room_idle_minutes > 0 else 240)
        self.idle_minutes.setSuffix(t(" 分钟"))
        self.idle_minutes.setSpecialValueText(t("按全室设置") if room_idle_minutes > 0 else t("不锁屏"))
        self.idle_minutes.setValue(min(workstation_idle_minutes(), self.idle_minutes.maximum()))
        form.addRow(t("无操作自动锁屏(&I)"), self.idle_minutes)
        if room_idle_minutes > 0:
            form.addRow("", QLabel(t("全室规定最长 {n} 分钟；本机只能设得更短").format(n=room_idle_minutes)))
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

    def save_workstation_options(self) -> None:
        """Store what belongs to this workstation rather than to the user's preferences (the idle lock)."""
        save_workstation_idle_minutes(self.idle_minutes.value())
