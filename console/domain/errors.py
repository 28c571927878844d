"""Typed errors of the core. Every message is written for a dispatcher, in Chinese, and names what was wrong."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every rule violation the core reports to a user."""


class TransitionNotAllowed(DomainError):
    """The action is not possible from the ticket's current status."""

    def __init__(self, ticket_number: str, action_label: str, status_label: str, allowed_from: list[str]):
        self.ticket_number = ticket_number
        self.action_label = action_label
        self.status_label = status_label
        self.allowed_from = allowed_from
        allowed = "、".join(allowed_from) or "无"
        super().__init__(
            f"工单 {ticket_number} 当前状态为「{status_label}」，不能执行「{action_label}」"
            f"（只能在以下状态执行：{allowed}）"
        )


class PermissionDenied(DomainError):
    """The actor's role (or unit) may not make this change."""

    def __init__(self, message: str):
        super().__init__(message)


class ConflictError(DomainError):
    """Someone else changed the ticket since the caller loaded it."""

    def __init__(self, ticket_number: str, expected_version: int, actual_version: int, changed_by: str | None,
                 changed_action: str | None = None):
        self.ticket_number = ticket_number
        self.expected_version = expected_version
        self.actual_version = actual_version
        self.changed_by = changed_by
        self.changed_action = changed_action
        who = changed_by or "另一位用户"
        what = f"（{changed_action}）" if changed_action else ""
        super().__init__(
            f"工单 {ticket_number} 已被 {who} 修改{what}：您看到的是第 {expected_version} 版，"
            f"当前为第 {actual_version} 版。请刷新后在最新状态上重做。"
        )


class ValidationError(DomainError):
    """Input that does not make sense (missing field, unknown code, bad value)."""


class NotFound(DomainError):
    """A referenced ticket, unit, staff member or item does not exist."""
