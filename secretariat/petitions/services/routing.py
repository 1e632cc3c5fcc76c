"""Suggesting the lead agency for a new petition from the platform's own past routing decisions.

TF-IDF over Chinese-aware features (character 1–3-grams of NFKC-normalised text with 台 read as 臺, plus
whole Latin and digit words) and scikit-learn's ComplementNB, as decided in docs/decisions/0015. It only
*suggests*: a person always assigns.

What it learns from: every petition whose case has a standing lead agency — the agency that the
Secretariat assigned and that did not hand the case back. An assignment that was returned as not
competent (改分) clears the case's lead agency, so it never counts as a positive example; and when the
Secretariat re-routes a returned case, the agencies that already returned it are left out of its
suggestions (`exclude`).

Confidences are ComplementNB's own probabilities (they sum to 1 over all agencies). They are modest
rather than over-confident on short letters, which a sharpness fitted on held-out full letters is not
(see DEFAULT_SHARPNESS).

The stored model is plain JSON, never a pickle (loading a pickle runs code): the vocabulary, its idf
weights and the non-zero per-agency TF-IDF sums, from which the fitted objects are rebuilt on load.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
from django.db import transaction
from django.db.models.functions import Substr
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.naive_bayes import ComplementNB

from secretariat.accounts.models import Agency
from secretariat.cases.models import CaseStatus
from secretariat.core.actors import Actor
from secretariat.core.changes import SYSTEM, record_change
from secretariat.petitions.models import Petition, RoutingModel

FORMAT = 2  # 1 was the hand-written naive Bayes; its rows are ignored until a new model is trained
MAX_NGRAM = 3  # ngrams() builds 1-, 2- and 3-grams
SUBJECT_CHARS = 200
# The gist of a petition is in its first paragraphs; reading more costs training time, not accuracy.
CONTENT_CHARS = 600
VOCABULARY_CAP = 50_000
# ComplementNB's additive smoothing. Decision 0015 measured 0.1: a large alpha lets agencies with few
# petitions win on n-grams never seen for them.
ALPHA = 0.1
# The softmax sharpness over ComplementNB's log-probabilities; 1 keeps its own probabilities. On decision
# 0015's splits a sharpness fitted on the held-out decisions (2.4–12) made full letters better calibrated
# (ECE 0.065 → 0.022) but short, unsummarised letters over-confident (Brier 0.42 → 0.56), so none is
# fitted. The stored model keeps the field, so a later fit would need no new format.
DEFAULT_SHARPNESS = 1.0
HELD_OUT_EVERY = 5  # every fifth decision of each agency is held out for the accuracy measure
HELD_OUT_CAP = 1_000
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


def ngrams(subject: str, content: str) -> list[str]:
    """Every feature occurrence of one petition: CJK 1–3-grams within each run, and whole words.

    Repeats are kept, for TF-IDF's (sublinear) term frequency. Words stay whole, where a character
    analyser would cut "YouBike" into letters that an English "hello" shares.
    """
    found: list[str] = []
    for token in tokens(f"{subject[:SUBJECT_CHARS]}\n{content[:CONTENT_CHARS]}"):
        if token[0].isascii():
            found.append(token)
            continue
        # Each size built from the one below: twice as fast as slicing, and training makes the
        # n-grams of every petition twice (the held-out trial, then the final model).
        found += token
        pairs = [a + b for a, b in pairwise(token)]
        found += pairs
        found += [pair + c for pair, c in zip(pairs, token[2:], strict=False)]
    return found


def features(subject: str, content: str) -> set[str]:
    """The distinct features of one petition (what `Classifier.predict` reads, each counted once)."""
    return set(ngrams(subject, content))


@dataclass(frozen=True)
class Suggestion:
    agency_id: int
    short_name: str
    confidence: float  # 0–1; the confidences of all agencies sum to 1


# --- The trained model in memory -------------------------------------------------------------------


def _analysed(document: Iterable[str]) -> list[str]:
    """The vectoriser's analyser: documents reach it as their features already (`ngrams`), so that
    training and suggesting share one feature rule and `predict` can take any iterable of features."""
    return list(document)


def _vectoriser(**options: Any) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=_analysed, sublinear_tf=True, **options)


def _log_softmax(log_probabilities: np.ndarray, sharpness: float) -> np.ndarray:
    """Row-wise log-softmax of the sharpened log-probabilities (the one place the sharpness is applied)."""
    logits = sharpness * log_probabilities
    logits -= logits.max(axis=1, keepdims=True)
    result: np.ndarray = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    return result


@dataclass
class Classifier:
    """The fitted vectoriser and ComplementNB, and the sharpness over ComplementNB's log-probabilities."""

    vectoriser: TfidfVectorizer
    model: ComplementNB
    class_docs: list[int]  # training petitions per agency, in the order of `classes`
    sharpness: float = DEFAULT_SHARPNESS

    @property
    def classes(self) -> list[int]:
        return [int(agency_id) for agency_id in self.model.classes_]

    @classmethod
    def fit(cls, documents: Iterable[list[str]], agencies: list[int]) -> Classifier:
        """Learn from `documents` (each its `ngrams`, consumed once) and their lead agencies.

        Every n-gram counts, even one seen in a single petition: on decision 0015's hard split, dropping
        those (min_df=2) cost the agencies with few petitions 27 top-1 points (44.5 % → 17.4 %).
        """
        vectoriser = _vectoriser(max_features=VOCABULARY_CAP)
        model = ComplementNB(alpha=ALPHA).fit(vectoriser.fit_transform(documents), agencies)
        docs = Counter(agencies)
        return cls(vectoriser, model, [docs[int(agency_id)] for agency_id in model.classes_])

    def log_probabilities(self, documents: Iterable[Iterable[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Per document, the sharpened log-probability of every agency, and whether any feature was known."""
        matrix = self.vectoriser.transform(documents)
        known: np.ndarray = matrix.getnnz(axis=1) > 0
        return _log_softmax(self.model.predict_log_proba(matrix), self.sharpness), known

    def predict(self, found: Iterable[str]) -> list[tuple[int, float]]:
        """(agency id, probability) for every agency, most likely first; [] when no feature is known.
        (ComplementNB alone would answer such a text with equal scores, which is no suggestion.)"""
        log_probabilities, known = self.log_probabilities([found])
        if not known[0]:
            return []
        probabilities = np.exp(log_probabilities[0]).tolist()
        return sorted(zip(self.classes, probabilities, strict=True), key=lambda pair: -pair[1])

    def to_json(self) -> dict[str, Any]:
        counts = self.model.feature_count_  # per agency, the sum of its petitions' TF-IDF weights
        rows, columns = np.nonzero(counts)
        return {
            "format": FORMAT, "max_ngram": MAX_NGRAM, "alpha": float(self.model.alpha),
            "sharpness": self.sharpness, "classes": self.classes, "class_docs": self.class_docs,
            "grams": self.vectoriser.get_feature_names_out().tolist(),  # in column order
            "idf": self.vectoriser.idf_.tolist(),
            # Sparse: most n-grams occur for a few agencies only (a fifth of the size of the dense table).
            "counts": {"class": rows.tolist(), "gram": columns.tolist(), "weight": counts[rows, columns].tolist()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Classifier:
        vectoriser = _vectoriser(vocabulary=data["grams"])
        vectoriser.idf_ = np.asarray(data["idf"], dtype=np.float64)
        sums = np.zeros((len(data["classes"]), len(data["grams"])))
        sums[data["counts"]["class"], data["counts"]["gram"]] = data["counts"]["weight"]
        # ComplementNB's fitted weights depend only on each agency's summed TF-IDF weights and alpha, so
        # fitting it on one row of those sums per agency rebuilds them exactly, through its public API.
        # (Its class prior, which does differ, is only used when there is a single class.)
        model = ComplementNB(alpha=float(data["alpha"])).fit(sums, data["classes"])
        return cls(vectoriser, model, list(data["class_docs"]), float(data["sharpness"]))


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
    ranked = classifier.predict(ngrams(subject, content))
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


@dataclass(frozen=True)
class _Sample:
    agency_id: int
    subject: str
    content: str
    held_out: bool


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


def _read_samples(max_samples: int) -> list[_Sample]:
    """The training samples, every HELD_OUT_EVERY-th of each agency (most recent first) marked held out.
    Only the cut texts are kept: their n-grams are made again on each pass, since a list of them for
    every petition would take far more memory than the texts."""
    seen: Counter[int] = Counter()
    samples: list[_Sample] = []
    held = 0
    for agency_id, subject, content in training_samples(max_samples=max_samples):
        hold = seen[agency_id] % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 and held < HELD_OUT_CAP
        seen[agency_id] += 1
        held += hold
        samples.append(_Sample(agency_id, subject[:SUBJECT_CHARS], content[:CONTENT_CHARS], hold))
    return samples


def _fit(samples: list[_Sample]) -> Classifier:
    return Classifier.fit((ngrams(s.subject, s.content) for s in samples), [s.agency_id for s in samples])


def _hold_out(samples: list[_Sample]) -> tuple[float, float]:
    """Top-1 and top-3 accuracy on the held-out samples of a model trained without them. A held-out
    letter with no known feature gets no suggestion: a miss."""
    trial = _fit([s for s in samples if not s.held_out])
    held = [s for s in samples if s.held_out]
    log_probabilities, known = trial.log_probabilities(ngrams(s.subject, s.content) for s in held)
    classes = np.array(trial.classes)
    truth = np.searchsorted(classes, [s.agency_id for s in held])  # every held-out agency was trained on
    top3 = np.argsort(-log_probabilities, axis=1, kind="stable")[:, :3]
    hits = known & (top3[:, 0] == truth)
    in_top3 = known & (top3 == truth[:, None]).any(axis=1)
    return float(hits.mean()), float(in_top3.mean())


def routing_model_train(*, max_samples: int = 50_000, actor: Actor = SYSTEM) -> TrainingReport:
    """Learn from the most recent `max_samples` routed petitions and store a new RoutingModel.

    Measures accuracy on every fifth decision of each agency with a model trained without them, then
    trains on all decisions. Needs decisions for at least two
    agencies; otherwise nothing is stored. Keeps the newest few models, deleting older ones.
    """
    samples = _read_samples(max_samples)
    docs = Counter(s.agency_id for s in samples)
    names = dict(Agency.objects.filter(pk__in=list(docs)).values_list("pk", "short_name"))
    class_counts = sorted(((names.get(a, str(a)), n) for a, n in docs.items()), key=lambda pair: (-pair[1], pair[0]))
    if len(docs) < 2:
        return TrainingReport(model_id=None, sample_count=len(samples), class_counts=class_counts)
    held_out = sum(s.held_out for s in samples)
    accuracy = top3 = None
    if held_out:
        accuracy, top3 = _hold_out(samples)
    final = _fit(samples)
    parameters = final.to_json()
    parameters["metrics"] = {"held_out": held_out, "accuracy": accuracy, "top3_accuracy": top3}
    vocabulary = len(parameters["grams"])
    with transaction.atomic():
        model = RoutingModel.objects.create(sample_count=len(samples), parameters=parameters)
        stale = list(RoutingModel.objects.order_by("-trained_at", "-pk").values_list("pk", flat=True)[KEEP_MODELS:])
        RoutingModel.objects.filter(pk__in=stale).delete()
        record_change(actor=actor, action="petitions.routing_train", target=model,
                      after={"sample_count": len(samples), "classes": len(docs), "vocabulary": vocabulary,
                             "accuracy": accuracy, "top3_accuracy": top3, "deleted_models": stale})
    return TrainingReport(model_id=model.pk, sample_count=len(samples), class_counts=class_counts,
                          held_out=held_out, accuracy=accuracy, top3_accuracy=top3,
                          sharpness=final.sharpness, vocabulary=vocabulary)
