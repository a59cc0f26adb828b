from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeldingenConfig(AppConfig):
    name = "meldingen"
    verbose_name = _("Meldingen")

    def ready(self) -> None:
        from accounts.desk import register_desk_entry
        from accounts.exports import register_eraser, register_exporter
        from accounts.sections import register_section
        from common.schedule import register_job
        from common.translation.services import register_translated

        from .models import Melding, StatusChange

        # Machine translations of their texts go with them (erasure, retention).
        for model in (Melding, StatusChange):
            register_translated(model)

        from .account import (
            ERASER_COVERS,
            erase_user_meldingen,
            export_user_meldingen,
            my_meldingen_section,
        )

        register_exporter("meldingen", export_user_meldingen)
        register_eraser("meldingen", erase_user_meldingen, covers=ERASER_COVERS)
        register_section("meldingen", my_meldingen_section)

        from .staff.desk import desk_entry

        register_desk_entry(desk_entry())

        from . import ledger, search

        ledger.register()
        search.register()

        from .confirmations import register_confirmations

        register_confirmations()

        from .tasks import enqueue_housekeeping

        register_job("meldingen", enqueue_housekeeping)
