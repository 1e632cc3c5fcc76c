"""壹、五、（一）（三）（四） from the demo records: the figures and the monthly table equal the seed's, loading the
demo twice changes nothing, and the bulk-written audit rows keep the chain whole."""

from __future__ import annotations

import pytest

from secretariat.audit.services import audit_chain_check
from secretariat.core.roc import Period
from secretariat.media.demo import press
from secretariat.media.models import PressRelease, SocialPost
from secretariat.media.report import press as report
from secretariat.reporting.report.sections import Paragraph, Table

H2 = Period(112, 2)


@pytest.fixture
def demo(reference_data, db) -> None:
    from secretariat.accounts import demo as accounts_demo

    accounts_demo.load()
    press.load()


def paragraphs(section) -> list[str]:
    return [block.text for block in section.blocks if isinstance(block, Paragraph)]


def test_the_releases_section_reproduces_the_seed(demo) -> None:
    section = report.releases_section(H2)
    first, second, third = paragraphs(section)
    assert first.endswith("112年下半年本處與全府各發布新聞稿289則及4,033則。")
    assert "112年下半年共安排市長主持7場府級記者會，如本處於12月25日於臺北小巨蛋舉辦「臺北隊就職週年記者會」" in second
    assert third.endswith("112年下半年安排媒體專訪市長計14次。")
    table = next(block for block in section.blocks if isinstance(block, Table))
    assert [column.heading for column in table.columns] == ["類別", "7月", "8月", "9月", "10月", "11月", "12月",
                                                           "總計（件）"]
    assert [[str(cell) for cell in row] for row in table.rows] == [
        ["本處發布新聞稿", "55", "48", "56", "50", "43", "37", "289"],
        ["全府發布新聞稿", "627", "654", "726", "708", "671", "647", "4,033"],
    ]


def test_the_social_and_training_sections(demo) -> None:
    assert paragraphs(report.social_section(H2))[0].endswith("112年下半年共計發布224則影音貼文。")
    training = paragraphs(report.trainings_section(H2))[0]
    assert "112年下半年辦理研習班2場、座談會1場" in training
    assert "計232人次參加" in training


def test_another_period_counts_nothing(demo) -> None:
    table = next(block for block in report.releases_section(Period(113, 1)).blocks if isinstance(block, Table))
    assert [str(cell) for cell in table.rows[1]][-1] == "0"
    assert "未辦理" in paragraphs(report.trainings_section(Period(113, 1)))[0]


def test_loading_twice_adds_nothing_and_the_audit_chain_holds(demo) -> None:
    releases, posts = PressRelease.objects.count(), SocialPost.objects.count()
    press.load()
    assert (PressRelease.objects.count(), SocialPost.objects.count()) == (releases, posts)
    assert audit_chain_check().ok
