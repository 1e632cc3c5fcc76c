"""The petitions' section of the work report: 壹、三、（一）受理對市長陳情案件, for any period.

The paragraph keeps the seed's sentence with the period and the count computed; the table is the
seed's: agency and count, two agencies per line, by count descending (ties in the agencies' order).
"""

from __future__ import annotations

from secretariat.core.roc import Period
from secretariat.petitions.selectors import statistics as stats
from secretariat.reporting.report.registry import register_section
from secretariat.reporting.report.sections import Column, Figure, Paragraph, Section, Table

PLACE = ("壹", "三", "一")
LEAD_SENTENCE = ("配合本府全面推動各機關使用陳情系統，對於民眾以信函致市長室之陳情與建議案件，"
                 "逐案審閱後交由各權責機關查明及改善。")
UNASSIGNED = "尚未分案"


def _which(period: Period) -> str:
    return (f"收件日在{period.span_words}（臺北時間）之陳情案件，"
            "不予處理及併案者仍計入")


def mayor_petitions_section(period: Period) -> Section:
    rows = stats.by_agency(period=period, working_days=False)
    total = sum(row.received for row in rows)
    count = Figure.count(total, label="受理對市長陳情案件數", query=_which(period), period=period.code)
    if not total:
        return Section(outline=PLACE, blocks=(Paragraph((LEAD_SENTENCE, period.label, "受理案件計", count, "件。")),))
    cells: list[tuple[str, Figure]] = []
    for row in rows:
        name = row.name if row.agency_id is not None else UNASSIGNED
        query = f"{_which(period)}，目前主辦機關為{name}" + ("（含所屬機關）" if len(row.member_ids) > 1 else "") \
            if row.agency_id is not None else f"{_which(period)}，尚未交由任何機關主辦"
        cells.append((name, Figure.count(row.received, label=f"{name}受理件數", query=query, period=period.code)))
    table = Table(
        caption="",
        columns=(Column("機關名稱"), Column("件數", numeric=True), Column("機關名稱"), Column("件數", numeric=True)),
        rows=tuple((left[0], left[1], *(right if right else ("", None))) for left, right in stats.two_columns(cells)),
        source=f"{_which(period)}；依目前主辦機關分計，區公所併入民政局（含區公所）",
        record_count=total,
    )
    paragraph = Paragraph((LEAD_SENTENCE, period.label, "受理案件計", count, "件，詳如下表："))
    return Section(outline=PLACE, blocks=(paragraph, table))


def register() -> None:
    register_section(PLACE, mayor_petitions_section)
