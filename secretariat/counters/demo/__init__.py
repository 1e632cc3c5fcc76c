"""The counters' demo data for 112年下半年, in parts: the counter enquiries and petition help, the
expert consultations, the volunteers. Each part's aggregates equal the seed's tables (壹、六)."""

from __future__ import annotations

import importlib

PARTS = ("secretariat.counters.demo.enquiries", "secretariat.counters.demo.consultations",
         "secretariat.counters.demo.volunteers")


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
