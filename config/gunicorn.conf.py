"""gunicorn settings for `make run` and production. PORT, WEB_WORKERS and WEB_THREADS override."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
timeout = 60
accesslog = os.environ.get("ACCESS_LOG", "-")
wsgi_app = "config.wsgi:application"


def post_worker_init(worker):  # type: ignore[no-untyped-def]
    from django.conf import settings

    if settings.EMBEDDED_SCHEDULER:
        from secretariat.core.scheduler import start_background_scheduler

        start_background_scheduler(settings.VAR_DIR / "scheduler.lock")
