"""Auditors read each row's action by its label in their language, with the code beside it to filter by; rows
under a code no longer declared still show, under the code."""

from __future__ import annotations

import pytest

from secretariat.accounts.services import agency_save
from secretariat.audit.models import AuditEntry
from secretariat.audit.services import audit_record
from secretariat.core.changes import SYSTEM
from tests.fixtures import in_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed_agency(secretariat_admin, agency_named):
    """A real change through a service: the agency's name edited (audited as `agency.change`)."""
    agency = agency_named("民政局")
    agency_save(actor=secretariat_admin, agency=agency, name_en="Department of Civil Affairs")
    return agency


def test_the_audit_page_shows_the_chinese_label_and_the_code(auditor, client_for, changed_agency):
    page = client_for(auditor).get("/audit/", {"action": "agency.change"}).content.decode()
    assert "修改機關" in page
    assert "<code>agency.change</code>" in page


def test_the_audit_page_in_english_shows_the_english_label(auditor, client_for, changed_agency):
    page = in_english(client_for(auditor)).get("/audit/", {"action": "agency.change"}).content.decode()
    assert "Change agency" in page


def test_the_api_gives_the_label_beside_the_code(auditor, client_for, changed_agency):
    rows = client_for(auditor).get("/api/v1/audit/entries", {"action": "agency.change"}).json()
    assert [(row["action"], row["action_label"]) for row in rows] == [("agency.change", "修改機關")]


def test_a_row_under_a_retired_code_still_shows_under_its_code(auditor, client_for):
    audit_record(actor=SYSTEM, action="agency.merge", target=SYSTEM)  # written before the code was retired
    assert AuditEntry.objects.get(action="agency.merge").action_label == "agency.merge"
    only = {"action": "agency.merge"}
    assert [row["action_label"] for row in client_for(auditor).get("/api/v1/audit/entries", only).json()] == [
        "agency.merge"]
    assert "agency.merge" in client_for(auditor).get("/audit/", only).content.decode()
