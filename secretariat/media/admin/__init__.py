"""Administration of the media office's records, one module per topic."""

from secretariat.media.admin import (
    opinion,  # noqa: F401 — opinion feeds and digests
    press,  # noqa: F401 — press releases, events, posts, trainings (read-only)
)
