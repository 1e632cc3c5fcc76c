"""The petitioner's personal data: masked everywhere; a caseworker asks, a supervisor approves, every
view is logged. Told as stories about the personas of tests/fixtures.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from secretariat.audit.models import PersonalDataAccess
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.notifications.models import Notification
from secretariat.petitions.access.personal_data import (
    mask_address,
    mask_email,
    mask_name,
    mask_phone,
    masked_petitioner,
    petitioner_key,
)
from secretariat.petitions.models import DisclosureRequest, DisclosureStatus
from secretariat.petitions.services import (
    disclosure_decide,
    disclosure_request,
    petition_personal_data_reveal,
)
from secretariat.petitions.tests.intake_helpers import assign, register
from secretariat.petitions.views.panels import panel_context

pytestmark = pytest.mark.django_db
REAL_NAME = "王小明"


# --- The masks ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "masked"), [("王小明", "王○明"), ("王明", "王○"), ("歐陽娜娜", "歐○○娜"),
                                              ("王", "王"), ("", "")])
def test_names_keep_only_their_first_and_last_character(name, masked):
    assert mask_name(name) == masked


def test_emails_keep_the_first_letter_and_the_domain():
    assert mask_email("alice@example.com") == "a***@example.com"
    assert mask_email("") == ""


@pytest.mark.parametrize(("phone", "masked"), [("0912345678", "0912-***-678"), ("0912-345-678", "0912-***-678"),
                                                ("(02) 2720-8889", "0227-***-889"), ("1999", "***"), ("", "")])
def test_phones_keep_the_first_four_and_last_three_digits(phone, masked):
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(("address", "masked"), [
    ("臺北市信義區市府路1號", "臺北市信義區"), ("110臺北市信義區市府路1號", "臺北市信義區"),
    ("新北市板橋區中山路一段161號", "新北市板橋區"), ("臺北市市府路1號", "臺北市"), ("市府路1號", "***"), ("", ""),
])
def test_addresses_keep_only_the_city_and_district(address, masked):
    assert mask_address(address) == masked


def test_the_petitioner_key_depends_on_the_secret_key(settings):
    first = petitioner_key("a@example.com", "")
    settings.SECRET_KEY = "another-secret"
    assert petitioner_key("a@example.com", "") != first


def seen(case, user) -> dict[str, Any]:
    """The panel's context for a viewer who may see the petition."""
    context = panel_context(case, user)
    assert context is not None
    return context


# --- Stories -----------------------------------------------------------------------------------------

@pytest.fixture
def petition(secretariat_clerk):
    """A petition assigned to 交通局 (the liaison's and the head's agency)."""
    petition = register(secretariat_clerk).petition
    assign(petition, secretariat_clerk)
    petition.refresh_from_db()
    return petition


def test_the_clerk_who_registered_the_petition_sees_it_masked_too(secretariat_clerk, client_for):
    petition = register(secretariat_clerk).petition
    context = seen(petition.case, secretariat_clerk)
    assert context["masked"]["name"] == "王○明"
    assert context["revealed"] is None
    assert REAL_NAME not in client_for(secretariat_clerk).get(f"/cases/{petition.pk}/").content.decode()


def test_the_liaison_sees_the_petition_with_masked_data_on_the_case_page(petition, liaison, client_for):
    body = client_for(liaison).get(f"/cases/{petition.pk}/").content.decode()
    assert "王○明" in body
    assert "x***@example.com" in body
    assert "0912-***-678" in body
    assert REAL_NAME not in body
    assert "市府路1號" not in body


def test_an_outsider_sees_neither_the_case_page_nor_the_panel(petition, outsider, client_for):
    assert client_for(outsider).get(f"/cases/{petition.pk}/").status_code == 404
    assert panel_context(petition.case, outsider) is None


