"""Writing opinion items: recording one, adjusting its severity, escalating it to an incident case and
recording an agency's response. Every function is atomic and audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.access import can_see_agency
from secretariat.accounts.models import Agency
from secretariat.cases.models import RUNNING_STATUSES
from secretariat.cases.services import case_open, case_transition
from secretariat.core import roc
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.media.access.opinion import is_agency_responder, is_monitor, items_visible
from secretariat.media.models.opinion import (
    INCIDENT_KIND,
    ItemSource,
    Medium,
    OpinionItem,
    OpinionResponse,
    ResponseKind,
    Sentiment,
)
from secretariat.media.services import opinion_rules as rules

ITEM_FIELDS = ["outlet", "medium", "link", "headline", "sentiment", "reach", "topics", "seen_at",
               "computed_score", "score_override", "override_reason", "severity", "case", "version"]
MAX_REACH = 2_000_000_000


@dataclass
class ItemDraft:
    """An item's values, checked and ready to write (also what a CSV row becomes)."""

    outlet: str
    medium: str
    headline: str
    seen_at: dt.datetime
    link: str = ""
    link_key: str | None = None
    summary: str = ""
    sentiment: str = Sentiment.NEUTRAL
    reach: int = 0
    topics: str = ""
    agencies: tuple[Agency, ...] = ()

    def model(self, *, source: str, actor: Actor, keywords: list[str], feed_id: int | None = None) -> OpinionItem:
        score = rules.severity_score(
            medium=self.medium, sentiment=self.sentiment, reach=self.reach, agency_count=len(self.agencies),
            keyword_hits=rules.keyword_hits((self.headline, self.summary, self.topics), keywords))
        return OpinionItem(
            outlet=self.outlet, medium=self.medium, link=self.link, link_key=self.link_key, headline=self.headline,
            summary=self.summary, sentiment=self.sentiment, reach=self.reach, topics=self.topics,
            seen_at=self.seen_at, seen_on=timezone.localdate(self.seen_at), source=source, feed_id=feed_id,
            computed_score=score, severity=score,
            entered_by=person_or_none(actor))


def _require_monitor(actor: Actor) -> None:
    if not is_monitor(actor):
        raise PermissionRefused(_("Only the media unit's monitors may do this."))


def _text(value: Any, field: str, label: Any, limit: int, *, required: bool = True, lines: bool = False) -> str:
    """Trimmed text (one line unless `lines`), refused when required and blank or longer than `limit`."""
    text = str(value or "").strip() if lines else " ".join(str(value or "").split())
    if required and not text:
        raise ValidationFailed(_("Fill in the %(field)s."), code="required", params={"field": label}, field=field)
    if len(text) > limit:
        raise ValidationFailed(_("The %(field)s is longer than %(limit)s characters."), code="too_long",
                               params={"field": label, "limit": limit}, field=field)
    return text


def _agencies(ids: Iterable[Any]) -> tuple[Agency, ...]:
    wanted: list[int] = []
    for value in ids:
        pk = value.pk if isinstance(value, Agency) else value
        if not (isinstance(pk, int) or (isinstance(pk, str) and pk.strip().isdigit())):
            raise ValidationFailed(_("Choose agencies from the list."), code="unknown_agency", field="agencies")
        wanted.append(int(pk))
    found = Agency.objects.in_bulk(set(wanted))
    if len(found) != len(set(wanted)) or any(not agency.is_active for agency in found.values()):
        raise ValidationFailed(_("Choose agencies from the list."), code="unknown_agency", field="agencies")
    return tuple(sorted(found.values(), key=lambda agency: (agency.sort_order, agency.pk)))


