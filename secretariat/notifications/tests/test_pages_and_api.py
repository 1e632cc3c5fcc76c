"""The bell, the list, opening a notification, the settings pages and /api/v1/notifications over HTTP."""

from __future__ import annotations

import json

import pytest
from django.db import transaction

from secretariat.core.notification_events import Channel
from secretariat.notifications.models import Notification, Preference, RoleDefault
from secretariat.notifications.services import notify

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
PARAMS = {"reference": "P1120000007", "agency": "交通局", "title": "公車誤點"}


def tell(person, link="/cases/7/"):
    with transaction.atomic():
        return notify("case.assigned", to=[person], params=PARAMS, link=link)[0]


def test_the_bell_counts_unread_and_the_list_links_to_the_record(liaison, client_for):
    tell(liaison)
    tell(liaison)
    browser = client_for(liaison)
    home = browser.get("/").content.decode()
    assert 'data-unread>2</span>' in home
    listing = browser.get("/notifications/").content.decode()
    note = Notification.objects.filter(user=liaison).latest("pk")
    assert f'href="/notifications/{note.pk}/"' in listing
    assert "P1120000007 已分派至交通局：公車誤點" in listing


def test_opening_a_notification_marks_it_read_and_goes_to_its_record(liaison, client_for):
    note = tell(liaison)
    response = client_for(liaison).get(f"/notifications/{note.pk}/")
    assert (response.status_code, response["Location"]) == (302, "/cases/7/")
    note.refresh_from_db()
    assert note.read_at is not None


def test_a_link_off_the_site_is_not_followed(liaison, client_for):
    note = tell(liaison, link="https://evil.example/")
    response = client_for(liaison).get(f"/notifications/{note.pk}/")
    assert response["Location"] == "/notifications/"


def test_marking_read_with_htmx_answers_the_list_and_all_read_returns_to_it(liaison, client_for):
    note = tell(liaison)
    tell(liaison)
    browser = client_for(liaison)
    response = browser.post(f"/notifications/{note.pk}/read/", **HTMX)
    assert response.status_code == 200
    assert 'id="notification-rows"' in response.content.decode()
    assert browser.post("/notifications/read/").status_code == 302
    assert not Notification.objects.filter(user=liaison, read_at__isnull=True).exists()


def test_nobody_opens_or_marks_someone_elses_notification(liaison, outsider, client_for):
    note = tell(liaison)
    browser = client_for(outsider)
    assert browser.get(f"/notifications/{note.pk}/").status_code == 404
    assert browser.post(f"/notifications/{note.pk}/read/").status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_a_liaison_chooses_mail_at_once_on_the_settings_page(liaison, client_for):
    browser = client_for(liaison)
    page = browser.get("/notifications/settings/").content.decode()
    assert "案件分派到您的機關" in page
    form = {"case.assigned": Channel.MAIL, "case.due_soon": Channel.DIGEST, "case.overdue": Channel.IN_APP,
            "media.incident_escalated": Channel.MAIL, "media.opinion_digest": Channel.MAIL,
            "council.question_sent_back": Channel.MAIL, "council.request_sent_back": Channel.MAIL,
            "petitions.disclosure_approved": Channel.IN_APP, "petitions.disclosure_refused": Channel.IN_APP,
            "media.release_returned": Channel.MAIL, "media.release_published": Channel.IN_APP}
    assert browser.post("/notifications/settings/", form).status_code == 302
    assert Preference.objects.get(user=liaison, event="case.assigned").channel == Channel.MAIL


def test_a_bad_channel_on_the_settings_page_is_a_400_that_says_why(liaison, client_for):
    response = client_for(liaison).post("/notifications/settings/", {"case.assigned": "pigeon"})
    assert response.status_code == 400
    assert not Preference.objects.exists()


def test_only_an_administrator_opens_the_role_defaults(secretariat_admin, secretariat_clerk, client_for):
    assert client_for(secretariat_clerk).get("/notifications/defaults/").status_code == 403
    browser = client_for(secretariat_admin)
    page = browser.get("/notifications/defaults/")
    assert page.status_code == 200
    fields = dict.fromkeys(page.context["form"].fields, Channel.IN_APP)
    fields["agency_liaison:case.assigned"] = Channel.MAIL
    assert browser.post("/notifications/defaults/", fields).status_code == 302
    assert RoleDefault.objects.filter(role="agency_liaison", event="case.assigned", channel=Channel.MAIL).exists()


def test_the_api_lists_counts_and_marks_read(liaison, outsider, client_for):
    note = tell(liaison)
    api = client_for(liaison)
    listing = api.get("/api/v1/notifications?unread=true").json()
    assert (listing["unread"], listing["results"][0]["id"], listing["results"][0]["link"]) == (1, note.pk, "/cases/7/")
    assert api.get("/api/v1/notifications/unread-count").json() == {"unread": 1}
    assert client_for(outsider).post(f"/api/v1/notifications/{note.pk}/read").status_code == 404
    assert api.post(f"/api/v1/notifications/{note.pk}/read").json() == {"marked": 1}
    assert api.post("/api/v1/notifications/read").json() == {"marked": 0}


def test_the_api_pages_with_a_cursor(liaison, client_for):
    for _ in range(3):
        tell(liaison)
    from secretariat.notifications import selectors

    first = selectors.notification_page(user=liaison, size=2)
    second = selectors.notification_page(user=liaison, size=2, cursor=first.next_cursor)
    assert len(first.rows) == 2
    assert len(second.rows) == 1
    assert second.next_cursor == ""
    assert not {row.pk for row in first.rows} & {row.pk for row in second.rows}
    assert client_for(liaison).get("/api/v1/notifications?after=garbage").status_code == 200


def test_api_preferences_refuse_an_unknown_event_with_a_400(liaison, client_for):
    api = client_for(liaison)
    body = json.dumps({"choices": {"no.such": "mail"}})
    response = api.put("/api/v1/notifications/preferences", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "unknown_event"
    good = api.put("/api/v1/notifications/preferences", json.dumps({"choices": {"case.assigned": "mail"}}),
                   content_type="application/json")
    assert {row["event"]: row["channel"] for row in good.json()}["case.assigned"] == "mail"


def test_anonymous_callers_get_401(client):
    assert client.get("/api/v1/notifications").status_code == 401
    assert client.get("/notifications/").status_code == 302
