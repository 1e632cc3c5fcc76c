"""The consultations table in the seed's shape (壹、六、（二）): months as columns plus 總計, the 合計 row,
then 法律諮詢, 建築諮詢, 地政諮詢. Built as the counters' shared `MonthTable`, so the page, the ODS/XLSX/CSV
downloads and the work report read the same numbers."""

from __future__ import annotations

from django.utils.translation import gettext as _

from secretariat.counters.models import ConsultationField
from secretariat.counters.selectors.consultations import consultation_counts
from secretariat.counters.selectors.statistics import MonthRange, MonthTable, month_table

# The seed's row names; the report prints these whatever the UI language.
FIELD_LABELS_ZH = {ConsultationField.LEGAL: "法律諮詢", ConsultationField.ARCHITECTURE: "建築諮詢",
                   ConsultationField.LAND: "地政諮詢"}
FIELDS = (ConsultationField.LEGAL, ConsultationField.ARCHITECTURE, ConsultationField.LAND)


def consultation_table(months: MonthRange, *, report_labels: bool = False) -> MonthTable:
    """Consultations of the range by month and field; `report_labels` gives the seed's Chinese labels."""
    counts = consultation_counts(start=months.start, end=months.end)
    keys = months.months
    rows = [(field.value, FIELD_LABELS_ZH[field] if report_labels else str(field.label),
             [counts.get((key, field.value), 0) for key in keys]) for field in FIELDS]
    return month_table(key="consultations", title="專業諮詢服務" if report_labels else _("Expert consultations"),
                       months=keys, rows=rows, summary_label="合計" if report_labels else _("All fields"))
