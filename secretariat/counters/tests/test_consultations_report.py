"""The demo's consultations and volunteers reproduce the seed's 壹、六、（二）and（三）exactly: every cell of the
consultation table, the volunteer totals in the 萬 style, and the two trainings' dates in the seed's wording."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from secretariat.core.roc import Period
from secretariat.counters.demo import consultations as consultations_demo
from secretariat.counters.demo import volunteers as volunteers_demo
from secretariat.counters.models import Booking, Consultation, Shift
from secretariat.counters.report.consultations import consultations_section
from secretariat.counters.report.volunteers import training_dates, volunteers_section
from secretariat.reporting.report.sections import Figure, Paragraph, Table

pytestmark = pytest.mark.django_db
PERIOD = Period.parse("112H2")
SEED_TABLE = [
    ("合計", [708, 752, 682, 704, 735, 695], 4276),
    ("法律諮詢", [516, 545, 521, 496, 554, 506], 3138),
    ("建築諮詢", [138, 134, 104, 132, 120, 118], 746),
    ("地政諮詢", [54, 73, 57, 76, 61, 71], 392),
]


def _value(cell: object) -> object:
    return cell.value if isinstance(cell, Figure) else cell


@pytest.fixture
def demo(reference_data: None) -> None:
    started = time.monotonic()
    consultations_demo.load()
    volunteers_demo.load()
    assert time.monotonic() - started < 60  # demo_load as a whole must stay under a minute


def test_the_consultation_section_equals_the_seed(demo: None) -> None:
    section = consultations_section(PERIOD)
    paragraph, table = section.blocks
    assert isinstance(paragraph, Paragraph)
    assert isinstance(table, Table)
    assert paragraph.text == ("委請相關公會提供民眾免費法律、建築與地政專業諮詢服務，112年下半年計受理4,276件，"
                              "詳如下表：")
    rows = [(row[0], [_value(cell) for cell in row[1:-1]], _value(row[-1])) for row in table.rows]
    assert rows == SEED_TABLE
    assert [column.heading for column in table.columns][1:4] == ["7月", "8月", "9月"]


def test_the_volunteer_section_equals_the_seed(demo: None) -> None:
    [paragraph] = volunteers_section(PERIOD).blocks
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text == (
        "於市政大樓各大門及聯合服務中心設置志工服務臺，提供民眾引導及諮詢服務，112年下半年計服務14萬4,982人次，"
        "並協助發送本府各類文宣資料計5萬2,248份。為強化志工服務理念，提升市政服務品質，於112年9月15日及11月11日"
        "辦理2次志工便民服務教育訓練研習。")


def test_the_demo_loads_once_and_its_records_are_consistent(demo: None) -> None:
    assert consultations_demo.load() == []
    assert volunteers_demo.load() == []
    in_period = Consultation.objects.filter(served_on__gte=PERIOD.start, served_on__lte=PERIOD.end)
    assert in_period.count() == 4276
    booked = in_period.filter(is_walk_in=False)
    assert not booked.filter(booking__isnull=True).exists()
    assert Booking.objects.filter(consultation__in=booked, status="served").count() == booked.count()
    # The demo's shifts never put one volunteer in two places at once.
    shifts = Shift.objects.values_list("volunteer_id", "starts_at")
    assert len(set(shifts)) == shifts.count()


def test_an_empty_period_says_so(reference_data: None) -> None:
    assert consultations_section(Period.parse("100H1")).blocks[0].text.endswith("未有受理紀錄。")  # type: ignore[union-attr]
    assert "計服務0人次" in volunteers_section(Period.parse("100H1")).blocks[0].text  # type: ignore[union-attr]


def test_training_dates_are_written_as_the_seed_writes_them() -> None:
    assert training_dates([dt.date(2023, 9, 15), dt.date(2023, 11, 11)]) == "112年9月15日及11月11日"
    assert training_dates([dt.date(2023, 9, 15)]) == "112年9月15日"
    assert training_dates([dt.date(2023, 7, 1), dt.date(2023, 9, 15), dt.date(2024, 1, 5)]) == \
        "112年7月1日、9月15日及113年1月5日"
