"""The work report's pages as the people concerned would tell them: the auditor reads every page of the
report but a text form is not theirs even when posted by hand; the Secretariat's clerk is told what to
correct in the form and nothing is stored; an unknown period or place is simply not there; someone switched
off or not signed in is sent to sign in from every page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from secretariat.accounts.models import User
from secretariat.reporting.models import ReportProse
from secretariat.reporting.report.prose import MAX_LENGTH
from tests import refusals
from tests.fixtures import client_for, in_english

pytestmark = pytest.mark.django_db
state = refusals.watcher(app_labels=["reporting"], rows={ReportProse: ["text", "version", "updated_by_id"]})
PAGES = ["/reports/", "/reports/112H2/", "/reports/112H2/compare/", "/reports/112H2/dashboard/",
         "/reports/112H2/download/txt/", "/reports/112H2/text/front/"]


def test_the_auditor_reads_the_report_but_posting_a_text_form_by_hand_is_not_found(auditor: User) -> None:
    client = client_for(auditor)
    for page in PAGES[:5]:
        assert client.get(page).status_code == 200, page
    with refusals.nothing_written(state):
        assert client.get("/reports/112H2/text/front/").status_code == 404
        assert client.post("/reports/112H2/text/front/", {"text": "稽核意見", "version": "0"}).status_code == 404


@pytest.mark.parametrize(("form", "message"), [
    ({"text": "   ", "version": "0"}, "This field is required."),
    ({"text": "字" * (MAX_LENGTH + 1), "version": "0"}, "at most 20000 characters"),
    ({"text": "各位議員：", "version": "-1"}, None),  # a tampered hidden version: refused, no word on it
    ({"text": "各位議員：", "version": "1"}, "Someone else saved this text in the meantime"),
    ({"text": "各位議員："}, None),
])
def test_the_clerk_is_told_what_to_correct_and_nothing_is_stored(secretariat_clerk: User, form: dict[str, str],
                                                                 message: str | None) -> None:
    client = in_english(client_for(secretariat_clerk))
    with refusals.nothing_written(state):
        response = client.post("/reports/112H2/text/front/", form)
    assert response.status_code == 400
    assert message is None or message in response.content.decode()


@pytest.mark.parametrize("page", ["/reports/112H3/", "/reports/abc/compare/", "/reports/112H2/text/preface/",
                                  "/reports/112H3/text/front/", "/reports/112H2/download/exe/"])
def test_an_unknown_period_place_or_format_is_simply_not_there(secretariat_clerk: User, page: str) -> None:
    client = client_for(secretariat_clerk)
    with refusals.nothing_written(state):
        assert client.get(page).status_code == 404
        if "/text/" in page:
            assert client.post(page, {"text": "各位議員：", "version": "0"}).status_code == 404


@pytest.mark.parametrize("who", [None, "switched_off"])
def test_no_one_signed_in_or_switched_off_is_sent_to_sign_in_from_every_page(secretariat_clerk: User,
                                                                             who: Any) -> None:
    client = Client()
    if who == "switched_off":
        client = client_for(secretariat_clerk)
        secretariat_clerk.is_active = False
        secretariat_clerk.save(update_fields=["is_active"])
    with refusals.nothing_written(state):
        for page in PAGES:
            response = client.get(page)
            assert response.status_code == 302, page
            assert "login" in response["Location"], page
        posted = client.post("/reports/112H2/text/front/", {"text": "各位議員：", "version": "0"})
    assert posted.status_code == 302


def test_two_clerks_each_keep_their_own_place_of_the_report(secretariat_clerk: User,
                                                            secretariat_admin: User) -> None:
    assert client_for(secretariat_clerk).post("/reports/112H2/text/front/",
                                              {"text": "前言", "version": "0"}).status_code == 302
    assert client_for(secretariat_admin).post("/reports/112H2/text/closing/",
                                              {"text": "結語", "version": "0"}).status_code == 302
    assert dict(ReportProse.objects.values_list("place", "text")) == {"front": "前言", "closing": "結語"}
