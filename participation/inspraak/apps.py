from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    name = "participation.inspraak"
    label = "processes"
    verbose_name = _("Inspraaktrajecten")

    def ready(self) -> None:
        from accounts.desk import register_desk_entry
        from accounts.exports import register_eraser, register_exporter
        from common.schedule import register_job
        from common.wijkpage import register_wijk_part

        from . import calendar, ledger, search
        from .account import ERASER_COVERS, erase_user_contributions, export_user_contributions
        from .tasks import remind_owners
        from .wijk import wijk_part

        ledger.register()
        search.register()
        calendar.register_processes()
        register_wijk_part("inspraak", wijk_part)
        register_job("processes", remind_owners.enqueue)
        register_exporter("inspraak", export_user_contributions)
        register_eraser("inspraak", erase_user_contributions, covers=ERASER_COVERS)

        from .staff.desk import desk_entry

        register_desk_entry(desk_entry())

        from .confirmations import register_confirmations

        register_confirmations()
