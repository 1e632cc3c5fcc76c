"""壹、五、（一）（三）（四） of the work report, for any period, every figure computed from the records:
press releases by month (本處 / 全府), city-level press conferences with the period's example, interviews
with the mayor, video posts on the city's social media, and the spokesperson trainings."""

from __future__ import annotations

from secretariat.accounts.models import Agency
from secretariat.core import roc
from secretariat.core.roc import Period
from secretariat.media.models import EventKind, PressEvent, TrainingKind
from secretariat.media.selectors import press_records, releases
from secretariat.reporting.report.registry import register_section
from secretariat.reporting.report.sections import Cell, Column, Figure, Paragraph, Section, Table

RELEASES = ("壹", "五", "一")
SOCIAL = ("壹", "五", "三")
TRAININGS = ("壹", "五", "四")



def _release_rows(period: Period) -> tuple[tuple[str, int, dict[tuple[int, int], int]], ...]:
    secretariat = Agency.objects.filter(is_secretariat=True).values_list("pk", flat=True).first()
    ours = releases.monthly_counts(period=period, agency_id=secretariat) if secretariat else dict.fromkeys(
        period.months, 0)
    everyone = releases.monthly_counts(period=period)
    return (("本處發布新聞稿", sum(ours.values()), ours), ("全府發布新聞稿", sum(everyone.values()), everyone))


def _releases_table(period: Period, rows: tuple[tuple[str, int, dict[tuple[int, int], int]], ...]) -> Table:
    which = f"發布時間在{period.span_words}之新聞稿（已發布或已屆排定發布時間）"
    columns = (Column("類別"), *(Column(f"{month}月", numeric=True) for _year, month in period.months),
               Column("總計（件）", numeric=True))
    body: list[tuple[Cell, ...]] = []
    for label, total, counts in rows:
        cells: list[Cell] = [label]
        for year, month in period.months:
            cells.append(Figure.count(counts[(year, month)], label=f"{label}（{month}月）",
                                      query=f"{which}，{label[:2]}，{year}年{month}月", period=period.code))
        cells.append(Figure.count(total, label=f"{label}總計", query=f"{which}，{label[:2]}", period=period.code))
        body.append(tuple(cells))
    return Table(caption="", columns=columns, rows=tuple(body), source=f"{which}；全府含本處",
                 record_count=rows[1][1])


def releases_section(period: Period) -> Section:
    rows = _release_rows(period)
    which = f"發布時間在{period.span_words}之新聞稿"
    ours = Figure.count(rows[0][1], label="本處發布新聞稿則數", query=f"{which}，發布機關為本處", period=period.code)
    everyone = Figure.count(rows[1][1], label="全府發布新聞稿則數", query=f"{which}，全府各機關（含本處）",
                            period=period.code)
    first = Paragraph(("1、將市長施政理念及本府各機關施政重點，透過撰發新聞稿、製作圖文、影音等方式，正確、快速傳遞給"
                       "媒體與市民，並即時提供媒體各項重大緊急市政資訊，", period.label, "本處與全府各發布新聞稿", ours,
                       "則及", everyone, "則。"))
    events = press_records.event_counts(period=period)
    conferences = Figure.count(events[EventKind.CONFERENCE], label="市長主持府級記者會場次",
                               query=f"日期在{period.span_words}之府級記者會紀錄", period=period.code)
    example = press_records.conference_example(period=period)
    second_parts: list[str | Figure] = [
        "2、每日提供市長行程資訊，適時協助本府各機關舉辦記者會，向媒體及市民說明本府重要施政理念及政策方向，",
        period.label, "共安排市長主持", conferences, "場府級記者會"]
    if example is not None:
        day = example.held_at.astimezone(press_records.TAIPEI).date()
        second_parts.append(f"，如{_host(example)}於{day.month}月{day.day}日於{example.place}舉辦「{example.topic}」")
    second_parts.append("，由市長率領市府各機關首長，向市民說明本府施政成果及未來市政願景。"
                        if example is not None else "。")
    interviews = Figure.count(events[EventKind.INTERVIEW], label="媒體專訪市長次數",
                              query=f"日期在{period.span_words}之媒體專訪紀錄（不含聯訪、餐敘）", period=period.code)
    third = Paragraph(("3、與媒體建立良好關係及互動，安排市長進行專訪、聯訪、舉辦市長與媒體餐敘等活動，"
                       "並就重大市政議題進行溝通，以深化本府與媒體之聯繫，", period.label, "安排媒體專訪市長計",
                       interviews, "次。"))
    return Section(outline=RELEASES, blocks=(first, _releases_table(period, rows), Paragraph(tuple(second_parts)),
                                             third))


def _host(event: PressEvent) -> str:
    """`本處` when the Secretariat organised it (it is among the event's agencies), else the first agency."""
    agencies = list(event.agencies.all())
    if not agencies or any(agency.is_secretariat for agency in agencies):
        return "本處"
    return str(agencies[0].short_name)


def social_section(period: Period) -> Section:
    total, _by_platform = press_records.video_post_counts(period=period)
    videos = Figure.count(total, label="發布影音貼文則數",
                          query=f"發布時間在{period.span_words}、類型為影音之社群貼文（LINE、Facebook、Instagram、"
                                "YouTube，每平台每則計一則）", period=period.code)
    return Section(outline=SOCIAL, blocks=(Paragraph((
        "運用 LINE、Facebook、Instagram、YouTube 等多元媒體管道宣傳行銷本府施政內容及重大"
        "市政資訊，透過多平台經營以觸及更多民眾，", period.label, "共計發布", videos, "則影音貼文。")),))


def trainings_section(period: Period) -> Section:
    held = press_records.trainings_held(period=period)
    lead = ("藉由辦理研習班及座談會，以提升本府各機關發言人及新聞聯繫人員媒體聯繫能力"
            "及技巧，強化本府輿情處理效率")
    if not held:
        return Section(outline=TRAININGS, blocks=(Paragraph((f"{lead}。{period.label}未辦理研習班或座談會。",)),))
    which = f"日期在{period.span_words}之發言人及新聞聯繫人員研習班、座談會紀錄"
    workshops = sum(1 for _day, kind, _title, _n in held if kind == TrainingKind.WORKSHOP)
    dates = "、".join(f"{roc.format_words(day)}{title}" for day, _kind, title, _n in held)
    return Section(outline=TRAININGS, blocks=(Paragraph((
        f"{lead}，", period.label, "辦理研習班",
        Figure.count(workshops, label="研習班場次", query=f"{which}（研習班）", period=period.code), "場、座談會",
        Figure.count(len(held) - workshops, label="座談會場次", query=f"{which}（座談會）", period=period.code),
        f"場（{dates}），計",
        Figure.count(press_records.training_attendance(period=period), label="參加人次", query=f"{which}之出席人數合計",
                     period=period.code), "人次參加。")),))


def register() -> None:
    register_section(RELEASES, releases_section)
    register_section(SOCIAL, social_section)
    register_section(TRAININGS, trainings_section)
