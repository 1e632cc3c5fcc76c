"""The append-only, hash-chained audit trail and the personal-data access log."""

import io

import pytest
from django.core.management import base as management_base
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, User
from secretariat.audit.management.commands.audit_verify import Command as AuditVerifyCommand
from secretariat.audit.models import (
    GENESIS_HASH,
    AppendOnlyError,
    AuditEntry,
    AuditHead,
    AuditVerification,
    PersonalDataAccess,
)
from secretariat.audit.services import (
    audit_chain_check,
    audit_record,
    audit_verify,
    entry_hash,
    personal_data_access_record,
)
from secretariat.audit.tests.tampering import as_db_admin
from secretariat.core.changes import SYSTEM, record_change
from secretariat.core.errors import ValidationFailed
from secretariat.core.request_context import client_ip


@pytest.fixture(autouse=True)
def _in_english():
    """The checks' reasons are asserted in English (the catalogue gives them in Traditional Chinese)."""
    with translation.override("en"):
        yield


@pytest.fixture
def agency(db):
    return Agency.objects.create(name="臺北市政府民政局", short_name="民政局")


@pytest.fixture
def officer(db):
    return User.objects.create_user(username="officer", password="x", role=Role.SECRETARIAT_ADMIN)


@pytest.fixture
def citizen(db):
    return User.objects.create_user(username="citizen", password="x", role=Role.COUNCILLOR,
                                    display_name="王小明")


@pytest.fixture
def three_rows(agency, officer):
    """A chain of three rows: seq 1, 2 and 3."""
    return [
        audit_record(actor=officer, action="agency.create", target=agency, after={"name": "民政局"}),
        audit_record(actor=officer, action="agency.change", target=agency,
                     before={"name": "民政局"}, after={"name": "民政局（含區公所）"}),
        audit_record(actor=SYSTEM, action="agency.change", target=agency, extra={"note": "nightly"}),
    ]


def raw_sql(sql, params):
    as_db_admin(sql, params)  # past the PostgreSQL triggers, as tampering by a database administrator would be


# --- Appending ------------------------------------------------------------------------------------

def test_rows_are_numbered_one_after_another(three_rows):
    assert [entry.seq for entry in three_rows] == [1, 2, 3]


def test_the_first_row_links_to_the_genesis_hash(three_rows):
    assert three_rows[0].prev_hash == GENESIS_HASH


def test_each_row_links_to_the_hash_of_the_row_before(three_rows):
    assert three_rows[1].prev_hash == three_rows[0].hash
    assert three_rows[2].prev_hash == three_rows[1].hash


def test_a_stored_row_still_matches_its_hash(three_rows):
    for entry in AuditEntry.objects.all():
        assert entry_hash(entry) == entry.hash


def test_the_chain_head_points_at_the_newest_row(three_rows):
    head = AuditHead.objects.get(chain="audit")
    assert (head.last_seq, head.last_hash) == (3, three_rows[2].hash)


def test_a_row_records_who_did_what_to_which_record(three_rows, officer, agency):
    entry = AuditEntry.objects.get(seq=2)
    assert entry.actor == officer
    assert entry.actor_label == "officer"
    assert (entry.action, entry.target_type, entry.target_id, entry.target_label) == (
        "agency.change", "accounts.agency", str(agency.pk), "民政局"
    )
    assert entry.before == {"name": "民政局"}
    assert entry.after == {"name": "民政局（含區公所）"}


def test_work_done_by_the_platform_is_recorded_as_system(three_rows):
    entry = AuditEntry.objects.get(seq=3)
    assert entry.actor is None
    assert entry.actor_label == "system"


def test_the_client_address_of_the_request_is_recorded(agency, officer):
    token = client_ip.set("203.0.113.7")
    try:
        entry = audit_record(actor=officer, action="agency.change", target=agency)
    finally:
        client_ip.reset(token)
    assert AuditEntry.objects.get(pk=entry.pk).ip_address == "203.0.113.7"


def test_kernel_writes_reach_the_audit_trail_through_record_change(agency, officer):
    record_change(actor=officer, action="agency.change", target=agency)
    assert AuditEntry.objects.get().action == "agency.change"


# --- Append-only ----------------------------------------------------------------------------------

