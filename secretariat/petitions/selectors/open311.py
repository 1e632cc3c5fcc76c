"""What the Open311 GeoReport v2 endpoints read: the public petitions and the categories offered as services."""

from __future__ import annotations

from django.db.models import QuerySet

from secretariat.petitions.kinds import KIND
from secretariat.petitions.models import Category, Petition


def open311_services() -> QuerySet[Category]:
    """The active categories, in the order the Secretariat lists them."""
    return Category.objects.filter(is_active=True).order_by("sort_order", "code")


def open311_service_get(*, code: str) -> Category | None:
    """The active category filed under this service code, if any."""
    return Category.objects.filter(code=code, is_active=True).first()


def open311_known_codes(*, codes: list[str]) -> set[str]:
    """Which of these service codes name a category (an inactive one still answers searches)."""
    return set(Category.objects.filter(code__in=codes).values_list("code", flat=True))


def open311_public_requests() -> QuerySet[Petition]:
    """Every petition the public may read through Open311: not confidential, and filed as a petition."""
    return (Petition.objects.filter(is_confidential=False, case__kind=KIND)
            .select_related("case", "case__lead_agency", "case__merged_into", "category"))