def item_draft(*, outlet: Any, medium: Any, headline: Any, seen_at: dt.datetime | None, link: Any = "",
               summary: Any = "", sentiment: Any = Sentiment.NEUTRAL, reach: Any = 0, topics: Any = "",
               agency_ids: Iterable[Any] = (), now: dt.datetime | None = None) -> ItemDraft:
    """Check an item's values; raises ValidationFailed naming the first bad field."""
    if medium not in Medium.values:
        raise ValidationFailed(_("Choose the medium from the list."), code="invalid_medium", field="medium")
    if sentiment not in Sentiment.values:
        raise ValidationFailed(_("Choose the sentiment from the list."), code="invalid_sentiment", field="sentiment")
    whole = isinstance(reach, int) and not isinstance(reach, bool)
    if not (whole or (isinstance(reach, str) and reach.isdigit())) or not 0 <= int(reach) <= MAX_REACH:
        raise ValidationFailed(_("Give the reach as a whole number, 0 or more."), code="invalid_reach", field="reach")
    if seen_at is None:
        raise ValidationFailed(_("Give the time the item was seen."), code="required", field="seen_at")
    if timezone.is_naive(seen_at):
        seen_at = timezone.make_aware(seen_at)
    if seen_at > (now or timezone.now()) + dt.timedelta(minutes=5):
        raise ValidationFailed(_("The time seen cannot be in the future."), code="seen_in_future", field="seen_at")
    link_text = _text(link, "link", _("link"), 1000, required=False)
    return ItemDraft(
        outlet=_text(outlet, "outlet", _("outlet"), 100), medium=str(medium),
        headline=_text(headline, "headline", _("headline"), 300), seen_at=seen_at, link=link_text,
        link_key=rules.link_key(link_text),
        summary=_text(summary, "summary", _("summary"), 5000, required=False, lines=True),
        sentiment=str(sentiment), reach=int(reach), topics=_text(topics, "topics", _("topics"), 300, required=False),
        agencies=_agencies(agency_ids))


def duplicate_refusal(existing: OpinionItem) -> Conflict:
    return Conflict(
        _("This link is already recorded as item #%(pk)s “%(headline)s” (%(outlet)s, seen %(day)s)."),
        code="duplicate_link", field="link",
        params={"pk": existing.pk, "headline": existing.headline, "outlet": existing.outlet,
                "day": roc.format_slash(existing.seen_on)})


def opinion_item_create(*, actor: Actor, outlet: Any, medium: Any, headline: Any, seen_at: dt.datetime | None,
                        link: Any = "", summary: Any = "", sentiment: Any = Sentiment.NEUTRAL, reach: Any = 0,
                        topics: Any = "", agency_ids: Iterable[Any] = ()) -> OpinionItem:
    """A monitor records one item. A link already recorded (after normalising) is refused with the
    existing item named; the unique column settles two monitors saving the same link at once."""
    _require_monitor(actor)
    draft = item_draft(outlet=outlet, medium=medium, headline=headline, seen_at=seen_at, link=link,
                       summary=summary, sentiment=sentiment, reach=reach, topics=topics, agency_ids=agency_ids)
    existing = OpinionItem.objects.filter(link_key=draft.link_key).first() if draft.link_key else None
    if existing is not None:
        raise duplicate_refusal(existing)
    item = draft.model(source=ItemSource.MANUAL, actor=actor, keywords=rules.flagged_keywords())
    try:
        with transaction.atomic():
            item.save()
            item.agencies.set(draft.agencies)
            record_change(actor=actor, action="opinion.create", target=item,
                          after={**snapshot(item, ITEM_FIELDS), "agencies": [a.pk for a in draft.agencies]})
    except IntegrityError:
        existing = OpinionItem.objects.filter(link_key=draft.link_key).first()
        if existing is None:
            raise
        raise duplicate_refusal(existing) from None
    return item


def _locked(actor: Actor, item_id: int, version: int | None) -> OpinionItem:
    visible = items_visible(actor).filter(pk=item_id).values("pk")
    item = OpinionItem.objects.select_for_update().filter(pk__in=visible).first()
    if item is None:
        raise NotFound()
    if version is not None and item.version != version:
        raise Conflict(_("Someone else changed this item after you opened it. Reload it and decide again."))
    return item


def opinion_severity_adjust(*, actor: Actor, item_id: int, score: int | None, reason: str = "",
                            version: int | None = None) -> OpinionItem:
    """Override the computed severity with `score` (0–100) for a stated reason, or remove the override
    (score None). The ranking uses the override from now on."""
    _require_monitor(actor)
    reason = " ".join((reason or "").split())
    if score is not None and (isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100):
        raise ValidationFailed(_("Give a severity from 0 to 100."), code="invalid_score", field="score")
    if score is not None and not reason:
        raise ValidationFailed(_("Say why the severity is adjusted."), code="reason_required", field="reason")
    with transaction.atomic():
        item = _locked(actor, item_id, version)
        before = snapshot(item, ITEM_FIELDS)
        item.score_override = score
        item.override_reason = reason[:300] if score is not None else ""
        item.severity = item.computed_score if score is None else score
        item.version += 1
        item.save(update_fields=["score_override", "override_reason", "severity", "version"])
        record_change(actor=actor, action="opinion.adjust_severity", target=item, before=before,
                      after=snapshot(item, ITEM_FIELDS), extra={"reason": reason})
    return item


