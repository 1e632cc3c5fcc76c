"""Demo press records for 112年下半年 whose aggregates are the seed's (壹、五、（一）（三）（四）):

- releases: 本處 55 48 56 50 43 37 (289) and 全府 627 654 726 708 671 647 (4,033, 本處 included), every one
  drafted, approved by its unit head and by the media unit and published, with its revision and audit rows;
- 7 city-level press conferences (the last, 112-12-25 at 臺北小巨蛋, 「臺北隊就職週年記者會」), 14 media
  interviews, some joint interviews and gatherings;
- 224 video posts across LINE, Facebook, Instagram and YouTube, plus image and text posts, and a few planned;
- spokesperson trainings, and the mayor's public schedule for the coming days.

Everything is decided by index (no randomness). Releases and posts are bulk-loaded with the fields and audit
rows the services write (appended at once by audit_record_many); the small record sets go through the
services themselves.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Permission
from django.utils import timezone

from secretariat.accounts.constants import Role
from secretariat.accounts.demo import DEMO_PASSWORD
from secretariat.accounts.models import Agency, Unit, User
from secretariat.accounts.services import user_create
from secretariat.audit.services import AuditRow as Row
from secretariat.audit.services import audit_record_many
from secretariat.core.changes import SYSTEM, record_change
from secretariat.core.roc import Period
from secretariat.media.models import (
    EventKind,
    MediaTraining,
    Platform,
    PostType,
    PressEvent,
    PressRelease,
    ReleaseRevision,
    ReleaseStatus,
    ScheduleEntry,
    SocialPost,
    TrainingKind,
)
from secretariat.media.services.press_records import event_record, training_record
from secretariat.media.services.schedule import schedule_entry_add

PERIOD = Period(112, 2)
TAIPEI = ZoneInfo("Asia/Taipei")
SECRETARIAT_MONTHS = (55, 48, 56, 50, 43, 37)
CITY_MONTHS = (627, 654, 726, 708, 671, 647)
VIDEO_POSTS = 224
OTHER_POSTS = ((PostType.IMAGE, 64), (PostType.TEXT, 28))
PLATFORMS = (Platform.FACEBOOK, Platform.YOUTUBE, Platform.INSTAGRAM, Platform.LINE)
SUBJECTS = ("市政建設進度說明", "重要活動宣傳", "防災整備提醒", "交通管制措施", "社會福利措施", "觀光活動邀請",
            "公共工程完工啟用", "防疫衛教宣導", "文化藝術活動", "青年創業支持方案", "環境清潔專案", "長者照顧服務")
CONFERENCES = (
    (dt.datetime(2023, 7, 20, 10, 0), "市政大樓記者會室", "臺北市防汛整備記者會"),
    (dt.datetime(2023, 8, 15, 10, 30), "市政大樓記者會室", "大巨蛋營運規劃記者會"),
    (dt.datetime(2023, 9, 12, 10, 0), "市政大樓記者會室", "社會住宅政策記者會"),
    (dt.datetime(2023, 10, 3, 14, 0), "臺北市立美術館", "臺北藝術季記者會"),
    (dt.datetime(2023, 11, 7, 10, 0), "市政大樓記者會室", "113年度總預算記者會"),
    (dt.datetime(2023, 12, 5, 10, 0), "市政大樓記者會室", "跨年晚會活動記者會"),
    (dt.datetime(2023, 12, 25, 15, 0), "臺北小巨蛋", "臺北隊就職週年記者會"),
)
OUTLETS = ("聯合報", "中國時報", "自由時報", "中央社", "公視", "TVBS", "三立新聞", "民視", "東森新聞", "年代新聞",
           "鏡週刊", "天下雜誌", "商業周刊", "今周刊")
HALL = "市政大樓北區2樓親子劇場"
TRAININGS = ((dt.date(2023, 8, 24), TrainingKind.WORKSHOP, "新聞聯繫實務研習班（第1期）", HALL, 86),
             (dt.date(2023, 10, 19), TrainingKind.WORKSHOP, "新聞聯繫實務研習班（第2期）", HALL, 92),
             (dt.date(2023, 11, 22), TrainingKind.FORUM, "發言人媒體溝通座談會", "市政大樓12樓劉銘傳廳", 54))
AUDITED = ["agency", "unit", "title", "status", "version", "published_at", "corrected_at"]
HEAD_USERNAME = "media_head"


def _days(year: int, month: int) -> list[dt.date]:
    """The month's weekdays, where releases are spread."""
    day, days = dt.date(year, month, 1), []
    while day.month == month:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _at(day: dt.date, index: int) -> dt.datetime:
    minutes = 9 * 60 + (index * 37) % (9 * 60)  # between 09:00 and 17:59
    return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=TAIPEI)


