from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation.wijkbudget"
    label = "participation"
    verbose_name = _("Participatie en wijkbudgetten")

    def ready(self) -> None:
        from accounts.exports import register_eraser, register_exporter
        from accounts.sections import register_section

        from .account import (
            ERASER_COVERS,
            erase_user_budget,
            export_user_budget,
            my_proposals_section,
        )

        register_exporter("wijkbudget", export_user_budget)
        register_eraser("wijkbudget", erase_user_budget, covers=ERASER_COVERS)
        register_section("wijkbudget", my_proposals_section)

        from common.wijkpage import register_wijk_part

        from . import ledger, search
        from .wijk import wijk_part

        ledger.register()
        search.register()
        register_wijk_part("wijkbudget", wijk_part)
