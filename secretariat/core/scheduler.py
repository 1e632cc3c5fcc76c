"""Periodic jobs without Celery beat: the embedded mode's scheduler.

With no Redis, `make run` still needs the nightly and daily jobs (audit check, reminders in later
issues). Each web worker starts `start_background_scheduler()`; a file lock lets exactly one of them
run the loop, and if that worker dies the lock passes to another. Jobs come from the same
`beat_schedule` that `celery beat` uses in production, and each run is claimed in the database
(`PeriodicRun`) before it starts, so a job never runs twice for one slot.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import threading
import time
from pathlib import Path
from typing import Any

from celery import current_app
from django.db import close_old_connections, transaction
from django.utils import timezone

from secretariat.core.models import PeriodicRun

log = logging.getLogger(__name__)
POLL_SECONDS = 30


def _schedule() -> dict[str, dict[str, Any]]:
    return dict(current_app.conf.beat_schedule)


def _claim(name: str, schedule: Any, now: dt.datetime) -> bool:
    """Mark the job as run now if it is due. The first sighting only records the time (no run at boot)."""
    with transaction.atomic():
        row = PeriodicRun.objects.select_for_update().filter(name=name).first()
        if row is None:
            PeriodicRun.objects.create(name=name, last_run_at=now)
            return False
        if schedule.remaining_estimate(row.last_run_at).total_seconds() > 0:
            return False
        row.last_run_at = now
        row.save(update_fields=["last_run_at"])
        return True


def run_due_jobs(now: dt.datetime | None = None) -> list[str]:
    """Run every job whose slot has come since it last ran. Returns the names of the jobs run."""
    now = now or timezone.now()
    # A web process never runs Celery's autodiscovery (only a worker or beat does), so the apps'
    # tasks modules must be imported here or every job would fail with "unknown task".
    current_app.loader.import_default_modules()
    ran = []
    for name, entry in _schedule().items():
        if not _claim(name, entry["schedule"], now):
            continue
        try:
            outcome = str(current_app.tasks[entry["task"]].apply().get())
        except Exception as error:  # a failing job must not stop the others or the loop
            log.exception("periodic job %s failed", name)
            outcome = f"failed: {error}"
        PeriodicRun.objects.filter(name=name).update(last_outcome=outcome[:500])
        ran.append(name)
    return ran


def _loop(lock_path: Path) -> None:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                time.sleep(POLL_SECONDS)  # another worker runs the scheduler
        log.info("embedded scheduler running")
        while True:
            try:
                run_due_jobs()
            except Exception:
                log.exception("embedded scheduler pass failed")
            finally:
                close_old_connections()
            time.sleep(POLL_SECONDS)


def start_background_scheduler(lock_path: Path) -> threading.Thread:
    thread = threading.Thread(target=_loop, args=(lock_path,), name="embedded-scheduler", daemon=True)
    thread.start()
    return thread
