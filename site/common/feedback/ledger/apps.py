from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    # The label is the app's name in `django_migrations` and its table names (ledger_*): it stays
    # "ledger" wherever the package lives.
    name = "common.feedback.ledger"
    label = "ledger"
    verbose_name = _("Terugkoppeling (u zei, wij deden)")
