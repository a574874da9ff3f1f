import pytest


@pytest.fixture
def tip_cast(make_user, make_agency):
    return {
        "officer": make_user("officer", "110000", username="officer.bj"),
        "head": None,
        "sh_officer": make_user("officer", "310000", username="officer.sh"),
        "coordinator": make_user("coordinator", "110000", username="coord.bj"),
        "national": make_user("coordinator", "000000", username="coord.cn"),
    }


@pytest.fixture
def head(tip_cast, make_user):
    return make_user("agency_head", agency=tip_cast["officer"].agency, username="head.bj")


@pytest.fixture
def no_captcha(settings):
    settings.IPSHIELD_CAPTCHA = "off"


BODY = {
    "domain": "trademark",
    "description": "某商店销售假冒运动鞋，价格明显低于市场价。",
    "address": "北京市朝阳区建国路88号",
    "target_name": "某某体育用品店",
    "anonymous": True,
}


@pytest.fixture
def submit(client, no_captcha, tip_cast):
    def post(**changes):
        return client.post("/api/v1/public/tips", {**BODY, **changes}, content_type="application/json")

    return post
