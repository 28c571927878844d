"""Evaluation of the router on labelled cases (the format of ``shared/reference/routing-dev.jsonl``).

Metrics (see that README): lead top-1 and top-3 against ``acceptable_lines``; district accuracy
over cases with a non-null ``expected_district``; urgency accuracy; macro top-1 over expected
lines; per-ticket latency percentiles; plus per-line breakdown, confusion pairs, co-line recall.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.routing.engine import RoutingEngine

REQUIRED = ("text", "expected_line")


class CaseFileError(ValueError):
    """A cases file cannot be used; the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled request."""

    id: str
    text: str
    district: str | None
    expected_district: str | None
    expected_line: str
    acceptable_lines: tuple[str, ...]
    co_lines: tuple[str, ...]
    expected_urgency: str | None


def _case(raw: Any, where: str) -> Case:
    if not isinstance(raw, dict):
        raise CaseFileError(f"{where}: expected a JSON object, got {type(raw).__name__}")
    for key in REQUIRED:
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise CaseFileError(f"{where}: field {key!r} must be a non-empty string")
    acceptable = raw.get("acceptable_lines") or [raw["expected_line"]]
    if not isinstance(acceptable, list) or not all(isinstance(x, str) for x in acceptable):
        raise CaseFileError(f"{where}: field 'acceptable_lines' must be a list of strings")
    for key in ("district", "expected_district", "expected_urgency"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise CaseFileError(f"{where}: field {key!r} must be a string or null")
    return Case(
        id=str(raw.get("id", where)),
        text=raw["text"],
        district=raw.get("district"),
        expected_district=raw.get("expected_district"),
        expected_line=raw["expected_line"],
        acceptable_lines=tuple(acceptable),
        co_lines=tuple(raw.get("co_lines") or ()),
        expected_urgency=raw.get("expected_urgency"),
    )


def read_cases(path: Path) -> list[Case]:
    """Parse a JSON-lines cases file; blank lines are skipped. Raises :class:`CaseFileError`."""
    try:
        content = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise CaseFileError(f"{path}: not UTF-8 text ({exc.reason})") from None
    cases = []
    for lineno, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CaseFileError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        cases.append(_case(raw, where))
    if not cases:
        raise CaseFileError(f"{path}: no cases")
    return cases


@dataclass(frozen=True, slots=True)
class CaseOutcome:
    """What the router said about one case."""

    case: Case
    lines: tuple[str, ...]
    district: str | None
    urgency: str
    ms: float
    co_lines: tuple[str, ...] = ()

    @property
    def top1(self) -> bool:
        return bool(self.lines) and self.lines[0] in self.case.acceptable_lines

    @property
    def top3(self) -> bool:
        return any(line in self.case.acceptable_lines for line in self.lines[:3])


@dataclass
class EvalReport:
    """Headline figures (``headline()``) plus breakdowns for people."""

    n: int
    lead_top1: float
    lead_top3: float
    district_acc: float
    urgency_acc: float
    macro_lead_top1: float
    p50_ms: float
    p99_ms: float
    co_line_recall: float
    per_line: dict[str, dict[str, float]] = field(default_factory=dict)
    confusion: list[tuple[str, str, int]] = field(default_factory=list)
    outcomes: list[CaseOutcome] = field(default_factory=list)

    def headline(self) -> dict[str, float | int]:
        """The figures printed by ``routing eval --json``."""
        return {
            "n": self.n,
            "lead_top1": round(self.lead_top1, 4),
            "lead_top3": round(self.lead_top3, 4),
            "district_acc": round(self.district_acc, 4),
            "urgency_acc": round(self.urgency_acc, 4),
            "macro_lead_top1": round(self.macro_lead_top1, 4),
            "p50_ms": round(self.p50_ms, 3),
            "p99_ms": round(self.p99_ms, 3),
            "co_line_recall": round(self.co_line_recall, 4),
        }


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in [0, 100]) of non-empty ``values``."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def run_cases(engine: RoutingEngine, cases: Sequence[Case]) -> list[CaseOutcome]:
    """Route every case, timing each ``propose`` call."""
    outcomes = []
    for case in cases:
        start = time.perf_counter()
        proposal = engine.propose(case.text, case.district)
        ms = (time.perf_counter() - start) * 1000
        outcomes.append(CaseOutcome(case, tuple(proposal.line_codes), proposal.district,
                                    proposal.urgency.urgency.value, ms, proposal.co_lines))
    return outcomes


def evaluate(engine: RoutingEngine, cases: Sequence[Case]) -> EvalReport:
    """Route ``cases`` and compute the report."""
    return report(run_cases(engine, cases))


def report(outcomes: Sequence[CaseOutcome]) -> EvalReport:
    """Figures over routed cases; ``outcomes`` must not be empty."""
    n = len(outcomes)
    located = [o for o in outcomes if o.case.expected_district is not None]
    by_line: dict[str, list[CaseOutcome]] = {}
    for o in outcomes:
        by_line.setdefault(o.case.expected_line, []).append(o)
    per_line = {
        line: {"n": len(group), "top1": sum(o.top1 for o in group) / len(group),
               "top3": sum(o.top3 for o in group) / len(group)}
        for line, group in sorted(by_line.items())
    }
    confusion = Counter(
        (o.case.expected_line, o.lines[0] if o.lines else "-") for o in outcomes if not o.top1
    )
    co_total = sum(len(o.case.co_lines) for o in outcomes)
    co_hit = sum(sum(c in o.co_lines for c in o.case.co_lines) for o in outcomes)
    ms = [o.ms for o in outcomes]
    return EvalReport(
        n=n,
        lead_top1=sum(o.top1 for o in outcomes) / n,
        lead_top3=sum(o.top3 for o in outcomes) / n,
        district_acc=(sum(o.district == o.case.expected_district for o in located) / len(located)
                      if located else 1.0),
        urgency_acc=sum(o.urgency == o.case.expected_urgency for o in outcomes) / n,
        macro_lead_top1=sum(v["top1"] for v in per_line.values()) / len(per_line),
        p50_ms=percentile(ms, 50),
        p99_ms=percentile(ms, 99),
        co_line_recall=co_hit / co_total if co_total else 1.0,
        per_line=per_line,
        confusion=[(e, p, c) for (e, p), c in confusion.most_common()],
        outcomes=list(outcomes),
    )
