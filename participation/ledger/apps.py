from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "participation.ledger"
    label = "ledger"
    verbose_name = _("Terugkoppeling (u zei, wij deden)")

    def ready(self) -> None:
        from common.schedule import register_job

        from .sources import register_builtin_sources
        from .tasks import sync_ledger

        register_builtin_sources()
        register_job("ledger", sync_ledger.enqueue)
