"""The cascading region picker: names first, codes beside them, the deepest consistent choice wins."""

import pytest

from ipshield.core.region_picker import chosen_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("regions")]


def test_the_deepest_consistent_choice_wins():
    assert chosen_code(["110000", "110100", "110105"]) == "110105"
    assert chosen_code(["110000", "110100", ""]) == "110100"
    assert chosen_code(["110000", "", ""]) == "110000"
    # a province changed while the old prefecture and county are still selected below it
    assert chosen_code(["310000", "110100", "110105"]) == "310000"
    assert chosen_code(["", "", ""]) == ""
    assert chosen_code(["abc", "9" * 40, "11000\x00"]) == ""


def test_choosing_a_province_lists_its_prefectures_by_name(client):
    html = client.get("/regions/picker/", {"field": "region", "region": ["110000", "", ""]}).content.decode()
    assert '<option value="110000" selected>北京市</option>' in html
    assert "110100" in html  # 市辖区 now offered one level down
    assert "北京市" in html


def test_search_finds_a_county_with_its_city(client):
    html = client.get("/regions/picker/", {"field": "region", "region__q": "朝阳"}).content.decode()
    assert "朝阳区（北京市）" in html
    assert "110105" in html
    empty = client.get("/regions/picker/", {"field": "region", "region__q": "不存在的地方"}).content.decode()
    assert "没有匹配的地区" in empty


@pytest.mark.parametrize(
    "params",
    [
        {"field": "x" * 500, "x": "110000"},
        {"field": "<script>", "region": "110000"},
        {"field": "region", "region": "9" * 100},
        {"field": "region", "region__q": "%" * 200},
    ],
)
def test_bad_picker_input_is_harmless(client, params):
    response = client.get("/regions/picker/", params)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_case_list_filters_by_the_picked_county(client, make_user):
    from ipshield.cases.services import case_create

    officer = make_user("officer", "110000", username="officer.picker")
    case_create(actor=officer, data={"title": "朝阳案", "domain": "trademark", "region_code": "110105"}, parties=[])
    case_create(actor=officer, data={"title": "海淀案", "domain": "trademark", "region_code": "110108"}, parties=[])
    client.force_login(officer)
    html = client.get("/cases/", {"region": ["110000", "110100", "110105"]}).content.decode()
    assert "朝阳案" in html
    assert "海淀案" not in html
    assert '<option value="110105" selected>朝阳区</option>' in html
