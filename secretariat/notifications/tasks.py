"""Thin Celery tasks over the notification services."""

from __future__ import annotations

from typing import Any

from celery import shared_task

from secretariat.notifications.constants import MAX_ATTEMPTS, RETRY_BASE_SECONDS
from secretariat.notifications.models import MailDelivery
from secretariat.notifications.services import digests_send, mail_deliver, mail_retry_due


@shared_task(bind=True, name="notifications.deliver_mail", max_retries=MAX_ATTEMPTS - 1)
def deliver_mail(self: Any, delivery_id: int) -> str:
    """Send one mail; on failure retry with a growing wait. Run eagerly (no broker), a failure is left to the
    periodic retry rather than retried inside the request that caused it."""
    if mail_deliver(delivery_id=delivery_id):
        return "sent"
    attempts = MailDelivery.objects.filter(pk=delivery_id).values_list("attempts", flat=True).first() or 0
    if self.request.is_eager or attempts >= MAX_ATTEMPTS:
        return "failed"
    raise self.retry(countdown=RETRY_BASE_SECONDS * 2 ** max(0, attempts - 1))


@shared_task(name="notifications.retry_mail")
def retry_mail() -> str:
    return f"sent {mail_retry_due()}"


@shared_task(name="notifications.send_digests")
def send_digests() -> str:
    return f"digests {digests_send()}"
