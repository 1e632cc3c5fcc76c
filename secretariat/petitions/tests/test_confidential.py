"""A petition needing secrecy (需保密), routed to 交通局 with 衛生局 as co-agency, through every route that
shows a case: 衛生局's liaison (`outsider`) reads 「密件」 and no timeline; 交通局 and the Secretariat's staff
read everything; the petition itself stays out of 衛生局's and the auditor's sight."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from secretariat.accounts.models import Agency
from secretariat.cases.models import Case
from secretariat.cases.selectors import InboxFilter, case_inbox, case_title_for
from secretariat.petitions.access import visible_petitions
from secretariat.petitions.models import Petition
from secretariat.petitions.tests.intake_helpers import assign, register
from tests.fixtures import client_for

pytestmark = pytest.mark.django_db

SUBJECT = "檢舉某里長占用騎樓"


@pytest.fixture
def secret(secretariat_clerk) -> Petition:
    petition = register(secretariat_clerk, subject=SUBJECT, is_confidential=True).petition
    assign(petition, secretariat_clerk, co_agencies=[Agency.objects.get(short_name="衛生局")], note="請交通局主辦")
    return Petition.objects.select_related("case").get(pk=petition.pk)


def test_registering_a_petition_needing_secrecy_makes_its_case_confidential(secret):
    assert secret.case.confidential is True


def test_the_co_agency_reads_confidential_on_every_case_route(secret, outsider):
    client = client_for(outsider)
    inbox = client.get("/cases/").content.decode()
    page = client.get(f"/cases/{secret.pk}/").content.decode()
    listed = client.get("/api/v1/cases/").json()["items"]
    detail = client.get(f"/api/v1/cases/{secret.pk}").json()

    assert secret.case.reference in inbox
    assert "密件" in inbox
    assert SUBJECT not in inbox
    assert "密件" in page
    assert SUBJECT not in page
    assert "林書記" not in page
    assert "請交通局主辦" not in page
    assert "密件" in listed[0]["title"]
    assert SUBJECT not in listed[0]["title"]
    assert "密件" in detail["title"]
    assert detail["timeline"] == []


def test_the_co_agency_still_gets_no_petition(secret, outsider):
    client = client_for(outsider)

    assert client.get(f"/api/v1/petitions/{secret.pk}").status_code == 404
    assert client.get("/api/v1/petitions/").json()["items"] == []
    assert client.post(f"/staff/petitions/{secret.pk}/personal-data/").status_code == 404


def test_the_case_selectors_lists_and_exports_use_give_the_co_agency_confidential(secret, outsider, liaison):
    rows = case_inbox(user=outsider, filters=InboxFilter())

    assert [row.pk for row in rows] == [secret.pk]
    assert "密件" in case_title_for(outsider, rows[0])
    assert case_title_for(liaison, rows[0]) == SUBJECT
    assert case_inbox(user=outsider, filters=InboxFilter(text="占用騎樓")) == []


@pytest.mark.parametrize("persona", ["liaison", "agency_head", "secretariat_clerk", "secretariat_admin"])
def test_the_lead_agency_and_the_secretariat_read_everything(secret, persona, request):
    client = client_for(request.getfixturevalue(persona))
    page = client.get(f"/cases/{secret.pk}/").content.decode()
    detail = client.get(f"/api/v1/cases/{secret.pk}").json()

    assert SUBJECT in page
    assert "林書記" in page
    assert 'id="petition-panel"' in page
    assert detail["title"] == SUBJECT
    assert [event["action"] for event in detail["timeline"]] == ["open", "assign"]
    assert client.get(f"/api/v1/petitions/{secret.pk}").status_code == 200


def test_the_auditor_reads_confidential_and_sees_no_petition(secret, auditor):
    client = client_for(auditor)

    assert "密件" in client.get(f"/api/v1/cases/{secret.pk}").json()["title"]
    assert SUBJECT not in client.get(f"/cases/{secret.pk}/").content.decode()
    assert client.get(f"/api/v1/petitions/{secret.pk}").status_code == 404
    assert not visible_petitions(auditor).exists()


def test_petitions_needing_secrecy_registered_earlier_are_marked_confidential(secret):
    Case.objects.filter(pk=secret.pk).update(confidential=False)
    migration = importlib.import_module("secretariat.petitions.migrations.0003_confidential_cases")

    migration.mark_confidential_cases(apps, None)

    assert Case.objects.get(pk=secret.pk).confidential is True


def test_audit_rows_and_the_access_log_name_the_petition_by_its_case_number_only(secret):
    from secretariat.audit.models import AuditEntry

    assert str(secret) == secret.case.reference
    assert not AuditEntry.objects.filter(target_label__contains=SUBJECT).exists()
    registered = AuditEntry.objects.get(action="petition.register")
    assert SUBJECT not in str(registered.after)
