"""The citizen's side: the public form (confirmed by e-mail), reading the answer, and rating it.

Nothing sent on the public form becomes a case until the sender follows the link mailed to them;
the link's token is stored only as its SHA-256, so the table cannot be used to confirm anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.constants import Role
from secretariat.accounts.models import User
from secretariat.accounts.services import user_create
from secretariat.cases.models import CaseStatus
from secretariat.core.attachments import AnyUpload, attachment_upload, files_removed_on_failure
from secretariat.core.changes import SYSTEM, record_change
from secretariat.core.errors import Conflict, ValidationFailed
from secretariat.core.flood import flood_wait, minutes_until
from secretariat.core.models import Attachment
from secretariat.core.request_context import client_ip as request_client_ip
from secretariat.notifications.services import mail_to_address
from secretariat.petitions.constants import (
    CONFIRMATION_HOURS,
    LOOKUP_FAILURES_PER_CASE,
    LOOKUP_FAILURES_PER_IP,
    LOOKUP_WINDOW_MINUTES,
    RATING_CHANGE_DAYS,
    SUBMISSIONS_PER_HOUR,
    rule,
)
from secretariat.petitions.kinds import KIND
from secretariat.petitions.models import Category, Channel, LookupFailure, PendingSubmission, Petition
from secretariat.petitions.services.errors import (
    ConfirmationExpired,
    ConfirmationUnknown,
    ConfirmationUsed,
    LookupRefused,
    TooManyAttempts,
)
from secretariat.petitions.services.intake import (
    MAX_ATTACHMENTS,
    OWNER_TYPE,
    Registered,
    case_password_normalise,
    petition_create,
    petition_input_check,
)

PENDING_OWNER_TYPE = "petition_submission"
PUBLIC_UPLOADER = "public-web-form"
PAYLOAD_FIELDS = ("subject", "content", "petitioner_name", "petitioner_email", "petitioner_phone",
                  "petitioner_address", "is_collective", "people_count", "location")


def token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode("utf-8")).hexdigest()


def reference_normalise(reference: str) -> str:
    return "".join((reference or "").split()).upper()[:20]


def _ip(client_ip: str | None) -> str:
    return (client_ip if client_ip is not None else request_client_ip.get())[:45]


def public_uploader() -> User:
    """The account recorded as uploader of files sent on the public form. It cannot sign in (inactive)
    and its role sees no agency's records, so only the petition's own download rule opens the files."""
    user = User.objects.filter(username=PUBLIC_UPLOADER).first()
    if user is not None:
        return user
    try:
        with transaction.atomic():
            return user_create(actor=SYSTEM, username=PUBLIC_UPLOADER, password=f"Pw1{secrets.token_urlsafe(32)}",
                               display_name="公開陳情表單", role=Role.COUNCILLOR, is_active=False)
    except (IntegrityError, ValidationFailed):  # created meanwhile by a concurrent first submission
        return User.objects.get(username=PUBLIC_UPLOADER)


# --- Submitting on the public form ----------------------------------------------------------------

@dataclass(frozen=True)
class Submitted:
    submission: PendingSubmission
    token: str  # in clear only here and in the mail


def _check_flood(client_ip: str, now: dt.datetime) -> None:
    limit = rule(SUBMISSIONS_PER_HOUR)
    wait = flood_wait(PendingSubmission.objects.filter(client_ip=client_ip), stamp="created_at", limit=limit, now=now)
    if wait is not None:
        raise TooManyAttempts(
            _("At most %(limit)s petitions may be sent from one address in an hour. Try again in %(minutes)s "
              "minutes, or call 1999."),
            params={"limit": limit, "minutes": wait},
        )


def _confirmation_mail(submission: PendingSubmission, token: str, hours: int) -> None:
    url = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("petitions_public:confirm", args=[token])
    subject = gettext("Please confirm your petition to the mayor")
    body = gettext(
        "We received your petition “%(subject)s”.\n\nTo file it, open this link within %(hours)s hours and "
        "press “Confirm”:\n%(url)s\n\nYou will then be shown your case number and case password. If you did "
        "not send this petition, ignore this mail: nothing will be filed."
    ) % {"subject": submission.payload.get("subject", ""), "hours": hours, "url": url}
    mail_to_address("petitions.confirm", address=submission.email, subject=subject, body=body, secret=True)


def petition_submit(*, subject: str, content: str, petitioner_name: str, petitioner_email: str,
                    petitioner_phone: str = "", petitioner_address: str = "", is_collective: bool = False,
                    people_count: int | None = 1, location: str = "", category: Category | None = None,
                    attachments: Sequence[AnyUpload] = (), client_ip: str | None = None) -> Submitted:
    """A citizen sends the public form: checked, held, and a confirmation link mailed (in the active
    language). Refused with 429 when the address sent too many in the last hour."""
    now = timezone.now()
    ip = _ip(client_ip)
    _check_flood(ip, now)
    data = petition_input_check(
        channel=Channel.WEB, subject=subject, content=content, petitioner_name=petitioner_name,
        petitioner_email=petitioner_email, petitioner_phone=petitioner_phone,
        petitioner_address=petitioner_address, is_collective=is_collective, people_count=people_count,
        location=location, category=category, require_name=True, require_email=True,
    )
    if len(attachments) > MAX_ATTACHMENTS:
        raise ValidationFailed(_("Attach at most %(limit)s files."), code="too_many_attachments",
                               field="attachments", params={"limit": MAX_ATTACHMENTS})
    submissions_purge(now=now)
    token = secrets.token_urlsafe(32)
    hours = rule(CONFIRMATION_HOURS)
    payload: dict[str, Any] = {name: getattr(data, name) for name in PAYLOAD_FIELDS}
    payload["category_id"] = data.category.pk if data.category else None
    uploader = public_uploader() if attachments else None
    with files_removed_on_failure() as stored, transaction.atomic():
        submission = PendingSubmission.objects.create(
            token_hash=token_hash(token), email=data.petitioner_email, payload=payload, client_ip=ip,
            expires_at=now + dt.timedelta(hours=hours),
        )
        for upload in attachments:
            stored.append(attachment_upload(actor=uploader, upload=upload, owner_type=PENDING_OWNER_TYPE,
                                            owner_id=str(submission.pk)))
        submission.attachment_ids = [str(attachment.pk) for attachment in stored]
        submission.save(update_fields=["attachment_ids"])
        record_change(actor=SYSTEM, action="petition.submit", target=submission,
                      after={"attachments": len(stored), "expires_at": submission.expires_at.isoformat()})
        _confirmation_mail(submission, token, hours)
    return Submitted(submission=submission, token=token)


def pending_submission_check(*, token: str, now: dt.datetime | None = None) -> PendingSubmission:
    """The submission a link stands for, if it can still be confirmed; otherwise the refusal to show."""
    now = now or timezone.now()
    submission = PendingSubmission.objects.filter(token_hash=token_hash(token)).first()
    if submission is None:
        raise ConfirmationUnknown()
    if submission.confirmed_at is not None:
        raise ConfirmationUsed()
    if submission.expires_at <= now:
        raise ConfirmationExpired(params={"hours": rule(CONFIRMATION_HOURS)})
    return submission


def _number_mail(petition: Petition) -> None:
    url = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("petitions_public:answer")
    subject = gettext("Your petition is filed as %(ref)s") % {"ref": petition.case.reference}
    body = gettext(
        "Your petition “%(subject)s” is filed as case number %(ref)s.\n\nFollow it and read the answer at "
        "%(url)s with this number and the case password you were shown when you confirmed (it is not sent by "
        "mail)."
    ) % {"subject": petition.subject, "ref": petition.case.reference, "url": url}
    mail_to_address("petitions.filed", address=petition.petitioner_email, subject=subject, body=body)


def petition_confirm(*, token: str) -> Registered:
    """The sender followed the link: the case and petition are created, their files attached, the case
    number mailed. Returns the case password, which is shown once and never mailed. A link works once."""
    now = timezone.now()
    with transaction.atomic():
        found = pending_submission_check(token=token, now=now)
        submission = PendingSubmission.objects.select_for_update().get(pk=found.pk)
        if submission.confirmed_at is not None:  # confirmed by a second click while we waited
            raise ConfirmationUsed()
        payload = dict(submission.payload)
        category_id = payload.pop("category_id", None)
        category = Category.objects.filter(pk=category_id, is_active=True).first() if category_id else None
        data = petition_input_check(channel=Channel.WEB, category=category, require_name=True,
                                    require_email=True, **payload)
        registered = petition_create(actor=SYSTEM, data=data, received_at=now)
        petition = registered.petition
        files = Attachment.objects.filter(owner_type=PENDING_OWNER_TYPE, owner_id=str(submission.pk))
        file_ids = [str(pk) for pk in files.values_list("pk", flat=True)]
        files.update(owner_type=OWNER_TYPE, owner_id=str(petition.pk))
        submission.petition, submission.confirmed_at = petition, now
        submission.payload, submission.email, submission.attachment_ids = {}, "", []
        submission.save(update_fields=["petition", "confirmed_at", "payload", "email", "attachment_ids"])
        record_change(actor=SYSTEM, action="petition.confirm", target=submission,
                      after={"reference": petition.case.reference, "attachments": file_ids})
        _number_mail(petition)
    return registered


def submissions_purge(*, now: dt.datetime | None = None, limit: int = 200) -> int:
    """Delete submissions whose link has expired, with their personal data and unclaimed files.
    Confirmed ones only lose their row (the petition keeps everything)."""
    now = now or timezone.now()
    expired = list(PendingSubmission.objects.filter(expires_at__lt=now).order_by("pk")[:limit])
    for submission in expired:
        with transaction.atomic():
            files = list(Attachment.objects.filter(owner_type=PENDING_OWNER_TYPE, owner_id=str(submission.pk)))
            for attachment in files:
                attachment.file.delete(save=False)
                attachment.delete()
            record_change(actor=SYSTEM, action="petition.submission_expire", target=submission,
                          extra={"confirmed": submission.confirmed_at is not None, "files_removed": len(files)})
            submission.delete()
    return len(expired)


# --- Reading the answer and rating it -------------------------------------------------------------

def _check_lock(reference: str, ip: str, now: dt.datetime) -> None:
    window = dt.timedelta(minutes=rule(LOOKUP_WINDOW_MINUTES))
    since = now - window
    for field, value, limit in (("reference", reference, rule(LOOKUP_FAILURES_PER_CASE)),
                                ("client_ip", ip, rule(LOOKUP_FAILURES_PER_IP))):
        if not value:
            continue
        times = list(LookupFailure.objects.filter(**{field: value}, occurred_at__gte=since)
                     .order_by("-occurred_at").values_list("occurred_at", flat=True)[:limit])
        if len(times) >= limit:
            # Unlocked when the limit-th newest failure leaves the window.
            raise TooManyAttempts(
                _("Too many wrong case numbers or passwords. Try again in %(minutes)s minutes."),
                params={"minutes": minutes_until(times[limit - 1] + window, now)},
            )


def petition_lookup(*, reference: str, password: str, client_ip: str | None = None) -> Petition:
    """The petition for a case number and case password, as the petitioner opens it.

    A wrong number or password gets one vague refusal and is recorded; too many in the window for the
    number or for the address lock both out (429) — even the right password — until the window passes.
    Runs outside a transaction on purpose: the failure row must survive the refusal.
    """
    now = timezone.now()
    reference, ip = reference_normalise(reference), _ip(client_ip)
    _check_lock(reference, ip, now)
    petition = (Petition.objects.select_related("case", "case__lead_agency", "case__merged_into")
                .filter(case__reference=reference, case__kind=KIND).first()) if reference else None
    typed = case_password_normalise(password)
    if petition is None or not petition.password_hash:
        make_password(typed)  # the same work as a real check, so timing does not tell which part was wrong
        matches = False
    else:
        matches = bool(typed) and check_password(typed, petition.password_hash)
    if not matches or petition is None:
        LookupFailure.objects.create(reference=reference or "-", client_ip=ip)
        raise LookupRefused()
    return petition


def may_rate(petition: Petition, now: dt.datetime | None = None) -> bool:
    """Closed cases may be rated; a rating may be changed for RATING_CHANGE_DAYS after it was first given."""
    if petition.case.status != CaseStatus.CLOSED:
        return False
    if petition.rated_at is None:
        return True
    days = rule(RATING_CHANGE_DAYS)
    return days > 0 and (now or timezone.now()) <= petition.rated_at + dt.timedelta(days=days)


def petition_rate(*, case_reference: str, password: str, rating: int, comment: str = "",
                  client_ip: str | None = None) -> Petition:
    """The petitioner rates the answer (1–5, optional comment) after the case is closed.

    The number and password are checked as on the answer page (same lockout). A rating may be changed
    within `petitions.rating_change_days` (7) of when it was first given, then it is final.
    """
    petition = petition_lookup(reference=case_reference, password=password, client_ip=client_ip)
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValidationFailed(_("Choose a rating from 1 to 5."), code="invalid_rating", field="rating")
    comment = (comment or "").strip()
    if len(comment) > 500:
        raise ValidationFailed(_("The comment may be at most 500 characters long."), code="too_long",
                               field="comment")
    now = timezone.now()
    with transaction.atomic():
        petition = Petition.objects.select_for_update().select_related("case").get(pk=petition.pk)
        if petition.case.status != CaseStatus.CLOSED:
            raise ValidationFailed(_("The answer can be rated once the case is closed."), code="not_closed")
        if not may_rate(petition, now):
            raise Conflict(_("Your rating was given on %(date)s and can no longer be changed."),
                           code="rating_final", params={"date": timezone.localdate(petition.rated_at).isoformat()
                                                        if petition.rated_at else ""})
        before = {"rating": petition.rating, "has_comment": bool(petition.rating_comment)}
        first = petition.rated_at is None
        petition.rating, petition.rating_comment = rating, comment
        petition.rated_at = now if first else petition.rated_at
        petition.save(update_fields=["rating", "rating_comment", "rated_at"])
        record_change(actor=SYSTEM, action="petition.rate" if first else "petition.rating_change", target=petition,
                      before=None if first else before, after={"rating": rating, "has_comment": bool(comment)},
                      extra={"by": "petitioner"})
    return petition
