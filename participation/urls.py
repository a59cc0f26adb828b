from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from common.views import coming_soon
from participation.ledger import views as ledger_views

app_name = "participation"

urlpatterns = [
    path(
        "wijkbudget/",
        coming_soon,
        {"template": "participation/wijkbudget.html", "title": _("Wijkbudget")},
        name="wijkbudget",
    ),
    path("terugkoppeling/", ledger_views.feed, name="terugkoppeling"),
    path("terugkoppeling/<slug:wijk>/", ledger_views.feed, name="terugkoppeling_wijk"),
    path("inspraak/", include("participation.processes.urls")),
]
