"""URL map. Dutch has no prefix, the other languages live under /en/, /tr/, /ar/, /pl/, /bg/
(i18n_patterns). Wagtail serves the rest of the page tree last."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog, set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from common import views as common_views
from participation.agenda import urls as agenda_urls
from shop import urls as shop_urls

urlpatterns = [
    # One way into the back office: the code login of allauth, with its rate limits. Wagtail's
    # password form would take guesses without limit; a GET or a POST lands on allauth's page.
    path(
        "beheer/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailadmin_login",
    ),
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", common_views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico whatever the page says; the file lives with the static ones.
    path("favicon.ico", common_views.favicon, name="favicon"),
    # Open311 GeoReport v2: a machine API, the same in every language.
    path("open311/", include("meldingen.open311.urls")),
]

urlpatterns += i18n_patterns(
    # The texts of the site's scripts in the page's language (Django's JavaScript catalogue,
    # locale/*/LC_MESSAGES/djangojs.po): window.gettext / window.ngettext / window.interpolate.
    path(
        "jsi18n/",
        cache_control(public=True, max_age=3600)(JavaScriptCatalog.as_view()),
        name="javascript-catalog",
    ),
    path("accounts/", include("allauth.urls")),
    path("mijn/", include("accounts.urls")),
    path("e-mail/", include("common.urls")),
    path("terugkoppeling/", include("common.feedback.ledger.urls")),
    path("melden/", include("meldingen.urls")),
    path("meldingen/", include("meldingen.public.urls")),
    path("initiatieven/", include("initiatives.urls")),
    path("", include("participation.wijkbudget.urls")),
    # The agenda's pages keep their names in the shop namespace (shop:agenda, shop:activity).
    path("", include((shop_urls.urlpatterns + agenda_urls.urlpatterns, "shop"))),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler404 = "common.views.page_not_found"
handler500 = "common.views.server_error"
