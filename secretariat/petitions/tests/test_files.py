"""A petition's files are personal data (the scanned letter carries the petitioner's name and address):
downloaded only with an approved request to see the petitioner's data, one access-log row per download,
never kept by a cache — for the liaison, the clerk who scanned it, the administrator and the auditor alike."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from secretariat.audit.models import PersonalDataAccess
from secretariat.core.models import Attachment
from secretariat.petitions.models import DisclosureRequest, Petition
from secretariat.petitions.services import disclosure_decide, disclosure_request
from secretariat.petitions.tests.intake_helpers import assign, register, scan
from tests.fixtures import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(secretariat_clerk) -> Attachment:
    """The scanned letter of a petition the clerk registered and assigned to 交通局."""
    petition = register(secretariat_clerk, attachments=[scan("陳情信.pdf")]).petition
    assign(petition, secretariat_clerk)
    return Attachment.objects.get(owner_type="petition", owner_id=str(petition.pk))


def petition_of(letter: Attachment) -> Petition:
    return Petition.objects.select_related("case").get(pk=int(letter.owner_id))


def approved(letter: Attachment, liaison, agency_head) -> DisclosureRequest:
    request = disclosure_request(actor=liaison, petition=petition_of(letter), reason="核對陳情人地址以便會勘")
    return disclosure_decide(actor=agency_head, request_id=request.pk, approve=True)


def page_url(letter: Attachment) -> str:
    return f"/attachments/{letter.pk}/"


def api_url(letter: Attachment) -> str:
    return f"/api/v1/attachments/{letter.pk}/download"


def test_without_an_approval_the_liaison_is_refused_and_told_what_to_do(letter, liaison):
    page = client_for(liaison).get(page_url(letter))
    api = client_for(liaison).get(api_url(letter))

    assert page.status_code == 403
    assert "personal data" in page.content.decode() or "個人資料" in page.content.decode()
    assert api.status_code == 403
    assert api.json()["code"] == "approval_required"
    assert not PersonalDataAccess.objects.exists()


@pytest.mark.parametrize("persona", ["secretariat_clerk", "secretariat_admin", "auditor"])
def test_neither_the_uploader_nor_the_file_permission_gets_round_the_approval(letter, persona, request):
    user = request.getfixturevalue(persona)

    assert client_for(user).get(page_url(letter)).status_code == 403
    assert client_for(user).get(api_url(letter)).status_code == 403
    assert not PersonalDataAccess.objects.exists()


def test_an_approved_download_writes_one_access_log_row_and_is_not_cached(letter, liaison, agency_head):
    approved(letter, liaison, agency_head)
    response = client_for(liaison).get(page_url(letter))

    assert response.status_code == 200
    assert response.getvalue().startswith(b"%PDF")
    assert response["Cache-Control"] == "no-store"
    access = PersonalDataAccess.objects.get()
    assert access.actor == liaison
    assert access.approved_by == agency_head
    assert access.reason == "核對陳情人地址以便會勘"
    assert access.subject_id == letter.owner_id
    assert access.fields == [f"attachment:{letter.pk}"]


def test_every_download_is_logged_again_through_the_api_too(letter, liaison, agency_head):
    approved(letter, liaison, agency_head)
    client_for(liaison).get(page_url(letter))
    response = client_for(liaison).get(api_url(letter))

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert PersonalDataAccess.objects.count() == 2


def test_an_expired_approval_downloads_nothing(letter, liaison, agency_head):
    approved(letter, liaison, agency_head)
    DisclosureRequest.objects.update(valid_until=timezone.now() - dt.timedelta(seconds=1))

    assert client_for(liaison).get(page_url(letter)).status_code == 403
    assert not PersonalDataAccess.objects.exists()


def test_another_agency_is_told_the_file_does_not_exist(letter, outsider):
    assert client_for(outsider).get(page_url(letter)).status_code == 404
    assert client_for(outsider).get(api_url(letter)).status_code == 404


def test_the_panel_links_the_file_only_once_the_request_is_approved(letter, liaison, agency_head):
    case_page = f"/cases/{letter.owner_id}/"
    before = client_for(liaison).get(case_page).content.decode()
    approved(letter, liaison, agency_head)
    after = client_for(liaison).get(case_page).content.decode()

    assert "陳情信.pdf" in before
    assert page_url(letter) not in before
    assert page_url(letter) in after
    assert not PersonalDataAccess.objects.exists()  # showing the page is not a download
