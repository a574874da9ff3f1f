"""POST /api/v1/screening: the contract of ARCHITECTURE §6 and its bad input."""

import pytest

pytestmark = pytest.mark.django_db
URL = "/api/v1/screening"


def post(client, body, **extra):
    return client.post(URL, body, content_type="application/json", **extra)


def test_suspected_case_returns_the_contract_fields(client):
    response = post(
        client,
        {
            "offence": "counterfeit_registered_trademark",
            "conduct_date": "2025-06-01",
            "handling_date": "2025-07-01",
            "facts": {"illegal_business_amount_yuan": 50000},
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert {"offence", "outcome", "hits", "near_threshold", "rule_version", "explanation"} <= set(body)
    assert body["outcome"] == "suspected_crime"
    assert body["rule_version"] == "counterfeit_registered_trademark@2025-04-26"
    hit = body["hits"][0]
    assert hit["metric"] == "illegal_business_amount_yuan"
    assert hit["value"] == 50000
    assert hit["threshold"] == 50000
    assert hit["confidence"] == "confirmed"
    assert "法释〔2025〕5号" in hit["source"]
    assert "涉嫌犯罪" in body["explanation"]


def test_explanation_follows_accept_language(client):
    response = post(
        client,
        {
            "offence": "counterfeit_registered_trademark",
            "conduct_date": "2025-06-01",
            "facts": {"illegal_business_amount_yuan": 45000},
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    body = response.json()
    assert body["outcome"] == "below_threshold"
    assert body["explanation"].startswith("Counterfeiting a registered trademark")
    assert body["near_threshold"][0]["metric"] == "illegal_business_amount_yuan"


def test_handling_date_defaults_to_today(client):
    from django.utils import timezone

    response = post(
        client,
        {
            "offence": "infringe_trade_secrets",
            "conduct_date": "2021-06-01",
            "facts": {"loss_to_right_holder_yuan": 300000},
        },
    )
    assert response.json()["handling_date"] == timezone.localdate().isoformat()


def test_booleans_stay_booleans(client):
    response = post(
        client,
        {
            "offence": "produce_sell_counterfeit_drugs",
            "conduct_date": "2015-06-01",
            "facts": {"any_production_or_sale_of_counterfeit_drug": True},
        },
    )
    assert response.json()["outcome"] == "suspected_crime"


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        ({"offence": "nope", "conduct_date": "2025-06-01", "facts": {}}, "unknown_offence", "offence"),
        (
            {"offence": "counterfeit_patent", "conduct_date": "2025-06-01", "facts": {"bogus": 1}},
            "unknown_metric",
            "facts.bogus",
        ),
        (
            {"offence": "counterfeit_patent", "conduct_date": "2025-06-01", "facts": {"illegal_gains_yuan": -1}},
            "invalid_fact",
            "facts.illegal_gains_yuan",
        ),
        (
            {"offence": "counterfeit_patent", "conduct_date": "2025-06-01", "facts": {"prior_penalty_within_2y": 3}},
            "invalid_fact",
            "facts.prior_penalty_within_2y",
        ),
        (
            {"offence": "counterfeit_patent", "conduct_date": "not-a-date", "facts": {}},
            "validation_error",
            "conduct_date",
        ),
        ({"offence": "counterfeit_patent", "facts": {}}, "validation_error", "conduct_date"),
        (
            {"offence": "counterfeit_patent", "conduct_date": "2025-06-01", "handling_date": "2025-01-01"},
            "validation_error",
            "handling_date",
        ),
        (
            {"offence": "counterfeit_patent", "conduct_date": "2025-06-01", "facts": {"illegal_gains_yuan": "lots"}},
            "validation_error",
            "facts.illegal_gains_yuan",
        ),
    ],
)
def test_bad_input_is_422_naming_the_field(client, body, code, field):
    response = post(client, body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == code
    assert any(key.startswith(field) for key in error["fields"]), error
    assert error["message"]


def test_unknown_metric_message_in_english(client):
    response = post(
        client,
        {"offence": "counterfeit_patent", "conduct_date": "2025-06-01", "facts": {"bogus": 1}},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.json()["error"]["message"] == "Unknown metric: bogus"


def test_openapi_documents_the_endpoint(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/screening" in spec["paths"]
    assert "422" in spec["paths"]["/api/v1/screening"]["post"]["responses"]
    assert client.get("/api/v1/docs").status_code == 200
