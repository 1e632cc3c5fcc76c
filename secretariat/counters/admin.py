"""Administration of the counters, one module per topic; each is imported here so the admin site finds it."""

from secretariat.counters import admin_consultations, admin_enquiries, admin_volunteers  # noqa: F401
