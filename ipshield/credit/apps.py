from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreditConfig(AppConfig):
    name = "ipshield.credit"
    label = "credit"
    verbose_name = _("诚信档案")

    def ready(self) -> None:
        from ipshield.credit import work  # noqa: F401 - registers the work queues
