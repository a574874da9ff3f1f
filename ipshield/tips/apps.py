from django.apps import AppConfig


class TipsConfig(AppConfig):
    name = "ipshield.tips"
    label = "tips"
    verbose_name = "举报投诉 Tips"

    def ready(self) -> None:
        from ipshield.tips import work  # noqa: F401 - registers the work queues
