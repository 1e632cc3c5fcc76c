"""Every URL of petitions, in four namespaces; config/urls.py mounts each list:

    staff/petitions/         petitions           urlpatterns (this module's app_name)
    petitions/               petitions_public    public_patterns
    open311/v2/              open311             open311_patterns
    statistics/petitions/    petition_stats      statistics_patterns
"""

from django.urls import path, re_path

from secretariat.petitions.views import open311, public, staff, statistics

# --- Staff: registering petitions, personal-data requests ------------------------------------------
app_name = "petitions"
urlpatterns = [
    path("", staff.petition_list, name="list"),
    path("new/", staff.petition_register, name="register"),
    path("disclosures/", staff.disclosure_list, name="disclosures"),
    path("disclosures/<int:pk>/decide/", staff.disclosure_decide, name="disclosure_decide"),
    path("<int:case_id>/disclosures/", staff.disclosure_ask, name="disclosure_ask"),
    path("<int:case_id>/personal-data/", staff.personal_data, name="personal_data"),
]

# --- Public: the citizen's form, confirmation link and answer page ---------------------------------
public_patterns = [
    path("new/", public.petition_new, name="new"),
    path("confirm/<str:token>/", public.petition_confirm, name="confirm"),
    path("answer/", public.petition_answer, name="answer"),
    path("answer/files/<str:token>/", public.petition_answer_file, name="answer_file"),
]

# --- Open311 GeoReport v2 ----------------------------------------------------------------------------
# `<fmt>` is the format suffix the spec puts on every resource; only json is served, anything else gets
# the spec's error array.
open311_patterns = [
    path("services.<str:fmt>", open311.services, name="services"),
    path("requests.<str:fmt>", open311.requests, name="requests"),
    path("requests/<str:reference>.<str:fmt>", open311.request_detail, name="request"),
    re_path(r"^(?P<rest>.*)$", open311.not_found),
]

# --- Statistics: the page and its downloads -----------------------------------------------------------
statistics_patterns = [
    path("", statistics.statistics_page, name="page"),
    path("download.<str:file_format>", statistics.statistics_download, name="download"),
]
