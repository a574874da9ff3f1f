from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "ipshield.screening"
    label = "screening"
    verbose_name = "筛查规则 Screening"
