"""The workbook look: fonts, fills and number formats, shared by handover sheets and reports.

Urgency colours match the console window: urgent ``#C62828`` (red), fast ``#F9A825`` (amber), normal
uncoloured. The urgency cell is filled with the strong colour; the rest of the row gets a light tint
so printed pages stay readable.
"""

from __future__ import annotations

from copy import copy
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray

FONT_NAME = "Noto Sans CJK SC"
URGENT_STRONG = "C62828"
FAST_STRONG = "F9A825"
URGENT_TINT = "FDECEC"
FAST_TINT = "FFF6E5"
HEADER_FILL = "1F3B57"
BAD_TEXT = "B71C1C"
GOOD_TEXT = "1B5E20"

TIME_FORMAT = "yyyy-mm-dd hh:mm"
PCT_FORMAT = "0.0%"
HOURS_FORMAT = "0.0"
INT_FORMAT = "#,##0"

_thin = Side(style="thin", color="BFC5CC")
GRID = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)

KIND_FORMATS = {"time": TIME_FORMAT, "pct": PCT_FORMAT, "hours": HOURS_FORMAT, "int": INT_FORMAT,
                "float": "0.00", "text": "General", "wrap": "General"}


class StyleBook:
    """Prototype styles registered once per workbook; each method returns a registered ``StyleArray`` to
    put on a cell (``cell._style``). Reusing registered arrays is what keeps styled streaming cheap.
    Callers must not mutate a cell's style attributes afterwards (the array may be shared)."""

    def __init__(self, sheet: Any):
        self._sheet = sheet
        self._cache: dict[tuple[str, str | None], StyleArray] = {}

    def _proto(self, key: tuple[str, str | None], **attrs: Any) -> StyleArray:
        found = self._cache.get(key)
        if found is None:
            cell = WriteOnlyCell(self._sheet)
            for name, value in attrs.items():
                setattr(cell, name, value)
            found = self._cache[key] = copy(cell._style)
        return found

    def _cached(self, key: tuple[str, str | None]) -> StyleArray | None:
        return self._cache.get(key)

    def style(self, kind: str, tint: str | None = None) -> StyleArray:
        """A body cell of ``kind`` (text, wrap, time, pct, hours, int, float) on a row tinted ``tint``."""
        attrs: dict[str, Any] = {"font": Font(name=FONT_NAME, size=10), "border": GRID,
                                 "number_format": KIND_FORMATS[kind],
                                 "alignment": Alignment(vertical="top", wrap_text=kind == "wrap")}
        if tint:
            attrs["fill"] = PatternFill("solid", fgColor=tint)
        return copy(self._proto((kind, tint), **attrs))

    def header(self) -> StyleArray:
        return copy(self._proto(("header", None), font=Font(name=FONT_NAME, size=10, bold=True, color="FFFFFF"),
                                fill=PatternFill("solid", fgColor=HEADER_FILL), border=GRID,
                                alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)))

    def urgency(self, urgency: str) -> StyleArray:
        """The urgency cell: strong fill for urgent and fast, plain for normal."""
        found = self._cached((f"u-{urgency}" if urgency in ("urgent", "fast") else "u-normal", None))
        if found is not None:
            return found
        if urgency == "urgent":
            return copy(self._proto(("u-urgent", None), font=Font(name=FONT_NAME, size=10, bold=True, color="FFFFFF"),
                                    fill=PatternFill("solid", fgColor=URGENT_STRONG), border=GRID,
                                    alignment=Alignment(horizontal="center")))
        if urgency == "fast":
            return copy(self._proto(("u-fast", None), font=Font(name=FONT_NAME, size=10, bold=True, color="000000"),
                                    fill=PatternFill("solid", fgColor=FAST_STRONG), border=GRID,
                                    alignment=Alignment(horizontal="center")))
        return copy(self._proto(("u-normal", None), font=Font(name=FONT_NAME, size=10), border=GRID,
                                alignment=Alignment(horizontal="center")))

    def title(self) -> StyleArray:
        return copy(self._proto(("title", None), font=Font(name=FONT_NAME, size=15, bold=True, color=HEADER_FILL)))

    def subtitle(self) -> StyleArray:
        return copy(self._proto(("subtitle", None), font=Font(name=FONT_NAME, size=10, color="555555")))

    def section(self) -> StyleArray:
        return copy(self._proto(("section", None), font=Font(name=FONT_NAME, size=12, bold=True, color=HEADER_FILL),
                                border=Border(bottom=Side(style="medium", color=HEADER_FILL))))

    def note(self) -> StyleArray:
        return copy(self._proto(("note", None), font=Font(name=FONT_NAME, size=11)))

    def label(self) -> StyleArray:
        return copy(self._proto(("label", None), font=Font(name=FONT_NAME, size=10, bold=True), border=GRID,
                                fill=PatternFill("solid", fgColor="EEF2F6"), alignment=Alignment(vertical="top")))

    def figure(self, kind: str, bad: bool = False) -> StyleArray:
        """A key figure: large, red when ``bad``."""
        color = BAD_TEXT if bad else "000000"
        return copy(self._proto((f"fig-{kind}", color), font=Font(name=FONT_NAME, size=13, bold=True, color=color),
                                number_format=KIND_FORMATS[kind], border=GRID,
                                alignment=Alignment(horizontal="right", vertical="top")))


def tint_for(urgency: str) -> str | None:
    return {"urgent": URGENT_TINT, "fast": FAST_TINT}.get(urgency)
