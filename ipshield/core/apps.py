from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ipshield.core"
    label = "core"
    verbose_name = _("基础数据与账号")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.backends.signals import connection_created

        from ipshield.core.audit import register_sqlite_functions
        from ipshield.core.middleware import mark_session_start

        # SQLite's audit DELETE trigger asks a function of the application's own connections.
        connection_created.connect(register_sqlite_functions, dispatch_uid="ipshield-sqlite-functions")
        # Django's own login hook (every login path: page, admin, tests) starts the session clocks.
        user_logged_in.connect(mark_session_start, dispatch_uid="ipshield-session-start")
