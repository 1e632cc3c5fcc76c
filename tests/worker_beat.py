"""The Celery app for the worker test's `celery beat`: the production app with the daily reminders due every
two seconds, so the test sees a periodic job leave beat, run on the worker and send its mail."""

from config.celery import app

app.conf.beat_schedule = {"case-reminders-now": {"task": "cases.send_reminders", "schedule": 2.0}}

__all__ = ["app"]
