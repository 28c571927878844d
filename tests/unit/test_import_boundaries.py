"""Architecture rules: the core never imports Qt, qasync or the UI; the UI never imports SQLAlchemy or
``console.db`` directly. Checked statically over every module (import-linter contracts in pyproject.toml)
and dynamically (importing the whole core loads no Qt)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_modules_import_no_qt_qasync_or_ui() -> None:
    offenders = {str(p.relative_to(ROOT)): sorted(n for n in _imports(p) if n.split(".")[0] in
                                                  {"PySide6", "qasync", "ui", "shiboken6"})
                 for p in (ROOT / "console").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_ui_modules_do_not_import_sqlalchemy_or_the_db_layer() -> None:
    offenders = {str(p.relative_to(ROOT)): sorted(n for n in _imports(p) if n.split(".")[0] == "sqlalchemy"
                                                  or n == "console.db" or n.startswith("console.db."))
                 for p in (ROOT / "ui").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_the_whole_core_loads_no_qt() -> None:
    code = ("import importlib, pkgutil, sys, console\n"
            "for m in pkgutil.walk_packages(console.__path__, 'console.'):\n"
            "    m.name.endswith('__main__') or importlib.import_module(m.name)\n"
            "bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6', 'qasync', 'ui', 'shiboken6')]\n"
            "print(bad); sys.exit(1 if bad else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_linter_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
