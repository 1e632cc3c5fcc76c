"""壹、五、（二）: responses and digests counted for the period, from the records; the scheduled tasks; the feeds'
administration."""

import datetime as dt

import pytest

from secretariat.audit.models import AuditEntry
from secretariat.core.roc import Period
from secretariat.media import tasks
from secretariat.media.models.opinion import OpinionDigest, OpinionFeed
from secretariat.media.report.opinion import PLACE, opinion_section
from secretariat.media.services.opinion import opinion_response_record
from secretariat.media.services.opinion_digest import digest_send
from secretariat.media.tests.opinion_helpers import at, record
from secretariat.reporting.report.registry import registrations_at
from secretariat.reporting.report.sections import Paragraph

pytestmark = pytest.mark.django_db
H2 = Period(112, 2)


def texts(period: Period) -> list[str]:
    return [block.text for block in opinion_section(period).blocks if isinstance(block, Paragraph)]


def test_the_section_is_registered_at_its_place():
    assert any(registration.provider is opinion_section for registration in registrations_at(PLACE))


def test_responses_in_the_period_are_counted_and_others_are_not(monitor, liaison):
    inside = record(monitor, link="https://n.example.tw/1", seen_at=at("2023-12-31", 8))
    before = record(monitor, link="https://n.example.tw/2", seen_at=at("2023-06-30", 8))
    for item, when in ((inside, at("2023-12-31", 20)), (inside, at("2024-01-01", 8)), (before, at("2023-06-30", 9))):
        opinion_response_record(actor=liaison, item_id=item.pk, kind="statement", text="聲明", responded_at=when)

    first, second = texts(H2)
    assert second.endswith("112年下半年共計回應1則。")
    assert first.startswith("1、每日傳送市政輿情予本府各機關，並建立各通訊群組")  # no digest was recorded


def test_digests_sent_in_the_period_are_counted(monitor, liaison):
    record(monitor, seen_at=at("2023-07-01"))
    digest_send(day=dt.date(2023, 7, 1))
    digest_send(day=dt.date(2023, 7, 2))  # nothing seen that day: no agency received it

    first, _second = texts(H2)
    assert "1、每日傳送市政輿情予本府各機關（112年下半年計傳送輿情日報1份），並建立" in first


def test_the_morning_task_sends_yesterdays_digest_once(monitor, liaison):
    assert tasks.send_opinion_digest() != "already sent"
    assert tasks.send_opinion_digest() == "already sent"
    assert OpinionDigest.objects.count() == 1


def test_the_feed_task_runs_every_active_feed_and_survives_a_bad_one(monitor):
    OpinionFeed.objects.create(name="本機檔案", url="file:///etc/passwd", outlet="x")
    assert tasks.import_opinion_feeds() == "本機檔案: -1"


def test_an_administrator_adds_a_feed_in_the_admin_and_it_is_audited(client_for, secretariat_admin):
    client = client_for(secretariat_admin)
    refused = client.post("/admin/media/opinionfeed/add/", {"name": "壞", "url": "/etc/passwd", "outlet": "x",
                                                             "medium": "news", "is_active": "on"})
    assert refused.status_code == 200
    assert not OpinionFeed.objects.exists()
    saved = client.post("/admin/media/opinionfeed/add/", {"name": "北市新聞網", "url": "https://news.example.tw/rss",
                                                           "outlet": "北市新聞網", "medium": "news", "is_active": "on"})
    assert saved.status_code == 302
    assert AuditEntry.objects.filter(action="opinion.feed_save").count() == 1
