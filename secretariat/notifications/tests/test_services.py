"""notify, channels, mail delivery and the digest, called directly."""

from __future__ import annotations

import datetime as dt
from smtplib import SMTPException

import pytest
from django.core import mail
from django.db import transaction

from secretariat.accounts.constants import Role
from secretariat.audit.models import AuditEntry
from secretariat.core.errors import NotFound, PermissionRefused, ValidationFailed
from secretariat.core.notification_events import Channel
from secretariat.notifications.constants import MAX_ATTEMPTS, MailStatus
from secretariat.notifications.models import MailDelivery, Notification, Preference
from secretariat.notifications.selectors import notification_text, unread_count
from secretariat.notifications.services import (
    digests_send,
    mail_deliver,
    mail_retry_due,
    mail_to_address,
    notification_mark_read,
    notify,
    preferences_set,
    role_default_set,
)

# Real commits: mails go after commit, and a rollback must be seen to send nothing.
pytestmark = pytest.mark.django_db(transaction=True)
ASSIGNED = {"reference": "P1120000001", "agency": "交通局", "title": "路燈不亮"}


def tell(*people, code="case.assigned", **extra):
    with transaction.atomic():
        return notify(code, to=people, params=ASSIGNED, link="/cases/1/", **extra)


def test_an_undeclared_event_is_refused_before_anything_is_written(liaison):
    with pytest.raises(LookupError):
        notify("case.invented", to=[liaison])
    assert not Notification.objects.exists()


def test_each_person_is_told_once_and_inactive_people_not_at_all(liaison, agency_head, outsider):
    outsider.is_active = False
    outsider.save()
    notes = tell(liaison, liaison, None, agency_head, outsider)
    assert sorted(note.user.username for note in notes) == ["head", "liaison"]
    assert unread_count(user=liaison) == 1


def test_the_line_is_in_the_readers_language(liaison, settings):
    from django.utils import translation

    (note,) = tell(liaison)
    assert note.message == "P1120000001 已分派至交通局：路燈不亮"
    with translation.override("en"):
        assert notification_text(note) == "P1120000001 assigned to 交通局: 路燈不亮"


def test_the_event_default_channel_applies_until_a_role_default_or_a_choice(liaison, secretariat_admin):
    assert tell(liaison)[0].channel == Channel.DIGEST  # case.assigned's own default
    role_default_set(actor=secretariat_admin, role=Role.AGENCY_LIAISON, code="case.assigned", channel=Channel.MAIL)
    assert tell(liaison)[0].channel == Channel.MAIL
    preferences_set(actor=liaison, choices={"case.assigned": Channel.IN_APP})
    assert tell(liaison)[0].channel == Channel.IN_APP
    assert AuditEntry.objects.filter(action="notification.preferences").exists()
    assert AuditEntry.objects.filter(action="notification.role_default").exists()


def test_mail_at_once_goes_after_commit_with_the_link(liaison, settings):
    settings.PUBLIC_BASE_URL = "https://sec.example"
    preferences_set(actor=liaison, choices={"case.assigned": Channel.MAIL})
    tell(liaison)
    (message,) = mail.outbox
    assert message.to == [liaison.email]
    assert "https://sec.example/cases/1/" in message.body
    assert MailDelivery.objects.get().status == MailStatus.SENT


def test_a_step_that_rolls_back_tells_nobody(liaison):
    preferences_set(actor=liaison, choices={"case.assigned": Channel.MAIL})
    def step_that_fails() -> None:
        with transaction.atomic():
            notify("case.assigned", to=[liaison], params=ASSIGNED)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        step_that_fails()
    assert (Notification.objects.count(), MailDelivery.objects.count(), len(mail.outbox)) == (0, 0, 0)


def test_a_failed_send_is_recorded_and_retried_not_lost(liaison, monkeypatch):
    preferences_set(actor=liaison, choices={"case.assigned": Channel.MAIL})

    def refuse(*args, **kwargs):
        raise SMTPException("451 try later")

    monkeypatch.setattr("secretariat.notifications.services.send_mail", refuse)
    tell(liaison)
    delivery = MailDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (MailStatus.FAILED, 1)
    assert "451" in delivery.last_error
    monkeypatch.undo()
    assert mail_retry_due() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, len(mail.outbox)) == (MailStatus.SENT, 2, 1)


def test_a_mail_that_failed_too_often_waits_for_an_administrator(liaison):
    delivery = MailDelivery.objects.create(address="x@example.invalid", event="case.assigned", subject="s",
                                           status=MailStatus.FAILED, attempts=MAX_ATTEMPTS)
    assert mail_retry_due() == 0
    delivery.refresh_from_db()
    assert delivery.status == MailStatus.FAILED


def test_a_one_time_link_is_erased_once_sent(db):
    with transaction.atomic():
        delivery = mail_to_address("petitions.confirm", address="citizen@example.invalid", subject="請確認",
                                   body="https://x/confirm/SECRET", secret=True)
    assert "SECRET" in mail.outbox[0].body
    assert delivery is not None
    delivery.refresh_from_db()
    assert (delivery.status, delivery.body) == (MailStatus.SENT, "")
    assert mail_deliver(delivery_id=delivery.pk)  # sent once: a second call sends nothing more
    assert len(mail.outbox) == 1


def test_no_address_no_mail(db):
    assert mail_to_address("petitions.filed", address="", subject="s", body="b") is None


def test_the_digest_is_one_mail_per_person_and_never_twice(liaison, agency_head):
    tell(liaison, agency_head)
    tell(liaison)
    assert mail.outbox == []
    assert digests_send(now=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)) == 2
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert bodies[liaison.email].count("P1120000001") == 2
    assert digests_send() == 0


def test_mark_read_is_ones_own_only(liaison, outsider):
    (note,) = tell(liaison)
    with pytest.raises(NotFound):
        notification_mark_read(actor=outsider, notification_id=note.pk)
    assert notification_mark_read(actor=liaison, notification_id=note.pk) == 1
    assert notification_mark_read(actor=liaison) == 0
    assert AuditEntry.objects.filter(action="notification.read").count() == 1


def test_preferences_refuse_events_the_role_does_not_receive_and_bad_channels(liaison, councillor):
    with pytest.raises(ValidationFailed) as wrong_event:
        preferences_set(actor=councillor, choices={"case.assigned": Channel.MAIL})
    assert wrong_event.value.code == "unknown_event"
    with pytest.raises(ValidationFailed) as wrong_channel:
        preferences_set(actor=liaison, choices={"case.due_soon": Channel.MAIL, "case.assigned": "pigeon"})
    assert wrong_channel.value.code == "invalid_channel"
    assert not Preference.objects.exists()  # all checked before any is saved


def test_only_an_administrator_sets_role_defaults(secretariat_clerk):
    with pytest.raises(PermissionRefused):
        role_default_set(actor=secretariat_clerk, role=Role.AGENCY_LIAISON, code="case.assigned",
                         channel=Channel.MAIL)
