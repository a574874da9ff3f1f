from django.apps import AppConfig


class CreditConfig(AppConfig):
    name = "ipshield.credit"
    label = "credit"
    verbose_name = "诚信档案 Credit"

    def ready(self) -> None:
        from ipshield.credit import work  # noqa: F401 - registers the work queues
