"""Who hears of a case's move: the lead agency of its assignment, the routing clerk of its return."""

from __future__ import annotations

import pytest
from django.core import mail

from secretariat.cases.tests.stories import agency, take
from secretariat.core.notification_events import Channel
from secretariat.notifications.models import Notification
from secretariat.notifications.services import preferences_set

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_at_once")]


def test_the_lead_agency_hears_of_an_assignment_with_a_link_to_the_case(assigned_petition, liaison, agency_head,
                                                                       outsider):
    case = assigned_petition(title="信義路路燈不亮")
    notes = Notification.objects.filter(event="case.assigned")
    assert {note.user for note in notes} == {liaison, agency_head}
    note = notes.get(user=liaison)
    assert (note.link, note.target) == (f"/cases/{case.pk}/", f"cases.case:{case.pk}")
    assert note.message == f"{case.reference} 已分派至交通局：信義路路燈不亮"
    assert not Notification.objects.filter(user=outsider).exists()


def test_a_confidential_subject_never_goes_out(memo_kind, secretariat_clerk, liaison):
    from secretariat.cases.services import case_open
    from secretariat.cases.tests.stories import NOTE_KIND, at

    preferences_set(actor=liaison, choices={"case.assigned": Channel.MAIL})
    case = case_open(actor=secretariat_clerk, kind_code=NOTE_KIND, title="檢舉某主管收受招待",
                     received_at=at("2023-06-20"), confidential=True)
    take(secretariat_clerk, case, "assign", on="2023-06-21", agency=agency("交通局"))
    note = Notification.objects.get(user=liaison)
    assert "檢舉" not in note.message
    assert "密件" in note.message
    (message,) = mail.outbox
    assert "檢舉" not in f"{message.subject} {message.body}"


def test_the_clerk_who_routed_it_hears_of_a_return_by_mail(assigned_petition, secretariat_clerk, liaison):
    case = assigned_petition()
    take(liaison, case, "return", on="2023-06-21", reason="非本局權責")
    note = Notification.objects.get(event="case.returned")
    assert note.user == secretariat_clerk
    assert "非本局權責" in note.message
    assert [message.to for message in mail.outbox] == [[secretariat_clerk.email]]


def test_a_step_refused_tells_nobody(assigned_petition, outsider):
    from secretariat.core.errors import PermissionRefused

    case = assigned_petition()
    before = Notification.objects.count()
    with pytest.raises(PermissionRefused):
        take(outsider, case, "return", on="2023-06-21", reason="x")
    assert Notification.objects.count() == before
