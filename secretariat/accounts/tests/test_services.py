"""Writes on agencies, people and API tokens: refused when they break a rule, audited when they succeed."""

import datetime as dt
import hashlib
from typing import Any

import pytest
from django.utils import timezone

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, ApiToken, User
from secretariat.accounts.services import (
    agency_save,
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
    user_create,
    user_set_password,
    user_update,
)
from secretariat.audit.models import AuditEntry
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import NotFound, PermissionRefused, ValidationFailed
from tests.fixtures import PERSONA_PASSWORD

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "Civil-affairs-2025"


def audit_rows(action: str, target) -> list[Any]:
    return list(AuditEntry.objects.filter(action=action, target_type=target._meta.label_lower,
                                          target_id=str(target.pk)))


# --- Creating people --------------------------------------------------------------------------------

@pytest.mark.parametrize("password", [
    "Short1",                # fewer than 12 characters
    "onlylettershere",       # no digit
    "123456789012345",       # digits only
    "password1234",          # a common password
    "newclerk2024x",         # too close to the username
])
def test_a_weak_password_is_refused_and_nothing_is_written(reference_data, agency_named, password):
    entries_before = AuditEntry.objects.count()

    with pytest.raises(ValidationFailed) as refused:
        user_create(actor=SYSTEM, username="newclerk2024x", password=password, role=Role.AGENCY_LIAISON,
                    agency=agency_named("交通局"))

    assert refused.value.code == "weak_password"
    assert refused.value.field == "password"
    assert not User.objects.filter(username="newclerk2024x").exists()
    assert AuditEntry.objects.count() == entries_before


def test_a_liaison_without_an_agency_is_refused(reference_data):
    with pytest.raises(ValidationFailed) as refused:
        user_create(actor=SYSTEM, username="nobody", password=GOOD_PASSWORD, role=Role.AGENCY_LIAISON)

    assert refused.value.code == "role_needs_agency"
    assert not User.objects.filter(username="nobody").exists()


def test_secretariat_staff_without_a_unit_is_refused(reference_data):
    with pytest.raises(ValidationFailed) as refused:
        user_create(actor=SYSTEM, username="drifter", password=GOOD_PASSWORD, role=Role.SECRETARIAT_STAFF)

    assert refused.value.code == "role_needs_unit"
    assert not User.objects.filter(username="drifter").exists()


def test_a_unit_of_another_agency_is_refused(reference_data, agency_named):
    secretariat_unit = agency_named("秘書處").units.get(name="文書組")

    with pytest.raises(ValidationFailed) as refused:
        user_create(actor=SYSTEM, username="mixed", password=GOOD_PASSWORD, role=Role.AGENCY_LIAISON,
                    agency=agency_named("交通局"), unit=secretariat_unit)

    assert refused.value.code == "unit_agency_mismatch"
    assert not User.objects.filter(username="mixed").exists()


def test_a_councillor_with_an_agency_is_refused(reference_data, agency_named):
    with pytest.raises(ValidationFailed) as refused:
        user_create(actor=SYSTEM, username="member", password=GOOD_PASSWORD, role=Role.COUNCILLOR,
                    agency=agency_named("交通局"))

    assert refused.value.code == "councillor_agency"
    assert not User.objects.filter(username="member").exists()


def test_secretariat_staff_are_placed_in_the_secretariat(secretariat_clerk):
    assert secretariat_clerk.agency.short_name == "秘書處"
    assert secretariat_clerk.unit.name == "機要組"


def test_only_administrators_and_auditors_may_open_the_admin_site(secretariat_admin, auditor, liaison):
    assert secretariat_admin.is_staff
    assert auditor.is_staff
    assert not liaison.is_staff


def test_creating_a_person_writes_an_audit_row_with_their_details(secretariat_admin, agency_named):
    user = user_create(actor=secretariat_admin, username="newliaison", password=GOOD_PASSWORD,
                       display_name="新聯絡", role=Role.AGENCY_LIAISON, agency=agency_named("交通局"))

    [entry] = audit_rows("user.create", user)
    assert entry.actor_label == "admin"
    assert entry.before is None
    assert entry.after["username"] == "newliaison"
    assert entry.after["role"] == Role.AGENCY_LIAISON
    assert entry.after["agency"] == agency_named("交通局").pk


def test_the_audit_row_never_holds_the_password(secretariat_admin, agency_named):
    user = user_create(actor=secretariat_admin, username="newliaison", password=GOOD_PASSWORD,
                       role=Role.AGENCY_LIAISON, agency=agency_named("交通局"))

    [entry] = audit_rows("user.create", user)
    assert GOOD_PASSWORD not in str(entry.after)
    assert "password" not in entry.after


