"""A citizen without an account: sends the form, confirms by e-mail, reads the answer and rates it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from secretariat.cases.models import Case
from secretariat.core.models import Attachment
from secretariat.core.services import setting_set
from secretariat.petitions.models import Channel, LookupFailure, PendingSubmission, Petition
from secretariat.petitions.services import (
    petition_confirm,
    petition_lookup,
    petition_rate,
    petition_submit,
    submissions_purge,
)
from secretariat.petitions.services.errors import (
    ConfirmationExpired,
    ConfirmationUnknown,
    ConfirmationUsed,
    LookupRefused,
    TooManyAttempts,
)
from secretariat.petitions.services.public import token_hash
from secretariat.petitions.tests.intake_helpers import (
    answer_and_close,
    assign,
    confirmation_link,
    register,
    stored_files,
)
from tests.files import exe_bytes, png_bytes

pytestmark = pytest.mark.django_db

FORM = {
    "subject": "公車班次太少", "content": "262路公車晚上班次太少，等了四十分鐘。", "category": "",
    "location": "市府站", "people_count": "1", "petitioner_name": "陳美麗", "petitioner_email": "meili@example.com",
    "petitioner_phone": "", "petitioner_address": "", "consent": "on", "website": "",
}


def submit(**overrides):
    fields = {"subject": "公車班次太少", "content": "等了四十分鐘。", "petitioner_name": "陳美麗",
              "petitioner_email": "meili@example.com", "client_ip": "203.0.113.5", **overrides}
    return petition_submit(**fields)


# --- Sending and confirming ----------------------------------------------------------------------------

@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(execute=True):` runs the mails queued for after the commit, as in production."""
    return django_capture_on_commit_callbacks


def test_sending_the_form_mails_a_link_and_files_nothing_yet(reference_data, committed):
    with committed(execute=True):
        response = Client().post("/petitions/new/", FORM)
    assert response.status_code == 200
    assert "m***@example.com" in response.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["meili@example.com"]
    assert "/petitions/confirm/" in mail.outbox[0].body
    assert not Case.objects.exists()
    assert PendingSubmission.objects.count() == 1


def test_only_the_hash_of_the_link_token_is_stored(reference_data):
    submitted = submit()
    row = PendingSubmission.objects.get()
    assert row.token_hash == token_hash(submitted.token)
    assert submitted.token not in row.token_hash


def test_following_the_link_and_confirming_files_the_petition_and_shows_number_and_password(reference_data,
                                                                                          committed):
    client = Client()
    with committed(execute=True):
        client.post("/petitions/new/", FORM)
    link = confirmation_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert not Case.objects.exists()  # opening the link alone files nothing (mail scanners open links)
    confirmed = client.post(link)
    assert confirmed.status_code == 201
    petition = Petition.objects.get()
    body = confirmed.content.decode()
    assert petition.case.reference in body
    assert 'id="case-password"' in body
    assert petition.channel == Channel.WEB
    assert "no-store" in confirmed["Cache-Control"]


def test_the_case_number_is_mailed_but_never_the_password(reference_data, committed):
    with committed(execute=True):
        registered = petition_confirm(token=submit().token)
    number_mail = mail.outbox[-1]
    assert registered.petition.case.reference in str(number_mail.subject) + str(number_mail.body)
    assert registered.password not in number_mail.body


def test_a_confirmed_link_cannot_be_used_twice(reference_data):
    submitted = submit()
    petition_confirm(token=submitted.token)
    with pytest.raises(ConfirmationUsed):
        petition_confirm(token=submitted.token)
    assert Petition.objects.count() == 1


def test_the_second_use_of_a_link_gets_a_clear_page(reference_data, committed):
    client = Client()
    with committed(execute=True):
        client.post("/petitions/new/", FORM)
    link = confirmation_link(mail.outbox[0])
    client.post(link)
    again = client.post(link)
    assert again.status_code == 410
    assert Petition.objects.count() == 1


def test_an_expired_link_files_nothing_and_says_so(reference_data):
    submitted = submit()
    PendingSubmission.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(ConfirmationExpired) as refusal:
        petition_confirm(token=submitted.token)
    assert "24" in refusal.value.render()
    response = Client().get(f"/petitions/confirm/{submitted.token}/")
    assert response.status_code == 410
    assert not Case.objects.exists()


def test_the_link_validity_is_a_site_setting(reference_data):
    from secretariat.core.changes import SYSTEM

    setting_set(actor=SYSTEM, key="petitions.confirmation_hours", value=2)
    submit()
    row = PendingSubmission.objects.get()
    assert dt.timedelta(hours=1, minutes=59) < row.expires_at - row.created_at <= dt.timedelta(hours=2, minutes=1)


