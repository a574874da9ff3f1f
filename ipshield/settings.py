"""ipshield settings, read from the environment (see README.md for every variable)."""

from __future__ import annotations

import sys
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from ipshield.env import (
    ImproperlyConfiguredError,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("IPSHIELD_DATA_DIR", str(BASE_DIR / "var"))).resolve()
TESTING = "pytest" in sys.modules or env_bool("IPSHIELD_TESTING")

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-never-use-in-production"
    else:
        raise ImproperlyConfiguredError(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment (or DEBUG=true for local work);"
            " `make run` generates one under var/ for the demo."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "ipshield.core.admin_config.IpshieldAdminConfig",  # Django admin behind two factors (core.admin_site)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "ipshield.core.admin_config.AxesConfig",  # axes, named for the back office
    "ipshield.core.admin_config.TasksConfig",
    "ipshield.core.admin_config.TasksDatabaseConfig",
    "django_otp",
    "ipshield.core.admin_config.OtpTotpConfig",
    "ipshield.core.admin_config.OtpStaticConfig",
    "ninja",
    "ipshield.core",
    "ipshield.screening",
    "ipshield.cases",
    "ipshield.transfers",
    "ipshield.tips",
    "ipshield.credit",
    "ipshield.disclosure",
    "ipshield.stats",
    "ipshield.cooperation",
    "ipshield.portal",
    "ipshield.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "ipshield.core.middleware.RejectNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ipshield.core.middleware.SessionLifetimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "ipshield.core.middleware.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ipshield.urls"
WSGI_APPLICATION = "ipshield.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "ipshield.core.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {"default": database_from_url(env_str("DATABASE_URL"), sqlite_path=DATA_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests create hundreds of users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "portal:home"

# Login brute force (django-axes): 5 failures lock the account for 15 minutes, from whatever
# addresses they come (guesses spread over six addresses locked nothing when counted per pair).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "ipshield.core.ratelimit.client_address"
# Attempts per client address are throttled by core.ratelimit (login page and token endpoint), not
# by an address lockout that one office behind NAT would trip for everyone: hence axes.W006.
IPSHIELD_LOGIN_ATTEMPTS_PER_15_MIN = env_int("IPSHIELD_LOGIN_ATTEMPTS_PER_15_MIN", 30)
SILENCED_SYSTEM_CHECKS = ["axes.W006", "security.W021"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ipshield.core.views.lockout_response"
AXES_VERBOSE = False

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING or DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = TESTING or DEBUG
MEDIA_ROOT = DATA_DIR / "media"
ATTACHMENT_ROOT = DATA_DIR / "attachments"
ATTACHMENT_MAX_BYTES = env_int("IPSHIELD_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)
# Every upload is scanned: "auto" uses ClamAV's clamd when its socket exists; "off"; or a dotted
# path to a callable(bytes) -> signature name | None (core.files.virus_scanner).
IPSHIELD_VIRUS_SCANNER = env_str("IPSHIELD_VIRUS_SCANNER", "auto")
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Two factors (core.twofactor): "required" enforces a verified session before identity reveals,
# blacklist writes, admin pages and API tokens for people; `make run`'s local demo sets "optional".
IPSHIELD_2FA = env_str("IPSHIELD_2FA", "required")
OTP_TOTP_ISSUER = "ipshield"

# Sessions end after 30 idle minutes and 12 hours in all (core.middleware.SessionLifetimeMiddleware).
SESSION_IDLE_SECONDS = env_int("IPSHIELD_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_ABSOLUTE_SECONDS = env_int("IPSHIELD_SESSION_ABSOLUTE_SECONDS", 12 * 3600)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-less meta tag instead
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every asset is served by the project: no CDN, no inline script or style (django-csp; the API docs
# and the admin get 'unsafe-inline' in core.middleware.ContentSecurityPolicyMiddleware). Browsers
# report violations to /csp-report/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
        "report-uri": "/csp-report/",
    }
}

# Clients and proxies. Behind N reverse proxies that append X-Forwarded-For (and set
# X-Forwarded-Proto), set IPSHIELD_TRUSTED_PROXY_HOPS=N; rate limits and the login lockout then use
# the address the outermost trusted proxy saw, never one a client wrote itself.
IPSHIELD_TRUSTED_PROXY_HOPS = env_int("IPSHIELD_TRUSTED_PROXY_HOPS", 0)
if IPSHIELD_TRUSTED_PROXY_HOPS > 0:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# HTTPS: on by default outside DEBUG (secure cookies, HSTS, redirect). `make run` serves the local
# demo on plain http://127.0.0.1 and says so by setting IPSHIELD_HTTPS=false.
IPSHIELD_HTTPS = env_bool("IPSHIELD_HTTPS", not DEBUG and not TESTING)
SESSION_COOKIE_SECURE = IPSHIELD_HTTPS
CSRF_COOKIE_SECURE = IPSHIELD_HTTPS
SECURE_SSL_REDIRECT = IPSHIELD_HTTPS
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if IPSHIELD_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = IPSHIELD_HTTPS and env_bool("IPSHIELD_HSTS_INCLUDE_SUBDOMAINS", True)
# Browsers' preload list is for the public internet; government intranets cannot be on it (security.W021).
SECURE_HSTS_PRELOAD = False
# /healthz answers load balancers over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# One cache shared by every worker (rate limits, single-use CAPTCHA tokens): Redis when
# CACHE_URL names it, else a table in the database so that `make run` needs no other service.
CACHE_URL = env_str("CACHE_URL")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "ipshield_cache"}}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ipshield@localhost")

IPSHIELD_DEMO_PASSWORD_DEFAULT = "ipshield-demo-2026"
IPSHIELD_CAPTCHA = env_str("IPSHIELD_CAPTCHA", "on")
# 应移未移: a suspected crime with no transfer proposed this many days after screening.
IPSHIELD_TRANSFER_GRACE_DAYS = env_int("IPSHIELD_TRANSFER_GRACE_DAYS", 3)
# Public tips: per-client limits (submissions and wrong status lookups) and the photo size limit.
IPSHIELD_TIP_RATE_PER_HOUR = env_int("IPSHIELD_TIP_RATE_PER_HOUR", 20)
IPSHIELD_TIP_LOOKUP_FAILURES = env_int("IPSHIELD_TIP_LOOKUP_FAILURES", 10)
IPSHIELD_TIP_FILE_MAX_BYTES = env_int("IPSHIELD_TIP_FILE_MAX_BYTES", 10 * 1024 * 1024)
IPSHIELD_FIELD_KEY = env_str("IPSHIELD_FIELD_KEY")
# Signs the audit chain heads auditors keep (core.audit.chain_head); derived from SECRET_KEY when unset.
IPSHIELD_AUDIT_KEY = env_str("IPSHIELD_AUDIT_KEY")
IPSHIELD_CREDIT_QUERIES_PER_HOUR = env_int("IPSHIELD_CREDIT_QUERIES_PER_HOUR", 120)
IPSHIELD_REPAIR_RATE_PER_HOUR = env_int("IPSHIELD_REPAIR_RATE_PER_HOUR", 10)  # public credit-repair applications
IPSHIELD_CREDIT_FREE_QUERIES = env_int("IPSHIELD_CREDIT_FREE_QUERIES", 5)  # per hour, then a CAPTCHA
# Official letters: an agency installs its licensed 仿宋/小标宋 and names them here.
IPSHIELD_LETTER_FONT = env_str("IPSHIELD_LETTER_FONT", "Noto Serif CJK SC")
# Case-ledger imports: size and row caps; more rows than IPSHIELD_IMPORT_SYNC_ROWS run in the background.
IPSHIELD_IMPORT_MAX_BYTES = env_int("IPSHIELD_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
IPSHIELD_IMPORT_MAX_ROWS = env_int("IPSHIELD_IMPORT_MAX_ROWS", 5000)
IPSHIELD_IMPORT_SYNC_ROWS = env_int("IPSHIELD_IMPORT_SYNC_ROWS", 200)
IPSHIELD_RULES_FILE = PACKAGE_DIR / "screening" / "rules" / "legal-rules.yaml"

# Background work (core.jobs): Django's task API. The database queue by default (`make run` starts
# `manage.py db_worker` and `manage.py tasks_schedule`); tasks run at once in tests.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend" if TESTING else "django_tasks_db.DatabaseBackend"
        )
    }
}
# Domain events (core.events, ADR 0005): who acts when another domain completes something. Run in
# the emitter's transaction, in this order.
IPSHIELD_EVENT_SUBSCRIBERS = {
    "case.decided": [
        "ipshield.credit.services.record_penalty",  # the integrity archive counts the penalty
        "ipshield.disclosure.services.disclosure_draft",  # the 20-working-day publication clock starts
        "ipshield.cooperation.services.lead_case_concluded",  # the agency that sent the lead hears the outcome
    ],
    "case.concluded": [
        "ipshield.cooperation.services.lead_case_concluded",  # not filed, withdrawn, transferred or closed
    ],
    "case.party_adding": [
        "ipshield.credit.merging.party_archive_key",  # a party spelled as a merged archive record is that record
    ],
}
# Records of punishment kept by domains above cases, asked by the 二年内再犯 derivation (cases.cumulative).
IPSHIELD_PRIOR_PUNISHMENT_SOURCES = ["ipshield.transfers.criminal_steps.prior_judgments"]
# Periodic tasks: (name, task, interval in seconds).
IPSHIELD_SCHEDULE = [
    ("transfers-remind", "ipshield.transfers.tasks.transfers_remind", 3600),
    ("credit-expire", "ipshield.credit.tasks.credit_expire", 24 * 3600),
    ("retention", "ipshield.core.tasks.retention", 24 * 3600),
    ("warning-sweep", "ipshield.stats.tasks.warning_sweep", 24 * 3600),
    ("cooperation-sweep", "ipshield.cooperation.tasks.cooperation_sweep", 3600),
]
# Retention (core.retention, docs/personal-data.md): (rule, function, days kept). The audit log is
# not in it: it is kept (at least six months, 网络安全法 art. 21).
IPSHIELD_RETENTION = [
    ("reporter-identity", "ipshield.tips.retention.erase_identities", env_int("IPSHIELD_KEEP_REPORTER_DAYS", 3 * 365)),
    ("login-records", "ipshield.core.retention.login_records", env_int("IPSHIELD_KEEP_LOGIN_DAYS", 180)),
    ("finished-jobs", "ipshield.core.retention.finished_jobs", 30),
    ("rate-counters", "ipshield.core.retention.expired_rate_counters", 0),
    ("sessions", "ipshield.core.retention.expired_sessions", 0),
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

SITE_TITLE = _("知识产权保护与打击假冒协同平台")
