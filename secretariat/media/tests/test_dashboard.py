"""The media office's home-page cards: releases waiting for their approver, and the day's opinion items for
the monitors; each count is the linked list's rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from secretariat.core.dashboards import cards_for
from secretariat.media.services import releases as services
from secretariat.media.tests.opinion_helpers import record
from secretariat.media.tests.press_helpers import BODY

pytestmark = pytest.mark.django_db


def card(user, key):
    return next((view for view in cards_for(user) if view.key == key), None)


def test_a_submitted_release_waits_for_the_unit_head_then_for_the_media_unit(media_writer, media_head,
                                                                           media_officer, client_for):
    release = services.release_draft(actor=media_writer, title="週末交通管制", body=BODY)
    release = services.release_submit(actor=media_writer, release_id=release.pk, version=release.version)

    waiting = card(media_head, "media.releases_to_approve")
    assert waiting.count == 1
    assert len(client_for(media_head).get(waiting.url).context["releases"]) == 1

    services.release_approve_unit(actor=media_head, release_id=release.pk, version=release.version)
    assert card(media_officer, "media.releases_to_approve").count == 1


def test_a_liaison_approves_no_releases(liaison):
    assert card(liaison, "media.releases_to_approve") is None


def test_the_monitor_sees_todays_items_and_the_ranked_list_shows_them(monitor, liaison, client_for):
    now = timezone.now()
    record(monitor, seen_at=now)
    record(monitor, "昨日的新聞", seen_at=now - dt.timedelta(days=1))

    today = card(monitor, "media.opinion_today")

    assert today.count == 1
    assert len(client_for(monitor).get(today.url).context["rows"]) == 1
    assert card(liaison, "media.opinion_today") is None  # agencies read their items; they do not monitor
