from django.urls import path

from secretariat.petitions import stats_views

app_name = "petition_stats"
urlpatterns = [
    path("", stats_views.statistics_page, name="page"),
    path("download.<str:file_format>", stats_views.statistics_download, name="download"),
]
