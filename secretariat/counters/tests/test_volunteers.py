"""Volunteer services: roster with masked contacts and the logged reveal, shift planning (overlaps refused),
attendance and hours, daily counts (negative refused), trainings, and the service-hours certificate."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile

import pytest
from django.utils import timezone

from secretariat.accounts.models import User
from secretariat.audit.models import AuditEntry, PersonalDataAccess
from secretariat.core.errors import Conflict, PermissionRefused, ValidationFailed
from secretariat.core.pdf import pdf_available
from secretariat.counters.models import DailyCount, Post, Shift, Volunteer
from secretariat.counters.selectors.volunteers import hours_by_volunteer, masked_contacts, week_grid, week_start
from secretariat.counters.services.volunteer_roster import (
    daily_count_record,
    training_record,
    volunteer_create,
    volunteer_personal_data_reveal,
)
from secretariat.counters.services.volunteer_shifts import shift_attendance_record, shift_plan, shift_remove
from secretariat.counters.tests.consultation_helpers import posts
from secretariat.counters.views.certificates import certificate_build, certificate_odt
from tests.files import pdf_text

pytestmark = pytest.mark.django_db
__all__ = ["posts"]


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


@pytest.fixture
def volunteer(secretariat_clerk: User) -> Volunteer:
    return volunteer_create(actor=secretariat_clerk, name="張志明", phone="0933123456", email="chang@example.com",
                            skills="英語、手語", availability="週一、週三上午")


def test_the_roster_keeps_contacts_out_of_the_audit_trail_and_masks_them(volunteer: Volunteer) -> None:
    entry = AuditEntry.objects.get(action="counters.volunteer_create")
    assert "0933123456" not in str(entry.after)
    assert masked_contacts(volunteer) == {"phone": "0933-***-456", "email": "c***@example.com"}


def test_only_the_secretariat_keeps_the_roster(liaison: User, auditor: User) -> None:
    for persona in (liaison, auditor):
        with pytest.raises(PermissionRefused):
            volunteer_create(actor=persona, name="某人")


def test_revealing_contacts_is_logged(volunteer: Volunteer, secretariat_clerk: User) -> None:
    shown = volunteer_personal_data_reveal(actor=secretariat_clerk, volunteer_id=volunteer.pk, reason="排班聯繫")
    assert shown["phone"] == "0933123456"
    assert PersonalDataAccess.objects.get().fields == ["phone", "email"]


def test_a_shift_is_planned_at_a_post(volunteer: Volunteer, posts: dict[str, Post], secretariat_clerk: User) -> None:
    day = timezone.localdate() + dt.timedelta(days=2)
    shift = shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["east-gate"].pk,
                       starts_at=at(day, 9), ends_at=at(day, 12))
    assert shift.minutes == 180
    grid = week_grid(week_start(day))
    east = next(cells for post, cells in grid.rows if post.code == "east-gate")
    assert east[day.weekday()] == [shift]


@pytest.mark.parametrize(("start", "end"), [((9, 0), (12, 0)), ((11, 0), (13, 0)), ((8, 0), (9, 30)),
                                            ((10, 0), (11, 0)), ((8, 0), (13, 0))])
def test_a_shift_overlapping_another_of_the_same_volunteer_is_refused(
        volunteer: Volunteer, posts: dict[str, Post], secretariat_clerk: User, start: tuple[int, int],
        end: tuple[int, int]) -> None:
    day = timezone.localdate() + dt.timedelta(days=2)
    shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["east-gate"].pk,
               starts_at=at(day, 9), ends_at=at(day, 12))
    with pytest.raises(Conflict) as refused:
        shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["west-gate"].pk,
                   starts_at=at(day, *start), ends_at=at(day, *end))
    assert refused.value.code == "shift_overlap"
    assert "張志明" in refused.value.render()
    assert Shift.objects.count() == 1


def test_back_to_back_shifts_and_other_volunteers_are_fine(volunteer: Volunteer, posts: dict[str, Post],
                                                           secretariat_clerk: User) -> None:
    day = timezone.localdate() + dt.timedelta(days=2)
    other = volunteer_create(actor=secretariat_clerk, name="李春嬌")
    shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["east-gate"].pk,
               starts_at=at(day, 9), ends_at=at(day, 12))
    shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["east-gate"].pk,
               starts_at=at(day, 12), ends_at=at(day, 14))
    shift_plan(actor=secretariat_clerk, volunteer_id=other.pk, post_id=posts["east-gate"].pk,
               starts_at=at(day, 9), ends_at=at(day, 12))
    assert Shift.objects.count() == 3


def test_bad_shift_times_are_refused(volunteer: Volunteer, posts: dict[str, Post], secretariat_clerk: User) -> None:
    day = timezone.localdate() + dt.timedelta(days=2)
    for start, end in ((at(day, 12), at(day, 9)), (at(day, 6), at(day, 20))):
        with pytest.raises(ValidationFailed):
            shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["east-gate"].pk,
                       starts_at=start, ends_at=end)
    assert not Shift.objects.exists()


def test_attendance_gives_the_hours_and_the_certificate(volunteer: Volunteer, posts: dict[str, Post],
                                                        secretariat_clerk: User) -> None:
    day = timezone.localdate() - dt.timedelta(days=3)
    first = shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["service-centre"].pk,
                       starts_at=at(day, 9), ends_at=at(day, 12))
    second = shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["service-centre"].pk,
                        starts_at=at(day, 13), ends_at=at(day, 17))
    missed = shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["service-centre"].pk,
                        starts_at=at(day - dt.timedelta(days=1), 9), ends_at=at(day - dt.timedelta(days=1), 12))
    shift_attendance_record(actor=secretariat_clerk, shift_id=first.pk, attended=True)
    shift_attendance_record(actor=secretariat_clerk, shift_id=second.pk, attended=True, minutes=150)
    shift_attendance_record(actor=secretariat_clerk, shift_id=missed.pk, attended=False)
    with pytest.raises(Conflict):
        shift_remove(actor=secretariat_clerk, shift_id=first.pk)
    [hours] = hours_by_volunteer(start=day - dt.timedelta(days=7), end=day)
    assert (hours.shifts, hours.minutes, hours.hours) == (2, 330, "5.5")
    odt = certificate_odt(volunteer_id=volunteer.pk, start=day - dt.timedelta(days=7), end=day)
    package = zipfile.ZipFile(io.BytesIO(odt))
    assert package.namelist()[0] == "mimetype"
    content = package.read("content.xml").decode()
    assert 'office:version="1.2"' in content
    assert "張志明" in content
    assert "5.5" in content


def test_no_certificate_without_hours(volunteer: Volunteer) -> None:
    with pytest.raises(ValidationFailed):
        certificate_odt(volunteer_id=volunteer.pk, start=dt.date(2023, 7, 1), end=dt.date(2023, 12, 31))


def test_attendance_waits_for_the_shift(volunteer: Volunteer, posts: dict[str, Post], secretariat_clerk: User) -> None:
    day = timezone.localdate() + dt.timedelta(days=2)
    shift = shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["east-gate"].pk,
                       starts_at=at(day, 9), ends_at=at(day, 12))
    with pytest.raises(ValidationFailed):
        shift_attendance_record(actor=secretariat_clerk, shift_id=shift.pk, attended=True)
    shift_remove(actor=secretariat_clerk, shift_id=shift.pk)
    assert not Shift.objects.exists()


def test_daily_counts_replace_and_refuse_negatives(posts: dict[str, Post], secretariat_clerk: User) -> None:
    day = timezone.localdate() - dt.timedelta(days=1)
    post = posts["service-centre"].pk
    daily_count_record(actor=secretariat_clerk, post_id=post, date=day, people_served=120, leaflets=40)
    daily_count_record(actor=secretariat_clerk, post_id=post, date=day, people_served=130, leaflets=45)
    row = DailyCount.objects.get()
    assert (row.people_served, row.leaflets) == (130, 45)
    for people, leaflets in ((-1, 0), (0, -5)):
        with pytest.raises(ValidationFailed) as refused:
            daily_count_record(actor=secretariat_clerk, post_id=post, date=day, people_served=people,
                               leaflets=leaflets)
        assert refused.value.code == "negative_count"
    with pytest.raises(ValidationFailed):
        daily_count_record(actor=secretariat_clerk, post_id=post, date=timezone.localdate() + dt.timedelta(days=1),
                           people_served=1, leaflets=1)
    row.refresh_from_db()
    assert (row.people_served, row.leaflets) == (130, 45)


def test_trainings_record_their_attendees(volunteer: Volunteer, secretariat_clerk: User) -> None:
    training = training_record(actor=secretariat_clerk, held_on=dt.date(2023, 9, 15), title="志工便民服務教育訓練",
                               attendee_ids=[volunteer.pk])
    assert list(training.attendees.all()) == [volunteer]
    with pytest.raises(ValidationFailed):
        training_record(actor=secretariat_clerk, held_on=dt.date(2023, 11, 11), title="研習", attendee_ids=[999_999])
    with pytest.raises(ValidationFailed):
        training_record(actor=secretariat_clerk, held_on=dt.date(2023, 11, 11), title=" ")


@pytest.mark.skipif(not pdf_available() or shutil.which("pdftotext") is None,
                    reason="LibreOffice and pdftotext are installed by `make test` as root")
def test_the_certificate_as_pdf_says_what_the_odt_says(volunteer: Volunteer, posts: dict[str, Post],
                                                       secretariat_clerk: User) -> None:
    day = timezone.localdate() - dt.timedelta(days=2)
    shift = shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["north-gate"].pk,
                       starts_at=at(day, 13), ends_at=at(day, 17))
    shift_attendance_record(actor=secretariat_clerk, shift_id=shift.pk, attended=True)
    document = certificate_build(volunteer_id=volunteer.pk, start=day, end=day, file_format="pdf")
    assert document.content.startswith(b"%PDF")
    text = pdf_text(document.content)
    assert "張志明" in text
    assert "4.0" in text
