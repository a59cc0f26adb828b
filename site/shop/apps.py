from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = _("Participatiewinkel")

    def ready(self) -> None:
        from accounts.exports import register_eraser, register_exporter
        from common.schedule import register_job

        from .methods.account import ERASER_COVERS as ADVICE_COVERS
        from .methods.account import erase_user_advice, export_user_advice

        register_exporter("adviesvragen", export_user_advice)
        register_eraser("adviesvragen", erase_user_advice, covers=ADVICE_COVERS)

        from .methods.confirmations import register_advice_confirmation

        register_advice_confirmation()

        from .search import register as register_search

        register_search()

        from .methods.tasks import tell_staff_late as advice_late

        register_job("advice-late", advice_late.enqueue)
