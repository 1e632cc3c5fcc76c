"""The routing suggester: it learns from the Secretariat's own assignments, suggests, and never assigns."""

from __future__ import annotations

import json
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from config.celery import app as celery_app
from secretariat.accounts.models import Agency
from secretariat.cases.models import Case, CaseStatus
from secretariat.cases.services import case_open
from secretariat.cases.tests.stories import at, take
from secretariat.petitions.models import Petition, RoutingModel
from secretariat.petitions.services import routing
from secretariat.petitions.services.routing import features, routing_model_train, routing_suggest
from secretariat.petitions.tasks import train_router

pytestmark = pytest.mark.django_db

# Past petitions and the agency the Secretariat gave each to.
HISTORY: dict[str, list[str]] = {
    "交通局": ["307公車經常誤點", "公車司機開車太快", "十字路口紅綠燈秒數太短", "紅綠燈故障一直閃黃燈",
               "住家附近停車位不足", "路邊停車收費不合理", "公車站牌位置不當", "機車停車格太少"],
    "環保局": ["垃圾車收運時間太早", "巷口垃圾堆積發臭", "工廠排放廢氣空污嚴重", "夜間施工噪音擾人",
               "酒吧音樂噪音太大", "河邊垃圾沒人清", "露天燃燒造成空污", "資源回收車不來"],
    "工務局": ["路燈不亮很危險", "人行道破損難行走", "道路坑洞害機車摔倒", "路燈閃爍不停",
               "人行道地磚鬆動", "馬路坑洞一直沒補", "公園路燈壞掉", "道路刨鋪後不平"],
}


def file_petition(actor: Any, subject: str, *, content: str = "", received: str = "2025-03-03",
                  **fields: Any) -> Case:
    """A letter registered the plain way: the Case and its Petition row."""
    with transaction.atomic():
        case = case_open(actor=actor, kind_code="petition", title=subject, received_at=at(received))
        Petition.objects.create(case=case, channel="letter", subject=subject,
                                content=content or f"市長您好，{subject}，請儘速處理，謝謝。", **fields)
    return case


@pytest.fixture
def routed_history(secretariat_clerk, agency_named) -> Callable[[], list[Case]]:
    """`routed_history()`: every HISTORY petition registered and assigned to its agency by the clerk."""

    def build() -> list[Case]:
        cases = []
        for agency, subjects in HISTORY.items():
            for subject in subjects:
                case = file_petition(secretariat_clerk, subject)
                cases.append(take(secretariat_clerk, case, "assign", on="2025-03-04", agency=agency_named(agency)))
        return cases

    return build


@pytest.fixture
def trained(routed_history) -> None:
    routed_history()
    report = routing_model_train()
    assert report.model_id is not None


def test_the_agency_that_handled_similar_petitions_is_suggested_first(trained):
    cases = {
        "信義路的公車常常誤點": "交通局",
        "社區垃圾沒有人來收": "環保局",
        "巷子裡的路燈壞了": "工務局",
        "晚上工地噪音吵得睡不著": "環保局",
    }
    for subject, agency in cases.items():
        suggestions = routing_suggest(subject=subject, content=f"市長您好，{subject}，請處理。")
        assert suggestions[0].short_name == agency, (subject, suggestions)


def test_confidences_are_probabilities_in_order(trained):
    suggestions = routing_suggest(subject="公園路燈太暗，停車也不便", content="", limit=3)
    assert [s.short_name for s in suggestions][:2] == ["工務局", "交通局"]
    confidences = [s.confidence for s in suggestions]
    assert confidences == sorted(confidences, reverse=True)
    assert all(0 < c <= 1 for c in confidences)
    assert sum(confidences) <= 1.0001
    classifier = routing.routing_model_latest()
    assert classifier is not None
    everyone = classifier.predict(features("公園路燈太暗，停車也不便", ""))
    assert sum(p for _agency, p in everyone) == pytest.approx(1.0)


def test_a_text_that_fits_no_agency_better_spreads_the_confidence(trained):
    suggestions = routing_suggest(subject="市長您好", content="謝謝")
    assert len(suggestions) == 3
    assert max(s.confidence for s in suggestions) < 0.6


def test_without_a_trained_model_there_are_no_suggestions(reference_data):
    assert routing_suggest(subject="公車誤點", content="307公車誤點") == []


def test_a_text_unlike_anything_learned_gets_no_suggestions(trained):
    assert routing_suggest(subject="hello", content="") == []


def test_suggesting_never_assigns(trained, secretariat_clerk):
    case = file_petition(secretariat_clerk, "公車誤點")
    routing_suggest(subject="公車誤點", content="公車誤點")
    case.refresh_from_db()
    assert case.status == CaseStatus.RECEIVED
    assert case.lead_agency is None