def opinion_escalate(*, actor: Actor, item_id: int, agency_id: Any, note: str = "",
                     at: dt.datetime | None = None) -> OpinionItem:
    """Make the item a tracked incident led by `agency_id`, due by the configured deadline (the same day
    by default). An item is escalated once; escalation without an agency is refused."""
    _require_monitor(actor)
    if agency_id in (None, "", 0):
        raise ValidationFailed(_("Choose the agency that must respond before escalating."),
                               code="escalation_needs_agency", field="agency")
    agency = _agencies([agency_id])[0]
    with transaction.atomic():
        item = _locked(actor, item_id, None)
        if item.case_id is not None:
            raise Conflict(_("This item is already escalated as case %(ref)s."), code="already_escalated",
                           params={"ref": item.case.reference if item.case else ""})
        before = snapshot(item, ITEM_FIELDS)
        case = case_open(actor=actor, kind_code=INCIDENT_KIND, title=item.headline, received_at=at)
        case = case_transition(actor=actor, case_id=case.pk, name="assign", at=at,
                               data={"agency": agency.pk, "note": note})
        item.case = case
        item.version += 1
        item.save(update_fields=["case", "version"])
        if not item.agencies.filter(pk=agency.pk).exists():
            item.agencies.add(agency)  # the lead agency must see the item it is asked to answer
        record_change(actor=actor, action="opinion.escalate", target=item, before=before,
                      after=snapshot(item, ITEM_FIELDS), extra={"agency": agency.pk, "case": case.reference})
    return item


def _response_agency(actor: Actor, item: OpinionItem, agency_id: Any) -> Agency:
    """Agency staff answer for their own agency; a monitor names the agency it records for. Either way
    the agency must be one the item concerns."""
    if not is_monitor(actor) and not is_agency_responder(actor):  # a reader is refused, not asked for an agency
        raise PermissionRefused(_("You may record responses only for your own agency."))
    if agency_id in (None, "") and is_agency_responder(actor):
        agency_id = actor.agency_id
    if agency_id in (None, ""):
        raise ValidationFailed(_("Choose the agency that responded."), code="agency_required", field="agency")
    agency = _agencies([agency_id])[0]
    if not is_monitor(actor) and not (is_agency_responder(actor) and can_see_agency(actor, agency.pk)):
        raise PermissionRefused(_("You may record responses only for your own agency."))
    if not item.agencies.filter(pk=agency.pk).exists():
        raise ValidationFailed(_("%(agency)s is not among the agencies this item concerns."),
                               code="agency_not_concerned", params={"agency": agency.short_name}, field="agency")
    return agency


def opinion_response_record(*, actor: Actor, item_id: int, kind: Any, text: Any, link: Any = "",
                            agency_id: Any = None, responded_at: dt.datetime | None = None) -> OpinionResponse:
    """Record an agency's public response to an item. When the item is an open incident led by that
    agency, the response answers and closes the case in the same transaction."""
    if kind not in ResponseKind.values:
        raise ValidationFailed(_("Choose the kind of response from the list."), code="invalid_response_kind",
                               field="kind")
    body = _text(text, "text", _("text of the response"), 10000, lines=True)
    link_text = _text(link, "link", _("link"), 1000, required=False)
    rules.link_key(link_text)  # refuses a link that is not a web address
    now = timezone.now()
    responded_at = responded_at or now
    if timezone.is_naive(responded_at):
        responded_at = timezone.make_aware(responded_at)
    if responded_at > now + dt.timedelta(minutes=5):
        raise ValidationFailed(_("The time of the response cannot be in the future."), code="response_in_future",
                               field="responded_at")
    with transaction.atomic():
        item = _locked(actor, item_id, None)
        agency = _response_agency(actor, item, agency_id)
        response = OpinionResponse.objects.create(
            item=item, agency=agency, kind=kind, responded_at=responded_at,
            responded_on=timezone.localdate(responded_at), link=link_text, text=body,
            recorded_by=person_or_none(actor))
        record_change(actor=actor, action="opinion.respond", target=item,
                      after={"response": response.pk, "agency": agency.pk, "kind": kind,
                             "responded_at": responded_at.isoformat()})
        case = item.case
        if case is not None and case.lead_agency_id == agency.pk and case.status in RUNNING_STATUSES:
            data = {"answer": body, "response": response.pk, "note": str(ResponseKind(kind).label)}
            case_transition(actor=actor, case_id=case.pk, name="answer", data=data, at=responded_at)
            case_transition(actor=actor, case_id=case.pk, name="close", data={"response": response.pk},
                            at=responded_at)
    return response
