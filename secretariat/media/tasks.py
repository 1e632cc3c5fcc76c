"""Media office periodic work: thin wrappers over services."""

from celery import shared_task

from secretariat.core.changes import SYSTEM
from secretariat.media.services.opinion_digest import digest_send
from secretariat.media.services.opinion_import import opinion_feeds_import_all
from secretariat.media.services.releases import release_publish_due


@shared_task(name="media.send_opinion_digest")
def send_opinion_digest() -> str:
    digest = digest_send()
    if digest is None:
        return "already sent"
    return f"{digest.day}: {digest.item_count} items to {digest.agency_count} agencies"


@shared_task(name="media.import_opinion_feeds")
def import_opinion_feeds() -> str:
    outcome = opinion_feeds_import_all(actor=SYSTEM)
    return ", ".join(f"{name}: {count}" for name, count in outcome.items()) or "no feeds"


@shared_task(name="media.publish_due_releases")
def publish_due_releases() -> str:
    """Every few minutes: scheduled releases whose time has come are marked published (they are public from
    their time already) and the public pages' cache is dropped."""
    return f"{release_publish_due(actor=SYSTEM)} scheduled releases published"
