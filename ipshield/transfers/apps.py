from django.apps import AppConfig


class TransfersConfig(AppConfig):
    name = "ipshield.transfers"
    label = "transfers"
    verbose_name = "两法衔接 Transfers"

    def ready(self) -> None:
        from ipshield.transfers import work  # noqa: F401 - registers the work queues
