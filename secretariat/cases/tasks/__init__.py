from celery import shared_task

from secretariat.cases.tasks.reminders import reminders_send


@shared_task(name="cases.send_reminders")
def send_reminders() -> str:
    sent = reminders_send()
    return ", ".join(f"{kind}: {count}" for kind, count in sent.items()) or "nothing due"
