from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = _("Participatiewinkel")

    def ready(self) -> None:
        from accounts.exports import register_eraser, register_exporter
        from accounts.sections import register_section
        from common.schedule import register_job

        from .agenda.account import ERASER_COVERS as AGENDA_COVERS
        from .agenda.account import (
            erase_user_registrations,
            export_user_registrations,
            my_registrations_section,
        )
        from .agenda.tasks import send_activity_reminders

        register_section("aanmeldingen", my_registrations_section)
        register_exporter("agenda", export_user_registrations)
        register_eraser("agenda", erase_user_registrations, covers=AGENDA_COVERS)

        from .methods.account import ERASER_COVERS as ADVICE_COVERS
        from .methods.account import erase_user_advice, export_user_advice

        register_exporter("adviesvragen", export_user_advice)
        register_eraser("adviesvragen", erase_user_advice, covers=ADVICE_COVERS)
        register_job("agenda-reminders", send_activity_reminders.enqueue)

        from participation.inspraak.calendar import register_calendar_source

        from .agenda.calendar import activity_entries

        register_calendar_source("activiteiten", activity_entries)

        from .agenda.confirmations import register_confirmations
        from .methods.confirmations import register_advice_confirmation

        register_confirmations()
        register_advice_confirmation()

        from .methods.tasks import tell_staff_late as advice_late

        register_job("advice-late", advice_late.enqueue)
