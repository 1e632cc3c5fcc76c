"""The media office's demo data for 112年下半年, in parts: press releases, press events, social posts
and trainings; public-opinion items and the agencies' responses. Each part's aggregates equal the
seed's figures and table (壹、五)."""

from __future__ import annotations

import importlib

PARTS = ("secretariat.media.demo.press", "secretariat.media.demo.opinion")


def load() -> list[str]:
    outcome: list[str] = []
    for name in PARTS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:  # a part that exists but is broken must fail loudly
                raise
            continue
        outcome += module.load()
    return outcome
