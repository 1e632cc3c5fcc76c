"""Suggesting the lead agency for a new petition from the platform's own past routing decisions.

A multinomial naive Bayes classifier over Chinese-aware features (character 1–3-grams of NFKC-
normalised text with 台 read as 臺, plus Latin and digit words), written in plain Python so that the
platform needs no numerical library. It only *suggests*: a person always assigns.

What it learns from: every petition whose case has a standing lead agency — the agency that the
Secretariat assigned and that did not hand the case back. An assignment that was returned as not
competent (改分) clears the case's lead agency, so it never counts as a positive example; and when the
Secretariat re-routes a returned case, the agencies that already returned it are left out of its
suggestions (`exclude`).

Confidences are calibrated: the per-feature average log-likelihood is multiplied by a sharpness that is
fitted on held-out decisions (minimum negative log-likelihood) and passed through a softmax, so the
probabilities of all agencies sum to 1 and a "70 %" is right about 70 % of the time.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models.functions import Substr

from secretariat.accounts.models import Agency
from secretariat.cases.models import CaseStatus
from secretariat.core.actors import Actor
from secretariat.core.changes import SYSTEM, record_change
from secretariat.petitions.models import Petition, RoutingModel

FORMAT = 1
MAX_NGRAM = 3
SUBJECT_CHARS = 200
# The gist of a petition is in its first paragraphs; reading more costs training time, not accuracy.
CONTENT_CHARS = 600
VOCABULARY_CAP = 50_000
# Additive (Lidstone) smoothing. On the demo half-year's 1,000 petitions (41 agencies) held-out accuracy
# is 78 % with Laplace's 1, 83 % with 0.5 and 91 % with 0.1: a large alpha lets agencies with few
# petitions win on words never seen for them.
ALPHA = 0.1
DEFAULT_SHARPNESS = 8.0  # used until there are enough held-out decisions to fit it (the demo fits ~9)
MIN_HELD_OUT_FOR_FIT = 30
HELD_OUT_EVERY = 5  # every fifth decision of each agency is held out for the accuracy measure
HELD_OUT_CAP = 1_000
# Bounds memory while counting: above this many (agency, n-gram) counts, the rarest are dropped (they
# would mostly fall below the minimum document frequency anyway).
COUNTING_CAP = 1_000_000
KEEP_MODELS = 3
MIN_CONFIDENCE = 0.01  # an agency below 1 % is noise, not a suggestion

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_TOKEN = re.compile(f"[{_CJK}]+|[a-z0-9]+")
_VARIANTS = str.maketrans({"台": "臺"})


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII, compatibility ideographs unified), 台 → 臺,
    lower case: the same folding as the platform's search."""
    return unicodedata.normalize("NFKC", text or "").translate(_VARIANTS).lower()


def tokens(text: str) -> Iterator[str]:
    """Runs of CJK characters and Latin/digit words, in order."""
    return (match.group() for match in _TOKEN.finditer(normalise(text)))


def features(subject: str, content: str) -> set[str]:
    """The distinct features of one petition: CJK 1–3-grams within each run, and whole words.
    Counting each once per petition (binary) keeps a long letter from outweighing a short one."""
    found: set[str] = set()
    for token in tokens(f"{subject[:SUBJECT_CHARS]}\n{content[:CONTENT_CHARS]}"):
        if token[0].isascii():
            found.add(token)
            continue
        for size in range(1, MAX_NGRAM + 1):
            found.update(token[i:i + size] for i in range(len(token) - size + 1))
    return found


@dataclass(frozen=True)
class Suggestion:
    agency_id: int
    short_name: str
    confidence: float  # 0–1; the confidences of all agencies sum to 1


# --- The trained model in memory -------------------------------------------------------------------


