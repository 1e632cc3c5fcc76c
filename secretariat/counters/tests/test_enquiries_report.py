"""The demo counter records reproduce every cell of the seed's two tables (壹、六、（一）), and the report section
prints the seed's two sentences and tables with computed figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from secretariat.audit.models import AuditEntry
from secretariat.core.roc import Period
from secretariat.counters.demo import enquiries as demo
from secretariat.counters.models import Enquiry, PetitionHelp
from secretariat.counters.report.enquiries import general_enquiries_section
from secretariat.counters.tests.enquiry_helpers import clock
from secretariat.reporting.report.sections import Figure, Paragraph, Table

__all__ = ["clock"]
pytestmark = pytest.mark.django_db

SEED_ENQUIRIES = [
    ["合計", 266, 219, 213, 254, 221, 216, 1389],
    ["民政", 97, 71, 89, 99, 74, 65, 495],
    ["財政建設", 21, 19, 15, 21, 15, 13, 104],
    ["教育", 28, 41, 18, 30, 26, 27, 170],
    ["交通", 40, 35, 36, 38, 41, 39, 229],
    ["工務", 39, 25, 28, 41, 33, 34, 200],
    ["警政衛生", 41, 28, 27, 25, 32, 38, 191],
]
SEED_HELP = [
    ["合計", 24, 12, 20, 14, 11, 11, 92],
    ["協處市民個別陳情", 23, 12, 19, 14, 11, 9, 88],
    ["協處民眾集體陳情", 1, 0, 1, 0, 0, 2, 4],
]
HEADINGS = ["類別", "7月", "8月", "9月", "10月", "11月", "12月", "總計（件）"]


def _values(table: Table) -> list[list[object]]:
    return [[cell.value if isinstance(cell, Figure) else cell for cell in row] for row in table.rows]


@pytest.fixture
def demo_loaded(reference_data: None) -> None:
    demo.load()


def test_the_report_section_equals_the_seeds_tables(demo_loaded: None) -> None:
    section = general_enquiries_section(Period(112, 2))
    first, enquiries, second, helped = section.blocks
    assert isinstance(first, Paragraph)
    assert isinstance(second, Paragraph)
    assert isinstance(enquiries, Table)
    assert isinstance(helped, Table)
    assert first.text == "1、賡續推動為民服務：112年下半年綜合諮詢櫃檯提供市政業務諮詢服務計1,389件，詳如下表："
    assert second.text == "2、協助處理民眾陳情事件：112年下半年協處民眾個別陳情及集體陳情計92件，詳如下表："
    assert [column.heading for column in enquiries.columns] == HEADINGS
    assert [column.heading for column in helped.columns] == HEADINGS
    assert _values(enquiries) == SEED_ENQUIRIES
    assert _values(helped) == SEED_HELP
    assert enquiries.record_count == 1389
    assert helped.record_count == 92


def test_every_figure_says_what_it_counted(demo_loaded: None) -> None:
    section = general_enquiries_section(Period(112, 2))
    table = section.blocks[1]
    assert isinstance(table, Table)
    cell = table.rows[1][1]
    assert isinstance(cell, Figure)
    assert cell.value == 97
    assert "已撤銷者不計" in cell.query
    assert "民政" in cell.query
    assert "112年7月" in cell.query


def test_the_demo_is_on_working_days_idempotent_and_audited(demo_loaded: None) -> None:
    from secretariat.core.calendar import work_calendar

    calendar = work_calendar()
    days = set(Enquiry.objects.values_list("recorded_on", flat=True)) | set(
        PetitionHelp.objects.values_list("helped_on", flat=True))
    assert all(calendar.is_working_day(day) for day in days)
    assert Enquiry.objects.filter(cancelled_at__isnull=False).count() == demo.UNDONE
    audited = AuditEntry.objects.filter(action="counters.enquiry_record").count()
    assert audited == Enquiry.objects.count()
    assert demo.load() == []
    assert Enquiry.objects.count() == 1389 + demo.UNDONE
    assert PetitionHelp.objects.count() == 92


def test_a_period_without_records_says_so_without_tables(reference_data: None) -> None:
    section = general_enquiries_section(Period(113, 1))
    assert [type(block) for block in section.blocks] == [Paragraph, Paragraph]
    assert section.blocks[0].text.endswith("計0件。")  # type: ignore[union-attr]


def test_the_composed_report_prints_the_section_as_the_seed(demo_loaded: None) -> None:
    from secretariat.reporting.report.composer import report_compose
    from secretariat.reporting.report.render.text import render_text

    text = render_text(report_compose(period=Period(112, 2)))
    assert "綜合諮詢櫃檯提供市政業務諮詢服務計1,389件，詳如下表：" in text
    assert "協處民眾個別陳情及集體陳情計92件，詳如下表：" in text
    summary = next(line for line in text.splitlines() if line.startswith("合計") and "1,389" in line)
    assert summary.split() == ["合計", "266", "219", "213", "254", "221", "216", "1,389"]


def test_demo_help_is_linked_to_a_petition_of_its_day(reference_data: None, make_persona: Any, clock: Any) -> None:
    from secretariat.accounts.constants import Role
    from secretariat.counters.models import HelpKind
    from secretariat.counters.tests.enquiry_helpers import WORKING_DAY, at
    from secretariat.petitions.tests.intake_helpers import register

    clerk = make_persona("counter", "陳櫃台", Role.SECRETARIAT_STAFF, "秘書處", "市民服務組")
    clock(at(WORKING_DAY))
    petition = register(clerk).petition
    rows = [PetitionHelp(helped_on=WORKING_DAY, kind=HelpKind.COLLECTIVE, people_count=5, action_taken="x"),
            PetitionHelp(helped_on=dt.date(2023, 10, 2), kind=HelpKind.COLLECTIVE, people_count=5, action_taken="x")]
    assert demo._link_petitions(rows, clerk) == 1
    assert rows[0].petition_case_id == petition.pk
    assert rows[0].petition_reference == petition.case.reference
    assert rows[1].petition_case_id is None
    assert demo._link_petitions(rows, None) == 0
