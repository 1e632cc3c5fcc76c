from celery import shared_task

from secretariat.petitions.services.routing import routing_model_train


@shared_task(name="petitions.train_router")
def train_router() -> str:
    """Weekly: relearn routing from the decisions of the past week too."""
    report = routing_model_train()
    if report.model_id is None:
        return f"not trained: {report.sample_count} decisions, {len(report.class_counts)} agencies"
    return f"model {report.model_id}: {report.sample_count} decisions, {len(report.class_counts)} agencies"
