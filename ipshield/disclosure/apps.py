from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "ipshield.disclosure"
    label = "disclosure"
    verbose_name = _("案件信息公开")

    def ready(self) -> None:
        from ipshield.disclosure import work  # noqa: F401 - registers the work queues
