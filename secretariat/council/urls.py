from django.urls import include, path

from secretariat.council.views import liaison, portal, requests, structure

app_name = "council"
urlpatterns = [
    path("", structure.overview, name="overview"),
    path("", include("secretariat.council.urls_questions")),  # questions, answer book, review list
    path("sessions/<int:pk>/", structure.session_detail, name="session_detail"),
    path("councillors/", structure.councillor_list, name="councillors"),
    path("caucuses/", structure.caucus_list, name="caucuses"),
    path("liaison/", liaison.roster, name="liaison_roster"),
    path("liaison/new/", liaison.officer_create, name="liaison_officer_create"),
    path("liaison/<int:pk>/edit/", liaison.officer_edit, name="liaison_officer_edit"),
    path("briefings/", liaison.briefing_list, name="briefings"),
    path("briefings/new/", liaison.briefing_create, name="briefing_create"),
    path("trainings/", liaison.training_list, name="trainings"),
    path("trainings/new/", liaison.training_create, name="training_create"),
    path("requests/", requests.request_list, name="requests"),
    path("requests/new/", requests.request_new, name="request_new"),
    path("requests/metrics/", requests.request_metrics, name="request_metrics"),
    path("requests/<int:pk>/part/", requests.part_submit, name="request_part"),
    path("portal/", portal.portal_home, name="portal"),
    path("portal/new/", portal.portal_new, name="portal_new"),
    path("portal/<int:pk>/", portal.portal_detail, name="portal_detail"),
    path("portal/<int:pk>/reopen/", portal.portal_reopen, name="portal_reopen"),
]
