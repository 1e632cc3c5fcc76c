"""The declared audit actions: a write under a code nobody declared is refused before anything is written;
a declared code reads as its label, an undeclared one as itself."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from secretariat.audit.models import AuditEntry
from secretariat.core import audit_actions
from secretariat.core.audit_actions import (
    AuditAction,
    action_get,
    action_label,
    action_require,
    declare_actions,
    declare_family,
)
from secretariat.core.changes import SYSTEM, record_change

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(monkeypatch):
    """A registry of its own for the test, so what it declares leaves no trace."""
    monkeypatch.setattr(audit_actions, "_ACTIONS", dict(audit_actions._ACTIONS))
    monkeypatch.setattr(audit_actions, "_FAMILIES",
                        {key: list(found) for key, found in audit_actions._FAMILIES.items()})


def test_a_write_under_an_undeclared_code_is_refused_and_nothing_is_written():
    with pytest.raises(LookupError, match=r"question\.approve"):
        record_change(actor=SYSTEM, action="question.approve", target=SYSTEM)
    assert not AuditEntry.objects.exists()


def test_a_write_under_a_declared_code_is_recorded():
    record_change(actor=SYSTEM, action="setting.change", target=SYSTEM, after={"value": 1})
    assert AuditEntry.objects.get().action == "setting.change"


def test_a_declared_code_reads_as_its_label_in_the_users_language():
    with translation.override("zh-hant"):
        assert action_label("setting.change") == "修改系統設定"
    with translation.override("en"):
        assert action_label("setting.change") == "Change a setting"


def test_a_code_no_longer_declared_reads_as_itself():
    assert action_get("agency.delete") is None
    assert action_label("agency.delete") == "agency.delete"


def test_a_code_declared_twice_differently_is_refused(registry):
    declare_actions(AuditAction("test.thing", _("Thing")))
    declare_actions(AuditAction("test.thing", _("Thing")))  # the same declaration again is harmless
    with pytest.raises(ValueError, match=r"test\.thing"):
        declare_actions(AuditAction("test.thing", _("Another thing")))


def test_a_family_declares_exactly_the_codes_its_data_lists(registry):
    colours = ["red"]
    declare_family(lambda: [AuditAction(f"paint.{colour}", colour) for colour in colours], "paint.")
    assert action_require("paint.red").label == "red"
    with pytest.raises(LookupError):
        action_require("paint.blue")
    colours.append("blue")  # read at each lookup: data added later is declared with it
    assert action_require("paint.blue").code == "paint.blue"
