"""Opinion monitoring pages, under /media/opinion/."""

from django.urls import path

from secretariat.media.views import opinion, opinion_actions, opinion_digest

urlpatterns = [
    path("opinion/", opinion.item_list_page, name="opinion"),
    path("opinion/new/", opinion.item_new, name="opinion_new"),
    path("opinion/import/", opinion.item_import, name="opinion_import"),
    path("opinion/feeds/<int:pk>/fetch/", opinion_actions.feed_fetch, name="opinion_feed_fetch"),
    path("opinion/digests/", opinion_digest.digest_list, name="opinion_digests"),
    path("opinion/digests/<str:day>/", opinion_digest.digest_download, name="opinion_digest"),
    path("opinion/<int:pk>/", opinion.item_detail, name="opinion_item"),
    path("opinion/<int:pk>/severity/", opinion_actions.severity_adjust, name="opinion_severity"),
    path("opinion/<int:pk>/escalate/", opinion_actions.escalate, name="opinion_escalate"),
    path("opinion/<int:pk>/respond/", opinion_actions.respond, name="opinion_respond"),
]
