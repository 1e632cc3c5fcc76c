"""The counters' demo data for 112年下半年, in three parts: the counter's enquiries and petition help, the
expert consultations, the volunteers. Each part's aggregates equal the seed's tables (壹、六)."""

from __future__ import annotations

from secretariat.counters.demo import consultations, enquiries, volunteers


def load() -> list[str]:
    return enquiries.load() + consultations.load() + volunteers.load()
