from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "ipshield.cases"
    label = "cases"
    verbose_name = _("行政案件")

    def ready(self) -> None:
        from ipshield.cases import feed, work  # noqa: F401 - registers the work queues and change-feed sources
