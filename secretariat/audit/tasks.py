from celery import shared_task

from secretariat.audit.services import audit_verify


@shared_task(name="audit.verify_chain")
def verify_chain() -> str:
    report = audit_verify()
    return "intact" if report.ok else f"broken at row {report.broken_seq}: {report.reason}"
