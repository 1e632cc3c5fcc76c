from django.urls import path

from secretariat.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("calendar/", views.calendar_month, name="calendar"),
    path("calendar/closures/<str:date>/withdraw/", views.calendar_closure_withdraw, name="closure_withdraw"),
    path("attachments/<uuid:pk>/", views.attachment_download, name="attachment_download"),
]