def test_a_row_cannot_be_changed_through_the_orm(three_rows):
    entry = AuditEntry.objects.get(seq=1)
    entry.action = "agency.delete"
    with pytest.raises(AppendOnlyError):
        entry.save()


def test_a_row_cannot_be_deleted_through_the_orm(three_rows):
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.get(seq=1).delete()


def test_rows_cannot_be_bulk_updated(three_rows):
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(seq=1).update(action="agency.delete")
    assert AuditEntry.objects.get(seq=1).action == "agency.create"


def test_rows_cannot_be_bulk_deleted(three_rows):
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.count() == 3


def test_verification_outcomes_cannot_be_rewritten(three_rows):
    audit_verify()
    with pytest.raises(AppendOnlyError):
        AuditVerification.objects.update(ok=False)


# --- Checking the chain ---------------------------------------------------------------------------

def test_an_empty_chain_is_intact(db):
    report = audit_chain_check()
    assert report.ok
    assert report.rows_checked == 0
    assert report.head_hash == GENESIS_HASH


def test_an_intact_chain_is_reported_intact(three_rows):
    report = audit_chain_check()
    assert report.ok
    assert report.rows_checked == 3
    assert report.broken_seq is None
    assert report.head_hash == three_rows[2].hash


def test_a_row_altered_with_raw_sql_is_reported_at_that_row(three_rows):
    raw_sql("UPDATE audit_auditentry SET action=%s WHERE seq=%s", ["agency.delete", 2])
    report = audit_chain_check()
    assert not report.ok
    assert report.broken_seq == 2
    assert report.rows_checked == 1
    assert "altered" in report.reason


def test_an_altered_before_value_is_reported(three_rows):
    raw_sql("UPDATE audit_auditentry SET before=%s WHERE seq=%s", ['{"name": "財政局"}', 2])
    assert audit_chain_check().broken_seq == 2


def test_an_altered_first_row_is_reported(three_rows):
    raw_sql("UPDATE audit_auditentry SET actor_label=%s WHERE seq=%s", ["someone", 1])
    assert audit_chain_check().broken_seq == 1


def test_a_forger_who_also_rewrites_the_hash_is_caught_at_the_next_row(three_rows):
    entry = AuditEntry.objects.get(seq=2)
    entry.action = "agency.delete"
    raw_sql("UPDATE audit_auditentry SET action=%s, hash=%s WHERE seq=%s",
            ["agency.delete", entry_hash(entry), 2])
    report = audit_chain_check()
    assert not report.ok
    assert report.broken_seq == 3
    assert "does not link" in report.reason


def test_a_deleted_middle_row_is_reported(three_rows):
    raw_sql("DELETE FROM audit_auditentry WHERE seq=%s", [2])
    report = audit_chain_check()
    assert not report.ok
    assert report.broken_seq == 2
    assert "missing" in report.reason


def test_a_deleted_first_row_is_reported(three_rows):
    raw_sql("DELETE FROM audit_auditentry WHERE seq=%s", [1])
    assert audit_chain_check().broken_seq == 1


def test_a_deleted_newest_row_is_reported(three_rows):
    raw_sql("DELETE FROM audit_auditentry WHERE seq=%s", [3])
    report = audit_chain_check()
    assert not report.ok
    assert report.broken_seq == 3
    assert report.rows_checked == 2
    assert "missing" in report.reason


def test_verifying_keeps_the_outcome(three_rows):
    audit_verify()
    kept = AuditVerification.objects.get()
    assert (kept.ok, kept.rows_checked, kept.broken_seq) == (True, 3, None)
    assert kept.head_hash == three_rows[2].hash


def test_verifying_a_broken_chain_keeps_where_it_broke(three_rows):
    raw_sql("UPDATE audit_auditentry SET action=%s WHERE seq=%s", ["agency.delete", 2])
    audit_verify()
    kept = AuditVerification.objects.get()
    assert (kept.ok, kept.broken_seq) == (False, 2)
    assert "altered" in kept.reason


# --- The audit_verify command ---------------------------------------------------------------------

def test_the_command_reports_an_intact_trail(three_rows):
    out = io.StringIO()
    with translation.override("en"):
        call_command("audit_verify", stdout=out, stderr=io.StringIO())
    assert out.getvalue().splitlines()[0] == "Audit trail intact: 3 rows checked."


