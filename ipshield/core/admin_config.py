"""Replaces "django.contrib.admin" in INSTALLED_APPS so that admin.site is the project's own site
(core.admin_site: branded, behind two factors). Kept apart: an app config module must import
nothing that needs the app registry."""

from django.contrib.admin.apps import AdminConfig


class IpshieldAdminConfig(AdminConfig):
    default_site = "ipshield.core.admin_site.IpshieldAdminSite"