def test_an_assignment_the_agency_returned_is_not_learned(secretariat_clerk, liaison, agency_named, routed_history):
    routed_history()
    # 交通局 is given a pothole case, hands it back as not competent, and 工務局 gets it.
    for subject in ["新生南路大坑洞", "和平東路坑洞很深", "巷口坑洞積水"]:
        case = take(secretariat_clerk, file_petition(secretariat_clerk, subject), "assign", on="2025-03-04",
                    agency=agency_named("交通局"))
        case = take(liaison, case, "return", on="2025-03-05", reason="路面坑洞屬工務局養護")
        take(secretariat_clerk, case, "assign", on="2025-03-05", agency=agency_named("工務局"))
    routing_model_train()
    suggestions = routing_suggest(subject="坑洞", content="路上坑洞")
    assert suggestions[0].short_name == "工務局"


def test_agencies_that_returned_the_case_are_not_suggested_again(trained, agency_named):
    transport = agency_named("交通局").pk
    suggestions = routing_suggest(subject="公車誤點", content="公車誤點", exclude={transport})
    assert transport not in [s.agency_id for s in suggestions]
    # Given that 交通局 is not competent, the others share the whole probability.
    assert sum(s.confidence for s in suggestions) == pytest.approx(1.0, abs=0.02)


def test_an_inactive_agency_is_not_suggested(trained, agency_named):
    Agency.objects.filter(short_name="交通局").update(is_active=False)
    suggestions = routing_suggest(subject="公車誤點", content="公車誤點")
    assert "交通局" not in [s.short_name for s in suggestions]


def test_one_agency_is_not_enough_to_train(secretariat_clerk, agency_named):
    take(secretariat_clerk, file_petition(secretariat_clerk, "公車誤點"), "assign", on="2025-03-04",
         agency=agency_named("交通局"))
    report = routing_model_train()
    assert report.model_id is None
    assert report.sample_count == 1
    assert not RoutingModel.objects.exists()


def test_the_command_trains_and_reports(routed_history):
    routed_history()
    out = StringIO()
    call_command("petitions_train_router", stdout=out)
    text = out.getvalue()
    assert "Samples: 24" in text
    assert "Classes: 3 agencies" in text
    assert "交通局: 8" in text
    assert "Held-out accuracy:" in text
    assert "top 3:" in text
    assert RoutingModel.objects.count() == 1


def test_the_command_says_when_there_is_nothing_to_learn(reference_data):
    out = StringIO()
    call_command("petitions_train_router", stdout=out)
    assert "Samples: 0" in out.getvalue()
    assert "Not trained" in out.getvalue()


def test_the_weekly_task_retrains_and_old_models_are_pruned(routed_history):
    routed_history()
    for _round in range(routing.KEEP_MODELS + 1):
        assert train_router().startswith("model ")
    assert RoutingModel.objects.count() == routing.KEEP_MODELS
    schedule = celery_app.conf.beat_schedule["petitions-train-router-weekly"]
    assert schedule["task"] == "petitions.train_router"


def test_the_model_is_loaded_once_and_reloaded_after_retraining(trained):
    routing_suggest(subject="公車誤點", content="")
    with CaptureQueriesContext(connection) as queries:
        routing_suggest(subject="公車誤點", content="")
    assert not any("parameters" in query["sql"] for query in queries.captured_queries)
    routing_model_train()
    newest = RoutingModel.objects.order_by("-trained_at", "-pk").values_list("pk", flat=True)[0]
    routing_suggest(subject="公車誤點", content="")
    assert routing._loaded["latest"][0] == newest


def test_the_stored_model_is_compact(trained):
    parameters = RoutingModel.objects.get().parameters
    assert set(parameters) >= {"classes", "grams", "sharpness", "class_docs", "metrics"}
    assert len(parameters["grams"]) <= routing.VOCABULARY_CAP


def test_features_fold_variants_and_widths():
    assert features("台北市", "") == features("臺北市", "")
    assert {"臺", "臺北", "臺北市"} <= features("台北市", "")
    assert {"307", "mrt"} <= features("３０７公車", "MRT")


# --- The panel on the case page ---------------------------------------------------------------------


def test_the_clerk_sees_the_suggestions_with_one_click_assign_forms(trained, secretariat_clerk, client_for):
    case = file_petition(secretariat_clerk, "公車誤點太久", content="市長您好，307公車常常誤點，請改善。")
    page = client_for(secretariat_clerk).get(f"/cases/{case.pk}/").content.decode()
    assert 'id="routing-panel"' in page
    assign_url = f'action="/cases/{case.pk}/steps/assign/"'
    assert assign_url in page
    transport = Agency.objects.get(short_name="交通局").pk
    assert page.index(f'name="agency" value="{transport}"') < page.index("環保局")
    assert "<meter" in page


def test_using_a_suggestion_assigns_the_case(trained, secretariat_clerk, client_for):
    case = file_petition(secretariat_clerk, "公車誤點太久")
    transport = Agency.objects.get(short_name="交通局").pk
    response = client_for(secretariat_clerk).post(f"/cases/{case.pk}/steps/assign/",
                                                  {"version": case.version, "agency": transport})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSIGNED
    assert case.lead_agency_id == transport