def test_the_liaison_asks_the_head_approves_and_the_view_is_logged(petition, liaison, agency_head, client_for):
    request = disclosure_request(actor=liaison, petition=petition, reason="回電約定會勘時間")
    assert Notification.objects.filter(user=agency_head, target=f"cases.case:{petition.case.pk}").exists()
    with pytest.raises(PermissionRefused):
        petition_personal_data_reveal(actor=liaison, petition=petition)
    disclosure_decide(actor=agency_head, request_id=request.pk, approve=True)
    assert Notification.objects.filter(user=liaison, target=f"cases.case:{petition.case.pk}").exists()
    response = client_for(liaison).post(f"/staff/petitions/{petition.pk}/personal-data/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert REAL_NAME in response.content.decode()
    access = PersonalDataAccess.objects.get()
    assert access.actor == liaison
    assert access.approved_by == agency_head
    assert access.reason == "回電約定會勘時間"
    assert set(access.fields) == {"petitioner_name", "petitioner_email", "petitioner_phone", "petitioner_address"}
    assert access.subject_id == str(petition.pk)


def test_every_view_is_logged_again(petition, liaison, agency_head):
    request = disclosure_request(actor=liaison, petition=petition, reason="回電")
    disclosure_decide(actor=agency_head, request_id=request.pk, approve=True)
    petition_personal_data_reveal(actor=liaison, petition=petition)
    petition_personal_data_reveal(actor=liaison, petition=petition)
    assert PersonalDataAccess.objects.count() == 2


def test_the_panel_asks_through_htmx_and_shows_the_request_as_waiting(petition, liaison, client_for):
    response = client_for(liaison).post(f"/staff/petitions/{petition.pk}/disclosures/", {"reason": "需要回電"},
                                        HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'id="petition-panel"' in response.content.decode()
    assert DisclosureRequest.objects.get().status == DisclosureStatus.PENDING


def test_asking_without_a_reason_is_refused(petition, liaison, client_for):
    with pytest.raises(ValidationFailed):
        disclosure_request(actor=liaison, petition=petition, reason=" ")
    response = client_for(liaison).post(f"/staff/petitions/{petition.pk}/disclosures/", {"reason": ""},
                                        HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert not DisclosureRequest.objects.exists()


def test_asking_twice_while_waiting_is_refused(petition, liaison):
    disclosure_request(actor=liaison, petition=petition, reason="回電")
    with pytest.raises(Conflict):
        disclosure_request(actor=liaison, petition=petition, reason="再問一次")


def test_the_head_decides_from_the_panel(petition, liaison, agency_head, client_for):
    request = disclosure_request(actor=liaison, petition=petition, reason="回電")
    page = client_for(agency_head).get(f"/cases/{petition.pk}/").content.decode()
    assert f"/staff/petitions/disclosures/{request.pk}/decide/" in page
    response = client_for(agency_head).post(f"/staff/petitions/disclosures/{request.pk}/decide/", {"approve": "1"},
                                            HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.status == DisclosureStatus.APPROVED
    assert request.valid_until is not None
    assert request.decided_at is not None
    assert request.valid_until - request.decided_at == dt.timedelta(hours=24)


def test_nobody_approves_their_own_request(petition, liaison):
    request = disclosure_request(actor=liaison, petition=petition, reason="回電")
    with pytest.raises((PermissionRefused, NotFound)):
        disclosure_decide(actor=liaison, request_id=request.pk, approve=True)


def test_another_agencys_head_cannot_decide(petition, liaison, make_persona):
    from secretariat.accounts.constants import Role

    health_head = make_persona("health_head", "衛生局長", Role.AGENCY_HEAD, "衛生局")
    request = disclosure_request(actor=liaison, petition=petition, reason="回電")
    with pytest.raises(NotFound):
        disclosure_decide(actor=health_head, request_id=request.pk, approve=True)


def test_a_clerks_request_is_decided_by_a_secretariat_administrator(petition, secretariat_clerk, agency_head,
                                                                    secretariat_admin):
    request = disclosure_request(actor=secretariat_clerk, petition=petition, reason="核對重複陳情")
    with pytest.raises(PermissionRefused):
        disclosure_decide(actor=agency_head, request_id=request.pk, approve=True)
    disclosure_decide(actor=secretariat_admin, request_id=request.pk, approve=True)
    assert petition_personal_data_reveal(actor=secretariat_clerk, petition=petition)["name"] == REAL_NAME


def test_a_refusal_needs_a_note_and_gives_no_access(petition, liaison, agency_head):
    request = disclosure_request(actor=liaison, petition=petition, reason="好奇")
    with pytest.raises(ValidationFailed):
        disclosure_decide(actor=agency_head, request_id=request.pk, approve=False)
    disclosure_decide(actor=agency_head, request_id=request.pk, approve=False, note="理由不足")
    with pytest.raises(PermissionRefused):
        petition_personal_data_reveal(actor=liaison, petition=petition)
    with pytest.raises(Conflict):
        disclosure_decide(actor=agency_head, request_id=request.pk, approve=True)
    assert not PersonalDataAccess.objects.exists()


def test_an_approval_lasts_twenty_four_hours(petition, liaison, agency_head):
    request = disclosure_request(actor=liaison, petition=petition, reason="回電")
    disclosure_decide(actor=agency_head, request_id=request.pk, approve=True)
    DisclosureRequest.objects.update(valid_until=timezone.now() - dt.timedelta(seconds=1))
    with pytest.raises(PermissionRefused):
        petition_personal_data_reveal(actor=liaison, petition=petition)
    assert not PersonalDataAccess.objects.exists()


def test_re_routing_ends_the_old_agencys_access(petition, liaison, agency_head, secretariat_clerk):
    from secretariat.cases.services import case_transition

    request = disclosure_request(actor=liaison, petition=petition, reason="回電")
    disclosure_decide(actor=agency_head, request_id=request.pk, approve=True)
    case_transition(actor=liaison, case_id=petition.pk, name="return", data={"reason": "非本局權責"})
    assign(petition, secretariat_clerk, "衛生局")
    petition.refresh_from_db()
    with pytest.raises(NotFound):
        petition_personal_data_reveal(actor=liaison, petition=petition)


def test_the_auditor_sees_the_petition_masked_and_may_not_ask(petition, auditor):
    context = seen(petition.case, auditor)
    assert context["masked"]["name"] == "王○明"
    assert context["can_ask"] is False
    with pytest.raises(PermissionRefused):
        disclosure_request(actor=auditor, petition=petition, reason="稽核")
    with pytest.raises(PermissionRefused):
        petition_personal_data_reveal(actor=auditor, petition=petition)


def test_a_councillor_sees_nothing(petition, councillor):
    assert panel_context(petition.case, councillor) is None
    with pytest.raises(NotFound):
        disclosure_request(actor=councillor, petition=petition, reason="關心")


def test_a_petition_needing_secrecy_is_hidden_from_co_agencies(secretariat_clerk, outsider, liaison):
    from secretariat.accounts.models import Agency

    petition = register(secretariat_clerk, is_confidential=True).petition
    assign(petition, secretariat_clerk, co_agencies=[Agency.objects.get(short_name="衛生局")])
    petition.refresh_from_db()
    assert panel_context(petition.case, outsider) is None
    assert panel_context(petition.case, liaison) is not None


def test_an_ordinary_petition_is_shown_masked_to_co_agencies_who_may_not_ask(secretariat_clerk, outsider):
    petition = register(secretariat_clerk).petition
    from secretariat.accounts.models import Agency

    assign(petition, secretariat_clerk, co_agencies=[Agency.objects.get(short_name="衛生局")])
    petition.refresh_from_db()
    context = panel_context(petition.case, outsider)
    assert context is not None
    assert context["can_ask"] is False
    with pytest.raises(PermissionRefused):
        disclosure_request(actor=outsider, petition=petition, reason="協辦")


def test_masked_petitioner_is_what_exports_use(petition):
    assert masked_petitioner(petition) == {"name": "王○明", "email": "x***@example.com", "phone": "0912-***-678",
                                           "address": "臺北市信義區"}
