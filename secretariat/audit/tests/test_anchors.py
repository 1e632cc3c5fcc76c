"""Anchors: the chains' tips written outside the database, on demand and daily, appended and never rewritten."""

import io
import json
import os

import pytest
from celery import current_app
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from secretariat.accounts.constants import Role
from secretariat.accounts.models import User
from secretariat.audit.apps import check_audit_key
from secretariat.audit.models import AuditEntry, PersonalDataAccess
from secretariat.audit.services import anchors_read, audit_record, personal_data_access_record
from secretariat.audit.tasks import anchor_chain
from secretariat.core.changes import SYSTEM
from tests.fixtures import in_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def anchor_path(tmp_path, settings):
    path = tmp_path / "var" / "audit_anchors.jsonl"
    settings.AUDIT_ANCHOR_FILE = str(path)
    return path


@pytest.fixture
def viewed(db):
    """Two audit rows and one personal-data view (which writes a third audit row)."""
    officer = User.objects.create_user(username="officer", password="x", role=Role.SECRETARIAT_ADMIN)
    audit_record(actor=officer, action="user.create", target=officer)
    audit_record(actor=SYSTEM, action="user.change", target=officer)
    personal_data_access_record(actor=officer, subject=officer, fields=["phone"], reason="回覆陳情")


def anchor() -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("audit_anchor", stdout=out)
    return out.getvalue()


def test_the_command_appends_both_chains_tips_to_the_anchor_file(viewed, anchor_path):
    out = anchor()

    [line] = anchor_path.read_text().splitlines()
    recorded = json.loads(line)
    newest = AuditEntry.objects.get(seq=3)
    assert recorded["chains"]["audit"]["seq"] == 3
    assert recorded["chains"]["audit"]["hash"] == newest.hash
    assert recorded["chains"]["access"]["hash"] == PersonalDataAccess.objects.get(seq=1).hash
    assert recorded["anchored_at"]
    assert "Audit trail anchored at row 3." in out
    assert "Personal-data access log anchored at row 1." in out
    assert f"Appended to {anchor_path}." in out


def test_anchoring_appends_and_never_rewrites_what_the_file_held(viewed, anchor_path):
    anchor_path.parent.mkdir(parents=True)
    anchor_path.write_text("")
    before = os.stat(anchor_path).st_ino
    anchor()
    first = anchor_path.read_bytes()

    audit_record(actor=SYSTEM, action="user.change", target=User.objects.get())
    anchor()

    after = anchor_path.read_bytes()
    assert after.startswith(first)
    assert len(after.splitlines()) == 2
    assert os.stat(anchor_path).st_ino == before  # the same file, not a replacement
    assert [a.tips["audit"].seq for a in anchors_read([anchor_path]).anchors] == [3, 4]


def test_an_empty_database_is_anchored_at_row_zero(db, anchor_path):
    anchor()

    [kept] = anchors_read([anchor_path]).anchors
    assert (kept.tips["audit"].seq, kept.tips["access"].seq) == (0, 0)


def test_the_anchor_is_mailed_to_the_auditors_when_an_address_is_configured(viewed, anchor_path, settings):
    settings.AUDIT_ANCHOR_MAIL_TO = ["audit-office@gov.taipei"]

    out = anchor()

    [message] = mail.outbox
    assert message.to == ["audit-office@gov.taipei"]
    assert anchor_path.read_text().strip() in message.body
    assert "Mailed to audit-office@gov.taipei." in out


def test_mail_alone_is_enough_to_keep_an_anchor(viewed, settings):
    settings.AUDIT_ANCHOR_FILE = ""
    settings.AUDIT_ANCHOR_MAIL_TO = ["audit-office@gov.taipei"]

    anchor()

    assert len(mail.outbox) == 1


def test_an_anchor_with_nowhere_to_go_is_refused(viewed, settings):
    settings.AUDIT_ANCHOR_FILE = ""
    with pytest.raises(CommandError, match="AUDIT_ANCHOR_FILE or AUDIT_ANCHOR_MAIL_TO"):
        anchor()


def test_the_daily_anchor_is_on_the_beat_schedule(viewed, anchor_path):
    entry = current_app.conf.beat_schedule["audit-anchor-daily"]
    assert entry["task"] == anchor_chain.name

    outcome = anchor_chain.apply().get()

    assert outcome == "anchored access at row 1, audit at row 3"
    assert len(anchors_read([anchor_path]).anchors) == 1


def test_a_missing_key_is_a_configuration_error(settings):
    settings.AUDIT_KEY = ""
    assert [message.id for message in check_audit_key()] == ["audit.E001"]
    settings.AUDIT_KEY = "short"
    assert [message.id for message in check_audit_key()] == ["audit.W001"]
    settings.AUDIT_KEY = "x" * 40
    assert check_audit_key() == []


# --- On demand, from the audit page and the API ------------------------------------------------------

def test_an_auditor_anchors_from_the_audit_page_and_the_line_lands_in_the_file(auditor, client_for, anchor_path,
                                                                               viewed):
    response = in_english(client_for(auditor)).post("/audit/anchor/", follow=True)

    newest = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True)[0]
    assert f"the audit trail at row {newest}, the personal-data access log at row 1" in response.content.decode()
    line = json.loads(anchor_path.read_text().splitlines()[-1])
    assert line["chains"]["audit"]["seq"] == newest
    assert line["chains"]["access"]["seq"] == 1


def test_the_api_anchor_names_each_tip_and_where_it_was_kept(auditor, client_for, anchor_path, viewed):
    body = client_for(auditor).post("/api/v1/audit/anchor").json()

    newest = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True)[0]
    assert {tip["chain"]: tip["seq"] for tip in body["tips"]} == {"access": 1, "audit": newest}
    assert body["kept_in_file"] is True
    assert body["mailed_to"] == []
    assert len(anchor_path.read_text().splitlines()) == 1


def test_anchoring_with_nowhere_to_keep_it_is_refused_and_says_why(auditor, client_for, settings, viewed):
    settings.AUDIT_ANCHOR_FILE, settings.AUDIT_ANCHOR_MAIL_TO = "", []
    response = client_for(auditor).post("/api/v1/audit/anchor")

    assert response.status_code == 409
    assert response.json()["code"] == "anchor_not_configured"


def test_a_clerk_may_not_anchor(secretariat_clerk, client_for, anchor_path):
    assert client_for(secretariat_clerk).post("/api/v1/audit/anchor").status_code == 403
    assert client_for(secretariat_clerk).post("/audit/anchor/").status_code == 403
    assert not anchor_path.exists()
