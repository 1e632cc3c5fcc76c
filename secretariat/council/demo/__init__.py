"""The council's demo data, in a fixed order: the structure and liaison records first (councillors,
officers, briefings, the 112-09-20 training), then the questions and the data requests, which need
the councillors. Each part is optional, so the demo loads whichever parts this installation has."""

from __future__ import annotations

import importlib
from types import ModuleType

from secretariat.council.demo import structure

PARTS = ("secretariat.council.demo.questions", "secretariat.council.demo.requests")


def _part(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:  # a part that exists but is broken must fail loudly
            raise
        return None


def load() -> list[str]:
    outcome = structure.load()
    for name in PARTS:
        module = _part(name)
        if module is not None:
            outcome += module.load()
    return outcome


def logins() -> list[tuple[str, str, str]]:
    return structure.logins()
