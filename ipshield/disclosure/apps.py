from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "ipshield.disclosure"
    label = "disclosure"
    verbose_name = "案件信息公开 Disclosure"

    def ready(self) -> None:
        from ipshield.disclosure import work  # noqa: F401 - registers the work queues
