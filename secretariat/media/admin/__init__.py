"""Administration of the media office's records, one module per topic."""

from secretariat.media import (
    admin_opinion,  # noqa: F401 — opinion feeds and digests
    admin_press,  # noqa: F401 — press releases, events, posts, trainings (read-only)
)
