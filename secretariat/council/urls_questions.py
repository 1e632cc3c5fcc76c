"""Question pages, included by council/urls.py under /council/ (names in the "council" namespace)."""

from django.urls import path

from secretariat.council.views import questions

urlpatterns = [
    path("questions/", questions.question_list, name="questions"),
    path("questions/live/", questions.question_live, name="question_live"),
    path("questions/live/undo/", questions.question_live_undo, name="question_live_undo"),
    path("questions/<int:pk>/follow-up/", questions.question_follow_up, name="question_follow_up"),
    path("sessions/<int:pk>/answer-book.odt", questions.answer_book_download, name="answer_book"),
    path("sessions/<int:pk>/answer-book.pdf", questions.answer_book_pdf, name="answer_book_pdf"),
    path("review/", questions.review_list, name="question_review"),
    path("review/meetings/new/", questions.review_meeting_create, name="review_meeting_create"),
]
