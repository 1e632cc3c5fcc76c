from django.urls import path

from secretariat.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/steps/<slug:name>/", views.case_step, name="step"),
]
