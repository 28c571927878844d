"""Learning from reviewers: every accept or correction recorded with a dispatch becomes training data;
``retrain`` fits the learned classifier on them (item codes as labels), stores it in the database as the
active model, and every workstation blends it into routing (``load_active_scorer``). Each suggestion then
records the model version that made it (the engine's ``model_version``).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from console.db.engine import Database
from console.db.schema import EventRow, RoutingModelRow, TicketRow
from console.db.uow import UnitOfWork
from console.routing.learned import ReviewDecision, TextClassifier
from console.routing.learned.features import BlockSpec
from console.routing.learned.model import ClassifierConfig
from console.routing.learned.training import examples_from_reviews

MIN_EXAMPLES = 200
MAX_EXAMPLES = 20_000  # the newest decisions: keeps a periodic retrain within minutes
# Item codes are hundreds of labels: cap each feature block so the model stays small and quick to train,
# and calibrate with two folds instead of three.
ITEM_MODEL = ClassifierConfig(calibration_folds=2, blocks=(
    BlockSpec("char", "char", "body", max_features=40_000),
    BlockSpec("word", "word", "body", max_features=20_000),
    BlockSpec("title", "char", "title", max_features=10_000),
))


class LearnedItemScorer:
    """``console.routing.ranker.ItemScorer`` over a classifier whose labels are duty-item codes."""

    def __init__(self, classifier: TextClassifier, top_k: int = 10):
        self.classifier = classifier
        self.top_k = top_k

    @property
    def version(self) -> str:
        return self.classifier.model_version

    def item_probabilities(self, text: str) -> Mapping[str, float]:
        (ranked,) = self.classifier.predict_proba([text], top_k=self.top_k)
        return {p.label: p.probability for p in ranked}


@dataclass(frozen=True)
class RetrainResult:
    version: str
    examples: int
    labels: int
    train_seconds: float


def review_decisions(session: Session, since: datetime | None = None) -> list[ReviewDecision]:
    """Every reviewed dispatch (accepted or corrected) with the ticket's text, oldest first."""
    decision = EventRow.data["review"]["decision"].as_string()
    query = (select(EventRow.id, EventRow.data, TicketRow.text, TicketRow.title)
             .join(TicketRow, TicketRow.id == EventRow.ticket_id)
             .where(EventRow.action == "dispatch", decision.in_(["accepted", "corrected"])))
    if since is not None:
        query = query.where(EventRow.at >= since)
    found = []
    for event_id, data, text, title in session.execute(query.order_by(EventRow.id)):
        review = data["review"]
        found.append(ReviewDecision(text=text, final=review.get("chosen_item") or "", title=title,
                                    proposed=review.get("suggested_item"),
                                    accepted=review.get("decision") == "accepted", decided_at=event_id,
                                    reason=review.get("reason") or ""))
    return found


def retrain(db: Database, *, now: datetime, min_examples: int = MIN_EXAMPLES, max_examples: int = MAX_EXAMPLES,
            config: ClassifierConfig = ITEM_MODEL) -> RetrainResult | None:
    """Train on the latest ``max_examples`` review decisions and make the result the active model. None when
    there are fewer than ``min_examples`` usable decisions or fewer than two items (the cold-start engine
    keeps routing alone)."""
    with db.reader() as session:
        decisions = review_decisions(session)
    examples = examples_from_reviews(decisions[-max_examples:])
    if len(examples) < min_examples or len(set(examples.labels)) < 2:
        return None
    started = time.perf_counter()
    classifier = TextClassifier(config).fit(examples.texts, examples.labels, examples.titles)
    seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        path = classifier.save(Path(folder) / "model.npz")
        data = path.read_bytes()
    with UnitOfWork(db) as uow:
        uow.session.execute(update(RoutingModelRow).values(active=False))
        uow.session.add(RoutingModelRow(version=classifier.model_version, created_at=now, examples=len(examples),
                                        labels=len(set(examples.labels)), train_seconds=round(seconds, 2),
                                        active=True, data=data))
        uow.commit()
    return RetrainResult(classifier.model_version, len(examples), len(set(examples.labels)), seconds)


def load_active_scorer(db: Database) -> LearnedItemScorer | None:
    """The active learned model, or None when none has been trained yet."""
    with db.reader() as session:
        data = session.scalar(select(RoutingModelRow.data).where(RoutingModelRow.active)
                              .order_by(RoutingModelRow.id.desc()).limit(1))
    if data is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.npz"
        path.write_bytes(data)
        return LearnedItemScorer(TextClassifier.load(path))
