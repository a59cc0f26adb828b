from django.urls import path
from django.utils.translation import gettext_lazy as _

from common.views import coming_soon

app_name = "shop"

urlpatterns = [
    path(
        "agenda/",
        coming_soon,
        {"template": "shop/agenda.html", "title": _("Agenda")},
        name="agenda",
    ),
]
