"""The media office's demo data for 112年下半年, in two parts: press releases, press events, social posts
and trainings; public-opinion items and the agencies' responses. Each part's aggregates equal the
seed's figures and table (壹、五)."""

from __future__ import annotations

from secretariat.media.demo import opinion, press


def load() -> list[str]:
    return press.load() + opinion.load()


def logins() -> list[tuple[str, str, str]]:
    return press.logins()
