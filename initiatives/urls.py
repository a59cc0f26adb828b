from django.urls import path
from django.utils.translation import gettext_lazy as _

from common.views import coming_soon

app_name = "initiatives"

urlpatterns = [
    path(
        "",
        coming_soon,
        {"template": "initiatives/index.html", "title": _("Initiatieven")},
        name="index",
    ),
]
