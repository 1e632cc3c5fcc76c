"""The reporting tests compose reports from the sections that the finished apps (petitions, council)
register, plus throwaway providers; sections of apps still being built do not decide these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from secretariat.reporting.report import registry
from secretariat.reporting.report.registry import register_section, unregister_section
from secretariat.reporting.tests.providers import COUNTERS, counters_section

SETTLED = ("secretariat.petitions.", "secretariat.council.", "secretariat.reporting.")


@pytest.fixture(autouse=True)
def settled_sections() -> Iterator[None]:
    saved = {place: dict(entries) for place, entries in registry._REGISTRY.items()}
    for place, entries in list(registry._REGISTRY.items()):
        for name in [name for name in entries if not name.startswith(SETTLED)]:
            del entries[name]
        if not entries:
            del registry._REGISTRY[place]
    yield
    registry._REGISTRY.clear()
    registry._REGISTRY.update(saved)


@pytest.fixture
def counters_registered() -> Iterator[None]:
    """A monthly table at 壹、六、（一）, with a linked figure (see providers.py)."""
    register_section(COUNTERS, counters_section)
    yield
    unregister_section(COUNTERS, counters_section)
