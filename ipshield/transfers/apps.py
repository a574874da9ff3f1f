from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransfersConfig(AppConfig):
    name = "ipshield.transfers"
    label = "transfers"
    verbose_name = _("两法衔接")

    def ready(self) -> None:
        from ipshield.transfers import feed, work  # noqa: F401 - registers the work queues and change-feed sources
