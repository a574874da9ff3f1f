from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Project-level demo data: asks each domain app for its seed, in dependency order.

    It sits above every domain app (it may import them all; none imports it), so core stays free
    of domain imports.
    """

    name = "ipshield.demo"
    label = "demo"
    verbose_name = "演示数据 Demo"
