"""Functional lines (条线) from ``resources/reference/lines.csv``."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from console.reference import RESOURCES


@dataclass(frozen=True, slots=True)
class Line:
    code: str
    name_zh: str
    name_en: str
    typical_matters: tuple[str, ...]


@cache
def load_lines(path: Path | None = None) -> tuple[Line, ...]:
    """Every line, in file order."""
    with open(path or RESOURCES / "reference" / "lines.csv", encoding="utf-8", newline="") as handle:
        return tuple(
            Line(row["code"], row["name_zh"], row["name_en"], tuple(row["typical_matters"].split()))
            for row in csv.DictReader(handle)
        )


def line_names() -> dict[str, str]:
    """Line code → Chinese name."""
    return {line.code: line.name_zh for line in load_lines()}
