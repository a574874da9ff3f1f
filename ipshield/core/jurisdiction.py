"""Jurisdiction scoping: the one rule every read obeys (ARCHITECTURE §2).

A user sees a record when (a) it belongs to the user's agency, (b) it was shared with that
agency (transfer, lead, co-investigation, supervision), or (c) the user is a coordinator or
procurator and the record's region lies in the user's region subtree. Outside: 404.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Q
from django.http import Http404

from ipshield.core import regions
from ipshield.core.choices import NO_CONTENT_ROLES, REGIONAL_SUPERVISOR_ROLES

if TYPE_CHECKING:
    from ipshield.core.models import User

_M = TypeVar("_M", bound=models.Model)


# Up to this many shared records are inlined as an id list, so the planner can combine the
# owner index and the primary key in one bitmap scan instead of probing a subquery per row.
SHARED_IDS_INLINE_LIMIT = 2000
# Inside `reading_only()`: whether an agency owns records of a model, looked up once per block.
_OWNS: ContextVar[dict[tuple[Any, int], bool] | None] = ContextVar("ipshield_owns", default=None)


@contextmanager
def reading_only() -> Iterator[None]:
    """A block that only reads (a statistics report: dozens of scoped queries for one reader), in
    which a supervisor's "does my office own any such records?" is asked once per model."""
    token = _OWNS.set({})
    try:
        yield
    finally:
        _OWNS.reset(token)


def _owns_any(model: Any, owned: Q, agency_id: int) -> bool:
    cache = _OWNS.get()
    if cache is None:
        return bool(model._default_manager.filter(owned).exists())
    key = (model, agency_id)
    if key not in cache:
        cache[key] = bool(model._default_manager.filter(owned).exists())
    return cache[key]


class SharedRecord(Protocol):
    @classmethod
    def shared_record_ids(cls, agency_id: int) -> models.QuerySet[Any]: ...


def region_subtree_q(region_code: str, *, field_prefix: str = "") -> Q:
    """Records whose region lies under `region_code`, as an indexed equality."""
    prefix = regions.subtree_prefix(region_code)
    if len(prefix) == 0:
        return Q(pk__isnull=False)  # the whole country (an empty Q() would vanish when OR-ed)
    if len(prefix) == 2:
        return Q(**{f"{field_prefix}region_province": prefix})
    if len(prefix) == 4:
        return Q(**{f"{field_prefix}region_prefecture": prefix})
    return Q(**{f"{field_prefix}region_code": prefix})


_Q = TypeVar("_Q", bound="models.QuerySet[Any]")


def narrow_to_region(queryset: _Q, region_code: str | None) -> _Q:
    """A user-chosen region filter (on top of visible_to, never instead of it); invalid codes are ignored."""
    if region_code and regions.is_region_code(region_code):
        return queryset.filter(region_subtree_q(region_code))
    return queryset


class JurisdictionQuerySet(models.QuerySet[_M]):
    """Querysets of region-scoped records. Models may define:

    - `jurisdiction_agency_field` (default "agency"): the owning agency;
    - classmethod `shared_record_ids(agency_id)`: ids of records shared with an agency; or
    - classmethod `shared_condition(agency, **hints)`: a Q for records shared with it. `hints`
      come from the caller of `visible_to` (e.g. `kind=` when the list is already filtered to one
      kind) and may only drop parts of the condition that cannot match under that filter.

    The condition is built from only the parts that can match (a procuratorate owns no cases;
    most agencies have nothing shared), so each list stays one indexed scan at any size.
    """

    def visible_to(self, user: User | Any, **hints: Any) -> JurisdictionQuerySet[_M]:
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser or user.role in NO_CONTENT_ROLES:
            return self.none()  # separation of duties: administrators and auditors read no case content
        agency = user.agency
        if agency is None:
            return self.none()
        supervisor = user.role in REGIONAL_SUPERVISOR_ROLES
        if supervisor and regions.subtree_prefix(agency.region_id) == "":
            return self  # a national coordinator or the Supreme Procuratorate: the whole country
        agency_field = getattr(self.model, "jurisdiction_agency_field", "agency")
        owned = Q(**{f"{agency_field}_id": agency.pk})
        conditions: list[Q] = []
        if not supervisor or _owns_any(self.model, owned, agency.pk):
            conditions.append(owned)
        shared_condition = getattr(self.model, "shared_condition", None)
        shared_ids = getattr(self.model, "shared_record_ids", None)
        if shared_condition is not None:
            # A model whose sharing is a correlated EXISTS on an indexed table (cooperation records'
            # participants): probed per row as a list is read in order, never materialised.
            conditions.append(shared_condition(agency, **hints))
        elif shared_ids is not None:
            shared = shared_ids(agency.pk)
            if supervisor:  # records shared inside the supervisor's own region are visible anyway
                shared = (
                    self.model._default_manager.filter(pk__in=shared)
                    .exclude(region_subtree_q(agency.region_id))
                    .values_list("pk", flat=True)
                )
            ids = list(shared[: SHARED_IDS_INLINE_LIMIT + 1])
            if len(ids) > SHARED_IDS_INLINE_LIMIT:
                conditions.append(Q(pk__in=shared))
            elif ids:
                conditions.append(Q(pk__in=ids))
        if supervisor:
            conditions.append(region_subtree_q(agency.region_id))
        if not conditions:
            return self.none()
        condition = conditions[0]
        for extra in conditions[1:]:
            condition |= extra
        return self.filter(condition)


def get_visible_or_404(queryset: Any, user: User | Any, **lookup: Any) -> Any:
    """The record if the user may see it; otherwise 404, exactly as for a missing record."""
    try:
        return queryset.visible_to(user).get(**lookup)
    except (ObjectDoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


class JurisdictionMixin:
    """Class-based view mixin: `get_queryset()` is scoped to the request's user."""

    model: type[models.Model]
    request: Any

    def get_queryset(self) -> JurisdictionQuerySet[Any]:
        base: JurisdictionQuerySet[Any] = super().get_queryset()  # type: ignore[misc]
        return base.visible_to(self.request.user)
