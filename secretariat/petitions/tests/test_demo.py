"""The demo half-year: 1,000 invented petitions that reproduce the seed's table exactly."""

import datetime as dt
from collections import Counter
from unittest import mock

from django.core import mail
from django.test import TestCase
from django.utils import timezone

from secretariat.accounts import demo as accounts_demo
from secretariat.accounts.services import reference as accounts_reference
from secretariat.audit.services import audit_chain_check
from secretariat.cases.models import Case, CaseEvent
from secretariat.core import reference as core_reference
from secretariat.core.roc import Period
from secretariat.petitions import demo
from secretariat.petitions.demo import texts as demo_texts
from secretariat.petitions.demo.planning import DEMO_CASE_PASSWORD, DISTRICT_OFFICE_SHARE, plan
from secretariat.petitions.models import Petition, RoutingModel
from secretariat.petitions.report import mayor_petitions_section
from secretariat.petitions.selectors.statistics import received_in
from secretariat.petitions.services import petition_lookup
from secretariat.petitions.services import reference as petitions_reference
from secretariat.petitions.services.routing import routing_suggest
from secretariat.reporting.report.sections import Figure, Paragraph, Table

# 112年下半年受理案件計1,000件 — the seed's table (壹、三、（一）), line by line, as printed.
SEED_TABLE = [
    ["都發局", 256, "交通局", 97], ["警察局", 95, "社會局", 80], ["工務局", 79, "教育局", 72],
    ["環保局", 45, "產業局", 42], ["勞動局", 36, "衛生局", 30], ["民政局（含區公所）", 29, "體育局", 26],
    ["觀傳局", 13, "捷運局", 12], ["法務局", 12, "人事處", 12], ["捷運公司", 11, "政風處", 10],
    ["文化局", 8, "消防局", 8], ["地政局", 5, "都委會", 5], ["財政局", 4, "研考會", 4],
    ["兵役局", 3, "秘書處", 3], ["資訊局", 1, "原民會", 1], ["客委會", 1, "", None],
]


def test_the_plan_is_the_same_every_time():
    assert plan() == plan()


def test_another_seed_plans_another_half_year():
    assert plan(seed=7) != plan()


def test_the_plan_has_exactly_one_thousand_petitions_in_the_period():
    planned = plan()

    assert len(planned) == 1000
    assert all(Period(112, 2).contains(item.received_at.date()) for item in planned)


class DemoHalfYear(TestCase):
    """Loading the demo takes seconds, so it is loaded once for these tests (and rolled back after)."""

    summary: list[str]

    @classmethod
    def setUpTestData(cls):
        for load in (core_reference.load, accounts_reference.load, petitions_reference.load, accounts_demo.load):
            load()
        mail.outbox.clear()
        cls.summary = demo.load()

    def test_the_report_table_equals_the_seeds_cell_for_cell(self):
        paragraph, table = mayor_petitions_section(Period(112, 2)).blocks
        assert isinstance(paragraph, Paragraph)
        assert isinstance(table, Table)

        cells = [[cell.value if isinstance(cell, Figure) else cell for cell in row] for row in table.rows]
        assert cells == SEED_TABLE
        assert "112年下半年受理案件計1,000件，詳如下表：" in paragraph.text

    def test_every_state_of_a_real_half_year_is_there(self):
        half_year = received_in(Period(112, 2))
        statuses = set(half_year.values_list("status", flat=True))
        outcomes = set(half_year.exclude(outcome="").values_list("outcome", flat=True))
        actions = set(CaseEvent.objects.filter(case__in=half_year).values_list("action", flat=True))

        assert statuses == {"closed", "answered", "in_progress", "assigned", "declined", "merged"}
        assert outcomes == {"on_time", "late"}
        assert {"return", "request_extension", "approve_extension", "reopen", "decline", "merge"} <= actions

    def test_most_petitions_were_answered_on_time(self):
        outcomes = Counter(Case.objects.exclude(outcome="").values_list("outcome", flat=True))

        assert outcomes["on_time"] > 8 * outcomes["late"]

    def test_every_petition_has_a_timeline_from_receipt(self):
        half_year = received_in(Period(112, 2))
        opened = CaseEvent.objects.filter(action="open", case__in=half_year).count()

        assert opened == half_year.count() == 1000
        for case in Case.objects.filter(status="closed")[:50]:
            times = list(case.events.values_list("occurred_at", flat=True))
            assert times == sorted(times)
            assert case.received_at == times[0]

    def test_closed_petitions_carry_their_answer_and_many_a_rating(self):
        closed = Petition.objects.filter(case__status="closed")

        assert not closed.filter(answer="").exists()
        ratings = set(closed.exclude(rating=None).values_list("rating", flat=True))
        assert ratings == {1, 2, 3, 4, 5}

    def test_district_offices_lead_some_of_civil_affairs_petitions(self):
        offices = Case.objects.filter(lead_agency__short_name__endswith="區公所").count()

        assert offices == DISTRICT_OFFICE_SHARE

    def test_merged_petitions_repeat_an_earlier_one_of_the_same_agency(self):
        for case in Case.objects.filter(status="merged").select_related("merged_into"):
            assert case.merged_into is not None
            assert case.merged_into.lead_agency_id == case.lead_agency_id
            assert case.merged_into.received_at < case.received_at

    def test_the_demo_password_opens_a_demo_petition(self):
        case = Case.objects.filter(status="closed").order_by("pk").first()
        assert case is not None

        petition = petition_lookup(reference=case.reference, password=DEMO_CASE_PASSWORD, client_ip="127.0.0.1")

        assert petition.pk == case.pk

    def test_nobody_was_mailed(self):
        assert mail.outbox == []

    def test_the_audit_trail_holds_together(self):
        assert audit_chain_check().ok

    def test_loading_again_writes_nothing(self):
        before = (Case.objects.count(), CaseEvent.objects.count())

        assert demo.load() == []
        assert (Case.objects.count(), CaseEvent.objects.count()) == before

    def test_the_summary_names_what_was_loaded(self):
        assert self.summary[0].startswith("1000 demo petitions of 112年下半年")

    def test_nothing_happens_before_it_is_received_or_after_the_demo_ends(self):
        last = CaseEvent.objects.filter(case__in=received_in(Period(112, 2))).order_by("-occurred_at").first()

        assert last is not None
        assert last.occurred_at.date() < dt.date(2024, 3, 1)

    def test_new_petitions_received_today_wait_to_be_routed(self):
        waiting = Case.objects.filter(received_on=timezone.localdate())

        assert waiting.count() == len(demo_texts.WAITING)
        assert set(waiting.values_list("status", flat=True)) == {"received"}
        assert not waiting.filter(lead_agency__isnull=False).exists()

    def test_the_router_is_trained_and_suggests_the_agency_of_todays_petitions(self):
        assert RoutingModel.objects.count() == 1
        suggested = {petition.subject: routing_suggest(subject=petition.subject, content=petition.content)[0].short_name
                     for petition in Petition.objects.filter(case__status="received")}

        assert suggested == {"信義區路燈故障": "工務局", "公車285路班次太少": "交通局", "大安區餐廳衛生檢舉": "衛生局"}

    def test_loading_again_trains_no_second_model_and_adds_no_petition_on_a_later_day(self):
        later = timezone.now() + dt.timedelta(days=3)
        with mock.patch("django.utils.timezone.now", return_value=later):
            assert demo.load() == []

        assert RoutingModel.objects.count() == 1
        assert Case.objects.count() == 1000 + len(demo_texts.WAITING)
