"""Reading the files case steps carry: per event for the timeline, the released answer's files for whoever
asked, and the owner rule the attachment kernel asks before a download (docs/decisions/0018)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from secretariat.cases.access import may_read_step_files, may_see, sees_through_agency
from secretariat.cases.constants import STEP_FILES_OWNER
from secretariat.cases.kinds import kind_for
from secretariat.cases.models import Case, CaseEvent
from secretariat.core.actors import Actor, Viewer
from secretariat.core.attachments import FileAccess
from secretariat.core.models import Attachment

ANSWER_STEP = "answer"
READ_FINAL = FileAccess(may_read=True, final=True)
HIDDEN_FINAL = FileAccess(may_read=False, final=True)


def step_files_by_event(events: Sequence[CaseEvent]) -> dict[int, list[Attachment]]:
    """Each event's files, in the order they were attached: one query for the whole timeline, unchecked."""
    if not events:
        return {}
    rows = (Attachment.objects.filter(owner_type=STEP_FILES_OWNER, owner_id__in=[str(event.pk) for event in events])
            .order_by("uploaded_at", "original_name"))
    found: dict[int, list[Attachment]] = defaultdict(list)
    for attachment in rows:
        found[int(attachment.owner_id)].append(attachment)
    return dict(found)


def case_latest_answer(*, case: Case) -> CaseEvent | None:
    """The case's latest answer step: after a reopen, the answer given again replaces the one before."""
    return case.events.filter(action=ANSWER_STEP).order_by("-occurred_at", "-pk").first()


def case_answer_released(*, case: Case) -> bool:
    """Whether the kind says the case's answer has reached whoever asked."""
    kind = kind_for(case.kind)
    return bool(kind.answer_released and kind.answer_released(case))


def case_released_answer_files(*, case: Case) -> list[Attachment]:
    """The files of the answer the requester received; none while no answer is released. Unchecked: the
    caller has decided the reader is the requester (a councillor's portal, a citizen's answer page)."""
    if not case_answer_released(case=case):
        return []
    event = case_latest_answer(case=case)
    return step_files_by_event([event]).get(event.pk, []) if event is not None else []


def _released_answer_id(case: Case) -> int | None:
    event = case_latest_answer(case=case) if case_answer_released(case=case) else None
    return event.pk if event is not None else None


def case_step_files_for(*, user: Actor | Viewer, case: Case,
                        events: Sequence[CaseEvent]) -> dict[int, list[Attachment]]:
    """The files of `events` (a timeline of `case`) that `user` may read, by event: all of them for staff who
    read the timeline, only the released answer's for the requester, none for a reader of 「密件」."""
    if not events:
        return {}
    if may_read_step_files(user, case, released_answer=False):
        return step_files_by_event(events)
    released = _released_answer_id(case)
    if released is None or not may_read_step_files(user, case, released_answer=True):
        return {}
    return {pk: files for pk, files in step_files_by_event(events).items() if pk == released}


def step_file_access(user: Actor | Viewer, owner_id: str) -> FileAccess:
    """The owner rule of a step's files (registered with core.attachments): readable by exactly those who see
    the step — final, so neither the uploader nor a blanket permission reads a step they no longer see."""
    event = (CaseEvent.objects.select_related("case", "case__lead_agency").filter(pk=int(owner_id)).first()
             if owner_id.isdigit() else None)
    if event is None or not may_see(user, event.case):
        return HIDDEN_FINAL
    case = event.case
    released = not sees_through_agency(user, case) and _released_answer_id(case) == event.pk
    return READ_FINAL if may_read_step_files(user, case, released_answer=released) else HIDDEN_FINAL
