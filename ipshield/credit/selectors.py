"""Reads of the integrity archive, scoped to the reader (ARCHITECTURE §2).

The archive is national: any staff user may open an enterprise's record. What each reader sees of
it is not: unpublished events (a transfer to the police, an unpublished penalty) are shown only
inside the jurisdiction that owns their case; everyone else sees what the public sees. Writes
(listing, removal, match decisions) need authority over the record itself, not only a role.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from ipshield.cases.models import Case
from ipshield.core.choices import Role
from ipshield.core.inputs import parse_id
from ipshield.core.models import Region
from ipshield.core.regions import subtree_prefix
from ipshield.credit.models import (
    BlacklistEntry,
    CreditFeedEvent,
    CreditRepairRequest,
    Enterprise,
    EnterpriseMatch,
    IntegrityEvent,
    MatchStatus,
)

STAFF_READ_ROLES = frozenset(
    {Role.OFFICER, Role.AGENCY_HEAD, Role.COORDINATOR, Role.PROCURATOR, Role.POLICE, Role.JUDGE}
)


def user_region_prefix(user: Any) -> str | None:
    """The user's region subtree as a code prefix ("" = the whole country); None without an agency."""
    if user.agency_id is None:
        return None
    return subtree_prefix(user.agency.region_id)


def enterprise_get(user: Any, pk: Any) -> Enterprise:
    """An archive record for a staff reader (404 for a bank or public account, or a bad id)."""
    if user.role not in STAFF_READ_ROLES:
        raise Http404
    try:
        return Enterprise.objects.select_related("merged_into").get(pk=int(pk))
    except (Enterprise.DoesNotExist, ValueError, TypeError, OverflowError) as exc:
        raise Http404 from exc


def enterprise_in_region(user: Any, enterprise: Enterprise) -> bool:
    prefix = user_region_prefix(user)
    region = enterprise.region_code  # the case's region, else the USCC's registering division
    return prefix is not None and (prefix == "" or bool(region and region.startswith(prefix)))


def enterprise_has_own_case(user: Any, enterprise: Enterprise) -> bool:
    """The user's agency handled a case against this enterprise (its timeline says so)."""
    return user.agency_id is not None and enterprise.events.filter(case__agency_id=user.agency_id).exists()


def may_list(user: Any, enterprise: Enterprise) -> bool:
    """列入 is decided by an agency with authority over the enterprise: its own region, or its own case."""
    return enterprise_in_region(user, enterprise) or enterprise_has_own_case(user, enterprise)


def events_visible_to(user: Any, enterprise: Enterprise) -> QuerySet[IntegrityEvent]:
    """The public timeline plus the unpublished events of cases the user may see."""
    visible = Q(published=True) | Q(case__in=Case.objects.visible_to(user).values("pk"))
    if enterprise_in_region(user, enterprise):
        visible |= Q(case__isnull=True)  # archive-level notes (a merge) for the region that keeps the record
    return enterprise.events.filter(visible)


def listings_of(enterprise: Enterprise) -> QuerySet[BlacklistEntry]:
    return enterprise.blacklist_entries.select_related("authority")


def own_listing(user: Any, enterprise: Enterprise, entry_id: Any) -> BlacklistEntry:
    """A listing of this enterprise made by the user's own agency (谁列入谁移出); 404 otherwise."""
    wanted = parse_id(entry_id)
    if user.agency_id is None or wanted is None:
        raise Http404
    try:
        return listings_of(enterprise).get(pk=wanted, authority_id=user.agency_id)
    except BlacklistEntry.DoesNotExist as exc:
        raise Http404 from exc


def matches_in_region(user: Any) -> QuerySet[EnterpriseMatch]:
    """Proposals (any status) that concern a record in the user's region."""
    prefix = user_region_prefix(user)
    if prefix is None:
        return EnterpriseMatch.objects.none()
    queryset = EnterpriseMatch.objects.select_related("first", "second")
    if prefix:
        queryset = queryset.filter(Q(first__region_code__startswith=prefix) | Q(second__region_code__startswith=prefix))
    return queryset


def match_queue(user: Any) -> QuerySet[EnterpriseMatch]:
    """Proposals waiting for a decision that concern a record in the user's region."""
    return matches_in_region(user).filter(status=MatchStatus.PROPOSED)


def match_needs_coordinator(proposal: EnterpriseMatch) -> bool:
    """Records kept in two different provinces are merged only by a leading-group office."""
    first, second = proposal.first.region_code[:2], proposal.second.region_code[:2]
    return bool(first and second and first != second)


def match_get(user: Any, pk: Any) -> EnterpriseMatch:
    """A proposal the user may decide: in the user's region; across provinces, for coordinators only."""
    wanted = parse_id(pk)
    proposal = None if wanted is None else matches_in_region(user).filter(pk=wanted).first()
    if proposal is None:
        raise Http404
    return proposal


def may_decide_match(user: Any, proposal: EnterpriseMatch) -> bool:
    if match_needs_coordinator(proposal):
        return bool(user.role == Role.COORDINATOR)
    return user.role in {Role.OFFICER, Role.AGENCY_HEAD, Role.COORDINATOR}


def repair_queue(user: Any) -> QuerySet[CreditRepairRequest]:
    """Requests the user's agency decides: those against its own listings."""
    return CreditRepairRequest.objects.filter(entry__authority_id=user.agency_id).select_related(
        "entry", "entry__enterprise", "decided_by"
    )


def bank_feed(user: Any, *, since: int = 0) -> QuerySet[CreditFeedEvent]:
    """The bank feed for its page (newest first); the API reads the same rows in cursor order."""
    if user.role != Role.BANK:
        return CreditFeedEvent.objects.none()
    return CreditFeedEvent.objects.filter(id__gt=since).order_by("-id")


def match_evidence(user: Any, proposals: list[EnterpriseMatch], *, events_each: int = 3) -> dict[int, dict[str, Any]]:
    """What a person needs to judge a proposal, per enterprise: its region by name, whether it is
    listed, and its latest archive entries the user may see. One query per kind of fact."""
    enterprises = {m.first_id: m.first for m in proposals} | {m.second_id: m.second for m in proposals}
    codes = {e.region_code for e in enterprises.values() if e.region_code}
    regions = {r.code: r for r in Region.objects.filter(code__in=codes).select_related("parent__parent")}
    listed = set(
        BlacklistEntry.objects.filter(enterprise_id__in=enterprises, removed_on__isnull=True).values_list(
            "enterprise_id", flat=True
        )
    )
    visible = Q(published=True) | Q(case__in=Case.objects.visible_to(user).values("pk"))
    events: dict[int, list[IntegrityEvent]] = {pk: [] for pk in enterprises}
    totals: dict[int, int] = dict.fromkeys(enterprises, 0)
    for event in IntegrityEvent.objects.filter(visible, enterprise_id__in=enterprises).order_by("-occurred_on", "-id"):
        totals[event.enterprise_id] += 1
        if len(events[event.enterprise_id]) < events_each:
            events[event.enterprise_id].append(event)
    return {
        pk: {
            "region": regions[e.region_code].full_name if e.region_code in regions else "",
            "listed": pk in listed,
            "events": events[pk],
            "event_count": totals[pk],
            "may_decide": False,
        }
        for pk, e in enterprises.items()
    }
