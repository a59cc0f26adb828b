from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "participation.agenda"
    label = "agenda"
    verbose_name = _("Agenda")

    def ready(self) -> None:
        from accounts.desk import register_desk_entry
        from accounts.exports import register_eraser, register_exporter
        from accounts.sections import register_section
        from common.calendar import register_calendar_source
        from common.schedule import register_job
        from common.wijkpage import register_wijk_part

        from .account import (
            ERASER_COVERS,
            erase_user_registrations,
            export_user_registrations,
            my_registrations_section,
        )
        from .calendar import activity_entries
        from .confirmations import register_confirmations
        from .search import register as register_search
        from .tasks import send_activity_reminders
        from .wijk import wijk_part

        register_section("aanmeldingen", my_registrations_section)
        register_exporter("agenda", export_user_registrations)
        register_eraser("agenda", erase_user_registrations, covers=ERASER_COVERS)
        register_job("agenda-reminders", send_activity_reminders.enqueue)
        register_calendar_source("activiteiten", activity_entries)
        register_wijk_part("agenda", wijk_part)
        register_search()
        register_confirmations()

        from .staff.desk import desk_entry

        register_desk_entry(desk_entry())
