"""The opinion demo: its aggregates give the seed's figure in 壹、五、（二）, and loading twice adds nothing."""

import pytest

from secretariat.accounts import demo as accounts_demo
from secretariat.audit.models import AuditEntry
from secretariat.cases.models import Case, CaseStatus
from secretariat.core.roc import Period
from secretariat.media.demo import opinion
from secretariat.media.models.opinion import OpinionDigest, OpinionItem, OpinionResponse
from secretariat.media.report.opinion import opinion_section
from secretariat.reporting.report.sections import Paragraph

pytestmark = pytest.mark.django_db
H2 = Period(112, 2)


@pytest.fixture
def loaded(reference_data):
    accounts_demo.load()
    opinion.load()


def test_the_demo_gives_the_seeds_response_count_and_a_digest_a_day(loaded):
    section = opinion_section(H2)
    first, second = section.blocks
    assert isinstance(first, Paragraph)
    assert isinstance(second, Paragraph)
    assert second.text == ("2、本府各機關針對重要市政輿情適時回應，以利各界對實際情況瞭解，"
                           "112年下半年共計回應1,128則。")
    assert second.figures[0].value == 1128
    assert first.figures[0].value == 184
    assert "計傳送輿情日報184份" in first.text


def test_the_demo_is_what_the_services_would_have_written(loaded):
    incidents = Case.objects.filter(kind="opinion_incident")
    assert incidents.count() == 48
    assert set(incidents.values_list("status", flat=True)) == {CaseStatus.CLOSED}
    assert OpinionItem.objects.count() == 3312
    assert AuditEntry.objects.filter(action="opinion.respond").count() == OpinionResponse.objects.count() == 1128
    assert AuditEntry.objects.filter(action="opinion.import_csv").count() == 184
    assert OpinionDigest.objects.count() == 184


def test_loading_again_adds_nothing(loaded):
    assert opinion.load() == ["public opinion: already loaded"]
    assert OpinionResponse.objects.count() == 1128
