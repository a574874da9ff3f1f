from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "ipshield.stats"
    label = "stats"
    verbose_name = _("统计")

    def ready(self) -> None:
        from ipshield.stats import work  # noqa: F401 - registers the alert queue and change-feed source
