"""The routing suggester's comparison, scikit-learn half: the same splits with scikit-learn models.

Runs with the project's venv (scikit-learn is a project dependency since decision 0015), after
project_side.py has written FOLDER/dataset.json and FOLDER/project.json:

    .venv/bin/python bench/routing_compare/sklearn_side.py [--out FOLDER] [--models cnb_char13,lr_char13]

It imports nothing from the project. The texts in dataset.json are already folded and cut as the suggester
reads them (routing.normalise, subject[:200] + content[:600]; a hard split's test letters are the first 30
characters of the body). Candidates: TF-IDF over character n-grams with ComplementNB, with
LogisticRegression, and with LinearSVC or ComplementNB wrapped in CalibratedClassifierCV (sigmoid). The
calibration folds keep an agency with fewer than CALIBRATION_FOLDS training examples in every fold's
training part (StratifiedKFold refuses such classes). Writes FOLDER/sklearn.json and prints, per split kind,
every model's mean over the splits (the demo split is one split; seeded and hard are one per seed).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.svm import LinearSVC

CALIBRATION_FOLDS = 3


def calibration_folds(y: np.ndarray, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    counts = Counter(y.tolist())
    rare = np.array([counts[label] < CALIBRATION_FOLDS for label in y.tolist()])
    common = np.flatnonzero(~rare)
    folds = StratifiedKFold(CALIBRATION_FOLDS, shuffle=True, random_state=seed)
    return [(np.concatenate([np.flatnonzero(rare), common[train]]), common[test])
            for train, test in folds.split(common, y[common])]


def vectoriser(ngrams: tuple[int, int]) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char", ngram_range=ngrams, sublinear_tf=True, min_df=1)


def candidates(y: np.ndarray, seed: int) -> dict[str, Callable[[], Pipeline]]:
    def calibrated(model: Any) -> CalibratedClassifierCV:
        return CalibratedClassifierCV(model, method="sigmoid", cv=calibration_folds(y, seed))

    return {
        "cnb_char13": lambda: make_pipeline(vectoriser((1, 3)), ComplementNB(alpha=0.1)),
        "cnb_char13_cal": lambda: make_pipeline(vectoriser((1, 3)), calibrated(ComplementNB(alpha=0.1))),
        "lr_char13": lambda: make_pipeline(vectoriser((1, 3)), LogisticRegression(C=20, max_iter=2000)),
        "lr_char24": lambda: make_pipeline(vectoriser((2, 4)), LogisticRegression(C=20, max_iter=2000)),
        "svc_char13_cal": lambda: make_pipeline(vectoriser((1, 3)), calibrated(LinearSVC(C=1, random_state=seed))),
        "svc_char24_cal": lambda: make_pipeline(vectoriser((2, 4)), calibrated(LinearSVC(C=1, random_state=seed))),
    }


def metrics(truth: np.ndarray, proba: np.ndarray, classes: np.ndarray, all_classes: list[int],
            starved: set[int]) -> dict[str, Any]:
    """As project_side.metrics: Brier summed over every agency of the dataset (absent classes: 0)."""
    order = np.argsort(-proba, axis=1)
    ranked = classes[order]
    top1 = ranked[:, 0] == truth
    top3 = (ranked[:, :3] == truth[:, None]).any(axis=1)
    full = np.zeros((len(truth), len(all_classes)))
    column = {c: i for i, c in enumerate(all_classes)}
    for j, c in enumerate(classes.tolist()):
        full[:, column[c]] = proba[:, j]
    onehot = np.zeros_like(full)
    onehot[np.arange(len(truth)), [column[t] for t in truth.tolist()]] = 1
    brier = float(((full - onehot) ** 2).sum(axis=1).mean())
    best = proba.max(axis=1)
    bins = np.minimum((best * 10).astype(int), 9)
    ece = sum(abs(best[bins == b].sum() - top1[bins == b].sum()) for b in range(10)) / len(truth)
    mask = np.array([t in starved for t in truth.tolist()])
    return {"n": len(truth), "top1": float(top1.mean()), "top3": float(top3.mean()), "coverage": 1.0,
            "brier": brier, "ece": float(ece), "mean_top_confidence": float(best.mean()),
            "starved_n": int(mask.sum()), "starved_top1": float(top1[mask].mean()) if mask.any() else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "routing-compare")
    parser.add_argument("--models", help="comma-separated candidates to run (default: all)")
    options = parser.parse_args()
    wanted = set(options.models.split(",")) if options.models else None
    data = json.loads((options.out / "dataset.json").read_text())
    samples = data["samples"]
    all_classes = sorted({s["agency_id"] for s in samples})
    results = []
    for split in data["splits"]:
        seed = split["seed"] if split["seed"] is not None else 0
        key = "text_short" if split["short"] else "text"
        x_train = [samples[i]["text"] for i in split["train"]]
        y_train = np.array([samples[i]["agency_id"] for i in split["train"]])
        x_test = [samples[i][key] for i in split["test"]]
        y_test = np.array([samples[i]["agency_id"] for i in split["test"]])
        for name, build in candidates(y_train, seed).items():
            if wanted is not None and name not in wanted:
                continue
            model = build()
            started = time.perf_counter()
            model.fit(x_train, y_train)
            train_seconds = time.perf_counter() - started
            started = time.perf_counter()
            proba = model.predict_proba(x_test)
            predict_ms = 1000 * (time.perf_counter() - started) / len(x_test)
            result = metrics(y_test, proba, model.classes_, all_classes, set(split["starved"]))
            result.update(train_seconds=train_seconds, predict_ms_per_letter=predict_ms)
            results.append({"split": split["name"], "seed": split["seed"], "model": name, **result})
        print(split["name"], split["seed"], "done", flush=True)
    (options.out / "sklearn.json").write_text(json.dumps(results, indent=1))
    everything = results + json.loads((options.out / "project.json").read_text())
    print(summary(everything))


def summary(results: list[dict[str, Any]]) -> str:
    """A Markdown table: per split kind and model, the mean (and spread over seeds) of each figure."""
    lines = ["| split | model | top-1 | top-3 | Brier | ECE (top conf.) | mean top conf. | top-1 starved | "
             "train s |", "|---|---|---|---|---|---|---|---|---|"]
    models = list(dict.fromkeys(r["model"] for r in results))
    for kind in ("demo", "seeded", "hard"):
        for model in models:
            rows = [r for r in results if r["split"] == kind and r["model"] == model]
            if not rows:
                continue

            def mean(field: str, rows: list[dict[str, Any]] = rows, percent: bool = True) -> str:
                values = [r[field] for r in rows if r[field] is not None]
                if not values:
                    return "–"
                scale = 100 if percent else 1
                text = f"{scale * statistics.mean(values):.1f}" if percent else f"{statistics.mean(values):.3f}"
                return text + (f" ± {scale * statistics.stdev(values):.1f}" if percent and len(values) > 1 else "")

            lines.append(f"| {kind} | {model} | {mean('top1')} | {mean('top3')} | {mean('brier', percent=False)} | "
                         f"{mean('ece', percent=False)} | {mean('mean_top_confidence', percent=False)} | "
                         f"{mean('starved_top1')} | {mean('train_seconds', percent=False)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
