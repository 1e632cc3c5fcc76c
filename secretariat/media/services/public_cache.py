"""The cache of the public press pages and feeds.

Keys carry a *generation* number; publishing or correcting a release bumps it, so every cached page is
dropped at once without knowing which pages exist. Entries also expire after CACHE_SECONDS, which bounds
staleness where the cache is per process (LocMemCache in the embedded mode; Redis in production is shared),
and never outlive the next scheduled release, so a release set for 10:00 appears at 10:00.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

GENERATION_KEY = "media:press:generation"
CACHE_SECONDS = 60


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return int(value)


def bump() -> None:
    """Drop every cached public page (called after a publication or correction commits)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet (or evicted): any new value differs from the keys in use
        cache.set(GENERATION_KEY, generation() + 1, timeout=None)


def key(*parts: object) -> str:
    """The generation, then a digest of the parts: an address may be as long as a visitor types it, and a
    cache key must stay short (memcached refuses keys over 250 characters)."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
    return f"media:press:{generation()}:{digest}"
