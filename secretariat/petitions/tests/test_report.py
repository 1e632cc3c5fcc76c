"""壹、三、（一）受理對市長陳情案件: the seed's sentence and table, computed for any period."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from secretariat.core.roc import Period
from secretariat.petitions.report import PLACE, mayor_petitions_section
from secretariat.petitions.tests.stats_helpers import PetitionMaker
from secretariat.reporting.report.sections import Figure, Paragraph, Table

H2 = Period(112, 2)


@pytest.fixture
def make(secretariat_clerk):
    return PetitionMaker(secretariat_clerk)


def paragraph_of(period: Period) -> Paragraph:
    block = mayor_petitions_section(period).blocks[0]
    assert isinstance(block, Paragraph)
    return block


def table_of(period: Period) -> Table:
    block = mayor_petitions_section(period).blocks[1]
    assert isinstance(block, Table)
    return block


def test_the_paragraph_keeps_the_seeds_sentence_with_the_count_computed(make):
    for _ in range(3):
        make(agency="都發局")

    paragraph = paragraph_of(H2)

    assert paragraph.text == ("配合本府全面推動各機關使用陳情系統，對於民眾以信函致市長室之陳情與建議案件，"
                              "逐案審閱後交由各權責機關查明及改善。112年下半年受理案件計3件，詳如下表：")


def test_the_count_says_which_records_it_counts(make):
    make(agency="都發局")

    figure = paragraph_of(H2).figures[0]

    assert (figure.value, figure.record_count, figure.period) == (1, 1, "112H2")
    assert "112年7月1日至112年12月31日" in figure.query


def test_the_table_has_two_agencies_on_each_line(make):
    for name, times in (("都發局", 3), ("交通局", 2), ("中正區公所", 1)):
        for _ in range(times):
            make(agency=name)

    table = table_of(H2)

    assert [column.heading for column in table.columns] == ["機關名稱", "件數", "機關名稱", "件數"]
    assert [[str(cell) if cell is not None else None for cell in row] for row in table.rows] == [
        ["都發局", "3", "交通局", "2"], ["民政局（含區公所）", "1", "", None]]
    assert table.record_count == 6


def test_each_count_in_the_table_carries_its_provenance(make):
    make(agency="中正區公所")
    make(agency="民政局")

    count = table_of(H2).rows[0][1]

    assert isinstance(count, Figure)
    assert count.value == 2
    assert "民政局（含區公所）" in count.query


def test_another_period_counts_its_own_petitions(make):
    make(received="2024-02-05 10:00")
    make(received="2023-09-05 10:00")

    paragraph = paragraph_of(Period(113, 1))

    assert "113年上半年受理案件計1件" in paragraph.text


def test_a_period_without_petitions_says_none_and_has_no_table(db):
    section = mayor_petitions_section(Period(111, 1))

    assert section.outline == PLACE
    assert len(section.blocks) == 1
    assert paragraph_of(Period(111, 1)).text.endswith("111年上半年受理案件計0件。")


def test_the_work_report_prints_the_section_like_the_seed(make):
    make(agency="都發局")
    make(agency="交通局")
    out = StringIO()

    call_command("work_report", "--period", "112H2", "--output", "-", stdout=out)

    text = out.getvalue()
    section = text.split("（一）受理對市長陳情案件\n", 1)[1].split("（二）辦理會議工作", 1)[0]
    lines = [line for line in section.splitlines() if line.strip()]
    assert lines[0].endswith("112年下半年受理案件計2件，詳如下表：")
    assert lines[1].split() == ["機關名稱", "件數", "機關名稱", "件數"]
    assert lines[2].split() == ["交通局", "1", "都發局", "1"]


def test_the_json_report_carries_the_sections_provenance(make):
    make(agency="都發局")
    out = StringIO()

    call_command("work_report", "--period", "112H2", "--format", "json", "--output", "-", stdout=out)

    data = json.loads(out.getvalue())
    node = data["sections"][1]["children"][2]["children"][0]
    assert node["heading"] == "受理對市長陳情案件"
    assert node["provided_by"] == ["secretariat.petitions.report.mayor_petitions_section"]
    assert node["blocks"][0]["figures"][0]["record_count"] == 1
    first_row = node["blocks"][1]["rows"][0]
    assert (first_row[0], first_row[1]["value"], first_row[1]["formatted"]) == ("都發局", 1, "1")
