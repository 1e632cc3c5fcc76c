"""The daily reminders: liaisons hear of their due-soon and overdue cases, heads of the overdue ones —
once a working day, by mail and in the app."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from secretariat.cases.models import ReminderDigest, ReminderKind
from secretariat.cases.tasks import send_reminders
from secretariat.cases.tasks.reminders import reminders_send
from secretariat.cases.tests.stories import take
from secretariat.notifications.models import Notification

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_at_once")]

D = dt.date.fromisoformat
MONDAY = D("2023-07-03")  # a working day; the next one is Tuesday 07-04


def mails_to(user) -> list[mail.EmailMessage]:
    return [message for message in mail.outbox if user.email in message.to]


@pytest.fixture
def due_today(assigned_petition):
    """Assigned Wed 06-21, due Mon 07-03."""
    return assigned_petition(assigned="2023-06-21", title="路燈不亮")


@pytest.fixture
def overdue(assigned_petition):
    """Assigned Mon 06-12, due Mon 06-19 (Saturday 06-17 was worked): two weeks late on 07-03."""
    return assigned_petition(assigned="2023-06-12", title="人行道破損")


def test_a_liaison_hears_by_mail_and_in_the_app_of_a_case_due_soon(due_today, liaison, agency_head):
    sent = reminders_send(today=MONDAY)

    assert sent == {ReminderKind.DUE_SOON: 1}
    [message] = mails_to(liaison)
    assert due_today.reference in message.body
    assert "112/07/03" in message.body
    assert "交通局" in message.subject
    assert Notification.objects.filter(user=liaison, read_at__isnull=True).count() == 1
    assert mails_to(agency_head) == []  # nothing is overdue yet: the head is not troubled


def test_an_overdue_case_goes_to_the_liaison_and_escalates_to_the_head(overdue, liaison, agency_head):
    sent = reminders_send(today=MONDAY)

    assert sent == {ReminderKind.OVERDUE: 1, ReminderKind.ESCALATION: 1}
    [to_liaison] = mails_to(liaison)
    [to_head] = mails_to(agency_head)
    assert overdue.reference in to_liaison.body
    assert overdue.reference in to_head.body
    assert to_liaison.subject != to_head.subject
    assert Notification.objects.filter(user=agency_head).count() == 1


def test_a_second_run_the_same_day_sends_nothing(due_today, overdue, liaison, agency_head):
    reminders_send(today=MONDAY)
    mails, notes = len(mail.outbox), Notification.objects.count()

    again = reminders_send(today=MONDAY)

    assert again == {}
    assert (len(mail.outbox), Notification.objects.count()) == (mails, notes)
    assert ReminderDigest.objects.count() == 3


def test_nothing_is_sent_on_a_day_off(overdue, liaison, agency_head):
    assert reminders_send(today=D("2023-07-01")) == {}  # a Saturday
    assert reminders_send(today=D("2023-06-22")) == {}  # 端午節
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_the_next_working_day_reminds_again(overdue, liaison, agency_head):
    reminders_send(today=MONDAY)

    sent = reminders_send(today=D("2023-07-04"))

    assert sent == {ReminderKind.OVERDUE: 1, ReminderKind.ESCALATION: 1}


def test_another_agency_hears_nothing_of_transport_cases(overdue, liaison, outsider):
    reminders_send(today=MONDAY)

    assert mails_to(outsider) == []
    assert not Notification.objects.filter(user=outsider).exists()


def test_answered_cases_are_not_reminded(overdue, liaison, agency_head):
    take(liaison, overdue, "answer", on="2023-06-30", answer="已修復。")

    assert reminders_send(today=MONDAY) == {}
    assert mail.outbox == []


def test_a_case_due_next_week_is_not_yet_mentioned(assigned_petition, liaison):
    assigned_petition(assigned="2023-07-03")  # due 07-11

    assert reminders_send(today=MONDAY) == {}


def test_each_agency_gets_its_own_digest(assigned_petition, liaison, outsider):
    assigned_petition("交通局", assigned="2023-06-12")
    assigned_petition("衛生局", assigned="2023-06-12", title="餐廳衛生")

    sent = reminders_send(today=MONDAY)

    assert sent[ReminderKind.OVERDUE] == 2
    assert "餐廳衛生" in mails_to(outsider)[0].body
    assert "餐廳衛生" not in mails_to(liaison)[0].body


def test_the_scheduled_task_reports_what_it_sent(reference_data):
    assert send_reminders() == "nothing due"
