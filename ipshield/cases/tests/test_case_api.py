"""/api/v1/cases: create, list with filters and pagination, detail with screening, PATCH."""

import pytest

pytestmark = pytest.mark.django_db

BODY = {
    "title": "某公司销售假冒白酒案",
    "domain": "trademark",
    "offence": "sell_goods_with_counterfeit_trademark",
    "conduct_date": "2025-08-01",
    "facts": {"sales_amount_yuan": 52000},
    "parties": [
        {"kind": "enterprise", "name": "某商贸有限公司", "uscc": "91350100M000100Y43"},
        {"kind": "person", "name": "张三", "resident_id": "11010519491231002X"},
    ],
}


def test_create_returns_201_with_screening_and_masked_parties(api, officer):
    response = api(officer).post("/api/v1/cases", BODY)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["screening"]["outcome"] == "suspected_crime"
    assert body["screening_outcome"] == "suspected_crime"
    assert body["parties"][1]["resident_id_masked"] == "110105********002X"
    assert "11010519491231002X" not in response.content.decode()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"domain": "nonsense"}, "domain"),
        ({"title": ""}, "title"),
        ({"region_code": "12"}, "region_code"),
        ({"region_code": "999999"}, "region_code"),
        ({"facts": {"made_up": 1}}, "facts"),
        ({"offence": "not_an_offence"}, "offence"),
        ({"parties": [{"kind": "enterprise", "name": "x", "uscc": "91350100M000100Y44"}]}, "uscc"),
        ({"parties": [{"kind": "person", "name": "x", "resident_id": "110105194912310021"}]}, "resident_id"),
    ],
)
def test_bad_input_is_422_and_nothing_is_written(api, officer, change, field):
    from ipshield.cases.models import Case, Party

    response = api(officer).post("/api/v1/cases", {**BODY, **change})
    assert response.status_code == 422, response.content
    assert field in str(response.json()["error"]["fields"]) or field in response.json()["error"]["message"]
    assert Case.objects.count() == 0
    assert Party.objects.count() == 0


def test_police_cannot_create_cases(api, make_user):
    response = api(make_user("police")).post("/api/v1/cases", BODY)
    assert response.status_code == 403


def test_list_filters_and_paginates(api, officer):
    client = api(officer)
    for i in range(3):  # three different small traders: nothing to sum
        client.post(
            "/api/v1/cases",
            {
                **BODY,
                "title": f"案件{i}",
                "facts": {"sales_amount_yuan": 1000 * (i + 1)},
                "parties": [{"kind": "person", "name": f"个体户{i}"}],
            },
        )
    client.post("/api/v1/cases", BODY)
    page = client.get("/api/v1/cases?page_size=2").json()
    assert page["count"] == 4
    assert len(page["items"]) == 2
    assert "page=2" in page["next"]
    suspected = client.get("/api/v1/cases?screening=suspected_crime").json()
    assert suspected["count"] == 1
    assert client.get("/api/v1/cases?q=案件1").json()["count"] == 1
    assert client.get("/api/v1/cases?page_size=1000").status_code == 422


def test_patch_rescreens_and_detects_conflicts(api, officer):
    client = api(officer)
    created = client.post("/api/v1/cases", BODY).json()
    patched = client.patch(
        f"/api/v1/cases/{created['id']}", {"revision": created["revision"], "facts": {"sales_amount_yuan": 1000}}
    )
    assert patched.status_code == 200
    assert patched.json()["screening"]["outcome"] == "below_threshold"
    stale = client.patch(f"/api/v1/cases/{created['id']}", {"revision": created["revision"], "title": "x"})
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "conflict"


def test_unauthenticated_is_401(client):
    assert client.get("/api/v1/cases").status_code == 401


def test_a_repeat_asserted_by_api_needs_its_outside_record_and_returns_it(api, officer):
    from ipshield.cases.models import Case

    client = api(officer)
    repeat = {**BODY, "facts": {"sales_amount_yuan": 35000, "prior_penalty_within_2y": True}}
    refused = client.post("/api/v1/cases", repeat)
    assert refused.status_code == 422
    assert "prior_penalty_note" in refused.json()["error"]["fields"]
    assert not Case.objects.exists()
    assert client.post("/api/v1/cases", {**repeat, "prior_penalty_note": "a\x00b"}).status_code == 400  # NUL byte

    note = "冀石市监罚〔2024〕31号，2024-11-05"
    created = client.post("/api/v1/cases", {**repeat, "prior_penalty_note": note})
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["prior_penalty_note"], body["screening"]["outcome"]) == (note, "suspected_crime")
    # clearing the note while the fact stays asserted is refused; dropping the fact with it is not
    patch = client.patch(f"/api/v1/cases/{body['id']}", {"prior_penalty_note": ""})
    assert patch.status_code == 422
    patch = client.patch(
        f"/api/v1/cases/{body['id']}", {"prior_penalty_note": "", "facts": {"sales_amount_yuan": 35000}}
    )
    assert patch.status_code == 200, patch.content
    assert patch.json()["screening"]["outcome"] == "below_threshold"
