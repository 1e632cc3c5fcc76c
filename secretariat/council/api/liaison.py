"""The liaison officers' roster over JSON, scoped like the page: an agency sees its own officers."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from secretariat.council.api.schemas import OfficerOut
from secretariat.council.selectors import liaison as selectors

router = Router(tags=["council"])


@router.get("/liaison-officers", response=list[OfficerOut])
def liaison_officers(request: HttpRequest, agency: int | None = None) -> list[OfficerOut]:
    """Active liaison officers by agency; `agency` is an agency id."""
    return [OfficerOut(id=item.pk, agency_id=item.agency_id, agency=item.agency.short_name, name=item.name,
                       title=item.title, phone=item.phone, mobile=item.mobile, email=item.email,
                       user_id=item.user_id)
            for item in selectors.officer_list(user=request.user, agency_id=agency)]