@dataclass
class Classifier:
    """Naive Bayes parameters in the compact form stored in RoutingModel.parameters."""

    classes: list[int]
    class_docs: list[int]
    grams: dict[str, dict[int, int]]  # n-gram → {class index: petitions of that class containing it}
    sharpness: float = DEFAULT_SHARPNESS
    alpha: float = ALPHA
    _log_prior: list[float] = field(default_factory=list, repr=False)
    _log_unseen: list[float] = field(default_factory=list, repr=False)
    _log_denominator: list[float] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        totals = [0] * len(self.classes)
        for per_class in self.grams.values():
            for index, count in per_class.items():
                totals[index] += count
        vocabulary = max(len(self.grams), 1)
        docs = sum(self.class_docs) or 1
        self._log_prior = [math.log(max(n, 1) / docs) for n in self.class_docs]
        self._log_denominator = [math.log(total + self.alpha * vocabulary) for total in totals]
        self._log_unseen = [math.log(self.alpha) - d for d in self._log_denominator]

    def average_log_likelihood(self, found: Iterable[str]) -> tuple[list[float], int]:
        """Per class, the mean log P(feature | class) over the known features; and how many there were."""
        known = [self.grams[f] for f in found if f in self.grams]
        if not known:
            return [], 0
        sums = [u * len(known) for u in self._log_unseen]
        for per_class in known:
            for index, count in per_class.items():
                # log P(f|c) − log P(unseen|c): the count's gain over the smoothing-only baseline.
                sums[index] += math.log1p(count / self.alpha)
        return [s / len(known) for s in sums], len(known)

    def probabilities(self, likelihood: list[float], sharpness: float | None = None) -> list[float]:
        scale = self.sharpness if sharpness is None else sharpness
        logits = [p + scale * ll for p, ll in zip(self._log_prior, likelihood, strict=True)]
        top = max(logits)
        weights = [math.exp(value - top) for value in logits]
        total = sum(weights)
        return [w / total for w in weights]

    def predict(self, found: Iterable[str]) -> list[tuple[int, float]]:
        """(agency id, probability) for every agency, most likely first; [] when no feature is known."""
        likelihood, known = self.average_log_likelihood(found)
        if not known:
            return []
        ranked = sorted(zip(self.classes, self.probabilities(likelihood), strict=True), key=lambda p: -p[1])
        return ranked

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "max_ngram": MAX_NGRAM, "alpha": self.alpha, "sharpness": self.sharpness,
            "classes": self.classes, "class_docs": self.class_docs,
            # Flat [index, count, index, count, …] lists: a third of the size of nested objects.
            "grams": {g: [x for pair in sorted(c.items()) for x in pair] for g, c in self.grams.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Classifier:
        grams = {g: dict(zip(flat[::2], flat[1::2], strict=True)) for g, flat in data["grams"].items()}
        return cls(classes=list(data["classes"]), class_docs=list(data["class_docs"]), grams=grams,
                   sharpness=float(data["sharpness"]), alpha=float(data["alpha"]))


# "latest" → (RoutingModel pk, its trained_at, the classifier).
_loaded: dict[str, tuple[int, dt.datetime, Classifier]] = {}


def routing_model_latest() -> Classifier | None:
    """The newest trained classifier, loaded once per process (keyed by its RoutingModel pk and training
    time: a database restored from a backup, or a test database rolled back, may reuse a pk)."""
    newest = RoutingModel.objects.order_by("-trained_at", "-pk").values_list("pk", "trained_at").first()
    if newest is None:
        return None
    pk, trained_at = newest
    cached = _loaded.get("latest")
    if cached and cached[:2] == (pk, trained_at):
        return cached[2]
    row = RoutingModel.objects.filter(pk=pk).values_list("parameters", flat=True).first()
    if not isinstance(row, dict) or row.get("format") != FORMAT:
        return None
    classifier = Classifier.from_json(row)
    _loaded["latest"] = (pk, trained_at, classifier)
    return classifier


def routing_suggest(*, subject: str, content: str, limit: int = 3,
                    exclude: Collection[int] = ()) -> list[Suggestion]:
    """The `limit` most likely lead agencies for a petition, most likely first.

    Empty when no model has been trained yet or when nothing in the text was seen in training; agencies
    below MIN_CONFIDENCE are left out, so there may be fewer than `limit`.
    `exclude`: agencies not to suggest (those that already returned this case as not competent).
    Inactive agencies are never suggested, since they cannot be assigned. Never assigns anything.
    """
    classifier = routing_model_latest()
    if classifier is None or limit <= 0:
        return []
    ranked = classifier.predict(features(subject, content))
    # Knowing that the excluded agencies are not competent, the others' probabilities are conditional
    # on that: renormalised over what is left.
    left = sum(p for agency_id, p in ranked if agency_id not in exclude)
    ranked = [(agency_id, p / left) for agency_id, p in ranked if agency_id not in exclude and left > 0]
    wanted = [agency_id for agency_id, _p in ranked[:limit + 10]]  # room for a few inactive agencies
    names = dict(Agency.objects.filter(pk__in=wanted, is_active=True).values_list("pk", "short_name"))
    return [Suggestion(agency_id=agency_id, short_name=names[agency_id], confidence=round(p, 4))
            for agency_id, p in ranked if agency_id in names and p >= MIN_CONFIDENCE][:limit]


# --- Training --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingReport:
    model_id: int | None
    sample_count: int
    class_counts: list[tuple[str, int]]  # agency short name, decisions, most first
    held_out: int = 0
    accuracy: float | None = None
    top3_accuracy: float | None = None
    sharpness: float = DEFAULT_SHARPNESS
    vocabulary: int = 0


@dataclass
class _Counts:
    """Per agency, how many petitions contain each n-gram; the held-out share counted separately.

    One Counter per agency rather than one dict per n-gram: most n-grams occur for one or two
    agencies, and Counter.update counts a petition's features in C.
    """

    classes: dict[int, int] = field(default_factory=dict)  # agency id → class index
    docs: list[int] = field(default_factory=list)
    held_docs: list[int] = field(default_factory=list)
    per_class: list[Counter[str]] = field(default_factory=list)
    held_per_class: list[Counter[str]] = field(default_factory=list)
    held_out: list[tuple[int, frozenset[str]]] = field(default_factory=list)

    def add(self, agency_id: int, found: set[str]) -> None:
        index = self.classes.setdefault(agency_id, len(self.classes))
        if index == len(self.docs):
            self.docs.append(0)
            self.held_docs.append(0)
            self.per_class.append(Counter())
            self.held_per_class.append(Counter())
        hold = self.docs[index] % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 and len(self.held_out) < HELD_OUT_CAP
        self.docs[index] += 1
        self.per_class[index].update(found)
        if hold:
            self.held_docs[index] += 1
            self.held_out.append((index, frozenset(found)))
            self.held_per_class[index].update(found)
        if sum(self.docs) % 1000 == 0 and sum(len(c) for c in self.per_class) > COUNTING_CAP:
            self._prune()

    def _prune(self) -> None:
        """Drop the rarest n-grams until half the cap is left, so pruning runs rarely."""
        floor = 1
        while sum(len(c) for c in self.per_class) > COUNTING_CAP // 2:
            self.per_class = [Counter({g: n for g, n in c.items() if n > floor}) for c in self.per_class]
            floor += 1

    def vocabulary(self, min_df: int) -> list[str]:
        """The n-grams seen in at least `min_df` petitions, most frequent first, at most VOCABULARY_CAP."""
        df: Counter[str] = Counter()
        for counter in self.per_class:
            df.update(counter)
        frequent = sorted(((n, g) for g, n in df.items() if n >= min_df), key=lambda pair: (-pair[0], pair[1]))
        return [g for _n, g in frequent[:VOCABULARY_CAP]]

    def classifier(self, vocabulary: list[str], *, without_held_out: bool) -> Classifier:
        grams: dict[str, dict[int, int]] = {gram: {} for gram in vocabulary}
        for index, counter in enumerate(self.per_class):
            held = self.held_per_class[index] if without_held_out else Counter()
            for gram in vocabulary:
                count = counter.get(gram, 0) - held.get(gram, 0)
                if count > 0:
                    grams[gram][index] = count
        docs = [d - h for d, h in zip(self.docs, self.held_docs, strict=True)] if without_held_out else self.docs
        return Classifier(classes=list(self.classes), class_docs=list(docs),
                          grams={gram: counts for gram, counts in grams.items() if counts})


def training_samples(*, max_samples: int) -> Iterator[tuple[int, str, str]]:
    """(lead agency id, subject, start of content) of the most recent routed petitions.

    A case declined by its agency as not competent among several (§173 ③) is not a routing example.
    """
    rows = (Petition.objects.filter(case__lead_agency__isnull=False)
            .exclude(case__status=CaseStatus.DECLINED, case__decline_reason="not_competent_multi")
            .order_by("-case__received_at", "-pk")
            .values_list("case__lead_agency_id", "subject", Substr("content", 1, CONTENT_CHARS)))
    for agency_id, subject, content in rows[:max_samples].iterator(chunk_size=2000):
        yield int(agency_id), subject, content or ""


def _fit_sharpness(classifier: Classifier, held_out: list[tuple[int, frozenset[str]]]) -> float:
    """The softmax sharpness with the least negative log-likelihood on the held-out decisions."""
    cases = []
    for index, found in held_out:
        likelihood, known = classifier.average_log_likelihood(found)
        if known:
            cases.append((index, likelihood))
    if len(cases) < MIN_HELD_OUT_FOR_FIT:
        return DEFAULT_SHARPNESS

    def loss(sharpness: float) -> float:
        return -sum(math.log(max(classifier.probabilities(ll, sharpness)[i], 1e-12)) for i, ll in cases)

    grid = [0.5 * 1.25 ** step for step in range(40)]  # 0.5 … ~3,000
    return min(grid, key=loss)


def _evaluate(classifier: Classifier, held_out: list[tuple[int, frozenset[str]]]) -> tuple[float, float]:
    hits = top3 = 0
    for index, found in held_out:
        ranked = [agency_id for agency_id, _p in classifier.predict(found)]
        truth = classifier.classes[index]
        hits += bool(ranked) and ranked[0] == truth
        top3 += truth in ranked[:3]
    return hits / len(held_out), top3 / len(held_out)


def routing_model_train(*, max_samples: int = 50_000, actor: Actor = SYSTEM) -> TrainingReport:
    """Learn from the most recent `max_samples` routed petitions and store a new RoutingModel.

    Measures accuracy on every fifth decision of each agency with a model trained without them, fits
    the confidence sharpness there, then trains on all decisions. Needs decisions for at least two
    agencies; otherwise nothing is stored. Keeps the newest few models, deleting older ones.
    """
    counts = _Counts()
    for agency_id, subject, content in training_samples(max_samples=max_samples):
        counts.add(agency_id, features(subject, content))
    total = sum(counts.docs)
    names = dict(Agency.objects.filter(pk__in=list(counts.classes)).values_list("pk", "short_name"))
    class_counts = sorted(((names.get(a, str(a)), counts.docs[i]) for a, i in counts.classes.items()),
                          key=lambda pair: (-pair[1], pair[0]))
    if len(counts.classes) < 2:
        return TrainingReport(model_id=None, sample_count=total, class_counts=class_counts)
    vocabulary = counts.vocabulary(min_df=2 if total >= 200 else 1)
    accuracy = top3 = None
    sharpness = DEFAULT_SHARPNESS
    if counts.held_out and sum(counts.held_docs) < total:
        trial = counts.classifier(vocabulary, without_held_out=True)
        accuracy, top3 = _evaluate(trial, counts.held_out)
        sharpness = _fit_sharpness(trial, counts.held_out)
    final = counts.classifier(vocabulary, without_held_out=False)
    final.sharpness = sharpness
    parameters = final.to_json()
    parameters["metrics"] = {"held_out": len(counts.held_out), "accuracy": accuracy, "top3_accuracy": top3}
    with transaction.atomic():
        model = RoutingModel.objects.create(sample_count=total, parameters=parameters)
        stale = list(RoutingModel.objects.order_by("-trained_at", "-pk").values_list("pk", flat=True)[KEEP_MODELS:])
        RoutingModel.objects.filter(pk__in=stale).delete()
        record_change(actor=actor, action="petitions.routing_train", target=model,
                      after={"sample_count": total, "classes": len(counts.classes), "vocabulary": len(vocabulary),
                             "accuracy": accuracy, "top3_accuracy": top3, "deleted_models": stale})
    return TrainingReport(model_id=model.pk, sample_count=total, class_counts=class_counts,
                          held_out=len(counts.held_out), accuracy=accuracy, top3_accuracy=top3,
                          sharpness=sharpness, vocabulary=len(vocabulary))
