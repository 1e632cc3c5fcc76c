"""Consultation pages: staff (under consultations/) and the public booking pages (consultations/book/, no
sign-in needed)."""

from django.urls import path

from secretariat.counters.views import consultations, consultations_public, consultations_stats

urlpatterns = [
    path("consultations/", consultations.overview, name="consultations"),
    path("consultations/records/", consultations.records, name="consultation_records"),
    path("consultations/walk-in/", consultations.walk_in, name="consultation_walk_in"),
    path("consultations/stats/", consultations_stats.stats, name="consultation_stats"),
    path("consultations/slots/<int:pk>/withdraw/", consultations.slot_withdraw, name="slot_withdraw"),
    path("consultations/bookings/<int:pk>/reveal/", consultations.booking_reveal, name="booking_reveal"),
    path("consultations/bookings/<int:pk>/<str:step>/", consultations.booking_step, name="booking_step"),
    path("consultations/book/", consultations_public.slots, name="booking_slots"),
    path("consultations/book/<int:slot_id>/", consultations_public.book, name="booking_new"),
    path("consultations/book/cancel/<str:token>/", consultations_public.cancel, name="booking_cancel"),
]
