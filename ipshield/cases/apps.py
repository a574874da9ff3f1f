from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "ipshield.cases"
    label = "cases"
    verbose_name = "行政案件 Cases"

    def ready(self) -> None:
        from ipshield.cases import work  # noqa: F401 - registers the work queues
