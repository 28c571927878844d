"""Every command of the window, registered once: id, label, shortcut, menu, handler, help line.

The main window builds its menus, its QActions and the F1 cheat sheet from ``ACTIONS``; handlers are
looked up by name on the window's command object (``ui.main_window.Commands``), so a shortcut can never
exist without its menu entry and its cheat-sheet line.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.enums import Role

ROOM = frozenset({Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN})
CLAIMERS = frozenset({Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR})
EVERYONE = frozenset(Role)


@dataclass(frozen=True)
class ActionSpec:
    id: str
    label: str
    shortcut: str
    menu: str
    handler: str
    help: str
    roles: frozenset[Role] = EVERYONE
    needs_ticket: bool = True


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("claim", "认领", "C", "工单", "claim", "开始处理选中工单；他人已认领时先询问是否接手", CLAIMERS),
    ActionSpec("release", "释放", "Shift+C", "工单", "release", "放弃认领，工单回到待办", CLAIMERS),
    ActionSpec("next", "领取下一单", "Ctrl+N", "工单", "claim_next", "认领最紧急、最早到期的未认领工单", CLAIMERS,
               needs_ticket=False),
    ActionSpec("dispatch", "按建议分拨", "D", "工单", "dispatch_suggested", "确认后按路由建议的事项分拨", ROOM),
    ActionSpec("review", "复核分拨…", "R", "工单", "review", "打开人工复核：查看建议、改选事项、预览承办单位后分拨",
               ROOM),
    ActionSpec("submit_review", "转人工复核", "Shift+R", "工单", "submit_review", "把新受理的工单转入待复核",
               frozenset({Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR})),
    ActionSpec("urgency", "调整紧急程度…", "U", "工单", "change_urgency", "改为紧急/快速/常态（需填写原因）", ROOM),
    ActionSpec("note", "添加备注…", "N", "工单", "add_note", "在时间线上记一条备注"),
    ActionSpec("reveal", "查看个人信息…", "Ctrl+Shift+P", "工单", "reveal", "填写原因后显示市民姓名和电话（留痕）"),
    ActionSpec("detail", "查看详情", "Return", "工单", "focus_detail", "把焦点移到详情面板"),
    ActionSpec("queue", "回到队列", "F6", "视图", "focus_queue", "把焦点移回工单队列", needs_ticket=False),
    ActionSpec("search", "搜索", "Ctrl+F", "视图", "focus_search", "按工单编号、电话号码或文字搜索",
               needs_ticket=False),
    ActionSpec("clear_search", "清除搜索", "Escape", "视图", "clear_search", "清空搜索框并回到队列",
               needs_ticket=False),
    ActionSpec("refresh", "刷新", "F5", "视图", "refresh", "重新读取整个队列", needs_ticket=False),
    ActionSpec("save_view", "保存当前视图…", "Ctrl+S", "视图", "save_view", "保存筛选条件；值班长可共享给全室",
               needs_ticket=False),
    ActionSpec("delete_view", "删除当前视图", "", "视图", "delete_view", "删除自己保存的视图", needs_ticket=False),
    ActionSpec("settings", "设置…", "Ctrl+,", "文件", "open_settings", "语言、提示音、托盘通知", needs_ticket=False),
    ActionSpec("quit", "退出", "Ctrl+Q", "文件", "quit", "关闭窗口", needs_ticket=False),
    ActionSpec("lock", "锁定屏幕", "Ctrl+L", "账户", "lock", "立即锁屏：隐藏工单和个人信息，保留未完成的内容",
               needs_ticket=False),
    ActionSpec("change_password", "修改密码…", "", "账户", "change_password", "修改本人的登录密码", needs_ticket=False),
    ActionSpec("reset_password", "重置他人密码…", "", "账户", "reset_password", "为其他账号设置新密码并解除锁定",
               frozenset({Role.ADMIN}), needs_ticket=False),
    ActionSpec("cheatsheet", "快捷键一览", "F1", "帮助", "cheatsheet", "显示本表", needs_ticket=False),
)

MENUS = ("文件", "工单", "视图", "值班", "管理", "账户", "帮助")


def actions_for(role: Role) -> list[ActionSpec]:
    """The actions ``role`` may use, in table order."""
    return [a for a in ACTIONS if role in a.roles]
