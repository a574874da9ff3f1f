import pytest


@pytest.fixture
def people(make_user):
    """A Beijing market-regulation officer and head, a Beijing bank client, a Shanghai officer."""
    officer = make_user("officer", "110000", username="officer.bj")
    return {
        "officer": officer,
        "head": make_user("agency_head", agency=officer.agency, username="head.bj"),
        "bank": make_user("bank", "110000", username="bank.bj"),
        "sh_officer": make_user("officer", "310000", username="officer.sh"),
    }
