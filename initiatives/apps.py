from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatieven")

    def ready(self) -> None:
        from accounts.exports import register_eraser, register_exporter
        from accounts.sections import register_section
        from common.schedule import register_job
        from common.translation.services import register_translated

        from .models import Initiative, InitiativeEvent, Message

        # Machine translations of their texts go with them (erasure, retention).
        for model in (Initiative, InitiativeEvent, Message):
            register_translated(model)

        from .account import (
            ERASER_COVERS,
            erase_user_initiatives,
            export_user_initiatives,
            my_bookings_section,
            my_initiatives_section,
        )
        from .tasks import housekeeping

        register_exporter("initiatieven", export_user_initiatives)
        register_eraser("initiatieven", erase_user_initiatives, covers=ERASER_COVERS)
        register_section("initiatieven", my_initiatives_section)
        register_section("afspraken", my_bookings_section)

        from . import ledger, search

        search.register()

        ledger.register()
        # Reminders the day before a spreekuur appointment, and brokers told of late work.
        register_job("initiatives", housekeeping.enqueue)

        from accounts.desk import register_desk_entry

        from .staff.desk import desk_entry

        register_desk_entry(desk_entry())

        from .confirmations import register_confirmations

        register_confirmations()
