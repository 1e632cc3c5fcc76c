"""Filing a petition from an Open311 (GeoReport v2) app: registration plus the map position."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from secretariat.core.actors import Actor
from secretariat.core.changes import record_change
from secretariat.petitions.models import Category, Channel, Petition
from secretariat.petitions.services.intake import Registered, petition_register


def open311_request_file(*, actor: Actor, category: Category, subject: str, description: str,
                         petitioner_name: str = "", petitioner_email: str = "", petitioner_phone: str = "",
                         address: str = "", latitude: Decimal | None = None,
                         longitude: Decimal | None = None) -> Registered:
    """Register the petition (channel "open311", with the permission check and field rules of staff
    registration) and store where the problem is, in one transaction: nothing is half-written."""
    with transaction.atomic():
        registered = petition_register(
            actor=actor, channel=Channel.OPEN311, subject=subject, content=description,
            petitioner_name=petitioner_name, petitioner_email=petitioner_email,
            petitioner_phone=petitioner_phone, location=address, category=category,
        )
        petition = registered.petition
        if latitude is not None and longitude is not None:
            Petition.objects.filter(pk=petition.pk).update(latitude=latitude, longitude=longitude)
            petition.latitude, petition.longitude = latitude, longitude
            record_change(actor=actor, action="petition.locate", target=petition,
                          after={"latitude": str(latitude), "longitude": str(longitude)})
    return registered
