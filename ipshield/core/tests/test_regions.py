import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from ipshield.core import regions
from ipshield.core.models import Region, validate_region_code_exists


@pytest.mark.parametrize(
    ("code", "prefix", "level"),
    [
        ("000000", "", "national"),
        ("110000", "11", "province"),
        ("110100", "1101", "prefecture"),
        ("110105", "110105", "county"),
        ("441900", "4419", "prefecture"),
    ],
)
def test_subtree_prefix_and_level(code, prefix, level):
    assert regions.subtree_prefix(code) == prefix
    assert regions.level_of(code) == level


def test_contains_is_by_prefix():
    assert regions.contains("110000", "110105")
    assert regions.contains("110100", "110105")
    assert not regions.contains("310000", "110105")
    assert regions.contains("000000", "650102")


def test_loader_is_complete_and_idempotent(regions, capsys):
    assert Region.objects.filter(level="province").count() == 31
    assert Region.objects.filter(level="prefecture").count() == 342
    assert Region.objects.filter(level="county").count() == 2975  # 2,978 rows minus 3 cities without counties
    assert Region.objects.get(code="110105").name == "朝阳区"
    call_command("core_load_regions")
    assert "up to date" in capsys.readouterr().out


def test_region_tree_has_parents(regions):
    chaoyang = Region.objects.select_related("parent__parent").get(code="110105")
    assert chaoyang.parent.code == "110100"
    assert chaoyang.parent.parent.code == "110000"
    assert chaoyang.full_name == "北京市朝阳区"


@pytest.mark.parametrize("code", ["999999", "11010", "abcdef", ""])
def test_unknown_region_code_is_refused(regions, code):
    with pytest.raises(ValidationError):
        validate_region_code_exists(code)
