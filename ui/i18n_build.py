"""Maintain the English catalogue: ``python -m ui.i18n_build`` collects every ``t("…")``, ``N_("…")`` and
``record("…")`` literal of the ui package plus the core's labels shown through ``t(label)`` (enums, actions,
views, the handover workbook's headers), merges them into ``resources/translations/dispatch_console_en.ts``
(existing translations kept, new strings marked unfinished) and compiles it to ``.qm`` with
``pyside6-lrelease`` (shipped in the PySide6 wheel). Build-time tool; no Qt objects are created.

English text is written in the ``.ts`` file (``<translation>`` of each ``<message>``); rerunning the tool
keeps it. ``python -m ui.i18n_build --check`` lists Chinese literals of ``ui/`` that bypass the catalogue
(``untranslated_literals``) and exits non-zero when there are any."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ui.i18n import CONTEXT, N_, TRANSLATIONS

UI_DIR = Path(__file__).resolve().parent
TS_FILE = TRANSLATIONS / "dispatch_console_en.ts"


MARKERS = ("t", "N_", "record")  # ui.i18n: translate now, table entry, canonical record text
# Module-level tables whose Chinese entries ``label_sources`` reads (ui.actions, every extension module's
# COMMANDS, ui.countdown), and the calls that build their entries.
LABEL_TABLES = ("ACTIONS", "MENUS", "COMMANDS", "DUE_KIND_LABELS")
TABLE_CALLS = ("ActionSpec",)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _marked(node: ast.AST, names: tuple[str, ...]) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names


def literal_sources() -> list[str]:
    """Every string literal passed as the first argument of ``t``, ``N_`` or ``record`` in the ui package."""
    found: list[str] = []
    for path in sorted(UI_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if _marked(node, MARKERS) and node.args and isinstance(node.args[0], ast.Constant) and \
                    isinstance(node.args[0].value, str):
                found.append(node.args[0].value)
    return found


def untranslated_literals() -> list[tuple[str, int, str]]:
    """(path relative to ui/, line, text) of every string constant of the ui package that holds Chinese
    (CJK characters or full-width punctuation) and is neither a docstring, nor the first argument of a
    marker (``t``/``N_``/``record``), nor an argument of a command table entry (``ActionSpec``). F-string
    pieces count: ``f"已导出 {n}"`` is reported, ``t("已导出 {n}").format(n=n)`` is not. Entries of the label
    tables (``LABEL_TABLES``, ``ActionSpec(...)``) are left to ``label_sources``."""
    found: list[tuple[str, int, str]] = []
    for path in sorted(UI_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        exempt: set[int] = set()
        for node in ast.walk(tree):
            if _marked(node, MARKERS) and node.args:
                exempt.add(id(node.args[0]))
            elif _marked(node, TABLE_CALLS) or (isinstance(node, ast.Assign | ast.AnnAssign) and any(
                    isinstance(target, ast.Name) and target.id in LABEL_TABLES
                    for target in (node.targets if isinstance(node, ast.Assign) else [node.target]))):
                exempt.update(id(inner) for inner in ast.walk(node) if isinstance(inner, ast.Constant))
            elif isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and \
                    node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
                exempt.add(id(node.body[0].value))
        relative = path.relative_to(UI_DIR).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in exempt and \
                    CJK.search(node.value):
                found.append((relative, node.lineno, node.value))
    return sorted(found)


def label_sources() -> list[str]:
    """Labels of the core and of the action/view tables that the window shows through ``t(label)``."""
    from console.domain import enums
    from console.domain.lifecycle import ACTION_LABELS
    from console.domain.sla import ClockKind
    from console.queries.rows import RoutingHint
    from console.queries.views import builtin_views
    from ui.actions import ACTIONS, MENUS
    from ui.countdown import DUE_KIND_LABELS

    labels: list[str] = []
    for enum in (enums.Kind, enums.Channel, enums.Urgency, enums.Role, enums.TicketStatus, enums.AssignmentRole,
                 enums.AssignmentState, enums.ReturnReason, enums.Rating, ClockKind):
        labels.extend(member.label for member in enum)
    labels.extend(ACTION_LABELS.values())
    labels.extend(DUE_KIND_LABELS.values())
    labels.extend(MENUS)
    for action in ACTIONS:
        labels.extend((action.label, action.help))
    from ui.extensions import loaded_modules

    for module in loaded_modules():
        for command in getattr(module, "COMMANDS", ()):
            labels.extend((command.spec.label, command.spec.help))
    labels.extend(v.name for v in builtin_views(enums.Role.SUPERVISOR))
    labels.extend(RoutingHint("", "", s, None).source_label for s in ("citizen", "current", "review", "router"))
    labels.extend((N_("按时完成"), N_("已超时")))
    labels.extend(member.label for member in enums.Level)
    labels.extend(_admin_labels())
    labels.extend(_handover_labels())
    return labels


def _admin_labels() -> list[str]:
    """The duty-list editor's field names and check kinds (shown through ``t(label)`` in ui.admin)."""
    from console.catalog_admin.checks import KINDS
    from console.catalog_admin.fields import FIELD_LABELS

    return [*FIELD_LABELS.values(), *KINDS.values()]


def _handover_labels() -> list[str]:
    """The handover workbook's words that the composer shows through ``t(…)``: sheet titles, column headers,
    figures with their notes, and the fixed cell words (the lists show what the workbook holds)."""
    from console.exports.handover_book import FIGURE_NOTES, FIGURES, KIND_LABELS, list_sheets
    from console.exports.labels import CLOCK_CATEGORY, EXTENSION_OUTCOME

    class NoRows:
        def __getattr__(self, _name: str) -> tuple[()]:
            return ()

    labels: list[str] = []
    for title, columns, _items, _to_row in list_sheets(NoRows()):  # type: ignore[arg-type]
        labels.append(title)
        labels.extend(c.header for c in columns)
    labels.extend(name for name, _attr, _kind, _red in FIGURES)
    labels.extend(FIGURE_NOTES.values())
    labels.extend((*KIND_LABELS.values(), *CLOCK_CATEGORY.values(), *EXTENSION_OUTCOME.values()))
    labels.extend((N_("首次分拨"), N_("再次分拨"), N_("按时"), N_("超时"), N_("（分拨席）")))
    return labels


def read_translations(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()
    result = {}
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is not None and translation.text and translation.get("type") != "unfinished":
            result[source] = translation.text
    return result


def write_ts(path: Path, sources: list[str], translations: dict[str, str]) -> int:
    """Write the catalogue; returns how many strings lack a translation."""
    root = ET.Element("TS", version="2.1", language="en", sourcelanguage="zh_CN")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    missing = 0
    for source in sources:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source in translations:
            translation.text = translations[source]
        else:
            translation.set("type", "unfinished")
            missing += 1
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        handle.write(ET.tostring(root, encoding="utf-8"))
    return missing


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    return found


def main() -> int:
    if "--check" in sys.argv[1:]:
        found = untranslated_literals()
        for path, line, text in found:
            print(f"ui/{path}:{line}: {text!r}")
        return 1 if found else 0
    sources = list(dict.fromkeys(literal_sources() + label_sources()))
    missing = write_ts(TS_FILE, sources, read_translations(TS_FILE))
    qm = TS_FILE.with_suffix(".qm")
    subprocess.run([lrelease(), "-silent", str(TS_FILE), "-qm", str(qm)], check=True)
    print(f"{TS_FILE.name}: {len(sources)} strings, {missing} untranslated → {qm.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
