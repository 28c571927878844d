"""Streaming table sheets: header row, typed columns, urgency tints, frozen header, autofilter, print
setup (landscape, fit to page width, header row repeated) and a footer naming the export.

Contract: ``TableSheet.append`` may be called any number of times (memory stays flat: each row goes
straight to a temporary file as ready ``<row>`` XML); ``close`` sets the autofilter over what was
written. The sheet part itself is assembled when the workbook is saved (openpyxl writes the sheet's
top and tail — columns, panes, filter, print setup, charts added after ``close`` — and the rows are
spliced in), so anything openpyxl supports on a write-only sheet may still be set after ``close``.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import WINDOWS_EPOCH, to_excel
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter

from console.domain.clock import ROOM_TZ, to_room_time
from console.exports.cells import EXCEL_MAX_TEXT, clean_text
from console.exports.styles import StyleBook, tint_for


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: Chinese header, width in characters, kind (text, wrap, time, int, pct, hours, float,
    urgency)."""

    header: str
    width: float = 14
    kind: str = "text"


@dataclass(frozen=True, slots=True)
class Footer:
    """What the printed footer says: left (e.g. the shift), centre (page x / y), right (author, export time)."""

    left: str
    right: str
    header: str = ""


def excel_time(value: datetime | None) -> datetime | None:
    """An aware instant as a naive Asia/Shanghai datetime (Excel has no time zones)."""
    if value is None:
        return None
    return to_room_time(value).replace(tzinfo=None)


def abandon(workbook: Workbook) -> None:
    """Close every streaming sheet of a workbook that will not be saved (after a cancel or an error),
    so its temporary files are released and no half-open XML writer is left for the garbage collector."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):  # best effort on an already failing path
            discard = getattr(sheet, "_discard_rows", None)
            if discard is not None:
                discard()
            sheet.close()


def save_book(workbook: Workbook, path: Path, *, compresslevel: int | None = None) -> None:
    """``workbook.save(path)``, with the zip's deflate level chosen: 3 compresses the XML of a typical sheet
    about three times faster than zlib's default 6 for a file about 15 % larger (``None``: the default)."""
    if not workbook.worksheets:
        workbook.create_sheet()
    workbook.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
    archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=compresslevel)
    try:
        ExcelWriter(workbook, archive).save()  # closes the archive
    except BaseException:
        archive.close()
        raise


