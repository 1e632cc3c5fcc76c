"""壹、六、（一）綜合諮詢服務 of the work report, for any half-year: the seed's two items, each a sentence with
its computed total and a table in the seed's shape (類別 × the six months + 總計（件）; 合計 first).

1、 the general counter's enquiries by category; 2、 the petitions the Secretariat helped citizens with at
the counter, individual and collective. Every cell is a Figure that says which records it counts.
"""

from __future__ import annotations

from secretariat.core.roc import Period
from secretariat.counters.report.tables import report_table
from secretariat.counters.selectors.statistics import (
    HELP_LABELS_ZH,
    MonthRange,
    category_label_zh,
    enquiry_table,
    help_table,
)
from secretariat.reporting.report.registry import register_section
from secretariat.reporting.report.sections import Figure, Paragraph, Section, Table

PLACE = ("壹", "六", "一")
SUMMARY = "合計"



def enquiries_blocks(period: Period) -> tuple[Paragraph | Table, ...]:
    months = MonthRange.of_period(period)
    table = enquiry_table(months, label=category_label_zh, title="綜合諮詢櫃檯市政業務諮詢服務", summary_label=SUMMARY)
    counted = f"綜合諮詢櫃檯於{period.span_words}（臺北時間）登錄之諮詢，已撤銷者不計"
    total = Figure.count(table.summary.total, label="綜合諮詢櫃檯市政業務諮詢件數", query=counted, period=period.code)
    lead = ("1、賡續推動為民服務：", period.label, "綜合諮詢櫃檯提供市政業務諮詢服務計", total)
    if not table.summary.total:
        return (Paragraph((*lead, "件。")),)
    return (Paragraph((*lead, "件，詳如下表：")), report_table(table, period=period, counted=counted, unit="諮詢件數"))


def help_blocks(period: Period) -> tuple[Paragraph | Table, ...]:
    months = MonthRange.of_period(period)
    table = help_table(months, label=lambda kind: HELP_LABELS_ZH[kind], title="協處民眾陳情事件",
                       summary_label=SUMMARY)
    counted = f"櫃檯協處陳情紀錄，協處日期在{period.span_words}"
    total = Figure.count(table.summary.total, label="協處民眾個別陳情及集體陳情件數", query=counted, period=period.code)
    lead = ("2、協助處理民眾陳情事件：", period.label, "協處民眾個別陳情及集體陳情計", total)
    if not table.summary.total:
        return (Paragraph((*lead, "件。")),)
    return (Paragraph((*lead, "件，詳如下表：")), report_table(table, period=period, counted=counted, unit="件數"))


def general_enquiries_section(period: Period) -> Section:
    return Section(outline=PLACE, blocks=(*enquiries_blocks(period), *help_blocks(period)))


def register() -> None:
    register_section(PLACE, general_enquiries_section)