def test_updating_a_person_writes_before_and_after(secretariat_admin, liaison):
    user_update(actor=secretariat_admin, user=liaison, display_name="黃大聯絡")

    [entry] = audit_rows("user.change", liaison)
    assert entry.actor_label == "admin"
    assert entry.before["display_name"] == "黃聯絡"
    assert entry.after["display_name"] == "黃大聯絡"


def test_a_liaison_cannot_create_people(liaison, agency_named):
    with pytest.raises(PermissionRefused):
        user_create(actor=liaison, username="friend", password=GOOD_PASSWORD, role=Role.AGENCY_LIAISON,
                    agency=agency_named("交通局"))

    assert not User.objects.filter(username="friend").exists()


def test_the_clerk_cannot_create_people(secretariat_clerk):
    with pytest.raises(PermissionRefused):
        user_create(actor=secretariat_clerk, username="friend", password=GOOD_PASSWORD, role=Role.AUDITOR)

    assert not User.objects.filter(username="friend").exists()


def test_a_liaison_cannot_promote_themself(liaison):
    with pytest.raises(PermissionRefused):
        user_update(actor=liaison, user=liaison, role=Role.SECRETARIAT_ADMIN)

    liaison.refresh_from_db()
    assert liaison.role == Role.AGENCY_LIAISON


def test_an_unknown_field_on_a_new_person_is_refused(secretariat_admin):
    with pytest.raises(ValidationFailed) as refused:
        user_create(actor=secretariat_admin, username="sneaky", password=GOOD_PASSWORD, role=Role.AUDITOR,
                    is_superuser=True)

    assert refused.value.code == "unknown_fields"
    assert "is_superuser" in refused.value.render()
    assert not User.objects.filter(username="sneaky").exists()


def test_a_person_may_change_their_own_password(liaison):
    user_set_password(actor=liaison, user=liaison, password="Another-pass-2026")

    liaison.refresh_from_db()
    assert liaison.check_password("Another-pass-2026")
    assert audit_rows("user.password_set", liaison)


def test_a_liaison_cannot_reset_someone_elses_password(liaison, agency_head):
    with pytest.raises(PermissionRefused):
        user_set_password(actor=liaison, user=agency_head, password="Another-pass-2026")

    agency_head.refresh_from_db()
    assert agency_head.check_password(PERSONA_PASSWORD)


# --- Agencies ---------------------------------------------------------------------------------------

def test_creating_an_agency_writes_an_audit_row(secretariat_admin):
    agency = agency_save(actor=secretariat_admin, name="臺北市政府數位發展局", short_name="數位發展局")

    [entry] = audit_rows("agency.create", agency)
    assert entry.before is None
    assert entry.after["short_name"] == "數位發展局"


def test_changing_an_agency_writes_before_and_after(secretariat_admin, agency_named):
    agency = agency_save(actor=secretariat_admin, agency=agency_named("交通局"), name_en="Transport Department")

    [entry] = audit_rows("agency.change", agency)
    assert entry.before["name_en"] == "Department of Transportation"
    assert entry.after["name_en"] == "Transport Department"


def test_an_agency_cannot_report_under_one_of_its_own_offices(secretariat_admin, agency_named):
    civil_affairs = agency_named("民政局")

    with pytest.raises(ValidationFailed) as refused:
        agency_save(actor=secretariat_admin, agency=civil_affairs, parent=agency_named("中正區公所"))

    assert refused.value.code == "agency_cycle"
    assert Agency.objects.get(pk=civil_affairs.pk).parent is None


def test_an_agency_cannot_report_under_itself(secretariat_admin, agency_named):
    transport = agency_named("交通局")

    with pytest.raises(ValidationFailed) as refused:
        agency_save(actor=secretariat_admin, agency=transport, parent=transport)

    assert refused.value.code == "agency_cycle"


def test_an_unknown_field_on_an_agency_is_refused(secretariat_admin, agency_named):
    with pytest.raises(ValidationFailed) as refused:
        agency_save(actor=secretariat_admin, agency=agency_named("交通局"), budget=100)

    assert refused.value.code == "unknown_fields"


def test_two_agencies_cannot_share_a_short_name(secretariat_admin):
    with pytest.raises(ValidationFailed) as refused:
        agency_save(actor=secretariat_admin, name="另一個交通局", short_name="交通局")

    assert refused.value.field == "short_name"
    assert not Agency.objects.filter(name="另一個交通局").exists()