def setup_print(sheet: Any, footer: Footer, *, title_rows: str | None = "1:1", landscape: bool = True) -> None:
    """Landscape A4 fitted to one page wide, repeated header rows, and the header/footer text."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    # the page header and footer sit 0.25" from the edge, leaving room before the 0.6" body margin (at
    # openpyxl's default 0.5" LibreOffice clipped them to a sliver)
    sheet.page_margins.header = sheet.page_margins.footer = 0.25
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddHeader.center.text = footer.header or "&A"
    sheet.oddHeader.center.size = 10
    sheet.oddFooter.left.text = footer.left.replace("&", "&&")
    sheet.oddFooter.left.size = 8
    sheet.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    sheet.oddFooter.center.size = 8
    sheet.oddFooter.right.text = footer.right.replace("&", "&&")
    sheet.oddFooter.right.size = 8


# one search tells whether a string needs ``clean_text`` at all (control characters, surrogates, U+FFFE/F)
_NEEDS_CLEAN = re.compile(f"{ILLEGAL_CHARACTERS_RE.pattern}|[\ud800-\udfff\ufffe\uffff]")
_NEEDS_ESCAPE = re.compile("[&<>]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_EMPTY_SHEET_DATA = (b"<sheetData></sheetData>", b"<sheetData/>", b"<sheetData />")


def _escape(match: re.Match[str]) -> str:
    return _ESCAPES[match.group()]


_TEXT_CACHE = 4096  # distinct strings remembered per sheet (labels, units, districts repeat row after row)


def _text_tail(value: str) -> str:
    """What follows ``<c r=".." s=".."`` for a string: an inline-string cell (``t="inlineStr"``: text, never a
    formula, whatever its first character), cleaned with ``clean_text`` and XML-escaped; an empty cell
    (``/>``) when nothing is left."""
    if len(value) > EXCEL_MAX_TEXT or _NEEDS_CLEAN.search(value):
        value = clean_text(value)
    if not value:
        return "/>"
    space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
    if _NEEDS_ESCAPE.search(value):
        value = _NEEDS_ESCAPE.sub(_escape, value)
    return f' t="inlineStr"><is><t{space}>{value}</t></is></c>'


def excel_serial(value: datetime) -> float:
    """The Excel serial (1900 date system) of ``value``: aware instants in Asia/Shanghai room time, naive
    ones as they are. Same number as ``openpyxl.utils.datetime.to_excel`` on the room-time datetime."""
    if value.tzinfo is not None:
        value = value.astimezone(ROOM_TZ).replace(tzinfo=None)
    delta = value - WINDOWS_EPOCH
    if delta.days <= 60:  # before 1900-03-01: openpyxl's leap-year-bug adjustment
        return float(to_excel(value))
    return delta.days + (delta.seconds + delta.microseconds * 1e-6) / 86400


class _RowWriter:
    """Writes a write-only sheet's rows as XML text into a temporary file, spliced into the sheet part
    when openpyxl closes the sheet (at save). Per cell it is one type test and one formatted string — no
    cell objects, no XML element building, no per-cell style lookups (style ids are resolved once per
    row style by the caller).

    Contract: values are written exactly as ``TableSheet`` documents (strings always as inline strings —
    never formulas — cleaned of characters XML cannot carry and cut to Excel's limit; numbers as numbers;
    booleans as booleans; datetimes as Excel serials, aware ones in room time); rows are numbered from 1
    in the order written; ``discard`` drops what was written (the sheet is then saved without rows).
    """

    def __init__(self, sheet: Any, columns: int):
        self.sheet = sheet
        self.letters = [get_column_letter(i) for i in range(1, columns + 1)]
        self._cell_styles = sheet.parent._cell_styles
        self._style_ids: dict[bytes, int] = {}
        fd, self.path = tempfile.mkstemp(prefix="dispatch-rows-", suffix=".xml")
        self._out: Any = open(fd, "w", encoding="utf-8", errors="replace", newline="", buffering=1 << 20)  # noqa: SIM115
        self.rows = 0
        self._texts: dict[str, str] = {}  # string → the rest of its cell after the style (bounded)
        self._openpyxl_close = sheet.close
        sheet.close = self._close_sheet  # openpyxl's save closes each sheet: the rows go in then
        sheet._discard_rows = self.discard

    def style_ids(self, styles: Sequence[Any]) -> list[str]:
        """The ``s`` attributes (`` s="N"``) for a row's style arrays, registering new styles once."""
        found = []
        for style in styles:
            key = style.tobytes()  # by content: style arrays may be short-lived copies
            index = self._style_ids.get(key)
            if index is None:
                index = self._style_ids[key] = self._cell_styles.add(style)
            found.append(f' s="{index}"')
        return found

    def write(self, values: Sequence[Any], style_ids: Sequence[str], height: float | None = None) -> None:
        """Append the next row: ``values`` with the matching ``style_ids`` (from ``style_ids``)."""
        self.rows += 1
        r = self.rows
        parts = [f'<row r="{r}" ht="{height}" customHeight="1">' if height is not None else f'<row r="{r}">']
        add = parts.append
        texts = self._texts
        for letter, value, sid in zip(self.letters, values, style_ids, strict=False):
            kind = type(value)
            if kind is str:
                tail = texts.get(value)
                if tail is None:
                    tail = _text_tail(value)
                    if len(texts) >= _TEXT_CACHE:
                        texts.clear()
                    texts[value] = tail
                add(f'<c r="{letter}{r}"{sid}{tail}')
            elif value is None:
                add(f'<c r="{letter}{r}"{sid}/>')
            elif kind is datetime:
                add(f'<c r="{letter}{r}"{sid}><v>{excel_serial(value)!r}</v></c>')
            elif kind is int or kind is float:
                add(f'<c r="{letter}{r}"{sid}><v>{value!r}</v></c>')
            elif kind is bool:
                add(f'<c r="{letter}{r}"{sid} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, datetime):
                add(f'<c r="{letter}{r}"{sid}><v>{excel_serial(value)!r}</v></c>')
            elif isinstance(value, int | float) and not isinstance(value, bool):
                add(f'<c r="{letter}{r}"{sid}><v>{float(value)!r}</v></c>')
            else:  # anything else as its text, never a formula
                add(f'<c r="{letter}{r}"{sid}{_text_tail(str(value))}')
        add("</row>")
        self._out.write("".join(parts))

    def discard(self) -> None:
        """Forget the rows written so far and remove their temporary file."""
        if self._out is not None:
            self._out.close()
            self._out = None
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)

    def _close_sheet(self) -> None:
        """openpyxl's close (top, empty ``sheetData``, tail), then the rows spliced into ``sheetData``."""
        self._openpyxl_close()
        if self._out is None:  # discarded
            return
        self._out.close()
        self._out = None
        part = self.sheet._writer.out
        try:
            with open(part, "rb") as handle:
                skeleton = handle.read()
            for empty in _EMPTY_SHEET_DATA:
                head, found, tail = skeleton.partition(empty)
                if found:
                    break
            else:
                raise RuntimeError("openpyxl wrote no empty <sheetData> to fill")
            with open(part, "wb") as target, open(self.path, "rb") as rows:
                target.write(head)
                target.write(b"<sheetData>")
                shutil.copyfileobj(rows, target, 1 << 20)
                target.write(b"</sheetData>")
                target.write(tail)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)


