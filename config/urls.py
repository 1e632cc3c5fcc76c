from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from config.api import api
from secretariat.core.views import healthz
from secretariat.media.urls import press_public_patterns
from secretariat.petitions.urls import open311_patterns, public_patterns, statistics_patterns


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Browsers ask /favicon.ico whatever the page says; send them to the static file (not permanently: its
    hashed name changes with the file)."""
    return HttpResponseRedirect(static("favicon.ico"))


admin.site.site_header = admin.site.site_title = "秘書處業務平台 Secretariat"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("secretariat.accounts.urls")),
    path("audit/", include("secretariat.audit.urls")),
    path("cases/", include("secretariat.cases.urls")),
    path("notifications/", include("secretariat.notifications.urls")),
    path("petitions/", include((public_patterns, "petitions_public"))),
    path("staff/petitions/", include("secretariat.petitions.urls")),
    path("open311/v2/", include((open311_patterns, "open311"))),
    path("council/", include("secretariat.council.urls")),
    path("media/", include("secretariat.media.urls")),
    path("press/", include((press_public_patterns, "press_public"))),
    path("counters/", include("secretariat.counters.urls")),
    path("reports/", include("secretariat.reporting.urls")),
    path("statistics/petitions/", include((statistics_patterns, "petition_stats"))),
    path("", include("secretariat.core.urls")),
]

handler400 = "secretariat.core.errorpages.bad_request"
handler403 = "secretariat.core.errorpages.permission_denied"
handler404 = "secretariat.core.errorpages.not_found"
handler500 = "secretariat.core.errorpages.server_error"
