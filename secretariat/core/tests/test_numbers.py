"""The work report's number formats: 萬/億 groups and percentages to one decimal."""

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.core.errors import ValidationFailed
from secretariat.core.numbers import HALF_UP, format_large, format_percent, percentage

_PADDED_GROUP = re.compile(r"^\d,\d{3}$")


def read_large(text: str) -> int:
    """Read `1億2,345萬6,789` back. Groups after 億 or 萬 must be four padded digits (`0,441`)."""
    sign = -1 if text.startswith("-") else 1
    text = text.removeprefix("-")
    yi, _, rest = text.rpartition("億")
    wan, _, units = rest.rpartition("萬")
    if yi or wan:
        assert _PADDED_GROUP.match(units), f"the group after 萬 is not padded: {text}"
    if yi:
        assert _PADDED_GROUP.match(wan), f"the group after 億 is not padded: {text}"
    value = 0
    for group, scale in ((yi, 100_000_000), (wan, 10_000), (units, 1)):
        if group:
            value += int(group.replace(",", "")) * scale
    return sign * value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (4_580_441, "458萬0,441"),
        (22_173, "2萬2,173"),
        (13_100, "1萬3,100"),
        (1_389, "1,389"),
        (144_982, "14萬4,982"),
    ],
)
def test_large_numbers_are_written_as_the_seed_report_writes_them(value, text):
    assert format_large(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (9_999, "9,999"),
        (10_000, "1萬0,000"),
        (123_456_789, "1億2,345萬6,789"),
        (100_000_000, "1億0,000萬0,000"),
        (12_345_678_901_234, "123,456億7,890萬1,234"),
    ],
)
def test_boundaries_of_the_wan_and_yi_groups(value, text):
    assert format_large(value) == text


def test_ten_thousand_wan_and_more_are_grouped_with_commas():
    assert format_large(123_450_000) == "1億2,345萬0,000"
    assert format_large(99_999_999) == "9,999萬9,999"


def test_negative_numbers_keep_their_sign():
    assert format_large(-4_580_441) == "-458萬0,441"


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_any_large_number_reads_back_to_itself(value):
    assert read_large(format_large(value)) == value


@pytest.mark.parametrize(
    ("numerator", "denominator", "text"),
    [(2_981, 25_154, "11.8%"), (6, 104, "5.7%"), (1_784, 1_784, "100%")],
)
def test_percentages_are_truncated_to_one_decimal_as_in_the_seed(numerator, denominator, text):
    assert format_percent(numerator, denominator) == text


@pytest.mark.parametrize(
    ("numerator", "denominator", "text"),
    [(2_981, 25_154, "11.9%"), (6, 104, "5.8%"), (1_784, 1_784, "100%")],
)
def test_round_half_up_is_available_instead_of_truncation(numerator, denominator, text):
    assert format_percent(numerator, denominator, mode=HALF_UP) == text


def test_a_whole_percentage_is_written_without_decimals():
    assert format_percent(1, 2) == "50%"
    assert format_percent(0, 7) == "0%"


def test_the_percentage_value_keeps_its_decimal_place():
    assert percentage(2_981, 25_154) == Decimal("11.8")
    assert percentage(2_981, 25_154, decimals=2) == Decimal("11.85")


def test_a_percentage_of_zero_records_is_refused():
    with pytest.raises(ValidationFailed) as refused:
        format_percent(5, 0)
    assert refused.value.code == "zero_denominator"


def test_an_unknown_rounding_mode_is_refused():
    with pytest.raises(ValidationFailed) as refused:
        format_percent(1, 3, mode="banker")
    assert refused.value.code == "invalid_rounding"


fractions_of_records = st.integers(min_value=1, max_value=10**7).flatmap(
    lambda denominator: st.tuples(st.integers(min_value=0, max_value=denominator), st.just(denominator))
)


@given(fractions_of_records)
def test_truncation_never_exceeds_the_exact_value_and_is_within_a_tenth(pair):
    numerator, denominator = pair
    exact = Fraction(numerator * 100, denominator)
    shown = Fraction(percentage(numerator, denominator))
    assert shown <= exact
    assert exact - shown < Fraction(1, 10)


@given(fractions_of_records)
def test_round_half_up_is_within_half_a_tenth_of_the_exact_value(pair):
    numerator, denominator = pair
    exact = Fraction(numerator * 100, denominator)
    shown = Fraction(percentage(numerator, denominator, mode=HALF_UP))
    assert abs(exact - shown) <= Fraction(1, 20)


@given(fractions_of_records)
def test_the_written_percentage_is_the_computed_value(pair):
    numerator, denominator = pair
    text = format_percent(numerator, denominator)
    assert text.endswith("%")
    assert Decimal(text[:-1]) == percentage(numerator, denominator)
