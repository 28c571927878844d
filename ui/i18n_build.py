"""Maintain the English catalogue: ``python -m ui.i18n_build`` collects every ``t("…")`` literal of the ui
package plus the core's labels shown through ``t(label)`` (enums, actions, views), merges them into
``resources/translations/dispatch_console_en.ts`` (existing translations kept, new strings marked
unfinished) and compiles it to ``.qm`` with ``pyside6-lrelease`` (shipped in the PySide6 wheel).
Build-time tool; no Qt objects are created."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ui.i18n import CONTEXT, TRANSLATIONS

UI_DIR = Path(__file__).resolve().parent
TS_FILE = TRANSLATIONS / "dispatch_console_en.ts"


def literal_sources() -> list[str]:
    """Every string literal passed as the first argument of ``t(...)`` in the ui package."""
    found: list[str] = []
    for path in sorted(UI_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and \
                    node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.append(node.args[0].value)
    return found


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
    labels.extend(("按时完成", "已超时"))
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
    sources = list(dict.fromkeys(literal_sources() + label_sources()))
    missing = write_ts(TS_FILE, sources, read_translations(TS_FILE))
    qm = TS_FILE.with_suffix(".qm")
    subprocess.run([lrelease(), "-silent", str(TS_FILE), "-qm", str(qm)], check=True)
    print(f"{TS_FILE.name}: {len(sources)} strings, {missing} untranslated → {qm.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
