"""Reference data shipped in ``resources/``: lines, territories, units, the duty list."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
