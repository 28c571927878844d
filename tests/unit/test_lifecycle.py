"""The transition table is the single gate: every (action, status, role) either passes or raises the
right typed error, and the messages say what a dispatcher needs to know."""

from __future__ import annotations

import itertools

import pytest

from console.domain.enums import Role, TicketStatus
from console.domain.errors import PermissionDenied, TransitionNotAllowed
from console.domain.lifecycle import TABLE, Action, allowed_actions, check


def test_every_action_has_a_row_and_a_label() -> None:
    assert set(TABLE) == set(Action)
    assert all(action.label for action in Action)


@pytest.mark.parametrize(("action", "status", "role"),
                         list(itertools.product(Action, TicketStatus, Role)))
def test_check_matches_the_table(action: Action, status: TicketStatus, role: Role) -> None:
    row = TABLE[action]
    if role not in row.roles:
        with pytest.raises(PermissionDenied) as refused:
            check(action, status, role, "MY20261124000001")
        assert role.label in str(refused.value) and action.label in str(refused.value)
    elif status not in row.sources:
        with pytest.raises(TransitionNotAllowed) as refused:
            check(action, status, role, "MY20261124000001")
        message = str(refused.value)
        assert "MY20261124000001" in message and status.label in message and action.label in message
    else:
        assert check(action, status, role) is row


def test_main_path_is_connected() -> None:
    path = [(Action.SUBMIT_REVIEW, Role.SYSTEM), (Action.DISPATCH, Role.DISPATCHER), (Action.ACCEPT, Role.UNIT_HANDLER),
            (Action.START_HANDLING, Role.UNIT_HANDLER), (Action.REPLY, Role.UNIT_HANDLER), (Action.CLOSE, Role.SYSTEM)]
    status = TicketStatus.RECEIVED
    for action, role in path:
        to = check(action, status, role).to
        assert to is not None
        status = to
    assert status is TicketStatus.CLOSED


def test_unit_handler_cannot_dispatch_and_dispatcher_cannot_accept() -> None:
    with pytest.raises(PermissionDenied):
        check(Action.DISPATCH, TicketStatus.PENDING_REVIEW, Role.UNIT_HANDLER)
    with pytest.raises(PermissionDenied):
        check(Action.ACCEPT, TicketStatus.DISPATCHED, Role.DISPATCHER)


def test_closed_ticket_cannot_be_replied_to() -> None:
    with pytest.raises(TransitionNotAllowed, match="已办结"):
        check(Action.REPLY, TicketStatus.CLOSED, Role.UNIT_HANDLER, "MY1")


def test_allowed_actions_for_menus() -> None:
    actions = allowed_actions(TicketStatus.PENDING_REVIEW, Role.DISPATCHER)
    assert Action.DISPATCH in actions and Action.CLAIM in actions and Action.ACCEPT not in actions
    assert Action.ARBITRATE in allowed_actions(TicketStatus.ARBITRATION, Role.SUPERVISOR)
    assert Action.ARBITRATE not in allowed_actions(TicketStatus.ARBITRATION, Role.DISPATCHER)
