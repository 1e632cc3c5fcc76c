"""Administration of the counters, one module per topic; each is imported here so the admin site finds it."""

from secretariat.counters.admin import consultations, enquiries, volunteers  # noqa: F401
