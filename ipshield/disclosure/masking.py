"""Masking of personal data in published penalty decisions (pure functions, no Django).

关于依法公开制售假冒伪劣商品和侵犯知识产权行政处罚案件信息的意见: trade secrets and personal privacy
(residence, phone, finances, ID numbers) are not published; names of other natural persons are masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ipshield.core.identifiers import mask_bank_account, mask_name, mask_phone, mask_resident_id

RESIDENT_ID = re.compile(
    r"(?<![0-9])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])"
)
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
LANDLINE = re.compile(r"(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])")
BANK_ACCOUNT = re.compile(r"(?<![0-9])[0-9]{16,19}(?![0-9])")


def mask_text(text: str, *, other_person_names: Iterable[str] = ()) -> str:
    masked = RESIDENT_ID.sub(lambda m: mask_resident_id(m.group(0).upper()), text)
    masked = BANK_ACCOUNT.sub(lambda m: mask_bank_account(m.group(0)), masked)
    masked = MOBILE.sub(lambda m: mask_phone(m.group(0)), masked)
    masked = LANDLINE.sub(lambda m: mask_phone(m.group(0)), masked)
    for name in sorted({n for n in other_person_names if len(n) >= 2}, key=len, reverse=True):
        masked = masked.replace(name, mask_name(name))
    return masked