def test_an_unknown_link_gets_a_404_page(reference_data):
    with pytest.raises(ConfirmationUnknown):
        petition_confirm(token="made-up")
    response = Client().post("/petitions/confirm/made-up/")
    assert response.status_code == 404
    assert not Case.objects.exists()


def test_a_flood_from_one_address_is_refused_with_429(reference_data):
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _round in range(5):
        assert client.post("/petitions/new/", FORM).status_code == 200
    refused = client.post("/petitions/new/", FORM)
    assert refused.status_code == 429
    assert "5" in refused.content.decode()
    assert PendingSubmission.objects.count() == 5
    assert Client(REMOTE_ADDR="198.51.100.8").post("/petitions/new/", FORM).status_code == 200


def test_the_flood_limit_is_a_site_setting(reference_data):
    from secretariat.core.changes import SYSTEM

    setting_set(actor=SYSTEM, key="petitions.submissions_per_hour", value=1)
    submit()
    with pytest.raises(TooManyAttempts):
        submit()


def test_a_robot_filling_the_hidden_field_files_nothing(reference_data, committed):
    with committed(execute=True):
        response = Client().post("/petitions/new/", {**FORM, "website": "http://spam.example"})
    assert response.status_code == 200
    assert not PendingSubmission.objects.exists()
    assert mail.outbox == []


def test_the_form_needs_an_email_address(reference_data):
    response = Client().post("/petitions/new/", {**FORM, "petitioner_email": ""})
    assert response.status_code == 400
    assert not PendingSubmission.objects.exists()


def test_the_form_refuses_a_post_without_csrf_token(reference_data):
    response = Client(enforce_csrf_checks=True).post("/petitions/new/", FORM)
    assert response.status_code == 403
    assert not PendingSubmission.objects.exists()


def test_an_attached_photo_goes_with_the_confirmed_petition(reference_data, committed):
    client = Client()
    with committed(execute=True):
        client.post("/petitions/new/", {**FORM, "attachments": [SimpleUploadedFile("bus.png", png_bytes())]})
    client.post(confirmation_link(mail.outbox[0]))
    petition = Petition.objects.get()
    attachment = Attachment.objects.get()
    assert (attachment.owner_type, attachment.owner_id) == ("petition", str(petition.pk))
    assert PendingSubmission.objects.get().payload == {}  # the personal data now lives only in the petition


def test_an_executable_on_the_form_is_refused_and_nothing_is_kept(reference_data, committed):
    before = stored_files()
    with committed(execute=True):
        response = Client().post("/petitions/new/", {**FORM, "attachments": [
            SimpleUploadedFile("bus.png", png_bytes()), SimpleUploadedFile("photo.pdf", exe_bytes())]})
    assert response.status_code == 400
    assert not PendingSubmission.objects.exists()
    assert not Attachment.objects.exists()
    assert stored_files() == before
    assert mail.outbox == []


def test_expired_submissions_are_purged_with_their_files(reference_data):
    submit(attachments=[SimpleUploadedFile("bus.png", png_bytes())])
    before = stored_files()
    PendingSubmission.objects.update(expires_at=timezone.now() - dt.timedelta(hours=1))
    assert submissions_purge() == 1
    assert not PendingSubmission.objects.exists()
    assert not Attachment.objects.exists()
    assert len(stored_files()) == len(before) - 1


# --- Reading the answer -------------------------------------------------------------------------------

@pytest.fixture
def filed(secretariat_clerk):
    return register(secretariat_clerk)


def answer_page(client: Client, reference: str, password: str):
    return client.post("/petitions/answer/", {"reference": reference, "password": password})


def test_the_petitioner_sees_status_agency_and_due_date(filed, secretariat_clerk):
    assign(filed.petition, secretariat_clerk)
    response = answer_page(Client(), filed.petition.case.reference, filed.password)
    body = response.content.decode()
    assert response.status_code == 200
    assert "交通局" in body
    case = Case.objects.get()
    assert case.due_on is not None
    assert f"{case.due_on.year - 1911}/{case.due_on:%m/%d}" in body
    assert 'id="petition-answer"' not in body


def test_the_answer_is_shown_only_once_the_case_is_closed(filed, secretariat_clerk, liaison):
    assign(filed.petition, secretariat_clerk)
    from secretariat.cases.services import case_transition

    case_transition(actor=liaison, case_id=filed.petition.pk, name="answer", data={"answer": "已修復。"})
    assert "已修復" not in answer_page(Client(), filed.petition.case.reference, filed.password).content.decode()
    case_transition(actor=secretariat_clerk, case_id=filed.petition.pk, name="close")
    assert "已修復" in answer_page(Client(), filed.petition.case.reference, filed.password).content.decode()


def test_the_password_is_accepted_in_lower_case_and_with_spaces(filed):
    typed = " ".join(filed.password.lower())
    assert petition_lookup(reference=filed.petition.case.reference.lower(), password=typed,
                           client_ip="203.0.113.9") == filed.petition


