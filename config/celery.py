"""The Celery app. Tasks are thin wrappers over services; see settings for the embedded mode."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

app = Celery("secretariat")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# One schedule for both modes: `celery beat` reads it in production, the embedded scheduler otherwise.
app.conf.beat_schedule = {
    "audit-verify-nightly": {"task": "audit.verify_chain", "schedule": crontab(hour=2, minute=15)},
    "audit-anchor-daily": {"task": "audit.anchor_chain", "schedule": crontab(hour=23, minute=55)},
    "calendar-coverage-daily": {"task": "core.calendar_coverage_check", "schedule": crontab(hour=6, minute=0)},
    "notifications-digest-daily": {"task": "notifications.send_digests", "schedule": crontab(hour=17, minute=30)},
    "notifications-retry-mail": {"task": "notifications.retry_mail", "schedule": crontab(minute="*/10")},
    "case-reminders-daily": {"task": "cases.send_reminders", "schedule": crontab(hour=8, minute=30)},
    "sessions-purge-nightly": {"task": "accounts.purge_expired_sessions", "schedule": crontab(hour=3, minute=0)},
    "petitions-train-router-weekly": {"task": "petitions.train_router",
                                      "schedule": crontab(day_of_week="sun", hour=4, minute=0)},
    "media-publish-due": {"task": "media.publish_due_releases", "schedule": crontab(minute="*/5")},
    "media-opinion-feeds": {"task": "media.import_opinion_feeds", "schedule": crontab(minute="*/30")},
    "media-opinion-digest-daily": {"task": "media.send_opinion_digest", "schedule": crontab(hour=7, minute=30)},
    "counters-consultation-reminders-daily": {"task": "counters.consultation_reminders",
                                              "schedule": crontab(hour=9, minute=0)},
}
