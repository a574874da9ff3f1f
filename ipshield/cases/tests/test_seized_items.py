"""涉案物品 by page and API (issue 11 §4: parties and seized items): own agency only, open cases only,
bad figures refused with nothing written; the transfer manifest lists what was recorded."""

import pytest

from ipshield.cases.models import SeizedItem

pytestmark = pytest.mark.django_db

CASE = {
    "title": "某仓库存放假冒运动鞋案",
    "domain": "trademark",
    "parties": [{"kind": "enterprise", "name": "某商贸有限公司", "uscc": "91350100M000100Y43"}],
    "seized_items": [{"name": "假冒运动鞋", "quantity": 1200, "unit": "双", "value_yuan": 96000}],
}


def test_items_recorded_at_creation_and_later_are_listed(api, officer):
    client = api(officer)
    created = client.post("/api/v1/cases", CASE)
    assert created.status_code == 201, created.content
    case_id = created.json()["id"]
    added = client.post(
        f"/api/v1/cases/{case_id}/seized-items", {"name": "商标标识", "quantity": "5000.5", "unit": "枚"}
    )
    assert added.status_code == 201, added.content
    listed = client.get(f"/api/v1/cases/{case_id}/seized-items").json()
    assert [(i["name"], float(i["quantity"]), i["unit"]) for i in listed] == [
        ("假冒运动鞋", 1200.0, "双"),
        ("商标标识", 5000.5, "枚"),
    ]


@pytest.mark.parametrize(
    "item",
    [
        {"name": "", "quantity": 1},
        {"name": "x", "quantity": 0},
        {"name": "x", "quantity": -3},
        {"name": "x", "quantity": 10**30},
        {"name": "x", "quantity": "many"},
        {"name": "x", "quantity": 1, "value_yuan": -1},
        {"name": "x" * 201, "quantity": 1},
        {"name": "x", "quantity": 1, "unit": "u" * 17},
        {"name": {"deep": [[[1]]]}, "quantity": 1},
    ],
)
def test_bad_items_are_422_and_nothing_is_written(api, officer, item):
    client = api(officer)
    case_id = client.post("/api/v1/cases", {**CASE, "seized_items": []}).json()["id"]
    response = client.post(f"/api/v1/cases/{case_id}/seized-items", item)
    assert response.status_code == 422, response.content
    assert not SeizedItem.objects.exists()
    refused = client.post("/api/v1/cases", {**CASE, "seized_items": [item]})
    assert refused.status_code == 422


def test_only_the_cases_agency_adds_items(api, officer, make_user, client):
    case_id = api(officer).post("/api/v1/cases", {**CASE, "seized_items": []}).json()["id"]
    outsider = make_user("officer", "310000", username="officer.sh.items")
    assert api(outsider).post(f"/api/v1/cases/{case_id}/seized-items", {"name": "x", "quantity": 1}).status_code == 404
    assert api(outsider).get(f"/api/v1/cases/{case_id}/seized-items").status_code == 404
    procurator = make_user("procurator", "110000", username="proc.bj.items")
    assert (
        api(procurator).post(f"/api/v1/cases/{case_id}/seized-items", {"name": "x", "quantity": 1}).status_code == 403
    )
    client.force_login(outsider)
    assert client.post(f"/cases/{case_id}/seized-items/", {"item-name": "x", "item-quantity": "1"}).status_code == 404
    assert not SeizedItem.objects.exists()


def test_the_case_page_lists_and_adds_items(client, officer, api):
    case_id = api(officer).post("/api/v1/cases", CASE).json()["id"]
    client.force_login(officer)
    page = client.get(f"/cases/{case_id}/").content.decode()
    assert "假冒运动鞋" in page
    assert "1200 双" in page
    response = client.post(
        f"/cases/{case_id}/seized-items/", {"item-name": "包装盒", "item-quantity": "300", "item-unit": "个"}
    )
    assert response.status_code == 302
    assert "包装盒" in client.get(f"/cases/{case_id}/").content.decode()
    client.post(f"/cases/{case_id}/seized-items/", {"item-name": "包装盒", "item-quantity": "-1", "item-unit": "个"})
    assert SeizedItem.objects.count() == 2
