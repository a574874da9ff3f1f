"""Identifiers: unified social credit code (GB 32100-2015) and resident ID (GB 11643-1999).

Pure functions, no Django; see shared/reference/legal-facts.md §3-4 for the verified examples.
"""

from __future__ import annotations

import datetime as dt
import re

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, Z, S, V
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # 3^(i-1) mod 31
USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2^(18-i) mod 11
ID_CHECK_CHARS = "10X98765432"
ID_RE = re.compile(r"^[0-9]{17}[0-9X]$")


class IdentifierError(ValueError):
    """Invalid identifier; `code` names the reason for translated messages."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def normalise(value: str) -> str:
    """Upper-case, strip spaces, and fold full-width digits/letters to half-width."""
    folded = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in value)
    return folded.replace(" ", "").replace("\u3000", "").upper()


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def organisation_code_check_char(first8: str) -> str:
    total = sum(int(c, 36) * w for c, w in zip(first8, ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def validate_uscc(value: str) -> str:
    """Return the normalised code or raise IdentifierError(length|characters|checksum|org_checksum)."""
    code = normalise(value)
    if len(code) != 18:
        raise IdentifierError("length")
    if not USCC_RE.match(code):
        raise IdentifierError("characters")
    if uscc_check_char(code[:17]) != code[17]:
        raise IdentifierError("checksum")
    org = code[8:17]
    # The GB 11714 inner check applies to organisation codes made of digits and capitals.
    if org.isalnum() and organisation_code_check_char(org[:8]) != org[8]:
        raise IdentifierError("org_checksum")
    return code


def resident_id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def validate_resident_id(value: str, *, today: dt.date | None = None) -> str:
    """Return the normalised 18-digit ID or raise IdentifierError(length|characters|birth_date|checksum)."""
    code = normalise(value)
    if len(code) != 18:
        raise IdentifierError("length")
    if not ID_RE.match(code):
        raise IdentifierError("characters")
    try:
        birth = dt.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError as exc:
        raise IdentifierError("birth_date") from exc
    if birth.year < 1850 or (today is not None and birth > today):
        raise IdentifierError("birth_date")
    if resident_id_check_char(code[:17]) != code[17]:
        raise IdentifierError("checksum")
    return code


def mask_resident_id(value: str) -> str:
    """110105********002X: region kept, birth date hidden, sequence and check kept."""
    if len(value) != 18:
        return "*" * len(value)
    return value[:6] + "*" * 8 + value[14:]


def mask_phone(value: str) -> str:
    digits = value.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_name(value: str) -> str:
    """张三丰 → 张**; a natural person's name in a public disclosure of someone else's case."""
    value = value.strip()
    if len(value) <= 1:
        return value
    return value[0] + "*" * (len(value) - 1)


def mask_bank_account(value: str) -> str:
    digits = value.replace(" ", "")
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]
