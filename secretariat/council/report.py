"""The council's sections of the work report: 壹、四、（一）–（四）, for any period, every figure computed.

(一) questions per session and (二) data requests led by the Secretariat come from the questions and
requests selectors; (三) caucus briefings and (四) liaison trainings from the liaison records.
"""

from __future__ import annotations

import datetime as dt

from secretariat.core import roc
from secretariat.core.roc import Period
from secretariat.council.selectors import liaison as liaison_selectors
from secretariat.council.selectors import questions as question_selectors
from secretariat.council.selectors import requests as request_selectors
from secretariat.reporting.report.registry import register_section
from secretariat.reporting.report.sections import Figure, Paragraph, Section

QUESTIONS = ("壹", "四", "一")
REQUESTS = ("壹", "四", "二")
BRIEFINGS = ("壹", "四", "三")
TRAININGS = ("壹", "四", "四")



def questions_section(period: Period) -> Section:
    rows = [(session, count) for session, count in question_selectors.session_question_counts(period) if count]
    lead = "本處詳實紀錄市長至議會進行施政報告、市長專案報告及市政總質詢各議員質詢議題"
    if not rows:
        return Section(outline=QUESTIONS, blocks=(Paragraph((f"{lead}，{period.label}未有紀錄之質詢議題。",)),))
    parts: list[str | Figure] = [f"{lead}，其中"]
    for index, (session, count) in enumerate(rows):
        parts += ["、" if index else "", f"{session}計有",
                  Figure.count(count, label=f"{session}質詢議題數",
                               query=f"紀錄於{session}（{period.span_words}期間有開會之會期）之質詢議題",
                               period=period.code), "題"]
    parts.append("，並續彙編書面答復資料提送臺北市議會，質詢議題復由研考會負責列管工作，並每2週召開會議討論，"
                 "追蹤各案辦理情形。")
    return Section(outline=QUESTIONS, blocks=(Paragraph(tuple(part for part in parts if part != "")),))


def requests_section(period: Period) -> Section:
    total, delivered = request_selectors.led_by_secretariat_stats(period)
    which = f"收件日在{period.span_words}、由本處主政彙整之議員索取資料案件"
    count = Figure.count(total, label="本處主政彙整之議員索資件數", query=which, period=period.code)
    lead = ("議員為監督市政，基於問政需要索取資料，", period.label, "由本處主政彙整之議員件數計", count, "筆")
    if total and delivered == total:
        tail: tuple[str | Figure, ...] = ("，均已按照相關規定完成提送。",)
    elif total:
        tail = ("，其中", Figure.count(delivered, label="依規定期限完成提送件數",
                                     query=f"{which}，於期限內首次提送答復者", period=period.code),
                "筆已按照相關規定完成提送。")
    else:
        tail = ("。",)
    return Section(outline=REQUESTS, blocks=(Paragraph((*lead, *tail)),))


def briefings_section(period: Period) -> Section:
    held = liaison_selectors.briefing_dates(start=period.start, end=period.end)
    lead = "綜理府會聯絡工作，本處每會期彙整各局處重大議法案，安排市長至議會各黨團進行報告"
    if not held:
        return Section(outline=BRIEFINGS, blocks=(Paragraph((f"{lead}，{period.label}未有黨團報告紀錄。",)),))
    count = Figure.count(len(held), label="市長至議會黨團報告場次",
                         query=f"日期在{period.span_words}之黨團報告紀錄", period=period.code)
    return Section(outline=BRIEFINGS, blocks=(Paragraph((
        f"{lead}，{period.label}計", count, "場，期爭取議員支持，俾使市政業務推動更加順遂，共創府會雙贏。")),))


def _held(trainings: list[tuple[dt.date, str]]) -> str:
    """`於112年9月20日舉行府會聯絡員研習班`, or several such clauses joined with 、."""
    return "、".join(f"於{roc.format_words(day)}舉行{title}" for day, title in trainings)


def trainings_section(period: Period) -> Section:
    trainings = liaison_selectors.trainings_held(start=period.start, end=period.end)
    if not trainings:
        return Section(outline=TRAININGS, blocks=(Paragraph((f"{period.label}未舉行府會聯絡員研習班。",)),))
    return Section(outline=TRAININGS, blocks=(Paragraph((
        f"為強化府會聯絡員職能，本處{_held(trainings)}，期提增各局處府會聯絡員溝通技巧，"
        "促進府會良性互動，同時善用網路資源，運用通訊軟體，以利其擔負機關與議員間溝通協調重責，"
        "做好議員服務案件窗口。",)),))


def register() -> None:
    register_section(QUESTIONS, questions_section)
    register_section(REQUESTS, requests_section)
    register_section(BRIEFINGS, briefings_section)
    register_section(TRAININGS, trainings_section)
