"""The counter's statistics: month ranges (a ROC half-year or any run of months), the seed-shaped tables
aggregated in the database, and their downloads as ODS, XLSX and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import zipfile

import openpyxl  # type: ignore[import-untyped]
import pytest
from django.utils.translation import gettext as _
from hypothesis import given
from hypothesis import strategies as st

from secretariat.accounts.models import User
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import ValidationFailed
from secretariat.core.roc import Period
from secretariat.counters.models import EnquiryCategory, HelpKind
from secretariat.counters.selectors.statistics import MonthRange, enquiry_table, help_table, month_table, parse_month
from secretariat.counters.services.enquiries import category_save, enquiry_record, enquiry_undo
from secretariat.counters.services.petition_help import petition_help_record
from secretariat.counters.tests.enquiry_helpers import at, categories, clock, counter_clerk
from secretariat.counters.views.exports import month_tables_download

__all__ = ["categories", "clock", "counter_clerk"]


@pytest.mark.parametrize(("text", "month"), [("2023-07", (2023, 7)), ("112/07", (2023, 7)), ("112-7", (2023, 7)),
                                             ("112年12月", (2023, 12)), ("99/1", (2010, 1))])
def test_months_are_read_in_gregorian_or_roc_form(text: str, month: tuple[int, int]) -> None:
    assert parse_month(text) == month


@pytest.mark.parametrize("text", ["", "112/13", "July", "0/5", "112/07/01"])
def test_a_bad_month_is_refused(text: str) -> None:
    with pytest.raises(ValidationFailed):
        parse_month(text)


def test_a_half_year_range_is_labelled_as_the_report_does() -> None:
    months = MonthRange.of_period(Period(112, 2))
    assert (months.start, months.end, months.label) == (dt.date(2023, 7, 1), dt.date(2023, 12, 31), "112年下半年")
    assert MonthRange((2023, 11), (2024, 2)).label == "112年11月至113年2月"
    assert MonthRange((2023, 11), (2024, 2)).end == dt.date(2024, 2, 29)


def test_ranges_backwards_or_over_ten_years_are_refused() -> None:
    with pytest.raises(ValidationFailed):
        MonthRange((2023, 7), (2023, 6))
    with pytest.raises(ValidationFailed):
        MonthRange((2010, 1), (2020, 1))
    assert len(MonthRange((2011, 1), (2020, 12)).months) == 120


@given(first_year=st.integers(1912, 2200), first_month=st.integers(1, 12), length=st.integers(1, 120))
def test_a_range_has_consecutive_whole_months(first_year: int, first_month: int, length: int) -> None:
    steps = first_month - 1 + length - 1
    months = MonthRange((first_year, first_month), (first_year + steps // 12, steps % 12 + 1))
    keys = months.months
    assert len(keys) == length
    assert keys[0] == (first_year, first_month)
    assert all((b[0] - a[0]) * 12 + b[1] - a[1] == 1 for a, b in itertools.pairwise(keys))
    assert months.start.day == 1
    assert (months.end + dt.timedelta(days=1)).day == 1


@given(rows=st.lists(st.lists(st.integers(0, 10_000), min_size=3, max_size=3), min_size=0, max_size=8))
def test_the_summary_row_sums_the_rows_and_each_total_its_months(rows: list[list[int]]) -> None:
    table = month_table(key="t", title="t", months=[(2023, 7), (2023, 8), (2023, 9)],
                        rows=[(str(index), str(index), cells) for index, cells in enumerate(rows)],
                        summary_label="合計")
    assert table.summary.total == sum(sum(cells) for cells in rows)
    assert list(table.summary.cells) == [sum(cells[index] for cells in rows) for index in range(3)]


@pytest.fixture
def some_records(categories: dict[str, EnquiryCategory], counter_clerk: User, clock: object) -> None:
    clock(at(dt.date(2023, 12, 29)))  # type: ignore[operator]
    for day, code in [(dt.date(2023, 7, 3), "civil"), (dt.date(2023, 7, 4), "civil"), (dt.date(2023, 8, 1), "works"),
                      (dt.date(2023, 6, 30), "civil"), (dt.date(2024, 1, 2), "civil")]:
        enquiry_record(actor=counter_clerk, category_code=code, at=at(day))
    enquiry_record(actor=counter_clerk, category_code="education", at=at(dt.date(2023, 8, 1), 11))
    enquiry_undo(actor=counter_clerk, at=at(dt.date(2023, 8, 1), 12))
    petition_help_record(actor=counter_clerk, helped_on=dt.date(2023, 9, 5), kind=HelpKind.COLLECTIVE, people_count=4,
                         action_taken="協助遞交陳情書")


@pytest.mark.django_db
def test_the_tables_count_the_range_by_month_and_category(some_records: None,
                                                          categories: dict[str, EnquiryCategory]) -> None:
    months = MonthRange.of_period(Period(112, 2))
    table = enquiry_table(months)
    rows = {row.key: list(row.cells) for row in table.rows}
    assert rows["civil"] == [2, 0, 0, 0, 0, 0]
    assert rows["works"] == [0, 1, 0, 0, 0, 0]
    assert rows["education"] == [0] * 6  # undone
    assert (table.summary.total, list(table.summary.cells)) == (3, [2, 1, 0, 0, 0, 0])
    assert [row.key for row in table.rows][:2] == ["civil", "finance"]  # the categories' order
    helped = help_table(months)
    assert [list(row.cells) for row in helped.rows] == [[0] * 6, [0, 0, 1, 0, 0, 0]]


@pytest.mark.django_db
def test_a_retired_category_keeps_its_past_counts(some_records: None, categories: dict[str, EnquiryCategory]) -> None:
    category_save(actor=SYSTEM, category=categories["works"], code="works", name="工務", hotkey="5", is_active=False)
    months = MonthRange.of_period(Period(112, 2))
    assert "works" in [row.key for row in enquiry_table(months).rows]
    assert "works" not in [row.key for row in enquiry_table(MonthRange((2024, 1), (2024, 1))).rows]


@pytest.mark.django_db
def test_the_statistics_are_one_query_per_table(some_records: None, django_assert_max_num_queries: object) -> None:
    months = MonthRange.of_period(Period(112, 2))
    with django_assert_max_num_queries(2):  # type: ignore[operator]
        enquiry_table(months)  # the GROUP BY and the categories
    with django_assert_max_num_queries(1):  # type: ignore[operator]
        help_table(months)


@pytest.mark.django_db
def test_downloads_in_three_formats_keep_the_seed_shape(some_records: None) -> None:
    months = MonthRange.of_period(Period(112, 2))
    tables = [enquiry_table(months), help_table(months)]
    text = month_tables_download(tables=tables, file_format="csv", filename_stem="x").content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    # The downloads speak the UI's language (zh-Hant by default: 類別 … 總計（件）; 合計; 協處民眾集體陳情).
    assert lines[1] == [_("Category"), "112年7月", "112年8月", "112年9月", "112年10月", "112年11月", "112年12月",
                        _("Total (cases)")]
    assert lines[2] == [_("All categories"), "2", "1", "0", "0", "0", "0", "3"]
    assert [_("Collective petitions helped"), "0", "0", "1", "0", "0", "0", "1"] in lines
    xlsx = month_tables_download(tables=tables, file_format="xlsx", filename_stem="x")
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    first = book.worksheets[0]
    assert [cell.value for cell in first[2]] == [_("All categories"), 2, 1, 0, 0, 0, 0, 3]
    assert len(book.worksheets) == 2
    ods = month_tables_download(tables=tables, file_format="ods", filename_stem="counter")
    assert ods.filename == "counter.ods"
    with zipfile.ZipFile(io.BytesIO(ods.content)) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        assert _("All categories").encode() in archive.read("content.xml")
    with pytest.raises(ValidationFailed):
        month_tables_download(tables=tables, file_format="pdf", filename_stem="x")


@given(cells=st.lists(st.integers(0, 100_000), min_size=1, max_size=120))
def test_the_trend_chart_keeps_every_bar_inside_its_axis(cells: list[int]) -> None:
    from secretariat.counters.views.enquiries_stats import trend_chart

    keys = MonthRange((2013, 1), (2013 + (len(cells) - 1) // 12, (len(cells) - 1) % 12 + 1)).months
    chart = trend_chart(month_table(key="t", title="t", months=keys, rows=[("a", "a", cells)], summary_label="合計"))
    assert len(chart.bars) == len(cells)
    assert chart.ticks[0].value == 0
    assert chart.ticks[-1].value >= max(cells)
    assert all(0 <= bar.height <= chart.base and bar.y >= 0 for bar in chart.bars)


def test_half_a_month_range_is_refused() -> None:
    with pytest.raises(ValidationFailed):
        MonthRange.parse(first="112/07", last="", default=Period(112, 2))
    assert MonthRange.parse(default=Period(112, 2)) == MonthRange((2023, 7), (2023, 12))
