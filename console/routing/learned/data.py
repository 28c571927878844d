"""Reading labelled message tables (CSV) for training and testing, with precise error messages.

Contract: :func:`read_labelled_csv` returns every data row of a UTF-8 (BOM allowed) CSV with a
header, as parallel lists; any problem raises :class:`DatasetError` whose message names the file
and, where it applies, the column and the 1-based line of the file (the header is line 1; a row
spanning several physical lines is named by its first). Nothing is silently skipped.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

csv.field_size_limit(16 * 1024 * 1024)


class DatasetError(ValueError):
    """The file cannot be used as labelled data; the message is meant for the user as is."""


@dataclass(frozen=True, slots=True)
class LabelledRows:
    """Rows of a labelled table. ``titles`` is ``None`` when no title column was asked for;
    ``extra`` holds the requested optional columns that exist (e.g. ``peer_prediction``)."""

    path: Path
    texts: list[str]
    labels: list[str]
    titles: list[str] | None
    extra: dict[str, list[str]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.texts)


def read_labelled_csv(
    path: str | Path,
    text_col: str,
    label_col: str,
    title_col: str | None = None,
    optional_cols: tuple[str, ...] = (),
) -> LabelledRows:
    """Read ``path``; every row needs a non-empty label and a non-empty text or title."""
    source = Path(path)
    if not source.is_file():
        raise DatasetError(f"{source}: file not found")
    try:
        with source.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            try:
                header = next(reader)
            except StopIteration:
                raise DatasetError(f"{source}: empty file (no header line)") from None
            columns = [h.strip() for h in header]
            wanted = [("text", text_col), ("label", label_col)] + ([("title", title_col)] if title_col else [])
            index: dict[str, int] = {}
            for role, name in wanted:
                if name not in columns:
                    raise DatasetError(f"{source}: no {role} column {name!r} (columns: {', '.join(columns) or 'none'})")
                index[role] = columns.index(name)
            extra_index = {c: columns.index(c) for c in optional_cols if c in columns}
            texts: list[str] = []
            labels: list[str] = []
            titles: list[str] = []
            extra: dict[str, list[str]] = {c: [] for c in extra_index}
            line = reader.line_num
            for row in reader:
                start, line = line + 1, reader.line_num
                if not row or all(not cell.strip() for cell in row):
                    continue
                if len(row) < len(columns):
                    row = row + [""] * (len(columns) - len(row))
                label = row[index["label"]].strip()
                if not label:
                    raise DatasetError(f"{source} line {start}: empty label in column {label_col!r}")
                text = row[index["text"]]
                title = row[index["title"]] if title_col else ""
                if not text.strip() and not title.strip():
                    raise DatasetError(f"{source} line {start}: empty text in column {text_col!r}")
                texts.append(text)
                labels.append(label)
                titles.append(title)
                for c, i in extra_index.items():
                    extra[c].append(row[i].strip())
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{source}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except csv.Error as exc:
        raise DatasetError(f"{source} line {reader.line_num}: malformed CSV ({exc})") from exc
    except OSError as exc:
        raise DatasetError(f"{source}: cannot read ({exc.strerror or exc})") from exc
    if not texts:
        raise DatasetError(f"{source}: no data rows")
    return LabelledRows(source, texts, labels, titles if title_col else None, extra)
