"""The routing suggester's comparison, project half: the dataset, the splits and the production model's figures.

Runs with the project's own venv:

    .venv/bin/python bench/routing_compare/project_side.py [--database /tmp/router.sqlite3] [--out FOLDER]

1. A SQLite file with the demo (`migrate` + `demo_load`, made unless --database already holds it).
2. The routing examples exactly as the suggester reads them (`routing.training_samples`: petitions with a
   standing lead agency, most recent first) with the agency's short name.
3. The splits, written to FOLDER/dataset.json so the scikit-learn half (sklearn_side.py) uses the same ones:
   - demo: the project's own held-out split (every fifth decision of each agency, as
     `routing._read_samples` picks it);
   - seeded: stratified 80/20 splits, one per seed;
   - hard: the seeded splits made harder — a random half of the agencies with 10 or more training examples
     keep only 1–5 of them, and every test letter is reduced to the first SHORT_CHARS characters of its
     body with no subject (a short letter not yet summarised by a clerk).
4. The production model (ComplementNB since decision 0015; the hand-written naive Bayes before) through its
   real API: `routing_model_train()` on each split's training examples
   (`routing.training_samples` is replaced by the split's list, so everything else — features, held-out
   measure, storage — runs as in production), then `routing_suggest()` for the ranked suggestions and
   the stored classifier's `predict()` for the whole distribution (the Brier score needs every agency).
   Figures go to FOLDER/project.json, as model "project".
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SEEDS = (0, 1, 2, 3, 4)
TEST_SHARE = 0.2
SHORT_CHARS = 30
STARVE_FROM = 10  # agencies with at least this many training examples may be starved in the hard split
STARVED_KEEP = (1, 5)
TMP = Path(tempfile.gettempdir())
ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.base",
    "SECRET_KEY": "routing-compare-only",
    "AUDIT_KEY": "routing-compare-only-audit-key-0123456789",
    "AUDIT_ANCHOR_FILE": str(TMP / "routing-compare-anchors.jsonl"),
}


def prepare_database(database: Path) -> None:
    env = {**os.environ, **ENV, "DATABASE_URL": f"sqlite:///{database}", "PYTHONPATH": str(BASE_DIR)}
    fresh = not database.exists()
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "--skip-checks", "-v0"], check=True, env=env, cwd=BASE_DIR)
    if fresh:
        subprocess.run([*manage, "demo_load", "--skip-checks"], check=True, env=env, cwd=BASE_DIR)
    os.environ.update({key: env[key] for key in (*ENV, "DATABASE_URL")})
    sys.path.insert(0, str(BASE_DIR))


def stratified(by_agency: dict[int, list[int]], rng: random.Random) -> tuple[list[int], list[int]]:
    """Per agency a random TEST_SHARE held out (rounded); an agency with one example is training only."""
    train: list[int] = []
    test: list[int] = []
    for _agency, indices in sorted(by_agency.items()):
        shuffled = indices[:]
        rng.shuffle(shuffled)
        held = round(len(shuffled) * TEST_SHARE) if len(shuffled) > 1 else 0
        test += shuffled[:held]
        train += shuffled[held:]
    return sorted(train), sorted(test)


def build_splits(samples: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_agency: dict[int, list[int]] = defaultdict(list)
    for index, sample in enumerate(samples):
        by_agency[sample["agency_id"]].append(index)
    # The project's own: every fifth decision of each agency, most recent first (routing._read_samples).
    seen: dict[int, int] = defaultdict(int)
    demo_test = []
    for index, sample in enumerate(samples):
        if seen[sample["agency_id"]] % 5 == 4:
            demo_test.append(index)
        seen[sample["agency_id"]] += 1
    demo_train = [i for i in range(len(samples)) if i not in set(demo_test)]
    splits: list[dict[str, Any]] = [{"name": "demo", "seed": None, "train": demo_train, "test": demo_test,
                                     "short": False, "starved": []}]
    for seed in SEEDS:
        rng = random.Random(seed)  # noqa: S311 - a seeded split, not a secret
        train, test = stratified(by_agency, rng)
        splits.append({"name": "seeded", "seed": seed, "train": train, "test": test, "short": False, "starved": []})
        train_by_agency: dict[int, list[int]] = defaultdict(list)
        for index in train:
            train_by_agency[samples[index]["agency_id"]].append(index)
        candidates = sorted(a for a, rows in train_by_agency.items() if len(rows) >= STARVE_FROM)
        starved = sorted(rng.sample(candidates, len(candidates) // 2))
        kept: list[int] = []
        for agency, rows in sorted(train_by_agency.items()):
            kept += rng.sample(rows, rng.randint(*STARVED_KEEP)) if agency in starved else rows
        splits.append({"name": "hard", "seed": seed, "train": sorted(kept), "test": test, "short": True,
                       "starved": starved})
    return splits


def test_text(sample: dict[str, Any], short: bool) -> tuple[str, str]:
    """(subject, content) of a test letter: whole, or the first SHORT_CHARS characters of its body only."""
    return ("", sample["content"][:SHORT_CHARS]) if short else (sample["subject"], sample["content"])


def metrics(rows: list[tuple[int, list[int], list[tuple[int, float]]]], classes: list[int],
            starved: set[int]) -> dict[str, Any]:
    """rows: (truth, ranked agency ids as suggested, full distribution). Top-1/top-3 from the suggestions;
    Brier (multi-class, summed over every agency of the dataset) and the top confidence's calibration from
    the distribution. A letter with no suggestion counts as a miss with all-zero probabilities."""
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(10)]
    top1 = top3 = covered = 0
    brier = 0.0
    starved_hits = starved_total = 0
    for truth, ranked, distribution in rows:
        hit = bool(ranked) and ranked[0] == truth
        top1 += hit
        top3 += truth in ranked[:3]
        covered += bool(ranked)
        probability = dict(distribution)
        brier += sum((probability.get(c, 0.0) - (c == truth)) ** 2 for c in classes)
        if truth in starved:
            starved_total += 1
            starved_hits += hit
        if distribution:
            best_agency, best = max(distribution, key=lambda pair: pair[1])
            bins[min(int(best * 10), 9)].append((best, best_agency == truth))
    n = len(rows)
    ece = sum(abs(sum(p for p, _h in b) - sum(h for _p, h in b)) for b in bins if b) / n
    confident = [pair for b in bins for pair in b]
    return {"n": n, "top1": top1 / n, "top3": top3 / n, "coverage": covered / n, "brier": brier / n, "ece": ece,
            "mean_top_confidence": sum(p for p, _h in confident) / n,
            "starved_n": starved_total, "starved_top1": starved_hits / starved_total if starved_total else None}


def evaluate_project(samples: list[dict[str, Any]], split: dict[str, Any], classes: list[int]) -> dict[str, Any]:
    from django.db import transaction

    from secretariat.petitions.services import routing

    train = [samples[i] for i in split["train"]]

    def split_samples(*, max_samples: int) -> Iterator[tuple[int, str, str]]:
        for sample in train[:max_samples]:  # the same order as the real query: most recent first
            yield sample["agency_id"], sample["subject"], sample["content"]

    real = routing.training_samples
    routing.training_samples = split_samples  # type: ignore[assignment]
    try:
        with transaction.atomic():
            started = time.perf_counter()
            report = routing.routing_model_train()
            train_seconds = time.perf_counter() - started
            classifier = routing.routing_model_latest()
            assert classifier is not None
            assert report.model_id is not None
            model_bytes = len(json.dumps(classifier.to_json(), ensure_ascii=False).encode())
            rows = []
            started = time.perf_counter()
            for index in split["test"]:
                subject, content = test_text(samples[index], split["short"])
                suggested = routing.routing_suggest(subject=subject, content=content, limit=3)
                distribution = classifier.predict(routing.ngrams(subject, content))
                rows.append((samples[index]["agency_id"], [s.agency_id for s in suggested], distribution))
            predict_seconds = time.perf_counter() - started
            transaction.set_rollback(True)
    finally:
        routing.training_samples = real  # type: ignore[assignment]
    result = metrics(rows, classes, set(split["starved"]))
    result.update(train_seconds=train_seconds, predict_ms_per_letter=1000 * predict_seconds / len(rows),
                  model_bytes=model_bytes, sharpness=report.sharpness, vocabulary=report.vocabulary)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", type=Path, default=TMP / "routing-compare.sqlite3")
    parser.add_argument("--out", type=Path, default=TMP / "routing-compare")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    prepare_database(options.database)
    import django

    django.setup()
    from secretariat.accounts.models import Agency
    from secretariat.petitions.services import routing

    names = dict(Agency.objects.values_list("pk", "short_name"))
    samples = [{"agency_id": agency_id, "agency": names[agency_id], "subject": subject, "content": content}
               for agency_id, subject, content in routing.training_samples(max_samples=50_000)]
    splits = build_splits(samples)
    classes = sorted({s["agency_id"] for s in samples})
    # What the scikit-learn half reads: the texts as the suggester reads them (its own folding and cuts).
    for sample in samples:
        for short in (False, True):
            subject, content = test_text(sample, short)
            key = "text_short" if short else "text"
            sample[key] = routing.normalise(f"{subject[:routing.SUBJECT_CHARS]}\n{content[:routing.CONTENT_CHARS]}")
    (options.out / "dataset.json").write_text(json.dumps({"samples": samples, "splits": splits}, ensure_ascii=False))
    results = []
    for split in splits:
        result = evaluate_project(samples, split, classes)
        results.append({"split": split["name"], "seed": split["seed"], "model": "project", **result})
        print(split["name"], split["seed"], {k: round(v, 3) if isinstance(v, float) else v
                                             for k, v in result.items()}, flush=True)
    (options.out / "project.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
