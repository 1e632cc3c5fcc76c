"""壹、四、（一）–（四）: the council's paragraphs, every figure computed from records for the period."""

import datetime as dt

import pytest

from secretariat.core.changes import SYSTEM
from secretariat.core.roc import Period
from secretariat.council import report
from secretariat.council.models import Caucus
from secretariat.council.services import reference
from secretariat.council.services.liaison import briefing_record, training_record
from secretariat.reporting.report.composer import report_compose
from secretariat.reporting.report.sections import Paragraph

H2 = Period(112, 2)


@pytest.fixture
def council(reference_data):
    reference.load()


def text_of(section) -> str:
    block = section.blocks[0]
    assert isinstance(block, Paragraph)
    return block.text


def brief(day: dt.date, caucus: str = "民進黨") -> None:
    briefing_record(actor=SYSTEM, held_on=day, caucus=Caucus.objects.get(short_name=caucus), topics="總預算案")


def test_the_briefings_paragraph_counts_the_periods_briefings(council):
    brief(dt.date(2023, 9, 12))
    brief(dt.date(2023, 9, 13), "國民黨")
    brief(dt.date(2023, 3, 2))  # 112年上半年: not counted

    section = report.briefings_section(H2)

    assert text_of(section) == ("綜理府會聯絡工作，本處每會期彙整各局處重大議法案，安排市長至議會各黨團進行報告，"
                                "112年下半年計2場，期爭取議員支持，俾使市政業務推動更加順遂，共創府會雙贏。")
    block = section.blocks[0]
    assert isinstance(block, Paragraph)
    assert block.figures[0].value == 2


def test_a_period_without_briefings_says_so(council):
    assert "112年下半年未有黨團報告紀錄" in text_of(report.briefings_section(H2))


def test_the_trainings_paragraph_names_the_date_of_the_training(reference_data):
    training_record(actor=SYSTEM, held_on=dt.date(2023, 9, 20), title="府會聯絡員研習班")

    assert text_of(report.trainings_section(H2)).startswith(
        "為強化府會聯絡員職能，本處於112年9月20日舉行府會聯絡員研習班，期提增各局處府會聯絡員溝通技巧，")


def test_two_trainings_are_both_named_in_order(reference_data):
    training_record(actor=SYSTEM, held_on=dt.date(2023, 11, 2), title="府會聯絡員座談會")
    training_record(actor=SYSTEM, held_on=dt.date(2023, 9, 20), title="府會聯絡員研習班")

    assert "本處於112年9月20日舉行府會聯絡員研習班、於112年11月2日舉行府會聯絡員座談會，" in text_of(
        report.trainings_section(H2))


def test_a_period_without_trainings_says_so(reference_data):
    assert text_of(report.trainings_section(Period(113, 1))) == "113年上半年未舉行府會聯絡員研習班。"


def test_the_four_places_are_filled(council):
    report.register()
    composed = report_compose(period=H2)
    missing = {node.place.key for node in composed.not_recorded}

    assert not missing & {report.QUESTIONS, report.REQUESTS, report.BRIEFINGS, report.TRAININGS}


def test_the_questions_paragraph_lists_each_session_with_its_count(council, monkeypatch):
    from secretariat.council.models import Session

    session = Session.objects.get(number=2)
    monkeypatch.setattr("secretariat.council.selectors.questions.session_question_counts",
                        lambda period: [(session, 577)])

    assert text_of(report.questions_section(H2)).startswith(
        "本處詳實紀錄市長至議會進行施政報告、市長專案報告及市政總質詢各議員質詢議題，其中第14屆第2次定期大會計有577題，"
        "並續彙編書面答復資料提送臺北市議會")


def test_the_requests_paragraph_says_all_were_delivered_when_they_were(monkeypatch):
    monkeypatch.setattr("secretariat.council.selectors.requests.led_by_secretariat_stats", lambda period: (206, 206))

    assert text_of(report.requests_section(H2)) == (
        "議員為監督市政，基於問政需要索取資料，112年下半年由本處主政彙整之議員件數計206筆，均已按照相關規定完成提送。")


def test_the_requests_paragraph_counts_those_delivered_when_some_were_late(monkeypatch):
    monkeypatch.setattr("secretariat.council.selectors.requests.led_by_secretariat_stats", lambda period: (206, 200))

    assert text_of(report.requests_section(H2)).endswith("計206筆，其中200筆已按照相關規定完成提送。")
