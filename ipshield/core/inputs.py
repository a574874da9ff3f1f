"""Bounded input types for the API: what a database column can hold, what a page can reach.

Without bounds, `page=99999999999999999999`, an id past 64 bits or a year 9999 timestamp reached
the database or the deadline arithmetic and ended in a 500. With these types they are a 422 in the
§6 error shape, and the limits appear in the OpenAPI document.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

DB_INT_MAX = 2**63 - 1  # bigint
MAX_PAGE = 100_000  # × 100 per page = ten million rows; past that, narrow the filter
EARLIEST_YEAR, LATEST_YEAR = 1979, 2100  # before the first trademark law; well past any deadline


def _not_a_boolean(value: object) -> object:
    """JSON true is not the id 1 (pydantic's lax mode would read it so: a clue filed on case 1)."""
    if isinstance(value, bool):
        raise ValueError("a number is required, not true/false")
    return value


NotBool = BeforeValidator(_not_a_boolean)
Id = Annotated[int, NotBool, Field(ge=1, le=DB_INT_MAX)]
# The bounds stay on the int branch: on `int | None` with a validator, pydantic would apply them to None.
OptionalId = Annotated[Id | None, Field(None)]
PageNumber = Annotated[int, NotBool, Field(ge=1, le=MAX_PAGE)]
Revision = Annotated[int, NotBool, Field(ge=0, le=DB_INT_MAX)]


def _year_in_range(value: dt.date) -> dt.date:
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValueError(f"year must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return value


Date = Annotated[dt.date, AfterValidator(_year_in_range)]
DateTime = Annotated[dt.datetime, AfterValidator(_year_in_range)]


def parse_id(text: object) -> int | None:
    """A form or query value as a database id; None when it is not a whole number a bigint holds."""
    raw = str(text or "").strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 19:
        return None
    value = int(raw)
    return value if 1 <= value <= DB_INT_MAX else None


def parse_small_int(text: object, *, default: int = 0, low: int = -(10**9), high: int = 10**9) -> int:
    """A form's small whole number (a level, a rating, a percentage); `default` when it is not one."""
    raw = str(text or "").strip()
    if raw.startswith("-"):
        negative, raw = True, raw[1:]
    else:
        negative = False
    if not raw.isascii() or not raw.isdigit() or len(raw) > 10:
        return default
    value = -int(raw) if negative else int(raw)
    return value if low <= value <= high else default