def _plan(secretariat: Agency, others: list[Agency]) -> list[tuple[Agency, dt.datetime, str]]:
    plans: list[tuple[Agency, dt.datetime, str]] = []
    for (year, month), ours, everyone in zip(PERIOD.months, SECRETARIAT_MONTHS, CITY_MONTHS, strict=True):
        days = _days(year, month)
        for n in range(everyone):
            agency = secretariat if n < ours else others[(n * 7 + month) % len(others)]
            subject = SUBJECTS[(n + month) % len(SUBJECTS)]
            plans.append((agency, _at(days[n % len(days)], n), f"{agency.short_name}{subject}（{month}月第{n + 1}則）"))
    return plans


def _snapshot(release: PressRelease, status: str, version: int) -> dict[str, object]:
    return {"agency": release.agency_id, "unit": release.unit_id, "title": release.title, "status": status,
            "version": version, "published_at": release.published_at.isoformat()
            if status == ReleaseStatus.PUBLISHED and release.published_at else None, "corrected_at": None}


def _releases() -> str:
    if PressRelease.objects.filter(published_at__date__range=(PERIOD.start, PERIOD.end)).exists():
        return "press releases: already loaded"
    secretariat = Agency.objects.get(is_secretariat=True)
    media_unit = Unit.objects.get(agency=secretariat, name="媒體事務組")
    others = list(Agency.objects.filter(is_active=True, is_secretariat=False).order_by("sort_order", "pk"))
    plans = _plan(secretariat, others)
    releases = [PressRelease(
        agency=agency, unit=media_unit if agency.pk == secretariat.pk else None, title=title,
        body=f"<p>{title}。{agency.short_name}說明相關措施及辦理情形，歡迎市民踴躍參與。</p><p>聯絡窗口：{agency.short_name}新聞聯絡人。</p>",
        status=ReleaseStatus.PUBLISHED, version=5, unit_approved_at=at - dt.timedelta(hours=2),
        media_approved_at=at - dt.timedelta(hours=1), published_at=at) for agency, at, title in plans]
    PressRelease.objects.bulk_create(releases, batch_size=1000)
    ReleaseRevision.objects.bulk_create([ReleaseRevision(release=release, number=1, title=release.title,
                                                         body=release.body, made_at=at)
                                         for release, (_agency, at, _title) in zip(releases, plans, strict=True)],
                                        batch_size=1000)
    rows: list[Row] = []
    steps = (("media.release_submit", ReleaseStatus.SUBMITTED), ("media.release_approve_unit",
             ReleaseStatus.UNIT_APPROVED), ("media.release_approve_media", ReleaseStatus.APPROVED),
             ("media.release_publish", ReleaseStatus.PUBLISHED))
    for release in releases:
        rows.append(Row("media.release_draft", release, after=_snapshot(release, ReleaseStatus.DRAFT, 1)))
        for number, (action, status) in enumerate(steps, start=1):
            previous = ReleaseStatus.DRAFT if number == 1 else steps[number - 2][1]
            rows.append(Row(action, release, before=_snapshot(release, previous, number),
                            after=_snapshot(release, status, number + 1)))
    audit_record_many(actor=SYSTEM, rows=rows)
    return f"{len(releases)} press releases ({sum(SECRETARIAT_MONTHS)} by the Secretariat) in {PERIOD.label}"


def _posts() -> str:
    start = dt.datetime.combine(PERIOD.start, dt.time(0), tzinfo=TAIPEI)
    if SocialPost.objects.filter(published_at__gte=start, published_at__year=2023).exists():
        return "social posts: already loaded"
    kinds = [PostType.VIDEO] * VIDEO_POSTS + [kind for kind, count in OTHER_POSTS for _n in range(count)]
    span = (PERIOD.end - PERIOD.start).days + 1
    posts = []
    for n, kind in enumerate(kinds):
        platform = PLATFORMS[n % len(PLATFORMS)]
        day = PERIOD.start + dt.timedelta(days=(n * 13) % span)
        at = dt.datetime.combine(day, dt.time(12 + n % 8, (n * 7) % 60), tzinfo=TAIPEI)
        posts.append(SocialPost(platform=platform, post_type=kind, title=f"{SUBJECTS[n % len(SUBJECTS)]}（{n + 1}）",
                                planned_at=at, published_at=at,
                                link=f"https://example.invalid/{platform}/112h2-{n + 1}",
                                reach=1500 + (n * 389) % 48000, reach_updated_at=at + dt.timedelta(days=7)))
    now = timezone.localtime()
    for n in range(6):  # the coming weeks on the calendar
        at = (now + dt.timedelta(days=2 + n * 3)).replace(hour=18, minute=0, second=0, microsecond=0)
        posts.append(SocialPost(platform=PLATFORMS[n % len(PLATFORMS)],
                                post_type=(PostType.VIDEO, PostType.IMAGE)[n % 2],
                                title=f"預定貼文：{SUBJECTS[n]}", planned_at=at))
    SocialPost.objects.bulk_create(posts)
    fields = ["platform", "post_type", "title", "planned_at", "published_at", "link", "reach", "version"]
    audit_record_many(actor=SYSTEM, rows=[
        Row("media.post_plan", post, after={name: _plain(getattr(post, name)) for name in fields}) for post in posts])
    return f"{VIDEO_POSTS} video posts and {len(posts) - VIDEO_POSTS} other posts"


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.datetime) else value


