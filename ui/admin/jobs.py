"""Work the duty-list editor sends to the DB worker thread. Plain functions, no Qt: each takes the
``ServiceContext`` first and returns immutable values; none may run on the GUI thread.

The editor keeps a ``Draft`` (the base version plus pending edits, or a whole imported catalogue) and asks
these functions to load, check, preview, save, diff, import and export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from console.catalog_admin.checks import CheckReport, check_catalog
from console.catalog_admin.diff import CatalogDiff, diff_catalogs, diff_versions
from console.catalog_admin.edits import Edit, apply_edits
from console.catalog_admin.impact import ImpactPreview, preview_impact
from console.catalog_admin.versions import (
    VersionInfo,
    VersionSaved,
    known_lines,
    latest_version,
    list_versions,
    publish_catalog,
    publish_edits,
)
from console.catalog_admin.workbook import read_workbook, write_workbook
from console.domain.catalog import Catalog
from console.domain.clock import to_room_time
from console.domain.ticket import Actor
from console.reference.lines import line_names
from console.services.catalog_store import load_version
from console.services.context import ServiceContext

PREVIEW_VERSION = "（待保存）"


@dataclass(frozen=True)
class EditorState:
    """What the editor opens with: the newest stored version (the base of the next one), every stored version,
    the known line codes with their names, and today's date in room time."""

    base: Catalog
    versions: tuple[VersionInfo, ...]
    lines: dict[str, str]
    today: date


@dataclass(frozen=True)
class Draft:
    """The next version being prepared: ``base`` plus ``edits`` in order, or ``imported`` (a whole catalogue
    read from a workbook, replacing the base). Immutable: the editor replaces it on every change."""

    base: Catalog
    edits: tuple[Edit, ...] = ()
    imported: Catalog | None = None
    source: str = ""

    @property
    def empty(self) -> bool:
        return not self.edits and self.imported is None

    def with_edit(self, edit: Edit) -> Draft:
        return Draft(self.base, (*self.edits, edit), self.imported, self.source)

    def without(self, index: int) -> Draft:
        return Draft(self.base, self.edits[:index] + self.edits[index + 1:], self.imported, self.source)

    def candidate(self, lines: Sequence[str], *, effective_from: date | None = None,
                  version: str = PREVIEW_VERSION) -> Catalog:
        """The catalogue the draft would store. Raises ``CatalogEditError`` listing every problem of the edits."""
        when = effective_from or self.base.effective_from
        if self.imported is not None:
            base = Catalog(version, when, self.imported.categories)
            if not self.edits:
                return base
        else:
            base = self.base
        if not self.edits:
            return Catalog(version, when, base.categories)
        return apply_edits(base, self.edits, version=version, effective_from=when, known_lines=lines).catalog


@dataclass(frozen=True)
class Preview:
    """Before saving: the diff from the base, the list checks and the impact on tickets."""

    diff: CatalogDiff
    checks: CheckReport
    impact: ImpactPreview


def load_state(ctx: ServiceContext) -> EditorState:
    with ctx.db.reader() as session:
        base = load_version(session, latest_version(session))
        versions = tuple(list_versions(session))
        codes = known_lines(session)
    names = line_names()
    return EditorState(base, versions, {code: names.get(code, code) for code in sorted(codes)},
                       to_room_time(ctx.clock.now()).date())


def preview(ctx: ServiceContext, draft: Draft, lines: Sequence[str], effective_from: date, days: int = 30) -> Preview:
    """Checks and impact of the draft as if it took effect now (tickets open now, received in ``days`` days)."""
    candidate = draft.candidate(lines, effective_from=effective_from)
    with ctx.db.reader() as session:
        checks = check_catalog(session, candidate)
        impact = preview_impact(session, candidate, at=ctx.clock.now(), days=days)
    return Preview(diff_catalogs(draft.base, candidate), checks, impact)


def save(ctx: ServiceContext, actor: Actor, draft: Draft, lines: Sequence[str], *, effective_from: date,
         reason: str, version: str | None = None) -> VersionSaved:
    """Store the draft as a new version based on ``draft.base`` (errors from the core pass through)."""
    if draft.imported is not None:
        candidate = draft.candidate(lines, effective_from=effective_from)
        return publish_catalog(ctx, actor, candidate, effective_from=effective_from, reason=reason,
                               version=version or None, base_version=draft.base.version)
    return publish_edits(ctx, actor, draft.edits, effective_from=effective_from, reason=reason,
                         version=version or None, base_version=draft.base.version)


def diff(ctx: ServiceContext, old: str, new: str) -> CatalogDiff:
    with ctx.db.reader() as session:
        return diff_versions(session, old, new)


def export_version(ctx: ServiceContext, version: str, path: Path) -> Path:
    with ctx.db.reader() as session:
        catalog = load_version(session, version)
    return write_workbook(catalog, path)


def export_catalog(catalog: Catalog, path: Path) -> Path:
    return write_workbook(catalog, path)


def import_workbook(ctx: ServiceContext, path: Path) -> Catalog:
    """The catalogue in the workbook (``WorkbookFormatError`` names sheet, row and column of every problem)."""
    with ctx.db.reader() as session:
        lines = known_lines(session)
    return read_workbook(path, lines)


def write_report(path: Path, results: Sequence[object]) -> Path:
    from console.analytics.sheets import write_workbook as write_sheets

    return write_sheets(path, results)

