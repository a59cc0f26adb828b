from django.urls import path
from django.utils.translation import gettext_lazy as _

from common.views import coming_soon

app_name = "participation"

urlpatterns = [
    path(
        "wijkbudget/",
        coming_soon,
        {"template": "participation/wijkbudget.html", "title": _("Wijkbudget")},
        name="wijkbudget",
    ),
    path(
        "terugkoppeling/",
        coming_soon,
        {"template": "participation/terugkoppeling.html", "title": _("Wat is er gedaan?")},
        name="terugkoppeling",
    ),
]
