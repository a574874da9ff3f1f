import datetime as dt

import pytest

from ipshield.cases.services import case_create

SUSPECTED_FACTS = {"illegal_business_amount_yuan": 60000}
BELOW_FACTS = {"illegal_business_amount_yuan": 10000}


@pytest.fixture
def new_case(officer):
    def make(user=None, facts=None, **data):
        payload = {
            "title": "某商贸公司假冒注册商标案",
            "domain": "trademark",
            "offence": "counterfeit_registered_trademark",
            "conduct_date": dt.date(2025, 9, 1),
            "facts": BELOW_FACTS if facts is None else facts,
            "facts_text": "现场查获假冒运动鞋",
            **data,
        }
        return case_create(actor=user or officer, data=payload)

    return make
