from django.urls import path

from secretariat.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("notifications/read/", views.notification_read, name="notifications_read"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification_read"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/steps/<slug:name>/", views.case_step, name="step"),
]
