"""Tamper evidence against someone with write access to the database: keyed seals, anchors kept outside it, the
personal-data access log on a chain of its own, and (on PostgreSQL) a database that refuses to rewrite history."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.utils import translation

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, User
from secretariat.audit.models import ACCESS_CHAIN, AUDIT_CHAIN, AuditEntry, AuditVerification, PersonalDataAccess
from secretariat.audit.services import audit_record, audit_verify, personal_data_access_record
from secretariat.audit.services.chain import Sealer
from secretariat.audit.tests.tampering import as_db_admin, cut_tail, plain_sha256, rewrite_and_rechain
from secretariat.core.changes import SYSTEM

pytestmark = pytest.mark.django_db


@pytest.fixture
def anchor_path(tmp_path, settings):
    """This test's own anchor file (the test settings keep none)."""
    path = tmp_path / "anchors.jsonl"
    settings.AUDIT_ANCHOR_FILE = str(path)
    return path


@pytest.fixture
def officer(db):
    return User.objects.create_user(username="officer", password="x", role=Role.SECRETARIAT_ADMIN)


@pytest.fixture
def citizen(db):
    return User.objects.create_user(username="citizen", password="x", role=Role.COUNCILLOR, display_name="王小明")


@pytest.fixture
def trail(officer):
    """Four audit rows about one agency."""
    agency = Agency.objects.create(name="臺北市政府民政局", short_name="民政局")
    for number in range(4):
        audit_record(actor=officer, action="agency.change", target=agency, after={"step": number})
    return agency


@pytest.fixture
def accesses(officer, citizen):
    """Three views of a citizen's personal data (and the three audit rows that mirror them)."""
    for reason in ("回覆陳情", "轉請機關處理", "補正資料"):
        personal_data_access_record(actor=officer, subject=citizen, fields=["phone"], reason=reason)


