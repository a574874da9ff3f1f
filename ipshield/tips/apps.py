from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TipsConfig(AppConfig):
    name = "ipshield.tips"
    label = "tips"
    verbose_name = _("举报投诉")

    def ready(self) -> None:
        from ipshield.tips import feed, work  # noqa: F401 - registers the work queues and change-feed sources
