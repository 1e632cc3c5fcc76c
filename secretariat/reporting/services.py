"""Writes of the report's prose: one place of one period at a time, with a version check."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from secretariat.core.actors import Actor, is_system
from secretariat.core.changes import record_change
from secretariat.core.errors import Conflict, PermissionRefused, ValidationFailed
from secretariat.core.roc import Period
from secretariat.reporting import access
from secretariat.reporting.models import ReportProse
from secretariat.reporting.report.prose import MAX_LENGTH, ProsePlace


def _clean(text: str) -> str:
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    cleaned = "\n".join(lines).strip()
    if not cleaned:
        raise ValidationFailed(_("Write the text; it may not be empty."), code="prose_empty", field="text")
    if len(cleaned) > MAX_LENGTH:
        raise ValidationFailed(_("The text is too long: at most %(limit)s characters."), code="prose_too_long",
                               field="text", params={"limit": MAX_LENGTH})
    return cleaned


def prose_save(*, actor: Actor, period: Period, place: ProsePlace, text: str, version: int) -> ReportProse:
    """Store the text of `place` for `period`. `version` is the version the writer started from: 0 when
    nothing was stored yet. Someone else's save in between makes this a Conflict; nothing is written
    then. Writes one audit row."""
    if not access.can_edit_prose(actor):
        raise PermissionRefused(_("Only the Secretariat may write the report's text."))
    cleaned = _clean(text)
    user = None if is_system(actor) else actor
    with transaction.atomic():
        row = (ReportProse.objects.select_for_update()
               .filter(period_code=period.code, place=place.slug).first())
        current = row.version if row is not None else 0
        if version != current:
            raise Conflict(_("Someone else saved this text in the meantime (version %(current)s). Reload, "
                             "then make your change again."), params={"current": current}, field="text")
        before = {"text": row.text, "version": row.version} if row is not None else None
        if row is None:
            try:
                with transaction.atomic():  # a savepoint: a concurrent first save loses on the unique constraint
                    row = ReportProse.objects.create(period_code=period.code, period_start=period.start,
                                                     place=place.slug, text=cleaned, version=1, updated_by=user)
            except IntegrityError:
                raise Conflict(_("Someone else saved this text in the meantime. Reload, then make your "
                                 "change again."), field="text") from None
        else:
            if row.text == cleaned:
                return row
            row.text, row.version, row.updated_by = cleaned, row.version + 1, user
            row.save(update_fields=["text", "version", "updated_by", "updated_at"])
        record_change(actor=actor, action="reporting.prose_save", target=row, before=before,
                      after={"text": row.text, "version": row.version},
                      extra={"period": period.code, "place": place.slug})
    return row