def test_a_wrong_password_and_a_wrong_number_get_the_same_message_and_are_recorded(filed):
    client = Client()
    wrong_password = answer_page(client, filed.petition.case.reference, "WRONGPASS1")
    wrong_number = answer_page(client, "P9999999999", filed.password)
    assert wrong_password.status_code == wrong_number.status_code == 400
    message = str(LookupRefused().render())
    assert message in wrong_password.content.decode()
    assert message in wrong_number.content.decode()
    assert LookupFailure.objects.count() == 2


def test_five_wrong_passwords_lock_the_case_number_even_for_the_right_password(filed):
    reference = filed.petition.case.reference
    for round_ in range(5):
        with pytest.raises(LookupRefused):
            petition_lookup(reference=reference, password="WRONG", client_ip=f"203.0.113.{round_}")
    with pytest.raises(TooManyAttempts) as refusal:
        petition_lookup(reference=reference, password=filed.password, client_ip="203.0.113.77")
    assert 1 <= refusal.value.params["minutes"] <= 15
    response = answer_page(Client(), reference, filed.password)
    assert response.status_code == 429
    assert str(refusal.value.params["minutes"]) in response.content.decode()


def test_the_lock_lifts_once_the_failures_are_older_than_fifteen_minutes(filed):
    reference = filed.petition.case.reference
    for _round in range(5):
        with pytest.raises(LookupRefused):
            petition_lookup(reference=reference, password="WRONG", client_ip="203.0.113.1")
    LookupFailure.objects.update(occurred_at=timezone.now() - dt.timedelta(minutes=16))
    assert petition_lookup(reference=reference, password=filed.password, client_ip="203.0.113.1") == filed.petition


def test_twenty_failures_from_one_address_lock_that_address(filed):
    for number in range(20):
        with pytest.raises(LookupRefused):
            petition_lookup(reference=f"P11500000{number:02d}", password="GUESS", client_ip="192.0.2.50")
    with pytest.raises(TooManyAttempts):
        petition_lookup(reference=filed.petition.case.reference, password=filed.password, client_ip="192.0.2.50")
    assert petition_lookup(reference=filed.petition.case.reference, password=filed.password,
                           client_ip="192.0.2.51") == filed.petition


# --- Rating --------------------------------------------------------------------------------------------

@pytest.fixture
def closed(filed, secretariat_clerk, liaison):
    assign(filed.petition, secretariat_clerk)
    answer_and_close(filed.petition, secretariat_clerk, liaison)
    return filed


def rate(filed, rating, comment=""):
    return petition_rate(case_reference=filed.petition.case.reference, password=filed.password, rating=rating,
                         comment=comment, client_ip="203.0.113.20")


def test_an_open_case_cannot_be_rated(filed, secretariat_clerk):
    from secretariat.core.errors import ValidationFailed

    assign(filed.petition, secretariat_clerk)
    with pytest.raises(ValidationFailed) as refusal:
        rate(filed, 5)
    assert refusal.value.code == "not_closed"


def test_the_petitioner_rates_a_closed_case_with_a_comment(closed):
    petition = rate(closed, 4, "處理很快")
    assert (petition.rating, petition.rating_comment) == (4, "處理很快")
    assert petition.rated_at is not None


def test_a_rating_outside_one_to_five_is_refused(closed):
    from secretariat.core.errors import ValidationFailed

    for bad in (0, 6):
        with pytest.raises(ValidationFailed):
            rate(closed, bad)
    assert Petition.objects.get().rating is None


def test_a_rating_may_be_changed_within_seven_days(closed):
    first = rate(closed, 2)
    changed = rate(closed, 5, "後來又來修了")
    assert changed.rating == 5
    assert changed.rated_at == first.rated_at


def test_after_seven_days_the_rating_is_final(closed):
    from secretariat.core.errors import Conflict

    rate(closed, 3)
    Petition.objects.update(rated_at=timezone.now() - dt.timedelta(days=8))
    with pytest.raises(Conflict) as refusal:
        rate(closed, 5)
    assert refusal.value.code == "rating_final"
    assert Petition.objects.get().rating == 3


def test_rating_needs_the_right_password(closed):
    with pytest.raises(LookupRefused):
        petition_rate(case_reference=closed.petition.case.reference, password="WRONG", rating=5, comment="")


def test_the_petitioner_rates_on_the_answer_page(closed):
    client = Client()
    page = answer_page(client, closed.petition.case.reference, closed.password)
    assert 'name="rating"' in page.content.decode()
    response = client.post("/petitions/answer/", {"reference": closed.petition.case.reference,
                                                  "password": closed.password, "rating": "5", "comment": "謝謝"})
    assert response.status_code == 200
    assert Petition.objects.get().rating == 5
