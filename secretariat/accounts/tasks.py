from celery import shared_task
from django.core.management import call_command


@shared_task(name="accounts.purge_expired_sessions")
def purge_expired_sessions() -> str:
    call_command("clearsessions")
    return "ok"
