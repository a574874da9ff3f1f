"""Replaces "django.contrib.admin" in INSTALLED_APPS so that admin.site is the project's own site
(core.admin_site: branded, behind two factors). Kept apart: an app config module must import
nothing that needs the app registry."""

from axes.apps import AppConfig as _AxesConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as _OtpStaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as _OtpTotpConfig
from django_tasks.apps import TasksAppConfig as _TasksConfig
from django_tasks_db.apps import TasksAppConfig as _TasksDatabaseConfig


class IpshieldAdminConfig(AdminConfig):
    default_site = "ipshield.core.admin_site.IpshieldAdminSite"


# Third-party apps under names a back-office user reads (their own are English-only).
class AxesConfig(_AxesConfig):  # type: ignore[misc]  # untyped package
    verbose_name = _("登录失败记录")


class TasksConfig(_TasksConfig):
    verbose_name = _("后台任务")


class TasksDatabaseConfig(_TasksDatabaseConfig):
    verbose_name = _("后台任务队列")  # type: ignore[assignment]  # a lazy string serves where str is declared


class OtpTotpConfig(_OtpTotpConfig):  # type: ignore[misc]  # untyped package
    verbose_name = _("动态验证码设备")


class OtpStaticConfig(_OtpStaticConfig):  # type: ignore[misc]  # untyped package
    verbose_name = _("恢复码")
