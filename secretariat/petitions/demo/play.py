"""Playing one planned demo petition through the case services, step by step, at invented times.

Times follow office practice: the Secretariat assigns on the day of receipt (or the next working day),
the agency answers within its working days (or late, or after an approved extension), the Secretariat
closes within two working days. Every step goes through `case_transition` with `at=` and one shared
calendar, so due dates and results are the engine's own.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from secretariat.accounts.models import Agency, User
from secretariat.cases.models import Case
from secretariat.cases.services import case_transition
from secretariat.core.actors import Actor
from secretariat.core.calendar import WorkCalendar
from secretariat.core.changes import SYSTEM, record_change
from secretariat.petitions.demo import texts as words
from secretariat.petitions.models import Petition

if TYPE_CHECKING:
    from secretariat.petitions.demo.planning import Planned

TAIPEI = ZoneInfo("Asia/Taipei")
OFFICE_OPENS = 9 * 60  # minutes after midnight
OFFICE_HOURS = 8 * 60


class Player:
    def __init__(self, *, clerk: User, liaisons: dict[int, User], agencies: dict[str, Agency],
                 calendar: WorkCalendar, seed: int) -> None:
        self.clerk, self.liaisons, self.agencies, self.calendar, self.seed = clerk, liaisons, agencies, calendar, seed

    def play(self, item: Planned, petition: Petition, *, merge_target: str) -> None:
        scene = _Scene(self, item, petition, random.Random(f"{self.seed}:{item.number}"))  # noqa: S311 - invented data
        scene.perform(merge_target)


class _Scene:
    def __init__(self, player: Player, item: Planned, petition: Petition, rng: random.Random) -> None:
        self.player, self.item, self.petition, self.rng = player, item, petition, rng
        self.case: Case = petition.case
        self.now = item.received_at
        self.agency = player.agencies[item.agency]

    # --- the clock ----------------------------------------------------------------------------------
    def _day(self) -> dt.date:
        return timezone.localdate(self.now)

    def _moment(self, working_days: int) -> dt.datetime:
        """A time `working_days` working days after the current one (0: later the same day)."""
        if working_days <= 0:
            return self.now + dt.timedelta(minutes=self.rng.randint(10, 90))
        day = self.player.calendar.add_working_days(self._day(), working_days)
        minute = OFFICE_OPENS + self.rng.randint(0, OFFICE_HOURS)
        return dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=TAIPEI)

    def _step(self, actor: Actor, name: str, at: dt.datetime, **data: Any) -> None:
        self.case = case_transition(actor=actor, case_id=self.case.pk, name=name, data=data, at=at,
                                    calendar=self.player.calendar)
        self.now = at

    def _liaison(self, agency: Agency) -> User:
        return self.player.liaisons[agency.pk]

    # --- the steps ----------------------------------------------------------------------------------
    def assign(self, agency: Agency) -> None:
        local = timezone.localtime(self.now)
        same_day = self.player.calendar.is_working_day(local.date()) and local.hour < 16
        self._step(self.player.clerk, "assign", self._moment(0 if same_day else 1), agency=agency)

    def accept(self) -> None:
        self._step(self._liaison(self.agency), "accept", self._moment(self.rng.choice((0, 0, 1))))

    def answer(self, *, late_by: int = 0, prefix: str = "") -> None:
        due = self.case.due_on or self._day()
        if late_by:
            at = self._moment(self.player.calendar.working_days_between(self._day(), due) + late_by)
        else:
            room = max(0, self.player.calendar.working_days_between(self._day(), due))
            at = self._moment(self.rng.randint(min(1, room), room))
        text = words.ANSWER.format(subject=self.item.subject, agency=self.agency.name,
                                   action=self.rng.choice(words.ACTIONS))
        self._step(self._liaison(self.agency), "answer", at, answer=prefix + text)

    def close(self) -> None:
        self._step(self.player.clerk, "close", self._moment(self.rng.choice((0, 1, 1, 2))))

    def rate(self) -> None:
        if self.item.rating is None:
            return
        rated_at = self.now + dt.timedelta(days=self.rng.randint(1, 4), minutes=self.rng.randint(0, 600))
        Petition.objects.filter(pk=self.petition.pk).update(rating=self.item.rating,
                                                            rating_comment=self.item.rating_comment, rated_at=rated_at)
        # As petitions.services.petition_rate records a first rating.
        record_change(actor=SYSTEM, action="petition.rate", target=self.petition,
                      after={"rating": self.item.rating, "has_comment": bool(self.item.rating_comment)},
                      extra={"by": "petitioner"})

    def finish(self, *, late_by: int = 0) -> None:
        self.accept()
        self.answer(late_by=late_by)
        self.close()

    # --- the stories --------------------------------------------------------------------------------
    def perform(self, merge_target: str) -> None:
        story = self.item.story
        if story == "rerouted":
            first = self.player.agencies[self.item.first_agency]
            self.assign(first)
            self._step(self._liaison(first), "return", self._moment(self.rng.choice((0, 1))),
                       reason=self.rng.choice(words.RETURN_REASONS))
        self.assign(self.agency)
        if story in ("on_time", "rerouted"):
            self.finish()
        elif story == "late":
            self.finish(late_by=self.rng.randint(1, 8))
        elif story == "extended":
            self.extend()
        elif story == "reopened":
            self.finish()
            self._step(self.player.clerk, "reopen", self._moment(self.rng.randint(2, 5)),
                       reason=self.rng.choice(words.REOPEN_REASONS))
            self.answer(prefix="補充說明：")
            self.close()
        elif story == "declined":
            self.accept()
            self._step(self._liaison(self.agency), "decline", self._moment(self.rng.randint(1, 3)),
                       reason_code=self.item.decline_code, note="依行政程序法第173條規定不予處理。")
        elif story == "merged":
            self._step(self.player.clerk, "merge", self._moment(self.rng.choice((0, 1))), into=merge_target,
                       note="與先前陳情案件內容相同，併案處理。")
        elif story == "answered":
            self.accept()
            self.answer()
        elif story == "in_progress":
            self.accept()
        if story in ("on_time", "late", "rerouted", "extended", "reopened"):
            self.rate()

    def extend(self) -> None:
        self.accept()
        due = self.case.due_on or self._day()
        room = max(1, self.player.calendar.working_days_between(self._day(), due))
        self._step(self._liaison(self.agency), "request_extension", self._moment(self.rng.randint(0, room - 1)),
                   reason=self.rng.choice(words.EXTENSION_REASONS),
                   until=self.player.calendar.add_working_days(due, self.rng.randint(5, 10)))
        self._step(self.player.clerk, "approve_extension", self._moment(self.rng.choice((0, 1))))
        self.answer()
        self.close()
