"""Every URL of the council app, under /council/ (names in the "council" namespace)."""

from django.urls import path

from secretariat.council.views import liaison, portal, questions, requests, structure

app_name = "council"
urlpatterns = [
    path("", structure.overview, name="overview"),
    # Questions, the written-answer book and the review list
    path("questions/", questions.question_list, name="questions"),
    path("questions/live/", questions.question_live, name="question_live"),
    path("questions/live/undo/", questions.question_live_undo, name="question_live_undo"),
    path("questions/<int:pk>/follow-up/", questions.question_follow_up, name="question_follow_up"),
    path("sessions/<int:pk>/answer-book.odt", questions.answer_book_download, name="answer_book"),
    path("sessions/<int:pk>/answer-book.pdf", questions.answer_book_pdf, name="answer_book_pdf"),
    path("review/", questions.review_list, name="question_review"),
    path("review/meetings/new/", questions.review_meeting_create, name="review_meeting_create"),
    # The council's structure
    path("sessions/<int:pk>/", structure.session_detail, name="session_detail"),
    path("councillors/", structure.councillor_list, name="councillors"),
    path("caucuses/", structure.caucus_list, name="caucuses"),
    # Liaison officers, caucus briefings and trainings
    path("liaison/", liaison.roster, name="liaison_roster"),
    path("liaison/new/", liaison.officer_create, name="liaison_officer_create"),
    path("liaison/<int:pk>/edit/", liaison.officer_edit, name="liaison_officer_edit"),
    path("briefings/", liaison.briefing_list, name="briefings"),
    path("briefings/new/", liaison.briefing_create, name="briefing_create"),
    path("trainings/", liaison.training_list, name="trainings"),
    path("trainings/new/", liaison.training_create, name="training_create"),
    # Councillors' data requests: the staff pages
    path("requests/", requests.request_list, name="requests"),
    path("requests/new/", requests.request_new, name="request_new"),
    path("requests/metrics/", requests.request_metrics, name="request_metrics"),
    path("requests/<int:pk>/part/", requests.part_submit, name="request_part"),
    # The councillor portal
    path("portal/", portal.portal_home, name="portal"),
    path("portal/new/", portal.portal_new, name="portal_new"),
    path("portal/<int:pk>/", portal.portal_detail, name="portal_detail"),
    path("portal/<int:pk>/reopen/", portal.portal_reopen, name="portal_reopen"),
]