def _events() -> str:
    if PressEvent.objects.filter(held_at__date__range=(PERIOD.start, PERIOD.end)).exists():
        return "press events: already loaded"
    agencies = Agency.objects.in_bulk(["秘書處", "交通局", "工務局", "文化局", "社會局", "財政局"],
                                      field_name="short_name")
    for n, (when, place, topic) in enumerate(CONFERENCES):
        involved = [agencies["秘書處"]] if n == len(CONFERENCES) - 1 else [agencies["秘書處"],
                                                                           list(agencies.values())[1 + n % 5]]
        release = PressRelease.objects.filter(agency=agencies["秘書處"], published_at__date=when.date()).first()
        event_record(actor=SYSTEM, kind=EventKind.CONFERENCE, held_at=when.replace(tzinfo=TAIPEI), place=place,
                     topic=topic, agencies=involved, release_id=release.pk if release else None)
    for n in range(14):
        month = 7 + n % 6
        event_record(actor=SYSTEM, kind=EventKind.INTERVIEW, place="市長室",
                     held_at=dt.datetime(2023, month, 3 + n, 15, 0, tzinfo=TAIPEI), outlets=OUTLETS[n],
                     topic=f"{OUTLETS[n]}專訪：{SUBJECTS[n % len(SUBJECTS)]}")
    for n, (kind, topic) in enumerate(((EventKind.JOINT_INTERVIEW, "颱風災後復原聯訪"),
                                       (EventKind.JOINT_INTERVIEW, "跨年交通疏運聯訪"),
                                       (EventKind.GATHERING, "中秋市長與媒體餐敘"),
                                       (EventKind.GATHERING, "歲末市長與媒體餐敘"))):
        event_record(actor=SYSTEM, kind=kind, held_at=dt.datetime(2023, 9 + n, 20, 12, 0, tzinfo=TAIPEI),
                     place="市政大樓", topic=topic, outlets="駐府記者")
    return f"{len(CONFERENCES)} city-level press conferences, 14 interviews with the mayor"


def _trainings() -> str:
    if MediaTraining.objects.filter(held_on__range=(PERIOD.start, PERIOD.end)).exists():
        return "trainings: already loaded"
    for held_on, kind, title, venue, attendance in TRAININGS:
        training_record(actor=SYSTEM, held_on=held_on, kind=kind, title=title, venue=venue, attendance=attendance)
    return f"{len(TRAININGS)} spokesperson trainings"


def _schedule() -> str:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    if ScheduleEntry.objects.filter(day__day__gte=tomorrow).exists():
        return "mayor's schedule: already loaded"
    items = (("09:00", "市政大樓", "市政會議"), ("14:30", "臺北流行音樂中心", "出席音樂節開幕"),
             ("10:00", "信義區公所", "視察社區防災演練"), ("16:00", "市政大樓", "接見外賓"))
    for n, (time, place, event) in enumerate(items):
        hour, minute = (int(part) for part in time.split(":"))
        starts = dt.datetime.combine(tomorrow + dt.timedelta(days=n // 2), dt.time(hour, minute), tzinfo=TAIPEI)
        schedule_entry_add(actor=SYSTEM, starts_at=starts, place=place, event=event)
    return f"{len(items)} items on the mayor's schedule"


def _unit_head() -> str:
    """A head for 媒體事務組, who gives the first approval to the Secretariat's own releases."""
    if User.objects.filter(username=HEAD_USERNAME).exists():
        return "media unit head: already there"
    secretariat = Agency.objects.get(is_secretariat=True)
    head = user_create(actor=SYSTEM, username=HEAD_USERNAME, password=DEMO_PASSWORD, display_name="李組長",
                       role=Role.SECRETARIAT_STAFF, agency=secretariat, email=f"{HEAD_USERNAME}@demo.invalid",
                       unit=Unit.objects.get(agency=secretariat, name="媒體事務組"))
    head.user_permissions.add(Permission.objects.get(content_type__app_label="media", codename="approve_as_unit_head"))
    record_change(actor=SYSTEM, action="user.permission_grant", target=head,
                  after={"permission": "media.approve_as_unit_head"})
    return "media unit head"


def load() -> list[str]:
    return [_unit_head(), _releases(), _events(), _posts(), _trainings(), _schedule()]


def logins() -> list[tuple[str, str, str]]:
    return [(HEAD_USERNAME, DEMO_PASSWORD,
             "李組長 · 秘書處 媒體事務組 組長 (approves the Secretariat's press releases)")]
