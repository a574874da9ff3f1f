import pytest
import yaml
from django.conf import settings

from ipshield.screening.engine import RuleBook


@pytest.fixture(scope="session")
def rulebook():
    with open(settings.IPSHIELD_RULES_FILE, encoding="utf-8") as handle:
        return RuleBook.from_document(yaml.safe_load(handle))
