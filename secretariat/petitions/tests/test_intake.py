"""Staff register letters, e-mails, calls and visits: one case and one petition, or nothing at all."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import check_password
from django.core.files.uploadedfile import SimpleUploadedFile

from secretariat.audit.models import AuditEntry
from secretariat.cases.models import Case, CaseStatus
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.core.models import Attachment
from secretariat.core.services import setting_set
from secretariat.petitions.access.personal_data import petitioner_key
from secretariat.petitions.models import Category, Channel, Petition
from secretariat.petitions.services import reference as petitions_reference
from secretariat.petitions.tests.intake_helpers import (
    PETITIONER,
    assign,
    categories,
    register,
    scan,
    stored_files,
)
from tests.files import exe_bytes

pytestmark = pytest.mark.django_db
__all__ = ["categories"]


def test_a_clerk_registers_a_letter_and_gets_a_case_number_and_password(secretariat_clerk, categories):
    registered = register(secretariat_clerk, category=Category.objects.get(code="roads"))
    petition = registered.petition
    assert petition.case.reference.startswith("P")
    assert petition.case.kind == "petition"
    assert petition.case.status == CaseStatus.RECEIVED
    assert petition.channel == Channel.LETTER
    assert petition.registered_by == secretariat_clerk
    assert len(registered.password) == 10


def test_the_case_password_is_stored_only_as_a_hash(secretariat_clerk):
    registered = register(secretariat_clerk)
    stored = Petition.objects.get(pk=registered.petition.pk).password_hash
    assert registered.password not in stored
    assert check_password(registered.password, stored)


def test_the_audit_trail_records_the_registration_without_personal_data(secretariat_clerk):
    petition = register(secretariat_clerk).petition
    entry = AuditEntry.objects.get(action="petition.register", target_id=str(petition.pk))
    written = str(entry.after)
    assert entry.after is not None
    assert entry.after["reference"] == petition.case.reference
    for value in PETITIONER.values():
        assert value not in written


def test_the_petitioner_key_is_the_same_for_the_same_email_written_differently(secretariat_clerk):
    first = register(secretariat_clerk, petitioner_email="Xiaoming@Example.com ").petition
    second = register(secretariat_clerk, petitioner_email="xiaoming@example.com").petition
    assert first.petitioner_key == second.petitioner_key == petitioner_key("xiaoming@example.com", "")
    assert len(first.petitioner_key) == 64


def test_without_an_email_the_phone_digits_make_the_key(secretariat_clerk):
    petition = register(secretariat_clerk, petitioner_email="", petitioner_phone="+886 912 345 678").petition
    assert petition.petitioner_key == petitioner_key("", "0912345678")


def test_an_anonymous_letter_is_still_registered(secretariat_clerk):
    petition = register(secretariat_clerk, petitioner_name="", petitioner_email="", petitioner_phone="",
                        petitioner_address="").petition
    assert petition.petitioner_key == ""


def test_a_missing_subject_is_refused_and_nothing_is_written(secretariat_clerk):
    with pytest.raises(ValidationFailed) as refusal:
        register(secretariat_clerk, subject="  ")
    assert refusal.value.field == "subject"
    assert refusal.value.code == "required"
    assert not Case.objects.exists()
    assert not Petition.objects.exists()


def test_missing_content_is_refused(secretariat_clerk):
    with pytest.raises(ValidationFailed) as refusal:
        register(secretariat_clerk, content="")
    assert refusal.value.field == "content"


def test_an_over_long_subject_is_refused_with_the_limit(secretariat_clerk):
    with pytest.raises(ValidationFailed) as refusal:
        register(secretariat_clerk, subject="路" * 201)
    assert refusal.value.code == "too_long"
    assert "200" in refusal.value.render()
    assert not Case.objects.exists()


def test_an_invalid_email_is_refused(secretariat_clerk):
    with pytest.raises(ValidationFailed) as refusal:
        register(secretariat_clerk, petitioner_email="not-an-address")
    assert refusal.value.field == "petitioner_email"


def test_a_phone_number_with_letters_is_refused(secretariat_clerk):
    with pytest.raises(ValidationFailed) as refusal:
        register(secretariat_clerk, petitioner_phone="call me maybe")
    assert refusal.value.field == "petitioner_phone"


def test_a_collective_petition_needs_at_least_two_people(secretariat_clerk):
    with pytest.raises(ValidationFailed) as refusal:
        register(secretariat_clerk, is_collective=True, people_count=1)
    assert refusal.value.code == "collective_needs_people"
    assert register(secretariat_clerk, is_collective=True, people_count=35).petition.people_count == 35


def test_an_individual_petition_is_one_person(secretariat_clerk):
    with pytest.raises(ValidationFailed) as refusal:
        register(secretariat_clerk, is_collective=False, people_count=3)
    assert refusal.value.code == "individual_is_one"


def test_an_inactive_category_is_refused(secretariat_clerk, categories):
    category = Category.objects.get(code="other")
    Category.objects.filter(pk=category.pk).update(is_active=False)
    category.refresh_from_db()
    with pytest.raises(ValidationFailed) as refusal:
        register(secretariat_clerk, category=category)
    assert refusal.value.field == "category"


def test_a_receipt_day_in_the_future_is_refused(secretariat_clerk):
    import datetime as dt

    from django.utils import timezone

    with pytest.raises(ValidationFailed) as refusal:
        register(secretariat_clerk, received_at=timezone.now() + dt.timedelta(days=2))
    assert refusal.value.code == "received_in_future"


def test_an_agency_liaison_may_not_register_petitions(liaison):
    with pytest.raises(PermissionRefused):
        register(liaison)
    assert not Case.objects.exists()


def test_the_platform_itself_may_not_use_staff_registration(reference_data):
    with pytest.raises(PermissionRefused):
        register(SYSTEM)


def test_scanned_letters_are_attached_to_the_petition(secretariat_clerk):
    petition = register(secretariat_clerk, attachments=[scan("letter.pdf"), scan("envelope.pdf")]).petition
    files = Attachment.objects.filter(owner_type="petition", owner_id=str(petition.pk))
    assert sorted(files.values_list("original_name", flat=True)) == ["envelope.pdf", "letter.pdf"]


def test_an_oversized_scan_is_refused_and_nothing_is_written(secretariat_clerk):
    setting_set(actor=SYSTEM, key="attachments.max_megabytes", value=1)
    before = stored_files()
    with pytest.raises(ValidationFailed) as refusal:
        register(secretariat_clerk, attachments=[scan("small.pdf"), scan("huge.pdf", size=1024 * 1024 + 10)])
    assert refusal.value.code == "attachment_rejected"
    assert not Case.objects.exists()
    assert not Attachment.objects.exists()
    assert stored_files() == before


def test_an_executable_is_refused_and_nothing_is_written(secretariat_clerk):
    before = stored_files()
    with pytest.raises(ValidationFailed):
        register(secretariat_clerk, attachments=[scan(), SimpleUploadedFile("scan.pdf", exe_bytes())])
    assert not Case.objects.exists()
    assert not Attachment.objects.exists()
    assert stored_files() == before


def test_the_lead_agency_downloads_the_scan_with_an_approval_and_an_outsider_never(secretariat_clerk, liaison,
                                                                                   agency_head, outsider, client_for):
    from secretariat.petitions.services import disclosure_decide, disclosure_request

    petition = register(secretariat_clerk, attachments=[scan()]).petition
    assign(petition, secretariat_clerk)
    attachment = Attachment.objects.get(owner_type="petition")
    url = f"/attachments/{attachment.pk}/"
    assert client_for(liaison).get(url).status_code == 403  # the scan is personal data (see test_files.py)
    asked = disclosure_request(actor=liaison, petition=petition, reason="會勘前核對地址")
    disclosure_decide(actor=agency_head, request_id=asked.pk, approve=True)
    assert client_for(liaison).get(url).status_code == 200
    assert client_for(outsider).get(url).status_code == 404


def test_categories_are_loaded_once_with_six_answer_days(reference_data):
    assert petitions_reference.load() == ["9 petition categories"]
    assert petitions_reference.load() == []
    assert set(Category.objects.values_list("answer_days", flat=True)) == {6}
    assert Category.objects.filter(name="道路與路燈").exists()


# --- The staff pages ---------------------------------------------------------------------------------

def test_the_register_page_opens_for_the_clerk_and_not_for_a_liaison(secretariat_clerk, liaison, client_for):
    assert client_for(secretariat_clerk).get("/staff/petitions/new/").status_code == 200
    assert client_for(liaison).get("/staff/petitions/new/").status_code == 403


def test_the_clerk_registers_a_visit_on_the_page_and_sees_the_password_once(secretariat_clerk, client_for,
                                                                            categories):
    response = client_for(secretariat_clerk).post("/staff/petitions/new/", {
        "channel": "visit", "subject": "公園噪音", "content": "晚上有人在公園唱歌。", "category": "",
        "people_count": "1", "petitioner_name": "李大華", "petitioner_email": "", "petitioner_phone": "0223456789",
        "petitioner_address": "", "location": "", "received_on": "",
    })
    assert response.status_code == 201
    petition = Petition.objects.get()
    assert petition.channel == Channel.VISIT
    page = response.content.decode()
    assert petition.case.reference in page
    assert 'id="case-password"' in page
    assert "no-store" in response["Cache-Control"]


def test_the_register_page_shows_a_refusal_on_the_field(secretariat_clerk, client_for):
    response = client_for(secretariat_clerk).post("/staff/petitions/new/", {
        "channel": "letter", "subject": "集體陳情", "content": "內容", "is_collective": "on", "people_count": "1",
    })
    assert response.status_code == 400
    assert "people" in response.content.decode() or "人" in response.content.decode()
    assert not Petition.objects.exists()


def test_a_letter_received_last_week_counts_from_that_day(secretariat_clerk, client_for):
    import datetime as dt

    from django.utils import timezone

    day = timezone.localdate() - dt.timedelta(days=7)
    response = client_for(secretariat_clerk).post("/staff/petitions/new/", {
        "channel": "letter", "subject": "人行道", "content": "人行道破損。", "people_count": "1",
        "received_on": day.isoformat(),
    })
    assert response.status_code == 201
    assert Petition.objects.get().case.received_on == day


def test_the_petition_list_shows_the_clerk_every_petition_and_the_outsider_none(secretariat_clerk, outsider,
                                                                                client_for):
    petition = register(secretariat_clerk).petition
    assign(petition, secretariat_clerk)
    assert petition.case.reference in client_for(secretariat_clerk).get("/staff/petitions/").content.decode()
    assert petition.case.reference not in client_for(outsider).get("/staff/petitions/").content.decode()


def test_the_petitions_menu_entry_is_for_the_secretariat(secretariat_clerk, liaison, client_for):
    assert "/staff/petitions/" in client_for(secretariat_clerk).get("/").content.decode()
    assert 'href="/staff/petitions/"' not in client_for(liaison).get("/").content.decode()