def test_the_command_reports_the_first_broken_row(three_rows):
    raw_sql("UPDATE audit_auditentry SET action=%s WHERE seq=%s", ["agency.delete", 2])
    with translation.override("en"), pytest.raises(CommandError, match="Audit trail broken at row 2: ") as failed:
        call_command("audit_verify", stdout=io.StringIO(), stderr=io.StringIO())
    assert failed.value.returncode == 1


def test_the_command_exits_non_zero_when_the_trail_is_broken(three_rows, monkeypatch, capsys):
    # run_from_argv closes every connection when it ends, which would end the test's transaction.
    monkeypatch.setattr(management_base.connections, "close_all", lambda: None)  # type: ignore[attr-defined]
    raw_sql("DELETE FROM audit_auditentry WHERE seq=%s", [3])
    with translation.override("en"), pytest.raises(SystemExit) as exited:
        AuditVerifyCommand().run_from_argv(["manage.py", "audit_verify"])
    assert exited.value.code == 1
    assert "Audit trail broken at row 3" in capsys.readouterr().err


def test_the_command_records_its_check(three_rows):
    call_command("audit_verify", stdout=io.StringIO(), stderr=io.StringIO())
    assert AuditVerification.objects.filter(ok=True).count() == 1


# --- Personal-data access -------------------------------------------------------------------------

@pytest.mark.parametrize("reason", ["", "   ", "x", None])
def test_personal_data_is_not_shown_without_a_reason(officer, citizen, reason):
    with pytest.raises(ValidationFailed) as refused:
        personal_data_access_record(actor=officer, subject=citizen, fields=["phone"], reason=reason)
    assert refused.value.code == "reason_required"
    assert refused.value.field == "reason"
    assert not PersonalDataAccess.objects.exists()
    assert not AuditEntry.objects.exists()


def test_personal_data_access_must_name_the_fields(officer, citizen):
    with pytest.raises(ValidationFailed) as refused:
        personal_data_access_record(actor=officer, subject=citizen, fields=[], reason="回覆陳情")
    assert refused.value.code == "fields_required"
    assert not PersonalDataAccess.objects.exists()


def test_showing_personal_data_logs_who_saw_which_fields_and_why(officer, citizen):
    access = personal_data_access_record(actor=officer, subject=citizen, fields=["phone", "email"],
                                         reason="  回覆陳情  ")
    stored = PersonalDataAccess.objects.get()
    assert stored.pk == access.pk
    assert stored.actor == officer
    assert (stored.subject_type, stored.subject_id, stored.subject_label) == (
        "accounts.user", str(citizen.pk), "王小明"
    )
    assert stored.fields == ["phone", "email"]
    assert stored.reason == "回覆陳情"
    assert stored.approved_by is None


def test_showing_personal_data_is_also_in_the_audit_trail(officer, citizen):
    access = personal_data_access_record(actor=officer, subject=citizen, fields=["phone"], reason="回覆陳情")
    entry = AuditEntry.objects.get()
    assert entry.action == "personal_data.view"
    assert entry.actor == officer
    assert (entry.target_type, entry.target_id) == ("accounts.user", str(citizen.pk))
    assert entry.extra == {"fields": ["phone"], "reason": "回覆陳情", "access_id": access.pk}
    assert audit_chain_check().ok


def test_an_approver_is_recorded_when_given(officer, citizen, db):
    approver = User.objects.create_user(username="chief", password="x", role=Role.SECRETARIAT_ADMIN)
    personal_data_access_record(actor=officer, subject=citizen, fields=["phone"], reason="回覆陳情",
                                approved_by=approver)
    assert PersonalDataAccess.objects.get().approved_by == approver


def test_a_personal_data_access_cannot_be_erased(officer, citizen):
    access = personal_data_access_record(actor=officer, subject=citizen, fields=["phone"], reason="回覆陳情")
    with pytest.raises(AppendOnlyError):
        access.delete()
    with pytest.raises(AppendOnlyError):
        PersonalDataAccess.objects.all().delete()
    assert PersonalDataAccess.objects.count() == 1
