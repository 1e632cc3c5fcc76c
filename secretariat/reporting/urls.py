from django.urls import path

from secretariat.reporting.views import pages, prose

app_name = "reporting"
urlpatterns = [
    path("", pages.report_index, name="index"),
    path("<str:code>/", pages.report_preview, name="preview"),
    path("<str:code>/download/<str:fmt>/", pages.report_download, name="download"),
    path("<str:code>/compare/", pages.report_comparison, name="compare"),
    path("<str:code>/dashboard/", pages.report_dashboard, name="dashboard"),
    path("<str:code>/text/<str:slug>/", prose.prose_edit, name="prose_edit"),
]
