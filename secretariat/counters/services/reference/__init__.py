"""The counters' reference data, in parts (one module per topic, each with `load()`): the enquiry
categories, the partner associations, the volunteers' posts. A part that is not there yet is skipped;
one that exists but is broken fails loudly. Loading adds what is missing and keeps an administrator's
edits."""

from __future__ import annotations

import importlib

PARTS = ("secretariat.counters.services.reference.enquiries",
         "secretariat.counters.services.reference.consultations",
         "secretariat.counters.services.reference.volunteers")


def load() -> list[str]:
    outcome: list[str] = []
    for name in PARTS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        outcome += module.load()
    return outcome