def verify_command() -> str:
    """`manage.py audit_verify` in English: its output, or CommandError (exit status 1) when anything is broken."""
    out = io.StringIO()
    with translation.override("en"):
        call_command("audit_verify", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def refused(match: str) -> CommandError:
    with pytest.raises(CommandError, match=match) as failed:
        verify_command()
    assert failed.value.returncode == 1
    return failed.value


# --- Intact ---------------------------------------------------------------------------------------

def test_an_intact_pair_of_chains_checked_against_its_anchors_passes(trail, accesses, anchor_path, officer, citizen):
    call_command("audit_anchor", stdout=io.StringIO())
    personal_data_access_record(actor=officer, subject=citizen, fields=["email"], reason="稽核抽查")

    out = verify_command()

    assert "Audit trail intact: 8 rows checked." in out
    assert "Personal-data access log intact: 4 rows checked." in out
    assert "Checked against 1 anchors." in out


# --- Rewritten rows -------------------------------------------------------------------------------

def test_a_row_rewritten_and_rechained_with_plain_sha256_is_caught_at_that_row(trail):
    rewrite_and_rechain(2, action="agency.delete", hasher=plain_sha256)

    refused(r"Audit trail broken at row 2: row 2 was altered after it was written")


def test_a_row_rewritten_and_rechained_with_a_guessed_key_is_caught_at_that_row(trail):
    rewrite_and_rechain(3, action="agency.delete", hasher=Sealer(AUDIT_CHAIN, key=b"a-guessed-key"))

    refused(r"Audit trail broken at row 3: row 3 was altered")


def test_a_key_holder_who_rechains_is_caught_by_an_earlier_anchor(trail, anchor_path):
    call_command("audit_anchor", stdout=io.StringIO())
    rewrite_and_rechain(2, action="agency.delete", hasher=Sealer(AUDIT_CHAIN))

    refused(r"Audit trail broken at row 4: row 4 is not the row the anchor of .* recorded")


# --- Truncated tails ------------------------------------------------------------------------------

def test_newest_rows_deleted_after_an_anchor_with_the_head_moved_back_are_caught(trail, anchor_path):
    call_command("audit_anchor", stdout=io.StringIO())
    cut_tail("audit_auditentry", AUDIT_CHAIN, keep=2)

    refused(r"Audit trail broken at row 3: rows after 2 are missing: the anchor of .* records row 4")


def test_a_truncation_is_caught_by_a_mailed_copy_of_the_anchors_too(trail, anchor_path, tmp_path, settings):
    call_command("audit_anchor", stdout=io.StringIO())
    kept_copy = tmp_path / "from-the-mail.jsonl"
    kept_copy.write_bytes(anchor_path.read_bytes())
    anchor_path.unlink()  # whoever cut the tail also removed the anchor file
    cut_tail("audit_auditentry", AUDIT_CHAIN, keep=3)

    with translation.override("en"), pytest.raises(CommandError, match="Audit trail broken at row 4"):
        call_command("audit_verify", "--anchor-file", str(kept_copy), stdout=io.StringIO(), stderr=io.StringIO())


def test_a_line_in_the_anchor_file_that_is_not_an_anchor_fails_the_check(trail, anchor_path):
    call_command("audit_anchor", stdout=io.StringIO())
    with anchor_path.open("a") as handle:
        handle.write("edited by hand\n")

    refused(r"anchors.jsonl:2 is not an anchor")


# --- The personal-data access log -----------------------------------------------------------------

def test_views_of_personal_data_are_numbered_and_linked(accesses):
    rows = list(PersonalDataAccess.objects.order_by("seq"))
    assert [row.seq for row in rows] == [1, 2, 3]
    assert rows[1].prev_hash == rows[0].hash
    assert rows[2].prev_hash == rows[1].hash


def test_a_deleted_access_log_row_is_caught_at_that_row(accesses):
    as_db_admin("DELETE FROM audit_personaldataaccess WHERE seq=%s", [2])

    refused(r"Personal-data access log broken at row 2: row 2 is missing")


def test_an_access_log_row_with_its_reason_rewritten_is_caught(accesses):
    as_db_admin("UPDATE audit_personaldataaccess SET reason=%s WHERE seq=%s", ["例行作業", 1])

    refused(r"Personal-data access log broken at row 1: row 1 was altered")


def test_newest_access_log_rows_cut_after_an_anchor_are_caught(accesses, anchor_path):
    call_command("audit_anchor", stdout=io.StringIO())
    cut_tail("audit_personaldataaccess", ACCESS_CHAIN, keep=1)

    refused(r"Personal-data access log broken at row 2: rows after 1 are missing")


def test_a_broken_access_log_is_kept_as_a_failed_verification(accesses):
    as_db_admin("DELETE FROM audit_personaldataaccess WHERE seq=%s", [3])

    with translation.override("en"):
        audit_verify()

    kept = AuditVerification.objects.get()
    assert (kept.ok, kept.broken_seq) == (False, 3)
    assert kept.reason.startswith("Personal-data access log: ")


# --- The bulk writer ------------------------------------------------------------------------------

def test_bulk_rows_are_sealed_with_the_key_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    from secretariat.audit.services import AuditRow, audit_record_many

    agency = Agency.objects.create(name="臺北市政府交通局", short_name="交通局")
    rows = [AuditRow("agency.change", agency, after={"step": number}) for number in range(2500)]
    with django_assert_max_num_queries(len(rows) // 25):  # a batched insert, not a query per row
        audit_record_many(actor=SYSTEM, rows=rows)

    newest = AuditEntry.objects.get(seq=2500)
    assert newest.hash == Sealer(AUDIT_CHAIN)(newest)
    assert newest.hash != plain_sha256(newest)
    assert "Audit trail intact: 2500 rows checked." in verify_command()


# --- PostgreSQL refuses to rewrite history --------------------------------------------------------

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers exist on PostgreSQL")


@postgresql_only
@pytest.mark.parametrize(("table", "statement"), [
    ("audit_auditentry", "UPDATE audit_auditentry SET action='agency.delete' WHERE seq=1"),
    ("audit_auditentry", "DELETE FROM audit_auditentry WHERE seq=4"),
    ("audit_personaldataaccess", "UPDATE audit_personaldataaccess SET reason='例行作業' WHERE seq=1"),
    ("audit_personaldataaccess", "DELETE FROM audit_personaldataaccess WHERE seq=3"),
    ("audit_auditverification", "DELETE FROM audit_auditverification"),
])
def test_the_database_refuses_to_change_or_delete_audit_rows(trail, accesses, table, statement):
    audit_verify()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert verify_command()  # nothing changed


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_database_still_lets_the_test_suite_flush_the_tables(trail, accesses):
    call_command("flush", interactive=False, verbosity=0)  # TRUNCATE, which fires no row triggers

    assert not AuditEntry.objects.exists()
    assert not PersonalDataAccess.objects.exists()
