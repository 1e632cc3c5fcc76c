"""Many audit rows at once (bulk loads): the same rows, in order, on the same verifiable chain."""

import pytest

from secretariat.accounts.models import Agency
from secretariat.audit.models import AuditEntry
from secretariat.audit.services import AuditRow, audit_chain_check, audit_record, audit_record_many
from secretariat.core.changes import SYSTEM

pytestmark = pytest.mark.django_db


def test_rows_appended_at_once_continue_the_chain_and_verify():
    first = Agency.objects.create(name="臺北市政府民政局", short_name="民政局")
    second = Agency.objects.create(name="臺北市政府交通局", short_name="交通局")
    audit_record(actor=SYSTEM, action="agency.create", target=first)

    written = audit_record_many(actor=SYSTEM, rows=[
        AuditRow("agency.create", second, after={"short_name": "交通局"}),
        AuditRow("agency.update", first, before={"short_name": "民政"}, after={"short_name": "民政局"}),
    ])
    audit_record(actor=SYSTEM, action="agency.update", target=second)

    assert written == 2
    assert list(AuditEntry.objects.order_by("seq").values_list("action", "target_label")) == [
        ("agency.create", "民政局"), ("agency.create", "交通局"),
        ("agency.update", "民政局"), ("agency.update", "交通局")]
    assert audit_chain_check().ok


def test_nothing_to_append_writes_nothing():
    assert audit_record_many(actor=SYSTEM, rows=[]) == 0
    assert not AuditEntry.objects.exists()
