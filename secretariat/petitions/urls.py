from django.urls import path

from secretariat.petitions import views

app_name = "petitions"
urlpatterns = [
    path("", views.petition_list, name="list"),
    path("new/", views.petition_register, name="register"),
    path("disclosures/", views.disclosure_list, name="disclosures"),
    path("disclosures/<int:pk>/decide/", views.disclosure_decide, name="disclosure_decide"),
    path("<int:case_id>/disclosures/", views.disclosure_ask, name="disclosure_ask"),
    path("<int:case_id>/personal-data/", views.personal_data, name="personal_data"),
]