def test_the_panel_is_gone_once_the_case_is_assigned(trained, secretariat_clerk, client_for, agency_named):
    case = take(secretariat_clerk, file_petition(secretariat_clerk, "公車誤點"), "assign", on="2025-03-04",
                agency=agency_named("交通局"))
    page = client_for(secretariat_clerk).get(f"/cases/{case.pk}/").content.decode()
    assert 'id="routing-panel"' not in page


def test_the_agency_liaison_never_sees_the_routing_panel(trained, secretariat_clerk, liaison, client_for,
                                                         agency_named):
    case = take(secretariat_clerk, file_petition(secretariat_clerk, "公車誤點"), "assign", on="2025-03-04",
                agency=agency_named("交通局"))
    case = take(liaison, case, "return", on="2025-03-05", reason="非本局業務")
    take(secretariat_clerk, case, "assign", on="2025-03-05", agency=agency_named("交通局"))
    page = client_for(liaison).get(f"/cases/{case.pk}/").content.decode()
    assert 'id="routing-panel"' not in page


def test_a_returned_case_does_not_suggest_the_agency_that_returned_it(trained, secretariat_clerk, liaison,
                                                                     client_for, agency_named):
    case = take(secretariat_clerk, file_petition(secretariat_clerk, "公車誤點"), "assign", on="2025-03-04",
                agency=agency_named("交通局"))
    take(liaison, case, "return", on="2025-03-05", reason="屬公車業者服務品質，請改分")
    page = client_for(secretariat_clerk).get(f"/cases/{case.pk}/").content.decode()
    assert 'id="routing-panel"' in page
    transport = Agency.objects.get(short_name="交通局").pk
    assert f'name="agency" value="{transport}"' not in page.split('id="routing-panel"')[1].split("</section>")[0]


def test_before_training_the_panel_says_there_are_no_suggestions_yet(secretariat_clerk, client_for, settings):
    settings.LANGUAGE_CODE = "en"
    case = file_petition(secretariat_clerk, "公車誤點")
    page = client_for(secretariat_clerk).get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    panel = page.split('id="routing-panel"')[1].split("</section>")[0]
    assert "No suggestions until the router is trained." in panel
    assert 'name="agency" value=' not in panel


def test_the_panel_lists_likely_duplicates_with_a_link(trained, secretariat_clerk, client_for):
    text = "市長您好，我家門口的路燈已經壞了兩個星期，晚上很暗很危險，請派人修理，謝謝。"
    earlier = file_petition(secretariat_clerk, "門口路燈壞了", content=text, received="2025-03-03")
    later = file_petition(secretariat_clerk, "門口路燈壞了", content=text, received="2025-03-10")
    page = client_for(secretariat_clerk).get(f"/cases/{later.pk}/").content.decode()
    panel = page.split('id="routing-panel"')[1].split("</section>")[0]
    assert f'href="/cases/{earlier.pk}/"' in panel
    assert earlier.reference in panel


# --- The stored model (decision 0015: TF-IDF and ComplementNB, kept as plain JSON) -------------------


def test_the_stored_model_is_plain_json_with_no_pickle(trained):
    parameters = RoutingModel.objects.get().parameters
    assert parameters["format"] == routing.FORMAT == 2

    def plain(value: Any) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return value is None or isinstance(value, str | int | float)

    assert plain(parameters)
    assert json.loads(json.dumps(parameters)) == parameters
    assert len(parameters["idf"]) == len(parameters["grams"])


def test_the_stored_json_predicts_exactly_what_was_trained(agency_named):
    history = [(agency_named(name).pk, subject) for name, subjects in HISTORY.items() for subject in subjects]
    fitted = routing.Classifier.fit((routing.ngrams(subject, "") for _agency, subject in history),
                                    [agency for agency, _subject in history])
    fitted.sharpness = 2.5
    loaded = routing.Classifier.from_json(json.loads(json.dumps(fitted.to_json())))
    for subject in ["信義路的公車常常誤點", "巷口垃圾堆積", "路燈不亮", "市長您好"]:
        found = routing.ngrams(subject, "")
        assert loaded.predict(found) == fitted.predict(found)


def test_a_model_of_the_old_format_is_not_used(trained):
    RoutingModel.objects.update(parameters={"format": 1, "classes": [], "grams": {}})
    routing._loaded.clear()
    assert routing.routing_model_latest() is None
    assert routing_suggest(subject="公車誤點", content="") == []


def test_an_agency_with_a_single_past_petition_can_be_suggested(routed_history, secretariat_clerk, agency_named):
    routed_history()
    take(secretariat_clerk, file_petition(secretariat_clerk, "公寓樓梯間堆放雜物有火災危險"), "assign",
         on="2025-03-04", agency=agency_named("消防局"))
    routing_model_train()
    suggestions = routing_suggest(subject="樓梯間雜物火災危險", content="")
    assert suggestions[0].short_name == "消防局"


def test_repeated_features_are_counted_and_words_stay_whole():
    assert routing.ngrams("公車公車", "").count("公車") == 2
    assert "youbike" in routing.ngrams("YouBike", "")
    assert "e" not in routing.ngrams("YouBike", "")
