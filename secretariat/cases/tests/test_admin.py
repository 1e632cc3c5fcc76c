"""Cases in the admin: auditors read them and their timelines; nobody edits them there."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered_case(assigned_petition, liaison):
    from secretariat.cases.tests.stories import take

    return take(liaison, assigned_petition(), "answer", answer="已修復。")


def test_the_auditor_reads_cases_and_their_timeline_in_the_admin(answered_case, auditor, client_for):
    browser = client_for(auditor)

    listing = browser.get("/admin/cases/case/")
    detail = browser.get(f"/admin/cases/case/{answered_case.pk}/change/")

    assert listing.status_code == 200
    assert answered_case.reference in listing.content.decode()
    assert detail.status_code == 200
    assert "answer" in detail.content.decode()
    assert browser.get("/admin/cases/caseevent/").status_code == 200


def test_nobody_adds_changes_or_deletes_cases_in_the_admin(answered_case, auditor, secretariat_admin, client_for):
    for persona in (auditor, secretariat_admin):
        browser = client_for(persona)
        assert browser.get("/admin/cases/case/add/").status_code == 403
        assert browser.post(f"/admin/cases/case/{answered_case.pk}/delete/", {"post": "yes"}).status_code == 403
        response = browser.post(f"/admin/cases/case/{answered_case.pk}/change/", {"title": "改過"})
        assert response.status_code == 403
    answered_case.refresh_from_db()
    assert answered_case.title != "改過"


def test_an_agency_liaison_has_no_admin_at_all(answered_case, liaison, client_for):
    response = client_for(liaison).get("/admin/cases/case/")

    assert response.status_code == 302
