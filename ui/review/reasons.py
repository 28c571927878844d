"""The routing engine's urgency reasons (English, stored with the suggestion) in the UI language."""

from __future__ import annotations

import re

from console.domain.enums import Urgency
from ui.i18n import t

_QUOTED = re.compile(r"「(.*?)」")


def urgency_reason_text(reason: str) -> str:
    """E.g. ``time-critical 「今晚」`` → ``时间紧迫「今晚」``; an unknown reason is shown as it is."""
    found = _QUOTED.search(reason)
    phrase = found.group(1) if found else ""
    if reason.startswith("immediacy word"):
        return t("紧迫用语「{phrase}」").format(phrase=phrase)
    if reason.startswith("risk to life"):
        return t("危及生命、安全或财产「{phrase}」").format(phrase=phrase)
    if reason.startswith("item default urgent;"):
        return t("事项默认紧急，但风险为担忧、已过去或不确定")
    if reason.startswith("feared, past or precarious"):
        return t("担忧、已过去或不确定的风险「{phrase}」").format(phrase=phrase)
    if reason.startswith("time-critical"):
        return t("时间紧迫「{phrase}」").format(phrase=phrase)
    default = re.fullmatch(r"item default \((\w+)\)", reason)
    if default:
        try:
            return t("按事项默认紧急程度（{urgency}）").format(urgency=t(Urgency(default.group(1)).label))
        except ValueError:
            pass
    return reason
