from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ipshield.core"
    label = "core"
    verbose_name = "核心 Core"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from ipshield.core.middleware import mark_session_start

        # Django's own login hook (every login path: page, admin, tests) starts the session clocks.
        user_logged_in.connect(mark_session_start, dispatch_uid="ipshield-session-start")
