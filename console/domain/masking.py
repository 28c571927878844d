"""Masking personal data for display and export (PIPL / GB/T 35273 practice).

Names keep the surname (compound surnames too): 张* / 欧阳** ; phones keep the first three and last four
digits of a mobile (138****1234) and the area code and last four digits of a landline; ID numbers keep the
first and last digit. Roles that may see personal data unmasked are listed in ``UNMASKED_ROLES``.
"""

from __future__ import annotations

import re

from console.domain.enums import Role

UNMASKED_ROLES = frozenset({Role.OPERATOR, Role.SUPERVISOR})

COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "申屠", "太史", "闻人",
    "万俟", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "赫连", "钟离", "拓跋",
})


def mask_name(name: str) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧阳**, 王 → 王; non-Chinese names keep their first letter."""
    name = name.strip()
    if len(name) <= 1:
        return name
    keep = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    return name[:keep] + "*" * (len(name) - keep)


_DIGITS = re.compile(r"\d")


def mask_phone(phone: str) -> str:
    """13812341234 → 138****1234; +86 138 1234 1234 → +86 138****1234; 0755-83451234 → 0755-****1234."""
    raw = phone.strip()
    if not raw:
        return ""
    prefix = ""
    compact = re.sub(r"[\s\-()]", "", raw)
    for country in ("+86", "0086"):
        if compact.startswith(country):
            prefix, compact = "+86 ", compact[len(country):]
            break
    if re.fullmatch(r"1\d{10}", compact):
        return f"{prefix}{compact[:3]}****{compact[-4:]}"
    # Area codes 010 and 020-029 have three digits, all others four.
    landline = re.fullmatch(r"(0[12]\d|0[3-9]\d{2})(\d{7,8})", compact)
    if landline:
        return f"{prefix}{landline.group(1)}-****{landline.group(2)[-4:]}"
    digits = _DIGITS.findall(compact)
    if len(digits) <= 4:
        return prefix + "*" * len(compact)
    return prefix + "*" * (len(compact) - 4) + compact[-4:]


def mask_id_number(number: str) -> str:
    """Keep the first and the last character of a 15- or 18-character ID number."""
    value = number.strip()
    if len(value) <= 2:
        return "*" * len(value)
    return value[0] + "*" * (len(value) - 2) + value[-1]


def may_see_personal_data(role: Role) -> bool:
    return role in UNMASKED_ROLES
