from django.urls import path
from django.utils.translation import gettext_lazy as _

from common.views import coming_soon

app_name = "meldingen"

urlpatterns = [
    path(
        "",
        coming_soon,
        {"template": "meldingen/index.html", "title": _("Melden")},
        name="index",
    ),
]
