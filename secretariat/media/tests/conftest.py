"""Fixtures of the media app's tests: each topic's helper module defines them, this file makes them visible
to every test module here (add a line per helper module)."""

from secretariat.media.tests.opinion_helpers import monitor  # noqa: F401 — the opinion monitor (媒體事務組)
from secretariat.media.tests.press_helpers import (  # noqa: F401 — fixtures, found by name
    _fresh_cache,
    media_head,
    media_officer,
    media_writer,
)
