"""The work report is composed in the seed's order from what apps register, and says what it lacks."""

from decimal import Decimal

import pytest

from secretariat.core.roc import Period
from secretariat.reporting.report import outline
from secretariat.reporting.report.composer import SectionMismatch, report_compose
from secretariat.reporting.report.registry import register_section, registrations_at, unregister_section
from secretariat.reporting.report.sections import Column, Figure, Paragraph, Section, Table

H2 = Period(112, 2)
MEETINGS = ("壹", "三", "二")


def meetings_section(period):
    figure = Figure.count(52, label="市政會議場次", query="meetings held in the period", period=period.code)
    return Section(outline=MEETINGS, blocks=(Paragraph(("本期召開市政會議", figure, "次。")),))


def misplaced_section(period):
    return Section(outline=("壹", "一", "一"), blocks=())


@pytest.fixture
def meetings_registered():
    register_section(MEETINGS, meetings_section)
    yield
    unregister_section(MEETINGS, meetings_section)


def test_the_report_follows_the_seeds_outline(db):
    report = report_compose(period=H2)

    assert report.title == "臺北市政府秘書處工作報告"
    assert [node.place.key for node in report.walk()] == [place.key for place in outline.OUTLINE]
    assert [node.heading for node in report.nodes[1:]] == ["112年下半年重要業務執行成果", "本處未來工作展望", "結語"]


def test_the_achievements_heading_names_the_period_asked_for(db):
    report = report_compose(period=Period(113, 1))

    assert report.nodes[1].heading == "113年上半年重要業務執行成果"


def test_places_no_app_records_are_listed_not_filled_in(db):
    report = report_compose(period=H2)

    missing = {node.place.key for node in report.not_recorded}
    assert ("壹", "一", "一") in missing
    assert ("參",) not in missing  # prose: listed as not yet written, not as not recorded
    assert ("參",) in {node.place.key for node in report.unwritten}
    assert all(not node.blocks for node in report.not_recorded)


def test_a_heading_whose_items_are_recorded_elsewhere_is_not_itself_missing(db):
    report = report_compose(period=H2)

    assert ("壹", "三") not in {node.place.key for node in report.not_recorded}


def test_a_registered_section_appears_at_its_place(db, meetings_registered):
    report = report_compose(period=H2)

    node = next(node for node in report.walk() if node.place.key == MEETINGS)
    assert node.recorded
    assert node.blocks == meetings_section(H2).blocks
    assert node.heading == "辦理會議工作"
    assert MEETINGS not in {missing.place.key for missing in report.not_recorded}


def test_petitions_contribute_their_section_from_their_app(db):
    assert [item.name for item in registrations_at(("壹", "三", "一"))] == [
        "secretariat.petitions.report.mayor_petitions_section"]


def test_registering_twice_keeps_one_contribution(meetings_registered):
    register_section(MEETINGS, meetings_section)

    assert len(registrations_at(MEETINGS)) == 1


def test_a_place_may_be_written_with_ascii_or_wide_brackets(meetings_registered):
    assert outline.place_for(("壹", "三", "(二)")).key == MEETINGS
    assert outline.place_for(("壹", "三", "（二）")).key == MEETINGS
    assert outline.place_for("壹/三/二").key == MEETINGS


def test_a_place_outside_the_outline_is_refused_when_registering():
    with pytest.raises(KeyError, match="not a place"):
        register_section(("壹", "八"), meetings_section)


def test_a_section_returned_for_another_place_stops_the_report(db):
    register_section(MEETINGS, misplaced_section)
    try:
        with pytest.raises(SectionMismatch):
            report_compose(period=H2)
    finally:
        unregister_section(MEETINGS, misplaced_section)


def test_a_table_row_must_fill_every_column():
    with pytest.raises(ValueError, match="3 cells for 2 columns"):
        Table(caption="", columns=(Column("機關"), Column("件數", numeric=True)), rows=(("a", 1, 2),))


def test_a_paragraph_prints_its_figures_as_the_report_writes_them():
    figure = Figure.count(4_580_441, label="公文線上簽核", query="documents signed online", period="112H2")
    rate = Figure(value=Decimal("99.9"), formatted="99.9%", label="rate", query="q", record_count=10, period="112H2")

    paragraph = Paragraph(("公文線上簽核", figure, "件，比率", rate))

    assert paragraph.text == "公文線上簽核458萬0,441件，比率99.9%"
    assert paragraph.figures == (figure, rate)
