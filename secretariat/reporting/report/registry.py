"""Where apps contribute their sections of the work report.

An app calls `register_section(place, provider)` from its AppConfig.ready(); `provider(period)` returns
the app's `Section` for that place, computed from its records. Several apps may contribute to one
place (each with an `order`); a place no app contributes to is listed by the composer as not yet
recorded by the platform, never filled in by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from secretariat.core.roc import Period
from secretariat.reporting.report.outline import normalise_key, place_for
from secretariat.reporting.report.sections import OutlineKey, Section

Provider = Callable[[Period], Section]


@dataclass(frozen=True)
class Registration:
    place: OutlineKey
    provider: Provider
    order: int
    name: str


_REGISTRY: dict[OutlineKey, dict[str, Registration]] = {}


def _name_of(provider: Provider) -> str:
    return f"{getattr(provider, '__module__', '?')}.{getattr(provider, '__qualname__', repr(provider))}"


def register_section(place: OutlineKey | str, provider: Provider, *, order: int = 0) -> None:
    """Contribute `provider`'s section at `place` (e.g. ("壹", "三", "一")). Registering the same
    provider again replaces it, so a repeated ready() is harmless. Raises KeyError for a place the
    outline does not have: a typo must fail when the app starts, not leave a hole in the report."""
    key = place_for(place).key
    name = _name_of(provider)
    _REGISTRY.setdefault(key, {})[name] = Registration(place=key, provider=provider, order=order, name=name)


def unregister_section(place: OutlineKey | str, provider: Provider) -> None:
    """Remove a contribution (tests that register throwaway providers clean up with this)."""
    key = normalise_key(place)
    _REGISTRY.get(key, {}).pop(_name_of(provider), None)
    if key in _REGISTRY and not _REGISTRY[key]:
        del _REGISTRY[key]


def registrations_at(place: OutlineKey) -> list[Registration]:
    return sorted(_REGISTRY.get(place, {}).values(), key=lambda item: (item.order, item.name))


def registered_places() -> set[OutlineKey]:
    return set(_REGISTRY)
