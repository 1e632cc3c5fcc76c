"""壹、六、（二）專業諮詢服務, for any period: the seed's sentence with the count computed, and its table
(合計 then 法律諮詢, 建築諮詢, 地政諮詢, by month, with 總計)."""

from __future__ import annotations

from secretariat.core.roc import Period
from secretariat.counters.report.tables import report_table
from secretariat.counters.selectors.consultation_statistics import consultation_table
from secretariat.counters.selectors.statistics import MonthRange
from secretariat.reporting.report.registry import register_section
from secretariat.reporting.report.sections import Figure, Paragraph, Section

PLACE = ("壹", "六", "二")
LEAD = "委請相關公會提供民眾免費法律、建築與地政專業諮詢服務，"


def _which(period: Period) -> str:
    return f"諮詢日期在{period.span_words}之專業諮詢紀錄（含預約及臨櫃）"


def consultations_section(period: Period) -> Section:
    table = consultation_table(MonthRange.of_period(period), report_labels=True)
    which = _which(period)
    total = Figure.count(table.summary.total, label="專業諮詢受理件數", query=which, period=period.code)
    if not table.summary.total:
        return Section(outline=PLACE, blocks=(Paragraph((LEAD, period.label, "未有受理紀錄。")),))
    return Section(outline=PLACE, blocks=(
        Paragraph((LEAD, period.label, "計受理", total, "件，詳如下表：")),
        report_table(table, period=period, counted=which, unit="件數"),
    ))


def register() -> None:
    register_section(PLACE, consultations_section)
