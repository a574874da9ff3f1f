from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "ipshield.portal"
    label = "portal"
    verbose_name = "公众门户 Portal"
