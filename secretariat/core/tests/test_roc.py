"""ROC (Minguo) dates and half-year reporting periods."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.core import roc
from secretariat.core.errors import ValidationFailed
from secretariat.core.roc import Period

JULY_FIRST_112 = dt.date(2023, 7, 1)

dates_of_the_republic = st.dates(min_value=dt.date(1912, 1, 1), max_value=dt.date(2100, 12, 31))


# --- Dates ----------------------------------------------------------------------------------------

def test_official_documents_write_the_long_form():
    assert roc.format_long(JULY_FIRST_112) == "中華民國112年7月1日"


def test_the_short_words_form_drops_the_republic():
    assert roc.format_words(JULY_FIRST_112) == "112年7月1日"


def test_tables_write_year_month_day_with_slashes_and_padding():
    assert roc.format_slash(JULY_FIRST_112) == "112/07/01"


def test_years_before_roc_100_are_padded_to_three_digits_in_tables():
    assert roc.format_slash(dt.date(1999, 12, 31)) == "088/12/31"


def test_the_roc_year_is_the_gregorian_year_less_1911():
    assert roc.roc_year(JULY_FIRST_112) == 112


def test_dates_before_the_republic_have_no_roc_year():
    with pytest.raises(ValidationFailed) as refused:
        roc.format_long(dt.date(1911, 12, 31))
    assert refused.value.code == "date_out_of_range"


@pytest.mark.parametrize(
    "text",
    [
        "中華民國112年7月1日", "112年7月1日", "112/07/01", "112/7/1", "112.7.1", "112-07-01",
        " 112 年 7 月 1 日 ",
    ],
)
def test_every_written_form_reads_back_to_the_same_day(text):
    assert roc.parse(text) == JULY_FIRST_112


@pytest.mark.parametrize("formatter", [roc.format_long, roc.format_words, roc.format_slash])
def test_each_format_reads_back_to_the_day_it_was_written_from(formatter):
    assert roc.parse(formatter(JULY_FIRST_112)) == JULY_FIRST_112


@pytest.mark.parametrize("text", ["", "abc", "2023-07-01", "112年7月", "112/07", "1120701"])
def test_text_that_is_not_an_roc_date_is_refused_with_a_code(text):
    with pytest.raises(ValidationFailed) as refused:
        roc.parse(text)
    assert refused.value.code == "invalid_roc_date"


@pytest.mark.parametrize("text", ["112/02/30", "112/13/01", "112年0月1日", "111/02/29"])
def test_a_day_that_is_not_on_the_calendar_is_refused_with_a_code(text):
    with pytest.raises(ValidationFailed) as refused:
        roc.parse(text)
    assert refused.value.code == "invalid_roc_date"


def test_a_leap_day_of_a_leap_year_is_accepted():
    assert roc.parse("113/02/29") == dt.date(2024, 2, 29)


def test_the_refusal_message_quotes_what_was_typed():
    with pytest.raises(ValidationFailed) as refused:
        roc.parse("abc")
    assert refused.value.params == {"text": "abc"}
    assert "abc" in str(refused.value)


@given(dates_of_the_republic)
def test_any_date_survives_the_long_form_round_trip(day):
    assert roc.parse(roc.format_long(day)) == day


@given(dates_of_the_republic)
def test_any_date_survives_the_words_round_trip(day):
    assert roc.parse(roc.format_words(day)) == day


@given(dates_of_the_republic)
def test_any_date_survives_the_slash_round_trip(day):
    assert roc.parse(roc.format_slash(day)) == day


# --- Periods --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["112H2", "112h2", " 112 H 2 ", "112年下半年"])
def test_the_second_half_of_112_is_read_from_its_code_or_its_label(text):
    assert Period.parse(text) == Period(112, 2)


def test_the_first_half_is_read_from_its_label():
    assert Period.parse("112年上半年") == Period(112, 1)


@pytest.mark.parametrize("text", ["112H3", "112H0", "abc", "", "112", "112年全年", "H2"])
def test_text_that_is_not_a_period_is_refused_with_a_code(text):
    with pytest.raises(ValidationFailed) as refused:
        Period.parse(text)
    assert refused.value.code == "invalid_period"


def test_a_period_cannot_be_built_with_a_third_half():
    with pytest.raises(ValidationFailed) as refused:
        Period(112, 3)
    assert refused.value.code == "invalid_period"


def test_a_period_is_written_as_its_code_and_its_label():
    period = Period(112, 2)
    assert (str(period), period.code, period.label) == ("112H2", "112H2", "112年下半年")
    assert Period(112, 1).label == "112年上半年"


def test_the_code_and_the_label_read_back_to_the_same_period():
    period = Period(113, 1)
    assert Period.parse(period.code) == period
    assert Period.parse(period.label) == period


def test_the_english_label_names_the_gregorian_year():
    assert Period(112, 2).label_en == "2023 second half"
    assert Period(112, 1).label_en == "2023 first half"


def test_the_first_half_runs_from_january_to_june():
    period = Period(112, 1)
    assert (period.start, period.end) == (dt.date(2023, 1, 1), dt.date(2023, 6, 30))


def test_the_second_half_runs_from_july_to_december():
    period = Period(112, 2)
    assert (period.start, period.end) == (dt.date(2023, 7, 1), dt.date(2023, 12, 31))


def test_the_report_columns_are_the_six_months_of_the_half_in_order():
    assert Period(112, 2).months == [(2023, 7), (2023, 8), (2023, 9), (2023, 10), (2023, 11), (2023, 12)]
    assert Period(113, 1).months == [(2024, month) for month in range(1, 7)]


def test_a_period_contains_its_first_and_last_day_and_nothing_outside():
    period = Period(112, 2)
    assert period.contains(dt.date(2023, 7, 1))
    assert period.contains(dt.date(2023, 12, 31))
    assert not period.contains(dt.date(2023, 6, 30))
    assert not period.contains(dt.date(2024, 1, 1))


def test_the_period_before_a_first_half_is_the_second_half_of_the_year_before():
    assert Period(112, 1).previous() == Period(111, 2)
    assert Period(112, 2).previous() == Period(112, 1)


def test_the_period_after_a_second_half_is_the_first_half_of_the_next_year():
    assert Period(112, 2).next() == Period(113, 1)
    assert Period(112, 1).next() == Period(112, 2)


def test_there_is_no_period_before_the_first_half_of_roc_1():
    with pytest.raises(ValidationFailed) as refused:
        Period(1, 1).previous()
    assert refused.value.code == "date_out_of_range"
    assert "1H1" in refused.value.render()


def test_there_is_no_period_after_the_last_the_calendar_holds():
    with pytest.raises(ValidationFailed) as refused:
        Period(8088, 2).next()
    assert refused.value.code == "date_out_of_range"
    assert Period(8088, 2).end == dt.date.max


def test_periods_sort_in_time_order():
    assert sorted([Period(113, 1), Period(112, 2), Period(112, 1)]) == [
        Period(112, 1), Period(112, 2), Period(113, 1)
    ]


def test_the_period_of_a_date_is_its_half_year():
    assert Period.containing(dt.date(2023, 6, 30)) == Period(112, 1)
    assert Period.containing(dt.date(2023, 7, 1)) == Period(112, 2)


@given(dates_of_the_republic)
def test_any_date_falls_inside_the_period_containing_it(day):
    assert Period.containing(day).contains(day)


@given(st.dates(min_value=dt.date(1913, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_stepping_back_then_forward_returns_to_the_same_period(day):
    period = Period.containing(day)
    assert period.previous().next() == period
    assert period.next().previous() == period


@given(dates_of_the_republic)
def test_consecutive_periods_leave_no_gap(day):
    period = Period.containing(day)
    assert period.next().start == period.end + dt.timedelta(days=1)
