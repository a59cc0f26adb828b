from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = _("Gemeenschappelijk")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .pagecache import model_changed

        # Any write to what public pages show makes every cached public page old.
        post_save.connect(model_changed, dispatch_uid="pagecache-save")
        post_delete.connect(model_changed, dispatch_uid="pagecache-delete")
        from .schedule import register_job
        from .tasks import clear_sessions, forget_notification_secrets, publish_scheduled

        # Wagtail's scheduled publishing (pages and snippets with a go-live or expiry date).
        register_job("wagtail-scheduled-publishing", publish_scheduled.enqueue)
        register_job("clearsessions", clear_sessions.enqueue)
        register_job("notification-secrets", forget_notification_secrets.enqueue)
