"""The counter's pages: the enquiry tally, petition help, statistics (included from counters/urls.py)."""

from django.urls import path

from secretariat.counters.views import enquiries, enquiries_help, enquiries_stats

urlpatterns = [
    path("counter/", enquiries.counter, name="counter"),
    path("counter/record/", enquiries.record, name="counter_record"),
    path("counter/undo/", enquiries.undo, name="counter_undo"),
    path("counter/petition-help/", enquiries_help.petition_help, name="petition_help"),
    path("counter/statistics/", enquiries_stats.statistics_page, name="statistics"),
    path("counter/statistics/download.<str:file_format>", enquiries_stats.statistics_download,
         name="statistics_download"),
]