def test_a_liaison_cannot_rename_their_agency(liaison, agency_named):
    with pytest.raises(PermissionRefused):
        agency_save(actor=liaison, agency=agency_named("交通局"), name="臺北市政府交通部")

    assert agency_named("交通局").name == "臺北市政府交通局"


# --- API tokens -------------------------------------------------------------------------------------

def test_a_new_token_authenticates_its_owner(liaison):
    _token, raw = api_token_create(actor=liaison, name="統計程式")

    assert api_token_authenticate(raw) == liaison


def test_only_the_hash_of_a_token_is_stored(liaison):
    token, raw = api_token_create(actor=liaison, name="統計程式")

    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert raw not in [str(value) for value in stored.values()]
    assert stored["key_hash"] == hashlib.sha256(raw.encode()).hexdigest()
    assert stored["prefix"] == raw[:12]


def test_a_token_needs_a_name(liaison):
    with pytest.raises(ValidationFailed) as refused:
        api_token_create(actor=liaison, name="   ")

    assert refused.value.code == "token_name_required"
    assert not ApiToken.objects.exists()


def test_a_token_cannot_expire_in_the_past(liaison):
    with pytest.raises(ValidationFailed) as refused:
        api_token_create(actor=liaison, name="統計程式", expires_at=timezone.now() - dt.timedelta(minutes=1))

    assert refused.value.code == "token_expiry_past"


def test_a_revoked_token_no_longer_authenticates(liaison):
    token, raw = api_token_create(actor=liaison, name="統計程式")

    api_token_revoke(actor=liaison, token_id=token.pk)

    assert api_token_authenticate(raw) is None
    assert audit_rows("api_token.revoke", token)


def test_an_expired_token_no_longer_authenticates(liaison):
    token, raw = api_token_create(actor=liaison, name="統計程式", expires_at=timezone.now() + dt.timedelta(days=1))
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))

    assert api_token_authenticate(raw) is None


def test_the_token_of_an_inactive_user_does_not_authenticate(liaison):
    _token, raw = api_token_create(actor=liaison, name="統計程式")
    User.objects.filter(pk=liaison.pk).update(is_active=False)  # e.g. switched off directly in the database

    assert api_token_authenticate(raw) is None


@pytest.mark.parametrize("raw", ["", "sec_not-a-real-token", "Bearer sec_", "ghp_somethingelse"])
def test_a_made_up_token_does_not_authenticate(liaison, raw):
    api_token_create(actor=liaison, name="統計程式")

    assert api_token_authenticate(raw) is None


def test_deactivating_a_person_revokes_their_tokens(secretariat_admin, liaison):
    token, raw = api_token_create(actor=liaison, name="統計程式")

    user_update(actor=secretariat_admin, user=liaison, is_active=False)

    token.refresh_from_db()
    assert token.revoked_at is not None
    assert api_token_authenticate(raw) is None


def test_using_a_token_notes_when_it_was_last_used(liaison):
    token, raw = api_token_create(actor=liaison, name="統計程式")

    api_token_authenticate(raw)

    token.refresh_from_db()
    assert token.last_used_at is not None


def test_nobody_may_revoke_someone_elses_token(liaison, outsider):
    token, raw = api_token_create(actor=liaison, name="統計程式")

    with pytest.raises(NotFound):
        api_token_revoke(actor=outsider, token_id=token.pk)

    assert api_token_authenticate(raw) == liaison


def test_an_administrator_may_revoke_anyones_token(secretariat_admin, liaison):
    token, raw = api_token_create(actor=liaison, name="統計程式")

    api_token_revoke(actor=secretariat_admin, token_id=token.pk)

    assert api_token_authenticate(raw) is None


def test_a_token_in_use_stops_working_the_moment_it_is_revoked(liaison):
    token, raw = api_token_create(actor=liaison, name="統計程式")
    assert api_token_authenticate(raw) == liaison  # the program is busy calling the API

    api_token_revoke(actor=liaison, token_id=token.pk)

    assert api_token_authenticate(raw) is None


def test_a_token_in_use_follows_its_owners_new_role(secretariat_admin, liaison):
    _token, raw = api_token_create(actor=liaison, name="統計程式")
    before = api_token_authenticate(raw)
    assert before is not None
    assert not before.has_perm("accounts.view_user")

    user_update(actor=secretariat_admin, user=liaison, role=Role.AUDITOR, agency=None)

    after = api_token_authenticate(raw)
    assert after is not None
    assert after.has_perm("accounts.view_user")
