"""The report's prose: stored per period with a version, audited, written by the Secretariat only, and
the previous period's text offered — not copied — when a period has none yet."""

import pytest

from secretariat.audit.models import AuditEntry
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import Conflict, PermissionRefused, ValidationFailed
from secretariat.core.roc import Period
from secretariat.reporting import demo
from secretariat.reporting.models import ReportProse
from secretariat.reporting.report.composer import PROSE_SOURCE, report_compose
from secretariat.reporting.report.prose import prose_place
from secretariat.reporting.report.render.text import render_text
from secretariat.reporting.report.sections import Paragraph
from secretariat.reporting.selectors.prose import prose_draft
from secretariat.reporting.services import prose_save

H2, H1_NEXT = Period(112, 2), Period(113, 1)
CLOSING = prose_place("closing")


def test_a_first_save_stores_version_one_and_writes_an_audit_row(secretariat_clerk):
    row = prose_save(actor=secretariat_clerk, period=H2, place=CLOSING, text="  感謝貴會支持。\n", version=0)

    assert (row.text, row.version, row.updated_by) == ("感謝貴會支持。", 1, secretariat_clerk)
    entry = AuditEntry.objects.filter(action="reporting.prose_save").get()
    assert entry.after == {"text": "感謝貴會支持。", "version": 1}
    assert entry.extra == {"period": "112H2", "place": "closing"}


def test_a_save_from_an_old_version_is_refused_and_changes_nothing(secretariat_clerk, secretariat_admin):
    prose_save(actor=secretariat_clerk, period=H2, place=CLOSING, text="第一版", version=0)
    prose_save(actor=secretariat_admin, period=H2, place=CLOSING, text="第二版", version=1)

    with pytest.raises(Conflict):
        prose_save(actor=secretariat_clerk, period=H2, place=CLOSING, text="遲到的修改", version=1)

    assert ReportProse.objects.get().text == "第二版"
    assert AuditEntry.objects.filter(action="reporting.prose_save").count() == 2


def test_two_first_saves_of_one_place_cannot_both_win(secretariat_clerk, secretariat_admin):
    prose_save(actor=secretariat_clerk, period=H2, place=CLOSING, text="甲", version=0)

    with pytest.raises(Conflict):
        prose_save(actor=secretariat_admin, period=H2, place=CLOSING, text="乙", version=0)


@pytest.mark.parametrize("persona", ["liaison", "agency_head", "auditor", "councillor"])
def test_only_the_secretariat_writes_the_text(request, persona):
    with pytest.raises(PermissionRefused):
        prose_save(actor=request.getfixturevalue(persona), period=H2, place=CLOSING, text="文字", version=0)

    assert not ReportProse.objects.exists()


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_text_is_refused(secretariat_clerk, text):
    with pytest.raises(ValidationFailed) as refused:
        prose_save(actor=secretariat_clerk, period=H2, place=CLOSING, text=text, version=0)

    assert refused.value.field == "text"


def test_the_previous_periods_text_is_offered_but_not_stored(secretariat_clerk):
    prose_save(actor=secretariat_clerk, period=H2, place=CLOSING, text="上期結語", version=0)

    draft = prose_draft(period=H1_NEXT, place=CLOSING)

    assert (draft.text, draft.version, draft.suggested_from) == ("上期結語", 0, "112H2")
    assert ReportProse.objects.filter(period_code="113H1").count() == 0
    assert "上期結語" not in render_text(report_compose(period=H1_NEXT))


def test_the_latest_earlier_period_is_offered_even_across_a_century_of_codes(secretariat_clerk):
    prose_save(actor=secretariat_clerk, period=Period(99, 2), place=CLOSING, text="九十九年", version=0)
    prose_save(actor=secretariat_clerk, period=Period(100, 1), place=CLOSING, text="一百年", version=0)

    assert prose_draft(period=Period(100, 2), place=CLOSING).text == "一百年"


def test_written_text_appears_in_the_report_one_paragraph_a_line(secretariat_clerk):
    prose_save(actor=secretariat_clerk, period=H2, place=prose_place("outlook-3"), text="第一段。\n\n第二段。",
               version=0)

    report = report_compose(period=H2)

    node = next(node for node in report.walk() if node.place.key == ("貳", "三"))
    assert node.provided_by == (PROSE_SOURCE,)
    assert [block.text for block in node.blocks if isinstance(block, Paragraph)] == ["第一段。", "第二段。"]
    assert ("貳", "三") not in {item.place.key for item in report.unwritten}
    assert "\n三、優化辦公場域\n\n\u3000\u3000第一段。\n\n\u3000\u3000第二段。\n" in render_text(report)


def test_the_demo_writes_every_prose_place_once(db):
    assert demo.load() == ["9 report texts for 112H2"]
    assert demo.load() == []

    report = report_compose(period=H2)
    assert report.unwritten == []
    assert AuditEntry.objects.filter(action="reporting.prose_save", actor_label="system").count() == 9


def test_an_unknown_place_is_not_found():
    from secretariat.core.errors import NotFound

    with pytest.raises(NotFound):
        prose_place("preface")


def test_the_platform_itself_may_write_the_text(db):
    assert prose_save(actor=SYSTEM, period=H2, place=CLOSING, text="系統", version=0).updated_by is None
