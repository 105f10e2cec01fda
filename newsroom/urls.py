from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, register_converter

from .converters import UnicodeSlugConverter
from .views import choose_language, favicon

register_converter(UnicodeSlugConverter, "uslug")

# In the language of the URL, whatever the thread last spoke; 503 when the database is unreachable.
handler500 = "operations.views.server_error"
# /healthz and /readyz are answered by operations.middleware.HealthProbeMiddleware, ahead of these patterns.

urlpatterns = [
    path("admin/desk/", include("desk.urls")),
    path("admin/wording/", include("wording.urls")),
    path("admin/", admin.site.urls),
    path("language/<str:language>/", choose_language, name="choose-language"),
    path("favicon.ico", favicon, name="favicon"),
    # Outside the language prefixes, which the page cache, the edge and the replicas treat as public pages:
    # a preview is never stored or served stale (previews/), and its link names its language.
    path("preview/", include("previews.urls")),
    path("", include("discovery.crawler_urls")),  # /robots.txt, /sitemap.xml, /sitemap-<section>.xml
]

# "/" has no pattern: LocaleMiddleware redirects it to the reader's language (cookie, then Accept-Language).
urlpatterns += i18n_patterns(
    path("authors/", include("authors.urls")),
    path("series/", include("series.urls")),
    path("search/", include("search.urls")),
    path("corrections/", include("corrections.urls")),
    path("", include("discovery.urls")),  # /<lang>/feeds/…, /<lang>/opensearch.xml
    path("", include("articles.urls")),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
