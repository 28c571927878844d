"""``ScreenLock``: the lock of one main window.

* Idle: no input anywhere in the application for the idle limit (the room's ``idle_lock_minutes``, or the
  workstation's shorter one) locks the screen; Ctrl+L (``lock(MANUAL)``) locks at once.
* Shift change: a timer compares the current shift (room calendar, session clock — injectable) with the
  shift the user last proved themselves in; when it has ended the console locks with 「交接班：请重新登录」
  and the user name becomes editable.
* Unlock: the same user's password through ``accounts.authenticate`` on the DB worker (failures count and
  can lock the account). In re-login mode another user may log in: the window then ends and ``handoff``
  carries that user's actor so ``ui.app`` opens a fresh session for them.
* 「切换用户」 ends the session (after a second click if open windows or typed text would be lost) and
  sets ``handoff`` with no actor: ``ui.app`` shows the login dialog.

Locking hides (never closes) everything that shows tickets or citizens (``Cover``), so drafts survive.
GUI thread; the password check is awaited on the DB worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from console.domain.errors import DomainError
from console.domain.shifts import Shift
from console.domain.ticket import Actor
from console.services import accounts
from ui.i18n import t
from ui.lock.cover import Cover, draft_texts
from ui.lock.idle import IdleWatch, effective_idle_minutes, workstation_idle_minutes
from ui.lock.page import LockPage

if TYPE_CHECKING:
    from ui.main_window import MainWindow

IDLE, MANUAL, SHIFT = "idle", "manual", "shift"
SHIFT_CHECK_MS = 15_000


@dataclass(frozen=True)
class Handoff:
    """How the ended window's successor starts: ``actor`` already authenticated, or None for the login."""

    actor: Actor | None
    username: str = ""


class ScreenLock(QObject):
    """Attach once to a main window, after its layout is built; ``close()`` when the window closes."""

    lockedChanged = Signal(bool)

    def __init__(self, window: MainWindow, shift_check_ms: int = SHIFT_CHECK_MS):
        super().__init__(window)
        self.window = window
        self.page = LockPage()
        self.cover = Cover(window, self.page)
        self.reason: str | None = None  # None while unlocked
        self.handoff: Handoff | None = None
        self.shift: Shift = window.session.shift()
        self.idle = IdleWatch(self)
        self.idle.idle.connect(lambda: self.lock(IDLE))
        self.page.unlockRequested.connect(self._unlock_requested)
        self.page.switchRequested.connect(self.switch_user)
        self._shift_timer = QTimer(self)
        self._shift_timer.timeout.connect(self.check_shift)
        self._shift_timer.start(shift_check_ms)
        self.apply_idle_setting()

    # ------------------------------------------------------------------ state
    @property
    def locked(self) -> bool:
        return self.reason is not None

    def idle_minutes(self) -> int:
        return effective_idle_minutes(self.window.session.backend.ctx.settings.idle_lock_minutes,
                                      workstation_idle_minutes())

    def apply_idle_setting(self, interval_ms: int | None = None) -> None:
        """Arm the idle watch with the configured limit, or ``interval_ms`` (tests, short demos)."""
        self.idle_interval_ms = interval_ms if interval_ms is not None else self.idle_minutes() * 60_000
        if not self.locked:
            self.idle.start(self.idle_interval_ms)

    def close(self) -> None:
        self._shift_timer.stop()
        self.idle.close()
        self.cover.release()

    # ------------------------------------------------------------------ locking
    def lock(self, reason: str = MANUAL) -> None:
        """Cover the window. A shift change upgrades an idle or manual lock to a re-login."""
        if self.locked and not (reason == SHIFT and self.reason != SHIFT):
            return
        was_locked = self.locked
        self.reason = reason
        self.idle.stop()
        self.cover.hide_all()
        session = self.window.session
        self.page.present(session.actor.name, session.username, self._message(reason), relogin=reason == SHIFT)
        if not was_locked:
            self.lockedChanged.emit(True)

    def _message(self, reason: str) -> str:
        if reason == SHIFT:
            return t("本班次已结束。本人登录可继续当前工作（未完成的内容都已保留）；接班人员登录将开始自己的会话。")
        if reason == IDLE:
            return t("长时间未操作，屏幕已锁定。未完成的内容都已保留，输入密码继续。")
        return t("屏幕已锁定。未完成的内容都已保留，输入密码继续。")

    def check_shift(self) -> None:
        """Lock for a re-login when the shift the user proved themselves in has ended."""
        current = self.window.session.shift()
        if current.start != self.shift.start:
            self.lock(SHIFT)

    def unlock(self) -> None:
        """Uncover (after a successful password check): everything shows as it was left."""
        if not self.locked:
            return
        self.reason = None
        self.shift = self.window.session.shift()
        self.page.password.clear()
        self.page.set_busy(False)
        self.page.error.clear()
        self.cover.restore()
        self.idle.start(self.idle_interval_ms)
        self.window.update_title()
        self.lockedChanged.emit(False)

    # ------------------------------------------------------------------ the page's requests
    def _unlock_requested(self, username: str, password: str) -> None:
        self.window.session.tasks.spawn(self.try_unlock(username, password))

    async def try_unlock(self, username: str, password: str) -> bool:
        """Check the password on the DB worker; unlock for the same user, hand off for another one (re-login
        only). Returns whether the window stays (unlocked)."""
        session = self.window.session
        relogin = self.reason == SHIFT
        name = (username or session.username) if relogin else session.username
        self.page.set_busy(True)
        try:
            actor = await session.worker.run(accounts.authenticate, session.backend.ctx, name, password,
                                             "relogin" if relogin else "unlock")
        except DomainError as error:
            self.page.show_error(str(error))
            return False
        except Exception as error:  # the database is unreachable: say so, stay locked
            self.page.show_error(t("无法验证密码（数据库连接失败）：{error}").format(error=error))
            return False
        if actor.staff_id == session.actor.staff_id:
            self.unlock()
            return True
        self.end_session(Handoff(actor, name))
        return False

    def drafts(self) -> list[str]:
        """What ending the session would lose: the open windows (dialogs, desks, composers) and the docks
        holding typed text, by title."""
        windows = self.cover.open_windows()
        titles = [w.windowTitle() or t("未命名窗口") for w in windows]
        docks = [w for w in self.cover.hidden if w not in windows]
        return titles + [title for title in draft_texts(docks) if title not in titles]

    def switch_user(self) -> None:
        """「切换用户」: end the session and return to the login; asks (inline) first if drafts would be lost."""
        drafts = self.drafts()
        if drafts and not self.page.switch_confirmed:
            self.page.ask_to_confirm_switch(
                t("切换用户将结束当前会话，以下未完成的内容会丢失：{items}。再次点击「仍要切换用户」确认。").format(
                    items=t("、").join(drafts)))
            return
        self.end_session(Handoff(None))

    def end_session(self, handoff: Handoff) -> None:
        """Close the window (its claims are released as on any close) and leave ``handoff`` for the app."""
        self.handoff = handoff
        QTimer.singleShot(0, self.window.close)
