"""壹、六、（三）志工服務, for any period: people served and leaflets handed out at the volunteer desks (from
the daily counts per post), and the trainings held, with their dates in the seed's wording."""

from __future__ import annotations

import datetime as dt

from secretariat.core import roc
from secretariat.core.numbers import format_large
from secretariat.core.roc import Period
from secretariat.counters.selectors import volunteers as selectors
from secretariat.reporting.report.registry import register_section
from secretariat.reporting.report.sections import Figure, Paragraph, Section

PLACE = ("壹", "六", "三")
LEAD = "於市政大樓各大門及聯合服務中心設置志工服務臺，提供民眾引導及諮詢服務，"


def training_dates(days: list[dt.date]) -> str:
    """`112年9月15日及11月11日`: the year is written once while it stays the same; the last date follows 及,
    earlier ones are joined with 、."""
    parts: list[str] = []
    year = None
    for day in days:
        parts.append(f"{day.month}月{day.day}日" if day.year == year else roc.format_words(day))
        year = day.year
    if len(parts) <= 1:
        return "".join(parts)
    return "、".join(parts[:-1]) + "及" + parts[-1]



def volunteers_section(period: Period) -> Section:
    totals = selectors.service_totals(period)
    which = f"日期在{period.span_words}之各志工服務臺每日服務紀錄（{totals.days}筆）"
    people = Figure(value=totals.people_served, formatted=format_large(totals.people_served),
                    label="志工服務人次", query=f"{which}之服務人次合計", record_count=totals.days, period=period.code)
    leaflets = Figure(value=totals.leaflets, formatted=format_large(totals.leaflets), label="協助發送文宣份數",
                      query=f"{which}之發送文宣份數合計", record_count=totals.days, period=period.code)
    parts: list[str | Figure] = [LEAD, period.label, "計服務", people, "人次，並協助發送本府各類文宣資料計",
                                 leaflets, "份。"]
    held = selectors.trainings_held(start=period.start, end=period.end)
    if held:
        count = Figure.count(len(held), label="志工教育訓練場次", query=f"日期在{period.span_words}之志工教育訓練紀錄",
                             period=period.code)
        parts += ["為強化志工服務理念，提升市政服務品質，於", training_dates(held), "辦理", count,
                  "次志工便民服務教育訓練研習。"]
    return Section(outline=PLACE, blocks=(Paragraph(tuple(parts)),))


def register() -> None:
    register_section(PLACE, volunteers_section)
