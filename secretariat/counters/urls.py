"""Every page of the counters (namespace `counters`, under /counters/): the counter's enquiry tally, petition
help and statistics; the consultations, staff pages and the public booking pages; the volunteers."""

from django.urls import URLPattern, URLResolver, path

from secretariat.counters.views import (
    consultations,
    consultations_public,
    consultations_stats,
    enquiries,
    enquiries_help,
    enquiries_stats,
    volunteers,
    volunteers_shifts,
)

app_name = "counters"
urlpatterns: list[URLPattern | URLResolver] = [
    # --- The counter: the enquiry tally, petition help, statistics ---
    path("counter/", enquiries.counter, name="counter"),
    path("counter/record/", enquiries.record, name="counter_record"),
    path("counter/undo/", enquiries.undo, name="counter_undo"),
    path("counter/petition-help/", enquiries_help.petition_help, name="petition_help"),
    path("counter/statistics/", enquiries_stats.statistics_page, name="statistics"),
    path("counter/statistics/download.<str:file_format>", enquiries_stats.statistics_download,
         name="statistics_download"),
    # --- Consultations: staff (under consultations/) ---
    path("consultations/", consultations.overview, name="consultations"),
    path("consultations/records/", consultations.records, name="consultation_records"),
    path("consultations/walk-in/", consultations.walk_in, name="consultation_walk_in"),
    path("consultations/stats/", consultations_stats.stats, name="consultation_stats"),
    path("consultations/slots/<int:pk>/withdraw/", consultations.slot_withdraw, name="slot_withdraw"),
    path("consultations/bookings/<int:pk>/reveal/", consultations.booking_reveal, name="booking_reveal"),
    path("consultations/bookings/<int:pk>/<str:step>/", consultations.booking_step, name="booking_step"),
    # --- Consultations: the public booking pages (consultations/book/, no sign-in needed) ---
    path("consultations/book/", consultations_public.slots, name="booking_slots"),
    path("consultations/book/<int:slot_id>/", consultations_public.book, name="booking_new"),
    path("consultations/book/cancel/<str:token>/", consultations_public.cancel, name="booking_cancel"),
    # --- Volunteers: roster, week grid of shifts, daily counts, trainings, certificates ---
    path("volunteers/", volunteers.roster, name="volunteers"),
    path("volunteers/new/", volunteers.volunteer_edit, name="volunteer_new"),
    path("volunteers/<int:pk>/edit/", volunteers.volunteer_edit, name="volunteer_edit"),
    path("volunteers/<int:pk>/reveal/", volunteers.volunteer_reveal, name="volunteer_reveal"),
    path("volunteers/<int:pk>/certificate/", volunteers.certificate, name="volunteer_certificate"),
    path("volunteers/week/", volunteers_shifts.week, name="volunteer_week"),
    path("volunteers/shifts/<int:pk>/<str:step>/", volunteers_shifts.shift_step, name="shift_step"),
    path("volunteers/counts/", volunteers_shifts.daily_counts, name="volunteer_counts"),
    path("volunteers/trainings/", volunteers_shifts.trainings, name="volunteer_trainings"),
]
