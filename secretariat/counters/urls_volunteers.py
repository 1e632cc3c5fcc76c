"""Volunteer pages: roster, week grid of shifts, daily counts, trainings, certificates."""

from django.urls import path

from secretariat.counters.views import volunteers, volunteers_shifts

urlpatterns = [
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
