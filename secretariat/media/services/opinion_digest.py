"""The daily digest (輿情日報): each morning, the previous day's items, ranked and grouped by agency, go to
each agency concerned — its liaisons and head, in the platform and by e-mail. One digest per day: the
unique day makes a second run (a retried task, two schedulers) send nothing."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from secretariat.accounts.constants import AGENCY_ROLES
from secretariat.accounts.models import User
from secretariat.core import roc
from secretariat.core.changes import SYSTEM, record_change
from secretariat.media.access.opinion import DigestGroup, digest_groups
from secretariat.media.models.opinion import DigestDelivery, OpinionDigest, OpinionItem
from secretariat.notifications.services import notify


def _listing(group: DigestGroup) -> str:
    return "\n".join(f"[{item.severity}] {item.headline}（{item.outlet}，{item.get_medium_display()}，"
                     f"{item.get_sentiment_display()}）{item.link}" for item in group.items)


def digest_send(*, day: dt.date | None = None, at: dt.datetime | None = None) -> OpinionDigest | None:
    """Compile and send the digest for `day` (default: yesterday in Taipei). Returns the digest, or None
    when it was already sent. E-mail goes out after the records are committed."""
    now = at or timezone.now()
    day = day or timezone.localdate(now) - dt.timedelta(days=1)
    groups = [group for group in digest_groups(day=day, agency_ids=None) if group.agency is not None]
    item_count = OpinionItem.objects.filter(seen_on=day).count()
    agency_ids = [group.agency.pk for group in groups if group.agency]
    recipients: dict[int, list[User]] = {pk: [] for pk in agency_ids}
    for user in User.objects.filter(agency_id__in=agency_ids, role__in=AGENCY_ROLES, is_active=True).order_by("pk"):
        if user.agency_id is not None:
            recipients[user.agency_id].append(user)
    try:
        with transaction.atomic(), translation.override("zh-hant"):
            digest = OpinionDigest.objects.create(day=day, compiled_at=now, item_count=item_count,
                                                  agency_count=len(groups))
            deliveries = []
            for group in groups:
                if group.agency is None:
                    continue
                people = recipients[group.agency.pk]
                notify("media.opinion_digest", to=people, record=digest, body=_listing(group),
                       link=reverse("media:opinion_digest", args=[day.isoformat()]),
                       params={"day": roc.format_slash(day), "agency": group.agency.short_name,
                               "count": len(group.items)})
                deliveries.append(DigestDelivery(digest=digest, agency=group.agency, item_count=len(group.items),
                                                 recipients=[user.username for user in people]))
            DigestDelivery.objects.bulk_create(deliveries)
            record_change(actor=SYSTEM, action="opinion.digest_send", target=digest,
                          after={"day": day.isoformat(), "items": item_count, "agencies": agency_ids})
    except IntegrityError:
        return None  # already sent for this day
    return digest

