"""Writes of the counter's enquiry tally: record one enquiry, undo the clerk's own last entry, and
keep the categories. Each write is checked, atomic and audited.

The tally is the counter's busiest write (one per citizen), so a record is one insert, one increment of
the day's summary row (what the statistics read) and its audit row, after two one-row reads of the
calendar and a read of the category.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.core import roc
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.counters.access import enquiries as rules
from secretariat.counters.models import Enquiry, EnquiryCategory, EnquiryChannel, EnquiryDay

NOTE_LENGTH = 300
CATEGORY_FIELDS = ["code", "name", "name_en", "hotkey", "sort_order", "is_active"]


def _require_recorder(actor: Actor) -> None:
    if not rules.may_record(actor):
        raise PermissionRefused()


def _active_category(category_id: int | None, code: str | None) -> EnquiryCategory:
    rows = EnquiryCategory.objects.filter(is_active=True)
    category = None
    if category_id is not None:
        category = rows.filter(pk=category_id).first()
    elif code:
        category = rows.filter(code=code).first()
    if category is None:
        raise ValidationFailed(_("Choose one of the counter's active enquiry categories."),
                               code="unknown_category", field="category")
    return category


def enquiry_record(*, actor: Actor, category_id: int | None = None, category_code: str | None = None,
                   channel: str = EnquiryChannel.COUNTER, note: str = "", at: dt.datetime | None = None) -> Enquiry:
    """Tally one enquiry in an active category (by id or code) at `at` (now by default).

    Refused, with nothing written, for an unknown or inactive category, an unknown channel, a note over
    300 characters, or a day the office calendar says the counter is closed (a make-up workday is open).
    """
    _require_recorder(actor)
    if channel not in EnquiryChannel.values:
        raise ValidationFailed(_("The channel is either the counter or the phone."), code="unknown_channel",
                               field="channel")
    note = (note or "").strip()
    if len(note) > NOTE_LENGTH:
        raise ValidationFailed(_("The note may have at most %(limit)s characters."), code="note_too_long",
                               field="note", params={"limit": NOTE_LENGTH})
    moment = at or timezone.now()
    day = timezone.localdate(moment)
    if not rules.counter_open_on(day):
        raise ValidationFailed(_("The counter is closed on %(day)s (not a working day of the office calendar)."),
                               code="counter_closed", params={"day": roc.format_words(day)})
    category = _active_category(category_id, category_code)
    with transaction.atomic():
        enquiry = Enquiry.objects.create(category=category, channel=channel, note=note, recorded_at=moment,
                                         recorded_on=day, recorded_by=person_or_none(actor))
        _day_count_add(day=day, category_id=category.pk, delta=1)
        record_change(actor=actor, action="counters.enquiry_record", target=enquiry,
                      after={"category": category.code, "channel": channel, "recorded_on": day.isoformat(),
                             "note": note})
    return enquiry


def enquiry_undo(*, actor: Actor, enquiry_id: int | None = None, at: dt.datetime | None = None) -> Enquiry:
    """Take back the clerk's own last counted entry of today; it stays as a row marked undone.

    `enquiry_id`, when given, is the entry the clerk saw as their last: if another entry of theirs came
    after it (a second tab), nothing is undone and Conflict is raised, so undo never takes back an
    entry the clerk did not see. An earlier day's entries are final: the day's figures were handed on.
    """
    _require_recorder(actor)
    moment = at or timezone.now()
    day = timezone.localdate(moment)
    with transaction.atomic():
        # Lock the clerk's latest entry so two undo presses cannot both take it back.
        last = (Enquiry.objects.select_for_update()
                .filter(cancelled_at__isnull=True, recorded_by_id=getattr(actor, "pk", None), recorded_on=day)
                .order_by("-recorded_at", "-pk").first())
        if last is None:
            raise NotFound(_("You have no entry of today left to undo."), code="nothing_to_undo")
        if enquiry_id is not None and last.pk != enquiry_id:
            raise Conflict(_("Your last entry is no longer the one shown. Reload and try again."),
                           code="not_last_entry")
        last.cancelled_at = moment
        last.save(update_fields=["cancelled_at"])
        _day_count_add(day=last.recorded_on, category_id=last.category_id, delta=-1)
        record_change(actor=actor, action="counters.enquiry_undo", target=last,
                      before={"cancelled_at": None}, after={"cancelled_at": moment.isoformat(),
                                                            "category": last.category.code})
    return last


def _day_count_add(*, day: dt.date, category_id: int, delta: int) -> None:
    """Add `delta` to the day's summary row of the category, inside the caller's transaction.

    The first tally of a day in a category creates the row; when two clerks make that first tally at
    the same moment, the second insert fails on the unique constraint (inside its own savepoint) and
    falls back to the increment, so neither count is lost."""
    rows = EnquiryDay.objects.filter(day=day, category_id=category_id)
    if rows.update(count=F("count") + delta):
        return
    try:
        with transaction.atomic():
            EnquiryDay.objects.create(day=day, category_id=category_id, count=max(0, delta))
    except IntegrityError:
        rows.update(count=F("count") + delta)


def enquiry_days_rebuild(*, start: dt.date, end: dt.date) -> int:
    """Recompute the daily summary of [start, end] from the enquiries themselves (after a bulk load such
    as the demo's, or to repair it); returns the number of summary rows written. Serialised with the
    tallies of those days by a lock on their summary rows."""
    with transaction.atomic():
        list(EnquiryDay.objects.select_for_update().filter(day__gte=start, day__lte=end).values_list("pk"))
        EnquiryDay.objects.filter(day__gte=start, day__lte=end).delete()
        grouped = (Enquiry.objects.filter(cancelled_at__isnull=True, recorded_on__gte=start, recorded_on__lte=end)
                   .values("recorded_on", "category_id").annotate(count=Count("id")).order_by())
        rows = [EnquiryDay(day=row["recorded_on"], category_id=row["category_id"], count=row["count"])
                for row in grouped]
        EnquiryDay.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _clean_category(code: str, name: str, hotkey: str) -> tuple[str, str, str]:
    code, name, hotkey = code.strip(), name.strip(), hotkey.strip()
    if not code or not name:
        raise ValidationFailed(_("A category needs a code and a name."), code="missing_fields", field="name")
    if len(hotkey) != 1 or not hotkey.isalnum():
        raise ValidationFailed(_("The keyboard key is one letter or digit."), code="invalid_hotkey", field="hotkey")
    return code, name, hotkey.lower()


def category_save(*, actor: Actor, category: EnquiryCategory | None = None, code: str, name: str, hotkey: str,
                  name_en: str = "", sort_order: int = 0, is_active: bool = True) -> EnquiryCategory:
    """Create (`category` None) or change an enquiry category; only a Secretariat administrator may.

    Codes, names and keys are unique: a clash is refused with a message, not a database error."""
    if not (getattr(actor, "is_active", False) and actor.has_perm("counters.change_enquirycategory")):
        raise PermissionRefused()
    code, name, hotkey = _clean_category(code, name, hotkey)
    if sort_order < 0:
        raise ValidationFailed(_("The order cannot be negative."), code="invalid", field="sort_order")
    try:
        with transaction.atomic():
            target = (EnquiryCategory.objects.select_for_update().get(pk=category.pk) if category is not None
                      else EnquiryCategory())
            before = snapshot(target, CATEGORY_FIELDS) if category is not None else None
            target.code, target.name, target.name_en, target.hotkey = code, name, name_en.strip(), hotkey
            target.sort_order, target.is_active = sort_order, is_active
            target.save()
            record_change(actor=actor, action="counters.enquiry_category_save", target=target, before=before,
                          after=snapshot(target, CATEGORY_FIELDS))
    except IntegrityError:
        raise ValidationFailed(_("Another category already has this code, name or keyboard key."),
                               code="duplicate_category", field="hotkey") from None
    return target
