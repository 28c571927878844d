"""The whole duty list as an Excel workbook and back, without loss.

Sheets: 说明 (version, effective date, format), 类别 (categories and subcategories), 事项 (one row per item, every
field), 条线 (line codes and names, for reference; ignored on import). Lists (keywords, co-lines) are joined by
"；". Text cells are never formulas (``sheet_cells.put``). ``read_workbook`` finds columns by header, so columns
may be reordered; every problem names the sheet, the row and the column.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from console.analytics.sheet_cells import write_table
from console.catalog_admin.edits import CatalogEditError, build_catalog
from console.catalog_admin.fields import FIELD_LABELS, FieldProblem, flat_item, item_from_flat
from console.domain.catalog import Catalog, DutyItem
from console.domain.enums import Level, Territorial, Urgency
from console.reference.lines import line_names

FORMAT = "dutylist-xlsx/1"
SEP = "；"
ITEM_COLUMNS: tuple[str, ...] = ("code", "category", "subcategory", "name", "description", "keywords", "lead_line",
                                 "lead_line_name", "co_lines", "level", "territorial", "accept_hours", "reply_hours",
                                 "close_hours", "default_urgency", "active")
HEADERS: dict[str, str] = FIELD_LABELS | {"category": "一级类别", "subcategory": "二级类别",
                                          "lead_line_name": "主办条线名称（仅供参考）", "active": "有效（是/否）"}
READ_ONLY = ("category", "subcategory", "lead_line_name")


class WorkbookFormatError(CatalogEditError):
    """The workbook is not a duty list this program wrote (or was edited into something invalid)."""


def write_workbook(catalog: Catalog, path: Path | str) -> Path:
    """Write ``catalog`` to ``path`` (.xlsx); returns the path."""
    bad = [f"事项 {i.code}：关键词或协办条线含分隔符「{SEP}」" for i in catalog.items
           if any(SEP in k for k in (*i.keywords, *i.co_lines))]
    if bad:
        raise WorkbookFormatError(bad)
    names = line_names()
    wb = Workbook()
    about = wb.active
    about.title = "说明"
    write_table(about, ("项目", "内容"), [("版本", catalog.version), ("生效日期", catalog.effective_from.isoformat()),
                                         ("格式", FORMAT), ("事项数", len(catalog.items)),
                                         ("说明", "可修改后导入为新版本；关键词、协办条线用「；」分隔；"
                                                  "条线、层级、属地规则、紧急程度填代码")], widths=(14, 80))
    nodes = wb.create_sheet("类别")
    rows: list[tuple[Any, ...]] = []
    for category in catalog.categories:
        rows.append((category.code, category.name, "一级"))
        rows.extend((s.code, s.name, "二级") for s in category.subcategories)
    write_table(nodes, ("编码", "名称", "层级"), rows, widths=(10, 30, 8))
    items = wb.create_sheet("事项")
    item_rows = []
    for category in catalog.categories:
        for sub in category.subcategories:
            for item in sub.items:
                flat = flat_item(item)
                values = flat | {"category": category.name, "subcategory": sub.name,
                                 "keywords": SEP.join(item.keywords), "co_lines": SEP.join(item.co_lines),
                                 "lead_line_name": names.get(item.lead_line, ""),
                                 "active": "是" if item.active else "否"}
                item_rows.append(tuple(values[c] for c in ITEM_COLUMNS))
    write_table(items, [HEADERS[c] for c in ITEM_COLUMNS], item_rows,
                widths=(9, 12, 14, 22, 40, 40, 16, 14, 16, 9, 13, 9, 9, 9, 10, 8))
    reference = wb.create_sheet("条线")
    write_table(reference, ("代码", "名称"), sorted(names.items()), widths=(20, 20))
    enums = wb.create_sheet("代码表")
    write_table(enums, ("字段", "代码", "含义"),
                [("办理层级", x.value, x.label) for x in Level]
                + [("属地规则", x.value, {"none": "条线主办", "district_lead": "区政府牵头",
                                          "street_lead": "街道办牵头"}[x.value]) for x in Territorial]
                + [("默认紧急程度", x.value, x.label) for x in Urgency], widths=(14, 16, 14))
    target = Path(path)
    wb.save(target)
    return target


def read_workbook(path: Path | str, known_lines: set[str] | None = None) -> Catalog:
    """The catalogue in a workbook written by ``write_workbook`` (possibly edited).

    Raises ``WorkbookFormatError`` listing every problem (sheet, row, column, what is wrong).
    """
    try:
        wb = load_workbook(Path(path), read_only=True, data_only=True)
    except (OSError, ValueError, KeyError) as bad:
        raise WorkbookFormatError([f"无法读取工作簿 {path}：{bad}"]) from None
    problems: list[str] = []
    for sheet in ("说明", "类别", "事项"):
        if sheet not in wb.sheetnames:
            problems.append(f"缺少工作表「{sheet}」")
    if problems:
        raise WorkbookFormatError(problems)
    about = {str(r[0]): r[1] for r in wb["说明"].iter_rows(min_row=2, values_only=True) if r and r[0]}
    version = _text(about.get("版本"))
    effective = _date(about.get("生效日期"))
    if not version:
        problems.append("工作表「说明」：缺少版本")
    if effective is None:
        problems.append(f"工作表「说明」：生效日期「{about.get('生效日期')}」不是日期")
    nodes: dict[str, str] = {}
    for number, row in enumerate(wb["类别"].iter_rows(min_row=2, values_only=True), 2):
        if not row or all(v is None for v in row):
            continue
        code, name = _text(row[0]), _text(row[1] if len(row) > 1 else None)
        if len(code) not in (2, 4) or not code.isdigit():
            problems.append(f"工作表「类别」第 {number} 行：编码「{code}」必须是 2 位或 4 位数字")
        elif code in nodes:
            problems.append(f"工作表「类别」第 {number} 行：编码 {code} 重复")
        elif not name:
            problems.append(f"工作表「类别」第 {number} 行：名称为空")
        else:
            nodes[code] = name
    for code in nodes:
        if len(code) == 4 and code[:2] not in nodes:
            problems.append(f"工作表「类别」：二级类别 {code} 没有一级类别 {code[:2]}")
    items = _read_items(wb["事项"], nodes, known_lines, problems)
    if problems:
        raise WorkbookFormatError(problems)
    assert effective is not None
    return build_catalog(version, effective, nodes, items.values())


def _read_items(ws: Any, nodes: Mapping[str, str], known_lines: set[str] | None, problems: list[str]
                ) -> dict[str, DutyItem]:
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None) or ()
    by_label = {label: key for key, label in HEADERS.items()}
    columns = {by_label[_text(h)]: n for n, h in enumerate(header) if _text(h) in by_label}
    missing = [HEADERS[c] for c in ITEM_COLUMNS if c not in READ_ONLY and c not in columns]
    if missing:
        problems.append("工作表「事项」缺少列：" + "、".join(missing))
        return {}
    items: dict[str, DutyItem] = {}
    first_row: dict[str, int] = {}
    for number, row in enumerate(rows, 2):
        if not row or all(v is None for v in row):
            continue
        raw = {key: row[n] if n < len(row) else None for key, n in columns.items()}
        code = _text(raw.get("code"))
        if code in first_row:
            problems.append(f"工作表「事项」第 {number} 行：事项编码 {code} 与第 {first_row[code]} 行重复")
            continue
        first_row[code] = number
        flat = {key: raw.get(key) for key in ("code", "lead_line", "level", "territorial", "default_urgency")}
        flat = {k: _text(v) for k, v in flat.items()}
        flat |= {"name": _text(raw.get("name")), "description": _text(raw.get("description"), strip=False),
                 "keywords": _split(raw.get("keywords")), "co_lines": _split(raw.get("co_lines")),
                 "accept_hours": raw.get("accept_hours"), "reply_hours": raw.get("reply_hours"),
                 "close_hours": raw.get("close_hours"), "active": _yes_no(raw.get("active"))}
        item, found = item_from_flat(flat, known_lines)
        where = f"工作表「事项」第 {number} 行"
        problems.extend(f"{where}{_column(p)}：{p.message}" for p in found)
        if item is None:
            continue
        if item.subcategory_code not in nodes:
            problems.append(f"{where}：事项 {item.code} 的二级类别 {item.subcategory_code} 不在「类别」表中")
        else:
            items[item.code] = item
    return items


def _column(problem: FieldProblem) -> str:
    label = HEADERS.get(problem.field, problem.field)
    return f"「{label}」（事项 {problem.code}）" if label else f"（事项 {problem.code}）"


def _text(value: Any, strip: bool = True) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return text.strip() if strip else text


def _split(value: Any) -> list[str]:
    return [part.strip() for part in _text(value).split(SEP) if part.strip()]


def _yes_no(value: Any) -> Any:
    text = _text(value)
    if text in ("是", "1", "True", "TRUE", "true", "Y", "y", ""):
        return True
    if text in ("否", "0", "False", "FALSE", "false", "N", "n"):
        return False
    return text


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(_text(value))
    except ValueError:
        return None
