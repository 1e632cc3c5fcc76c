from django.urls import URLPattern, URLResolver

app_name = "counters"
urlpatterns: list[URLPattern | URLResolver] = []
