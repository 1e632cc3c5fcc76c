"""Building petitions in a given state for the statistics and report tests, through the services."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, User
from secretariat.accounts.services import user_create
from secretariat.cases.models import Case
from secretariat.cases.services import case_transition
from secretariat.core.changes import SYSTEM
from secretariat.petitions.services import petition_register

TAIPEI = ZoneInfo("Asia/Taipei")
PASSWORD = "Taipei-test-2024"


def taipei(text: str) -> dt.datetime:
    """`2023-07-03 10:00` in Taipei time."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=TAIPEI)


def liaison_of(agency: Agency) -> User:
    user = User.objects.filter(role=Role.AGENCY_LIAISON, agency=agency).order_by("pk").first()
    return user or user_create(actor=SYSTEM, username=f"stats-liaison-{agency.pk}", password=PASSWORD,
                               role=Role.AGENCY_LIAISON, agency=agency, display_name=f"{agency.short_name}聯絡")


class PetitionMaker:
    """`make(agency="交通局", received="2023-07-03 10:00", answered="2023-07-05 15:00")` files a
    petition as a clerk, assigns it, and takes it as far as the arguments say."""

    def __init__(self, clerk: User) -> None:
        self.clerk = clerk

    def __call__(self, *, agency: str | None = "交通局", received: str = "2023-07-03 10:00",
                 answered: str | None = None, closed: str | None = None, declined: str | None = None,
                 subject: str = "路燈故障", confidential: bool = False) -> Case:
        received_at = taipei(received)
        registered = petition_register(actor=self.clerk, channel="letter", subject=subject, content="請派員修理。",
                                       petitioner_name="王小明", petitioner_phone="0912-345-678",
                                       petitioner_address="臺北市中正區仁愛路1號", received_at=received_at,
                                       is_confidential=confidential)
        case = registered.petition.case
        if agency is None:
            return case
        lead = Agency.objects.get(short_name=agency)
        case = self.step(self.clerk, case, "assign", received_at + dt.timedelta(minutes=30), agency=lead)
        if declined:
            return self.step(liaison_of(lead), case, "decline", taipei(declined), reason_code="no_content")
        if answered:
            case = self.step(liaison_of(lead), case, "answer", taipei(answered), answer="已派員修復。")
        if closed:
            case = self.step(self.clerk, case, "close", taipei(closed))
        return case

    @staticmethod
    def step(actor: User, case: Case, name: str, at: dt.datetime, **data: object) -> Case:
        return case_transition(actor=actor, case_id=case.pk, name=name, data=dict(data), at=at)