class TableSheet:
    """One list as a worksheet of a write-only workbook. Rows are sequences matching ``columns``;
    an ``urgency`` value (``urgent``/``fast``/``normal``) tints the row. Strings are always written as
    text (never formulas), aware datetimes in room time, numbers as numbers."""

    def __init__(self, workbook: Workbook, title: str, columns: Sequence[Column], footer: Footer,
                 styles: StyleBook | None = None, empty_text: str = "（本班无记录）"):
        self.sheet = workbook.create_sheet(title)
        self.columns = list(columns)
        self.styles = styles or StyleBook(self.sheet)
        self.empty_text = empty_text
        self.rows = 0
        for index, column in enumerate(self.columns, 1):
            self.sheet.column_dimensions[get_column_letter(index)].width = column.width
        self.sheet.freeze_panes = "A2"
        self.sheet.sheet_view.zoomScale = 100
        setup_print(self.sheet, footer)
        self._urgency_cols = [i for i, c in enumerate(self.columns) if c.kind == "urgency"]
        self._writer = _RowWriter(self.sheet, len(self.columns))
        self._row_styles: dict[str | None, list[str]] = {}
        header = self._writer.style_ids([self.styles.header()] * len(self.columns))
        self._writer.write([c.header for c in self.columns], header, height=30)

    @staticmethod
    def _kind(column: Column) -> str:
        return "text" if column.kind == "urgency" else column.kind

    def _styles_for(self, urgency: str | None) -> list[str]:
        """Style ids of a row of ``urgency``: tinted for urgent and fast, the urgency cell in the strong
        colour (resolved once per urgency and sheet)."""
        found = self._row_styles.get(urgency)
        if found is not None:
            return found
        tint = tint_for(urgency or "")
        styles = [self.styles.style(self._kind(c), tint) for c in self.columns]
        if urgency:
            strong = self.styles.urgency(urgency)
            for index in self._urgency_cols:
                styles[index] = strong
        found = self._row_styles[urgency] = self._writer.style_ids(styles)
        return found

    def append(self, values: Sequence[Any], urgency: str | None = None) -> None:
        """Write one row; a column of kind ``urgency`` receives the urgency *label* and the strong colour."""
        if len(values) != len(self.columns):
            raise ValueError(f"row has {len(values)} values for {len(self.columns)} columns")
        self.rows += 1
        self._writer.write(values, self._row_styles.get(urgency) or self._styles_for(urgency))

    def close(self) -> None:
        """Autofilter over the header and every row written; a note row when the list is empty."""
        last = get_column_letter(len(self.columns))
        if self.rows == 0:
            self._writer.write([self.empty_text], self._writer.style_ids([self.styles.subtitle()]))
            return
        self.sheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"
