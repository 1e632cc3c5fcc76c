from django.urls import path

from secretariat.notifications import views

app_name = "notifications"
urlpatterns = [
    # A person's own notifications and settings.
    path("", views.notification_list, name="list"),
    path("read/", views.notification_read, name="read_all"),
    path("<int:pk>/", views.notification_open, name="open"),
    path("<int:pk>/read/", views.notification_read, name="read"),
    path("settings/", views.preferences, name="preferences"),
    # The administrator's defaults per role.
    path("defaults/", views.defaults, name="defaults"),
]
