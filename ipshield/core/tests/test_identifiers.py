import pytest

from ipshield.core.forms import ResidentIdField, USCCField
from ipshield.core.identifiers import (
    IdentifierError,
    mask_phone,
    mask_resident_id,
    validate_resident_id,
    validate_uscc,
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("91350100M000100Y43", "91350100M000100Y43"),  # GB 32100 worked example, corrected check char
        ("91512081MA62K0260E", "91512081MA62K0260E"),
        ("９１５１２０８１ＭＡ６２Ｋ０２６０Ｅ", "91512081MA62K0260E"),  # full-width input folds to half-width
        (" 91512081ma62k0260e ", "91512081MA62K0260E"),
    ],
)
def test_valid_uscc_is_normalised(code, expected):
    assert validate_uscc(code) == expected


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91350100M000100Y4Z", "characters"),  # the standard's own invalid example (Z is not in the alphabet)
        ("91350100M000100Y44", "checksum"),
        ("91350100M000100Y4", "length"),
        ("9135010OM000100Y43", "characters"),  # letter O in the region digits
    ],
)
def test_invalid_uscc_names_the_reason(code, reason):
    with pytest.raises(IdentifierError) as excinfo:
        validate_uscc(code)
    assert excinfo.value.code == reason


@pytest.mark.parametrize("code", ["11010519491231002X", "440524188001010014", "11010519491231002x"])
def test_valid_resident_ids_from_gb11643_annex(code):
    assert validate_resident_id(code) == code.upper()


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("110105194912310021", "checksum"),
        ("11010519491331002X", "birth_date"),
        ("1101051949123100", "length"),
        ("11010519491231002Y", "characters"),
    ],
)
def test_invalid_resident_id_names_the_reason(code, reason):
    with pytest.raises(IdentifierError) as excinfo:
        validate_resident_id(code)
    assert excinfo.value.code == reason


def test_resident_id_is_masked_keeping_region_and_tail():
    assert mask_resident_id("11010519491231002X") == "110105********002X"


def test_phone_is_masked():
    assert mask_phone("13812345678") == "138****5678"


def test_form_field_error_is_in_chinese_by_default():
    field = USCCField()
    with pytest.raises(Exception) as excinfo:  # noqa: PT011 - django ValidationError
        field.clean("91350100M000100Y44")
    assert "校验位不正确" in str(excinfo.value)


def test_form_field_error_is_in_english_when_asked():
    from django.utils import translation

    with translation.override("en"):
        with pytest.raises(Exception) as excinfo:  # noqa: PT011
            ResidentIdField().clean("110105194912310021")
        assert "check digit" in str(excinfo.value)
