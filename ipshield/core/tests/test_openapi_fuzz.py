"""R2: schemathesis generates requests from the OpenAPI document (valid and invalid) and sends
them as the public and as each role: no server error, no status the document does not list.
Bounded and derandomised so the suite stays fast and repeatable."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from ipshield.core.testing import token_request
from ipshield.wsgi import application

# The six cooperation kinds share one router (cooperation/api.py kind_router): each kind's create
# schema is fuzzed, the shared list/detail/evidence/step routes through /leads only (the same code
# five more times cost ~140 tests × 6 examples per database run).
SAME_CODE = r"^(/api/v1)?/(assistance-requests|joint-cases|supervised-cases|campaigns|consultations)"
schema = (
    schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    .exclude(path_regex=SAME_CODE + r"/\{record_id\}(/evidence|/\{action\})?$")
    .exclude(path_regex=SAME_CODE + "$", method="GET")
)
ROLES = ["anonymous", "officer", "agency_head", "police", "procurator", "coordinator", "bank"]
FUZZ = settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(params=ROLES)
def role_headers(request: Any, make_user: Any, client: Any, settings: Any) -> dict[str, str]:
    settings.IPSHIELD_CAPTCHA = "off"
    settings.IPSHIELD_TIP_RATE_PER_HOUR = 100_000
    settings.IPSHIELD_CREDIT_QUERIES_PER_HOUR = 100_000
    settings.IPSHIELD_REPAIR_RATE_PER_HOUR = 100_000
    settings.IPSHIELD_LOGIN_ATTEMPTS_PER_15_MIN = 100_000
    if request.param == "anonymous":
        return {}
    user = make_user(request.param, "110000", username=f"fuzz.{request.param}")
    token = token_request(client, user).json()["token"]
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.django_db
@schema.parametrize()
@FUZZ
def test_no_server_error_and_no_undocumented_status(case: Any, role_headers: dict[str, str]) -> None:
    # Requests go straight to the WSGI app: like Django's test client, keep the test's database
    # connection (and its transaction) open across them.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        case.call_and_validate(headers=role_headers, checks=[not_a_server_error, status_code_conformance])
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
