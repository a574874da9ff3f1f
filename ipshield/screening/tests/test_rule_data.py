"""The shipped rule data keeps the researched file's offence ids, metrics, thresholds and sources."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

SHARED = Path(settings.BASE_DIR).parent / "shared" / "reference" / "legal-rules.yaml"


def _triggers(version):
    found = list(version.get("triggers") or [])
    for sub in (version.get("sub_rules") or {}).values():
        found.extend(sub.get("triggers") or [])
    return found


def _signature(document):
    rows = []
    for offence in document["offences"]:
        for version in offence["versions"]:
            for trigger in _triggers(version):
                rows.append(
                    (
                        offence["id"],
                        str(version["valid_from"]),
                        str(version.get("valid_to")),
                        trigger["metric"],
                        trigger["operator"],
                        str(trigger["value"]),
                        trigger["confidence"],
                        trigger.get("formula"),
                    )
                )
    return rows


@pytest.fixture(scope="module")
def shipped():
    with open(settings.IPSHIELD_RULES_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside the checkout")
def test_shipped_copy_has_every_offence_version_and_trigger_of_the_source(shipped):
    with open(SHARED, encoding="utf-8") as handle:
        source = yaml.safe_load(handle)
    assert [o["id"] for o in shipped["offences"]] == [o["id"] for o in source["offences"]]
    assert _signature(shipped) == _signature(source)
    assert set(source["sources"]) == set(shipped["sources"])


def test_every_version_keeps_its_sources_and_every_trigger_its_confidence(rulebook):
    for offence in rulebook.offences.values():
        for version in offence.versions:
            assert version.sources, version.label
            for trigger in version.triggers:
                assert trigger.confidence in {"confirmed", "secondary", "recalled"}


def test_contract_offence_ids_are_present(rulebook):
    assert {
        "produce_sell_fake_shoddy_products",
        "counterfeit_registered_trademark",
        "sell_goods_with_counterfeit_trademark",
        "illegally_make_sell_trademark_marks",
        "counterfeit_patent",
        "copyright_infringement",
        "sell_infringing_copies",
        "infringe_trade_secrets",
        "illegal_business_operations",
    } <= set(rulebook.offences)
