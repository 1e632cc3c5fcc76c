from django.urls import path

from secretariat.cases import views

app_name = "cases"
urlpatterns = [
    # The inbox (work queue), routing the selected cases, and the filtered list as a download.
    path("", views.inbox, name="inbox"),
    path("assign/", views.inbox_assign, name="assign"),
    path("export/", views.inbox_export, name="export"),
    # One case and its steps.
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/steps/<slug:name>/", views.case_step, name="step"),
]
