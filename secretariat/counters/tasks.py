"""The counters' periodic work: thin wrappers over services."""

from celery import shared_task

from secretariat.counters.services.consultation_bookings import booking_reminders_send


@shared_task(name="counters.consultation_reminders")
def consultation_reminders() -> str:
    """Daily: remind the citizens booked for tomorrow's consultations."""
    return f"{booking_reminders_send()} consultation reminders sent"
