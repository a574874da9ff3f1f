from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "ipshield.screening"
    label = "screening"
    verbose_name = _("立案标准筛查")
