from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Project-level demo data: asks each domain app for its seed, in dependency order.

    It sits above every domain app (it may import them all; none imports it), so core stays free
    of domain imports.
    """

    name = "ipshield.demo"
    label = "demo"
    verbose_name = _("演示数据")
