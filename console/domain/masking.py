"""Masking personal data for display and export (PIPL / GB/T 35273 practice).

Who sees what: roles in ``UNMASKED_ROLES`` (operators, supervisors) see personal data as stored; every other
role sees it masked, and unmasking needs a recorded reason (``console.services.personal_data``).

Every function here is total (never raises on odd input) and **idempotent**: masking an already-masked
value returns it unchanged, so a value may safely be masked twice (read model, then export).

Fields
------
``mask_name``
    Keep the surname, replace every other character by ``*``: 张三 → 张*, 欧阳娜娜 → 欧阳** (a compound
    surname from ``COMPOUND_SURNAMES`` is kept when more characters follow it), 王 → 王 (a lone character is
    taken as the surname). Separators ``· • ・ . - space`` stay visible: 阿卜杜拉·艾则孜 → 阿***·***,
    John Smith → J*** *****.
``mask_phone``
    Spaces, dashes and brackets are dropped, ``+86`` / ``0086`` / ``86`` before a mobile becomes ``+86 ``.
    Mobiles (``1[3-9]`` + 9 digits) keep the first three and last four digits: 138****1234. Landlines
    keep the area code (010 and 02x have three digits, all others four) and the last four digits:
    0755-****1234; an extension (``转 分机 ext x # -``) is kept: 0755-****1234转801. A local number without
    area code, or anything else, keeps only its last four digits: ****1234.
``mask_id_number``
    Keep the first and the last character (15 digits, or 17 digits and a digit or X): 4****************X.
``mask_address``
    Every digit becomes ``*`` (house, building and room numbers); road and estate names stay, so the
    place can still be dispatched: 莲花一村12栋503 → 莲花一村**栋***.
``mask_text``
    Free citizen text: the phone and ID numbers embedded in it are masked, nothing else is touched.

Rules of ``mask_text`` (``TEXT_RULES``)
---------------------------------------
A digit ``D`` is ``[0-9０-９]`` (ASCII or full-width). A number is only recognised when it is not glued to
other digits: no digit right before it, no digit right after it. That digit boundary is what keeps ticket
numbers (MY + 14 digits: MY20261124000123), dates (20261124, 2026-11-24), times and amounts (12000元)
intact — none of them is a bounded run of the lengths below. Applied in this order, each to the result of
the previous one (a Python ``re.sub`` and a PostgreSQL ``regexp_replace(text, pattern, template, 'g')`` give
the same result; PostgreSQL supports the lookahead/lookbehind constraints used since 9.6):

1. ``id18``  ``(?<!D)(D)D{16}(D|[Xx])(?!D)`` → ``\\1****************\\2`` (18-character ID number)
2. ``id15``  ``(?<!D)(D)D{13}(D)(?!D)`` → ``\\1*************\\2`` (15-digit ID number)
3. ``mobile`` ``(?:(?<!D)|(?<=86))(1[3-9]D)[ -]?D{4}[ -]?(D{4})(?!D)`` → ``\\1****\\2``
   (the ``86`` lookbehind also catches +8613812341234 and 8613812341234; the prefix itself is kept)
4. ``landline`` ``(?<!D)[(（]?(0(?:10|2D)|0[3-9]DD)[)）]?[ -]?D{3,4}[ -]?(D{4})(?!D)`` → ``\\1-****\\2``
   (an extension after it is left as typed)
5. ``local`` ``(电话|手机|座机|固话|号码|联系方式|致电|拨打|[Tt]el|TEL)([:：]?[ ]?)[2-9]D{2,3}[ -]?(D{4})(?![ -]?D)``
   → ``\\1\\2****\\3`` (a 7–8 digit local number is only recognised after a phone word: bare, it cannot be
   told from a date or an amount)

Outputs never contain a bounded run these rules match again (kept digit groups are at most 4 long, or
3 after an ``86`` that is not a match start), which is why ``mask_text`` is idempotent.

Not recognised (documented limits): numbers split by other separators than one space or dash
(138.1234.1234), ID numbers with inner spaces, international numbers other than +86, citizen names inside
free text (there is no reliable way to find them; the name field itself is masked).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from console.domain.enums import Role

UNMASKED_ROLES = frozenset({Role.OPERATOR, Role.SUPERVISOR})

COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "申屠", "太史", "闻人",
    "万俟", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "赫连", "钟离", "拓跋",
})

MASK = "*"
_NAME_SEPARATORS = frozenset("·•・. -")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９－（）＋", "0123456789-()+")


def may_see_personal_data(role: Role) -> bool:
    """True for the roles that see personal data unmasked without giving a reason."""
    return role in UNMASKED_ROLES


# ---------------------------------------------------------------------------------------------- names
def mask_name(name: str) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧阳**, 王 → 王; non-Chinese names keep their first letter (see module doc)."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    keep = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    return name[:keep] + "".join(c if c in _NAME_SEPARATORS else MASK for c in name[keep:])


# --------------------------------------------------------------------------------------------- phones
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"(0(?:10|2\d)|0[3-9]\d{2})(\d{7,8})")
_EXTENSION = re.compile(r"^(?P<main>.+?)\s*(?:转|分机|ext\.?|x|#|-)\s*(?P<ext>\d{1,6})$", re.IGNORECASE)
_COUNTRY = re.compile(r"^(?:\+86|0086|86(?=1[3-9]\d{9}$))")
_SEPARATORS = re.compile(r"[\s\-()]")
# Already-masked phones, exactly as ``mask_phone`` writes them.
_MASKED_PHONE = re.compile(
    r"(?:\+86 )?(?:1[3-9]\d\*{4}\d{4}|(?:0(?:10|2\d)|0[3-9]\d{2})-\*{4}\d{4}(?:转\d{1,6})?|\*+\d{0,4}(?:转\d{1,6})?)")


def mask_phone(phone: str) -> str:
    """13812341234 → 138****1234; +86 138 1234 1234 → +86 138****1234; 0755-83451234 → 0755-****1234."""
    raw = (phone or "").strip().translate(_FULL_WIDTH)
    if not raw or _MASKED_PHONE.fullmatch(raw):
        return raw
    masked = _mask_whole_phone(raw)
    if masked is not None:
        return masked
    extension = _EXTENSION.match(raw)
    if extension:
        main = _mask_whole_phone(extension.group("main"))
        if main is not None:
            return f"{main}转{extension.group('ext')}"
    prefix, compact = _national(raw)
    tail = "".join(c for c in compact if c.isdigit())[-4:] if sum(c.isdigit() for c in compact) > 4 else ""
    return prefix + MASK * (len(compact) - len(tail)) + tail


def _national(raw: str) -> tuple[str, str]:
    """``raw`` without separators, split into ``"+86 "`` (when it carried the country code) and the rest."""
    compact = _SEPARATORS.sub("", raw)
    country = _COUNTRY.match(compact)
    return ("+86 ", compact[country.end():]) if country else ("", compact)


def _mask_whole_phone(raw: str) -> str | None:
    """The masked form of a complete mobile or landline number, None when ``raw`` is neither."""
    prefix, compact = _national(raw)
    if _MOBILE.fullmatch(compact):
        return f"{prefix}{compact[:3]}****{compact[-4:]}"
    landline = _LANDLINE.fullmatch(compact)
    if landline:
        return f"{prefix}{landline.group(1)}-****{landline.group(2)[-4:]}"
    return None


def phone_digits(value: str) -> str | None:
    """The national digits of a complete mobile or landline number (``+86 138-1234-1234`` → ``13812341234``),
    None when ``value`` is not one. Used to match a searched phone number without showing the stored one."""
    _prefix, compact = _national((value or "").strip().translate(_FULL_WIDTH))
    return compact if _MOBILE.fullmatch(compact) or _LANDLINE.fullmatch(compact) else None


# ------------------------------------------------------------------------------------ IDs, addresses
def mask_id_number(number: str) -> str:
    """Keep the first and the last character of a 15- or 18-character ID number."""
    value = (number or "").strip()
    if len(value) <= 2:
        return MASK * len(value)
    return value[0] + MASK * (len(value) - 2) + value[-1]


_ANY_DIGIT = re.compile(r"[0-9０-９]")


def mask_address(address: str) -> str:
    """Every digit (house, building, room number) becomes ``*``; names of roads and estates stay."""
    return _ANY_DIGIT.sub(MASK, address or "")


# --------------------------------------------------------------------------------------- free text
_D = "[0-9０-９]"
_NB = f"(?<!{_D})"
_NA = f"(?!{_D})"
_PHONE_WORDS = "电话|手机|座机|固话|号码|联系方式|致电|拨打|[Tt]el|TEL"

#: ``(name, pattern, template)`` applied in order; see the module docstring. Templates use ``\\N`` group
#: references, valid for both ``re.sub`` and PostgreSQL ``regexp_replace``.
TEXT_RULES: tuple[tuple[str, str, str], ...] = (
    ("id18", rf"{_NB}({_D}){_D}{{16}}({_D}|[Xx]){_NA}", "\\1" + MASK * 16 + "\\2"),
    ("id15", rf"{_NB}({_D}){_D}{{13}}({_D}){_NA}", "\\1" + MASK * 13 + "\\2"),
    ("mobile", rf"(?:{_NB}|(?<=[8８][6６]))([1１][3-9３-９]{_D})[ -]?{_D}{{4}}[ -]?({_D}{{4}}){_NA}", "\\1****\\2"),
    ("landline", rf"{_NB}[(（]?([0０](?:[1１][0０]|[2２]{_D})|[0０][3-9３-９]{_D}{{2}})[)）]?[ -]?{_D}{{3,4}}[ -]?"
                 rf"({_D}{{4}}){_NA}", "\\1-****\\2"),
    ("local", rf"({_PHONE_WORDS})([:：]?[ ]?)[2-9２-９]{_D}{{2,3}}[ -]?({_D}{{4}})(?![ -]?{_D})", "\\1\\2****\\3"),
)

_COMPILED = tuple((name, re.compile(pattern), template) for name, pattern, template in TEXT_RULES)
# A text with fewer than seven digits holds nothing to mask: the common case costs one scan.
_SEVEN_DIGITS = re.compile(r"(?:[0-9０-９][^0-9０-９]*){7}")


def mask_text(text: str) -> str:
    """``text`` with the phone and ID numbers embedded in it masked (rules in the module docstring)."""
    if not text or not _SEVEN_DIGITS.search(text):
        return text or ""
    for _name, pattern, template in _COMPILED:
        text = pattern.sub(template, text)
    return text


_CUT_RUN = re.compile(r"(?<![0-9０-９])([0-9０-９])([0-9０-９]{4,})$")


def mask_cut_text(text: str) -> str:
    """``mask_text`` for a text cut to a length (titles, search heads): a digit run of five or more at the very
    end may be a number cut short, so all but its first digit are masked too."""
    masked = mask_text(text)
    return _CUT_RUN.sub(lambda m: m.group(1) + MASK * len(m.group(2)), masked)


def masker(masked: bool) -> tuple[Callable[[str], str], Callable[[str], str], Callable[[str], str],
                                  Callable[[str], str]]:
    """``(name, phone, address, text)`` functions for a viewer: the masking functions, or identity."""
    if masked:
        return mask_name, mask_phone, mask_address, mask_text
    return _same, _same, _same, _same


def _same(value: str) -> str:
    return value or ""
