"""Demo public opinion for 112年下半年: 3,312 invented items (18 a day), 48 of them escalated as incidents
that the lead agency answered, 1,128 responses in all (the seed's figure, 壹、五、（二） 2), and a digest for
every day of the half.

Everything is decided by the item's index (no randomness to drift). Items go in a day at a time through
`items_write`, the same path as a day's CSV import (bulk insert, one audit row per batch); incidents and
responses are played through the real services (`opinion_escalate`, `opinion_response_record` with times
in the half), so cases, timelines and audit rows are what monitors and agencies would have produced.
Digests are written as the morning task writes them, without re-sending 184 days of old mail.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import transaction

from secretariat.accounts.constants import AGENCY_ROLES
from secretariat.accounts.models import Agency, User
from secretariat.core.changes import SYSTEM, record_change
from secretariat.core.roc import Period
from secretariat.media.models.opinion import (
    DigestDelivery,
    ItemSource,
    Medium,
    OpinionDigest,
    OpinionItem,
    OpinionResponse,
    ResponseKind,
    Sentiment,
)
from secretariat.media.selectors.opinion import digest_groups
from secretariat.media.services.opinion import ItemDraft, opinion_escalate, opinion_response_record
from secretariat.media.services.opinion_import import items_write
from secretariat.media.services.opinion_rules import link_key

PERIOD = Period(112, 2)
TAIPEI = ZoneInfo("Asia/Taipei")
PER_DAY = 18
RESPONSES = 1128  # the seed: 本府各機關…112年下半年共計回應1,128則
INCIDENT_EVERY = 69  # one item in 69 is escalated: 48 incidents in the half
AGENCIES = ("交通局", "捷運局", "衛生局", "環保局", "警察局", "教育局", "社會局", "工務局", "都發局", "消防局",
            "產業局", "文化局", "民政局", "勞動局", "秘書處")
OUTLETS: tuple[tuple[str, str, str], ...] = (
    ("北市日報", Medium.NEWS, "daily.example.tw"), ("臺灣晨報", Medium.NEWS, "morning.example.tw"),
    ("首都新聞網", Medium.NEWS, "capital.example.tw"), ("北城電視", Medium.TV, "north-tv.example.tw"),
    ("新聞台12", Medium.TV, ""), ("都會廣播", Medium.RADIO, ""), ("市民論壇", Medium.FORUM, "forum.example.tw"),
    ("北市生活社團", Medium.SOCIAL, "social.example.tw"), ("即時影音頻道", Medium.SOCIAL, "video.example.tw"),
)
SUBJECTS = ("公車路線調整", "捷運班距", "道路施工", "登革熱防治", "垃圾清運", "校園午餐", "社會住宅", "違建拆除",
            "颱風停班停課", "市場改建", "夜市攤商", "公園設施", "人行道改善", "長照服務", "停車費調整",
            "河濱自行車道", "老屋更新", "托育補助", "空氣品質", "大型活動交通管制")
ANGLES = (("市民抱怨", Sentiment.NEGATIVE), ("議員質疑", Sentiment.NEGATIVE), ("最新進度", Sentiment.NEUTRAL),
          ("市府說明", Sentiment.NEUTRAL), ("獲好評", Sentiment.POSITIVE), ("爭議延燒", Sentiment.NEGATIVE))
_TEXT = "%s：本府已說明辦理情形，請市民參考。"
KINDS = (ResponseKind.CLARIFICATION, ResponseKind.SOCIAL_POST, ResponseKind.STATEMENT, ResponseKind.SOCIAL_POST,
         ResponseKind.OTHER)


def _days() -> list[dt.date]:
    return [PERIOD.start + dt.timedelta(days=n) for n in range((PERIOD.end - PERIOD.start).days + 1)]


def _draft(index: int, day: dt.date, agencies: dict[str, Agency]) -> ItemDraft:
    outlet, medium, domain = OUTLETS[index % len(OUTLETS)]
    subject = SUBJECTS[(index // 3) % len(SUBJECTS)]
    angle, sentiment = ANGLES[(index * 7) % len(ANGLES)]
    lead = AGENCIES[(index // 2) % len(AGENCIES)]
    concerned = [agencies[lead]] + ([agencies[AGENCIES[(index + 5) % len(AGENCIES)]]] if index % 4 == 0 else [])
    link = f"https://{domain}/news/{day:%Y%m%d}/{index}" if domain else ""
    return ItemDraft(
        outlet=outlet, medium=medium, headline=f"{subject}{angle}", seen_at=dt.datetime.combine(
            day, dt.time(7 + index % 13, (index * 11) % 60), tzinfo=TAIPEI),
        link=link, link_key=link_key(link), summary=f"{outlet}報導：{subject}，{angle}。",
        sentiment=sentiment, reach=(index * 7919) % 250_000, topics=subject,
        agencies=tuple(sorted({agency.pk: agency for agency in concerned}.values(), key=lambda a: a.pk)))


def _load_items(agencies: dict[str, Agency]) -> None:
    index = 0
    for day in _days():
        drafts = [_draft(index + n, day, agencies) for n in range(PER_DAY)]
        index += PER_DAY
        items_write(drafts, actor=SYSTEM, source=ItemSource.CSV)


def _answer(item: OpinionItem, agency_id: int, n: int, hours: int) -> None:
    opinion_response_record(actor=SYSTEM, item_id=item.pk, kind=KINDS[n % len(KINDS)], agency_id=agency_id,
                            text=_TEXT % item.topics,
                            link=f"https://www.gov.taipei/News/{item.pk}",
                            responded_at=item.seen_at + dt.timedelta(hours=hours))


def _response(item: OpinionItem, n: int) -> OpinionResponse:
    responded_at = item.seen_at + dt.timedelta(hours=2)
    return OpinionResponse(item=item, agency=item.agencies.all()[0], kind=KINDS[n % len(KINDS)],
                           responded_at=responded_at, responded_on=responded_at.astimezone(TAIPEI).date(),
                           text=_TEXT % item.topics, link=f"https://www.gov.taipei/News/{item.pk}")


def _load_incidents_and_responses() -> int:
    rows = list(OpinionItem.objects.filter(seen_on__gte=PERIOD.start, seen_on__lte=PERIOD.end)
                .order_by("seen_at", "pk").prefetch_related("agencies"))
    answered = 0
    for n, item in enumerate(rows):
        if n % INCIDENT_EVERY == 0:
            lead = item.agencies.all()[0]
            opinion_escalate(actor=SYSTEM, item_id=item.pk, agency_id=lead.pk, at=item.seen_at + dt.timedelta(hours=1),
                             note="請於今日內回應。")
            _answer(item, lead.pk, n, 3)
            answered += 1
    # The other responses: the more severe non-positive items, answered by their first agency within two
    # hours. Written in bulk (a thousand service calls cost seconds), each with the audit row the service writes.
    others = [item for n, item in enumerate(rows) if n % INCIDENT_EVERY and item.sentiment != Sentiment.POSITIVE]
    others.sort(key=lambda item: (-item.severity, item.seen_at, item.pk))
    chosen = others[: RESPONSES - answered]
    responses = OpinionResponse.objects.bulk_create([_response(item, n) for n, item in enumerate(chosen)])
    for item, response in zip(chosen, responses, strict=True):
        record_change(actor=SYSTEM, action="opinion.respond", target=item,
                      after={"response": response.pk, "agency": response.agency_id, "kind": response.kind,
                             "responded_at": response.responded_at.isoformat()})
    return answered


def _load_digests() -> None:
    people: dict[int, list[str]] = {}
    for user in User.objects.filter(role__in=AGENCY_ROLES, is_active=True).order_by("pk"):
        people.setdefault(user.agency_id or 0, []).append(user.username)
    for day in _days():
        groups = [group for group in digest_groups(day=day, agency_ids=None) if group.agency is not None]
        compiled = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(7, 30), tzinfo=TAIPEI)
        digest = OpinionDigest.objects.create(day=day, compiled_at=compiled, agency_count=len(groups),
                                              item_count=OpinionItem.objects.filter(seen_on=day).count())
        DigestDelivery.objects.bulk_create([
            DigestDelivery(digest=digest, agency=group.agency, item_count=len(group.items),
                           recipients=people.get(group.agency.pk, [])) for group in groups if group.agency])
        record_change(actor=SYSTEM, action="opinion.digest_send", target=digest,
                      after={"day": day.isoformat(), "items": digest.item_count,
                             "agencies": [group.agency.pk for group in groups if group.agency]})


def load() -> list[str]:
    if OpinionItem.objects.filter(seen_on__gte=PERIOD.start, seen_on__lte=PERIOD.end).exists():
        return ["public opinion: already loaded"]
    agencies = Agency.objects.in_bulk(list(AGENCIES), field_name="short_name")
    with transaction.atomic():  # one commit for the half-year, not one per audit row
        _load_items(agencies)
        incidents = _load_incidents_and_responses()
        _load_digests()
    return [f"{PER_DAY * len(_days())} opinion items in {PERIOD.label}, {incidents} escalated as incidents",
            f"{RESPONSES} agency responses, {len(_days())} daily digests"]
