"""Rows written under the old unkeyed scheme: migration 0004 checks the old chain, then re-seals it with the key."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, User
from secretariat.audit.models import AUDIT_CHAIN, GENESIS_HASH, AuditEntry, PersonalDataAccess
from secretariat.audit.services import audit_record, personal_data_access_record
from secretariat.audit.services.chain import legacy_entry_hash
from secretariat.audit.services.reseal import LegacyChainBroken, reseal_legacy_chains
from secretariat.audit.tests.tampering import as_db_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def legacy_rows(db):
    """Three audit rows and two access-log rows as the previous release left them: the audit rows chained with
    unkeyed SHA-256, the access log not chained at all."""
    officer = User.objects.create_user(username="officer", password="x", role=Role.SECRETARIAT_ADMIN)
    agency = Agency.objects.create(name="臺北市政府民政局", short_name="民政局")
    audit_record(actor=officer, action="agency.create", target=agency)
    for reason in ("回覆陳情", "補正資料"):
        personal_data_access_record(actor=officer, subject=officer, fields=["phone"], reason=reason)
    prev = GENESIS_HASH
    for entry in AuditEntry.objects.order_by("seq"):
        entry.prev_hash = prev
        prev = legacy_entry_hash(entry)
        as_db_admin("UPDATE audit_auditentry SET prev_hash=%s, hash=%s WHERE seq=%s",
                    [entry.prev_hash, prev, entry.seq])
    as_db_admin("UPDATE audit_audithead SET last_hash=%s WHERE chain=%s", [prev, AUDIT_CHAIN])
    # seq is NOT NULL now: numbers that mean nothing stand in for the NULLs migration 0003 adds.
    as_db_admin("UPDATE audit_personaldataaccess SET seq=id + 1000, prev_hash='', hash=''")
    as_db_admin("DELETE FROM audit_audithead WHERE chain='access'")


def verified() -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("audit_verify", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_old_rows_fail_the_keyed_check_until_they_are_resealed(legacy_rows):
    with pytest.raises(Exception, match="Audit trail broken at row 1"), translation.override("en"):
        call_command("audit_verify", stdout=io.StringIO(), stderr=io.StringIO())


def test_an_intact_old_chain_is_resealed_and_then_verifies(legacy_rows):
    reseal_legacy_chains(apps, connection)

    out = verified()
    assert "Audit trail intact: 3 rows checked." in out
    assert "Personal-data access log intact: 2 rows checked." in out


def test_the_access_log_is_numbered_in_the_order_it_was_written(legacy_rows):
    reseal_legacy_chains(apps, connection)

    reasons = list(PersonalDataAccess.objects.order_by("seq").values_list("seq", "reason"))
    assert reasons == [(1, "回覆陳情"), (2, "補正資料")]


def test_new_rows_continue_the_resealed_chain(legacy_rows):
    reseal_legacy_chains(apps, connection)
    officer = User.objects.get()
    personal_data_access_record(actor=officer, subject=officer, fields=["email"], reason="回覆陳情")

    out = verified()
    assert "Audit trail intact: 4 rows checked." in out
    assert "Personal-data access log intact: 3 rows checked." in out


def test_an_old_chain_that_was_tampered_with_is_not_resealed(legacy_rows):
    as_db_admin("UPDATE audit_auditentry SET action=%s WHERE seq=%s", ["agency.delete", 2])

    with pytest.raises(LegacyChainBroken, match="broken at row 2"):
        reseal_legacy_chains(apps, connection)


def test_an_old_chain_whose_newest_rows_were_deleted_is_not_resealed(legacy_rows):
    as_db_admin("DELETE FROM audit_auditentry WHERE seq=%s", [3])

    with pytest.raises(LegacyChainBroken, match="broken at row 3: the chain tip is row 3"):
        reseal_legacy_chains(apps, connection)
