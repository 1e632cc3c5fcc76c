"""The embedded scheduler: periodic jobs run once per slot, never at boot and never twice."""

import datetime as dt

import pytest
from celery import current_app
from django.utils import timezone

from secretariat.core.models import PeriodicRun
from secretariat.core.scheduler import run_due_jobs

pytestmark = pytest.mark.django_db

JOBS = set(current_app.conf.beat_schedule)  # the schedule `celery beat` also reads (config/celery.py)


def make_overdue(*names: str) -> None:
    rows = PeriodicRun.objects.filter(name__in=names) if names else PeriodicRun.objects.all()
    rows.update(last_run_at=timezone.now() - dt.timedelta(days=8))  # past the slot of weekly jobs too


def test_the_first_pass_only_notes_the_jobs_and_runs_none(reference_data):
    assert run_due_jobs() == []
    assert set(PeriodicRun.objects.values_list("name", flat=True)) == JOBS
    assert not PeriodicRun.objects.exclude(last_outcome="").exists()


def test_jobs_whose_slot_has_passed_all_run(reference_data):
    run_due_jobs()
    make_overdue()

    ran = run_due_jobs()

    assert set(ran) == JOBS
    assert len(ran) == len(JOBS)


def test_each_job_run_records_its_outcome(reference_data):
    run_due_jobs()
    make_overdue()

    run_due_jobs()

    outcomes = dict(PeriodicRun.objects.values_list("name", "last_outcome"))
    assert outcomes["audit-verify-nightly"] == "intact"
    assert all(outcomes[name] for name in JOBS)


def test_a_second_pass_right_away_runs_nothing_again(reference_data):
    run_due_jobs()
    make_overdue()
    run_due_jobs()

    assert run_due_jobs() == []


def test_only_the_overdue_job_runs(reference_data):
    run_due_jobs()
    make_overdue("sessions-purge-nightly")

    assert run_due_jobs() == ["sessions-purge-nightly"]


def test_a_failing_job_does_not_stop_the_others(reference_data, monkeypatch):
    run_due_jobs()
    make_overdue()

    def broken(*args, **kwargs):
        raise RuntimeError("mail server down")

    monkeypatch.setattr("secretariat.core.tasks.mail_admins", broken)
    # Mid-December with no 2027 calendar loaded: the coverage check wants to mail the administrators.
    monkeypatch.setattr("secretariat.core.tasks.timezone.localdate", lambda: dt.date(2026, 12, 15))

    ran = run_due_jobs()

    assert set(ran) == JOBS
    outcomes = dict(PeriodicRun.objects.values_list("name", "last_outcome"))
    assert outcomes["calendar-coverage-daily"].startswith("failed: mail server down")
    assert outcomes["audit-verify-nightly"] == "intact"
