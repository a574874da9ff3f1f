"""gunicorn settings for `make run` and deployments (`gunicorn -c python:ipshield.gunicorn_conf`).

Privacy (PIPL; issue 10): the access log never records a client address or user agent, and
requests to the public tip routes are not logged at all: with `received_at` in the database, an
address and a time beside a tip POST would identify the reporter.
"""

from __future__ import annotations

import os
from typing import Any

from gunicorn.glogging import Logger

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_WORKERS", "2"))
accesslog = "-"
loglevel = "warning"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'  # no %(h)s address, no query, no user agent

UNLOGGED_PREFIXES = ("/tips/report", "/tips/status", "/api/v1/public/tips", "/credit/repair", "/api/v1/public/credit")


class PrivacyLogger(Logger):  # type: ignore[misc]
    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if str(environ.get("PATH_INFO", "")).startswith(UNLOGGED_PREFIXES):
            return
        super().access(resp, req, environ, request_time)


logger_class = PrivacyLogger
