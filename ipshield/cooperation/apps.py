from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "ipshield.cooperation"
    label = "cooperation"
    verbose_name = _("协作")

    def ready(self) -> None:
        from ipshield.cooperation import work  # noqa: F401 - registers the work queues and change-feed source
