"""Demo data requests for 112年下半年: the seed's 206 requests led by the Secretariat, every one delivered
within the rules, and a smaller number led by single agencies (a few of them late or reopened).

Everything is decided by the request's index (no randomness to drift), and each request is played through
the real services (request_file, case_transition with `at=` and one calendar) so due dates, timelines and
audit rows are what the portal and the agencies would have produced.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from secretariat.accounts.models import Agency
from secretariat.cases.services import case_transition
from secretariat.core.calendar import WorkCalendar, work_calendar
from secretariat.core.changes import SYSTEM
from secretariat.core.roc import Period
from secretariat.council.models import Councillor
from secretariat.council.models.requests import URGENCY_DAYS, DataRequest, Urgency
from secretariat.council.services.requests import request_file

PERIOD = Period(112, 2)
TAIPEI = ZoneInfo("Asia/Taipei")
LED_BY_SECRETARIAT = 206
# Agencies that led requests alone, and how many each.
OTHER_LEADS: tuple[tuple[str, int], ...] = (("交通局", 18), ("工務局", 12), ("教育局", 9), ("衛生局", 6))
CONTRIBUTORS = ("交通局", "工務局", "教育局", "衛生局", "社會局", "都發局")
TOPICS = ("市政大樓公共空間使用情形", "市府公文電子化統計", "市長行程及出席活動", "市府國際交流活動經費",
          "陳情案件處理統計", "市政大樓節能措施", "市府新聞稿發布情形", "市府採購案件清單", "機關公務車使用情形",
          "市府志工人數及服務時數")
URGENCIES = (Urgency.NORMAL, Urgency.NORMAL, Urgency.QUICK)


def _working_days(cal: WorkCalendar, period: Period) -> list[dt.date]:
    day, days = period.start, []
    while day <= period.end - dt.timedelta(days=14):  # leave room for every request to be released in the half
        if cal.is_working_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=TAIPEI)


def _play(index: int, councillor: Councillor, lead: Agency, co: list[Agency], day: dt.date, cal: WorkCalendar,
          *, late: bool = False, reopen: bool = False) -> None:
    urgency = URGENCIES[index % len(URGENCIES)]
    topic = TOPICS[index % len(TOPICS)]
    request = request_file(actor=SYSTEM, councillor_id=councillor.pk, subject=topic, urgency=urgency,
                           content=f"請提供{topic}之相關資料（近三年）。", at=_at(day, 9), calendar=cal)
    case_id = request.pk

    def step(name: str, on: dt.date, hour: int, **data: object) -> None:
        case_transition(actor=SYSTEM, case_id=case_id, name=name, data=dict(data), at=_at(on, hour), calendar=cal)

    step("assign", day, 11, agency=lead.pk, co_agencies=[agency.pk for agency in co])
    days = URGENCY_DAYS[urgency]
    answered = cal.add_working_days(day, days + 2 if late else max(days - 1, 0))
    step("answer", answered, 14, answer=f"有關{topic}，資料詳如附件。")
    step("close", answered, 16)
    if reopen:
        again = cal.next_working_day(answered)
        step("reopen", again, 10, reason="資料未涵蓋所詢年度。")
        step("answer", cal.next_working_day(again), 14, answer=f"補充{topic}歷年資料如附件。")
        step("close", cal.next_working_day(again), 16)


def load() -> list[str]:
    if DataRequest.objects.filter(case__received_on__gte=PERIOD.start, case__received_on__lte=PERIOD.end).exists():
        return ["data requests: already loaded"]
    councillors = list(Councillor.objects.filter(is_active=True).order_by("pk"))
    if not councillors:
        return ["data requests: no councillors (load the council structure first)"]
    cal = work_calendar()
    days = _working_days(cal, PERIOD)
    agencies = Agency.objects.in_bulk([*CONTRIBUTORS, *(name for name, _count in OTHER_LEADS), "秘書處"],
                                      field_name="short_name")
    secretariat = agencies["秘書處"]
    for index in range(LED_BY_SECRETARIAT):
        co = [agencies[CONTRIBUTORS[(index + k) % len(CONTRIBUTORS)]] for k in range(2)]
        _play(index, councillors[index % len(councillors)], secretariat, co, days[index % len(days)], cal)
    others = 0
    for name, count in OTHER_LEADS:
        for n in range(count):
            index = LED_BY_SECRETARIAT + others
            _play(index, councillors[(index * 7) % len(councillors)], agencies[name], [], days[(index * 3) % len(days)],
                  cal, late=n % 6 == 5, reopen=n % 5 == 4)
            others += 1
    return [f"{LED_BY_SECRETARIAT} data requests led by the Secretariat in {PERIOD.label}, all delivered within the "
            f"rules", f"{others} data requests led by other agencies"]
