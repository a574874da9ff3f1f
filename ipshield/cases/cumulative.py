"""累计计算 and 二年内再犯 on the platform's own records (rule data `aggregation`).

A party's open, not yet penalised cases of the same offence are screened together, across every
agency and region, matched by party key (USCC for an organisation, resident ID for a person; a
party without a valid key sums nothing). The engine stays pure: this module finds the cases and
hands the summed figures to it. Each open case of the group keeps the group's result on itself
(`Case.cumulative`, `cumulative_outcome`), so queues and the 拆分案件 list are index scans.

Re-summed whenever a member changes: created, figures edited, a party added, decided, withdrawn.
Group rows are locked in id order first, so two edits of two members never leave a stale sum.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string

from ipshield.cases.choices import CaseStatus, PartyKind, ScreeningOutcome
from ipshield.cases.models import Case, Party
from ipshield.core.audit import audit_record
from ipshield.core.identifiers import IdentifierError, mask_resident_id, validate_resident_id, validate_uscc
from ipshield.screening.engine import FactError, Facts, RuleBook, screen
from ipshield.screening.engine.aggregation import (
    PRIOR_PENALTY_METRIC,
    REPEAT_WINDOW_DAYS,
    cumulative_rule_for,
    repeat_group_for,
    same_repeat_group,
    sum_figures,
)
from ipshield.screening.engine.explain import articles_zh
from ipshield.screening.services import current_rulebook, json_number

CUMULATIVE_LOCK_SPACE = 7411  # advisory-lock namespace of party keys (the audit chain uses its own)
OPEN_STATES = (CaseStatus.LEAD, CaseStatus.FILED, CaseStatus.INVESTIGATING)  # 未经处理
PENALISED_STATES = (CaseStatus.DECIDED, CaseStatus.CLOSED)
SEVERITY = {ScreeningOutcome.SUSPECTED_CRIME: 3, "near": 2, ScreeningOutcome.BELOW_THRESHOLD: 1}


def party_key(party: Party) -> str:
    """uscc:<code> or rid:<number>; for a party with neither, the key its merged archive record
    gives (uscc:… or arc:<record id>, see Party.archive_key); else "" (the party sums nothing)."""
    try:
        if party.kind == PartyKind.ENTERPRISE and party.uscc:
            return "uscc:" + validate_uscc(party.uscc)
        if party.kind == PartyKind.PERSON and party.resident_id:
            return "rid:" + validate_resident_id(party.resident_id)
    except IdentifierError:
        return ""
    return party.archive_key or ""


def case_keys(case: Case) -> list[str]:
    return sorted({k for k in (party_key(p) for p in case.parties.all()) if k})


def party_match(key: str, prefix: str = "") -> Q:
    """The parties a key denotes: by their own code, or by the key their merged archive record gives.
    `prefix` is the path to Party from the queried model ("parties__" from Case)."""
    kind, _sep, value = key.partition(":")
    by_archive = Q(**{f"{prefix}archive_key": key})
    if kind == "uscc":
        return Q(**{f"{prefix}kind": PartyKind.ENTERPRISE, f"{prefix}uscc": value}) | by_archive
    if kind == "rid":
        return Q(**{f"{prefix}kind": PartyKind.PERSON, f"{prefix}resident_id": value}) | by_archive
    return by_archive


def _key_filter(key: str) -> Q:
    return party_match(key, "parties__")


def _members(key: str, offence: str) -> QuerySet[Case]:
    return Case.objects.filter(_key_filter(key), offence=offence, status__in=OPEN_STATES).exclude(conduct_date=None)


def prior_penalty(case: Case, keys: Iterable[str]) -> dict[str, Any] | None:
    """The platform's own penalty decision or criminal judgment against the same party for conduct
    of the same repeat group within the two years before this conduct (二年内受过行政处罚或刑事处罚),
    the newest one."""
    keys = [k for k in keys if k]
    if not case.offence or case.conduct_date is None or not keys:
        return None
    rulebook = current_rulebook()
    offences = same_repeat_group(rulebook, case.offence)
    if not offences:
        return None
    since = case.conduct_date - dt.timedelta(days=REPEAT_WINDOW_DAYS)
    match = Q()
    for key in keys:
        match |= _key_filter(key)
    if not match:
        return None
    found = (
        Case.objects.filter(match, offence__in=offences, status__in=PENALISED_STATES)
        .exclude(pk=case.pk)
        .filter(decided_at__date__gte=since, decided_at__date__lt=case.conduct_date)
        .select_related("agency")
        .order_by("-decided_at")
        .first()
    )
    candidates: list[dict[str, Any]] = []
    if found is not None and found.decided_at is not None:
        candidates.append(
            {
                "kind": "penalty",
                "case_id": found.pk,
                "decision_number": found.decision_number,
                "decided_on": timezone.localdate(found.decided_at).isoformat(),
                "agency": found.agency.name,
            }
        )
    for source in _outside_prior_sources():
        candidates.extend(
            source(keys=keys, offences=offences, since=since, before=case.conduct_date, exclude_case_id=case.pk)
        )
    if not candidates:
        return None
    newest = max(candidates, key=lambda c: (c["decided_on"], c["kind"] == "judgment"))
    group = repeat_group_for(rulebook, case.offence)
    return {**newest, "source": rulebook.source_label(group.source) if group else ""}


@cache
def _outside_prior_sources() -> tuple[Callable[..., list[dict[str, Any]]], ...]:
    """Other domains' records of punishment (criminal judgments live in transfers, a layer above
    cases): named in settings like the event subscribers (ADR 0005), so cases imports none of them.
    Each returns [{"kind", "case_id", "decision_number", "decided_on", "agency"}] within [since, before)."""
    return tuple(import_string(name) for name in getattr(settings, "IPSHIELD_PRIOR_PUNISHMENT_SOURCES", ()))


def _screen(rulebook: RuleBook, case_offence: str, conduct: dt.date, values: dict[str, object]) -> Any:
    facts = Facts.build(
        rulebook,
        offence=case_offence,
        conduct_date=conduct,
        handling_date=max(timezone.localdate(), conduct),
        values=values,
    )
    return screen(rulebook, facts)


def _hit(h: Any) -> dict[str, Any]:
    return {
        "metric": h.metric,
        "operator": h.operator,
        "value": json_number(h.value),
        "threshold": json_number(h.threshold),
        "ratio": float(h.ratio) if h.ratio is not None else None,
    }


def _masked(key: str) -> str:
    """The party's code as pages may show it (a resident ID masked; an archive record has none)."""
    kind, _sep, value = key.partition(":")
    if kind == "uscc":
        return value
    return mask_resident_id(value) if kind == "rid" else ""


class Group:
    """One party's open cases of one offence: summed once, screened for each member."""

    def __init__(self, rulebook: RuleBook, members: list[Case], key: str) -> None:
        self.rulebook, self.members, self.key = rulebook, members, key
        _facts, self.totals = sum_figures(rulebook, {}, [m.facts or {} for m in members])
        self.cases = [
            {
                "id": m.pk,
                "number": m.number,
                "agency_id": m.agency_id,
                "agency": m.agency.name,
                "figures": {k: json_number(Decimal(str(v))) for k, v in (m.facts or {}).items() if k in self.totals},
            }
            for m in sorted(members, key=lambda m: m.pk)
        ]


def group_result(group: Group, member: Case) -> dict[str, Any] | None:
    """The group's sum screened for one member (its own flags and conduct date)."""
    rulebook, key, totals = group.rulebook, group.key, group.totals
    if member.conduct_date is None or not member.offence:
        return None
    rule = cumulative_rule_for(rulebook, member.offence, member.conduct_date)
    if rule is None:
        return None
    values: dict[str, object] = {**(member.facts or {}), **totals}
    if member.prior_penalty:
        values[PRIOR_PENALTY_METRIC] = True
    try:
        screening = _screen(rulebook, member.offence, member.conduct_date, values)
    except FactError:
        return None
    near = [h for h in screening.near_threshold if h.metric in totals]
    outcome = screening.outcome.value
    label = outcome if outcome != ScreeningOutcome.BELOW_THRESHOLD or not near else "near"
    party = next((p for p in member.parties.all() if party_key(p) == key), None)
    return {
        "key": key,
        "party": party.name if party else "",
        "party_id_masked": _masked(key),
        "outcome": label,
        "rule": {
            "source": rulebook.source_label(rule.source),
            "source_zh": articles_zh(rulebook.source_label(rule.source)),
            "text": rule.text,
            "confidence": rule.confidence,
        },
        "totals": {metric: json_number(value) for metric, value in sorted(totals.items())},
        "cases": group.cases,
        "hits": [_hit(h) for h in screening.hits if h.metric in totals],
        "near": [_hit(h) for h in near],
        "at": timezone.now().isoformat(),
    }


def refresh_cumulative(*, keys: Iterable[str], offences: Iterable[str], actor: Any = None) -> list[int]:
    """Re-sum every group of these party keys and offences; returns the ids of the cases written.

    Runs inside the caller's transaction. Open members get the group's result; open cases that
    no longer belong to any group lose theirs; decided or withdrawn cases keep what they had
    (a penalised case that was suspected stays in the 以罚代刑 queue) but leave every sum."""
    written: list[int] = []
    changed: list[Case] = []
    rulebook = current_rulebook()
    keys = sorted(set(keys))
    for offence in sorted({o for o in offences if o}):
        for key in keys:
            members = list(
                _members(key, offence)
                .select_related("agency")
                .prefetch_related("parties")
                .select_for_update(of=("self",))
                .order_by("pk")
            )
            stale = Case.objects.filter(cumulative_key=key, offence=offence, status__in=OPEN_STATES).exclude(
                pk__in=[m.pk for m in members]
            )
            for case in stale:
                changed.append(_store(case, {}, ""))
            if len(members) < 2:
                changed.extend(_store(case, {}, "") for case in members if case.cumulative_key == key)
                continue
            group = Group(rulebook, members, key)
            for member in members:
                result = group_result(group, member)
                if result is None:
                    continue
                current = member.cumulative if member.cumulative_key == key else {}
                # One party's group at a time; another key's group of the same case keeps the worse result.
                if (
                    member.cumulative_key
                    and member.cumulative_key != key
                    and SEVERITY.get(member.cumulative_outcome, 0) > SEVERITY.get(result["outcome"], 0)
                ):
                    continue
                if (
                    current.get("totals") == result["totals"]
                    and current.get("outcome") == result["outcome"]
                    and [c["id"] for c in current.get("cases", [])] == [c["id"] for c in result["cases"]]
                ):
                    continue
                changed.append(_store(member, result, result["outcome"]))
    if changed:  # one statement for the whole group
        Case.objects.bulk_update(changed, STORED_FIELDS)
        written = [case.pk for case in changed]
        audit_record(
            actor=actor,
            action="case.cumulative_screen",
            object_type="case",
            after={"cases": sorted(set(written))[:200], "keys": [k.split(":")[0] for k in keys]},
        )
    return written


STORED_FIELDS = ["cumulative", "cumulative_outcome", "cumulative_key", "screening_outcome", "suspected_since"]


def _store(case: Case, result: dict[str, Any], outcome: str) -> Case:
    """Set the group's result on the case (saved by the caller, with the rest of the group)."""
    case.cumulative, case.cumulative_outcome = result, outcome
    case.cumulative_key = result.get("key", "") if result else ""
    effective = ScreeningOutcome.SUSPECTED_CRIME if outcome == ScreeningOutcome.SUSPECTED_CRIME else case.own_outcome
    now = timezone.now()
    if effective == ScreeningOutcome.SUSPECTED_CRIME and case.suspected_since is None:
        case.suspected_since = now
    case.screening_outcome = effective
    return case


def visible_summary(case: Case, user: Any, *, visible: set[int] | None = None) -> dict[str, Any] | None:
    """The cumulative result as this reader may see it: the cases they can open by number and
    figures; the others as a count per agency (never their content). `visible`: the ids the user
    may open, when the caller has already asked for many groups at once."""
    result = case.cumulative or {}
    if not result.get("cases"):
        return None
    if visible is None:
        ids = [c["id"] for c in result["cases"]]
        visible = set(Case.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    shown: list[dict[str, Any]] = []
    hidden: dict[str, int] = {}
    for entry in result["cases"]:
        if entry["id"] in visible:
            shown.append(entry)
        else:
            hidden[entry["agency"]] = hidden.get(entry["agency"], 0) + 1
    return {
        "outcome": result.get("outcome"),
        "rule": result.get("rule"),
        "totals": result.get("totals"),
        "hits": result.get("hits"),
        "near": result.get("near"),
        "cases": shown,
        "others": [{"agency": agency, "count": n} for agency, n in sorted(hidden.items())],
        "party": result.get("party", ""),
        "party_id_masked": result.get("party_id_masked", ""),
    }


def screening_for(case: Case, user: Any) -> dict[str, Any] | None:
    """The case's screening as the API and pages show it: the latest result of the case alone,
    raised to suspected_crime by a cumulative hit, with the sum as this reader may see it."""
    latest = case.screenings.first()
    if latest is None:
        return None
    screening = dict(latest.result)
    screening["own_outcome"] = latest.outcome
    summary = visible_summary(case, user) if case.status in OPEN_STATES or case.cumulative_outcome else None
    screening["cumulative"] = summary
    if summary and summary.get("outcome") == ScreeningOutcome.SUSPECTED_CRIME:
        screening["outcome"] = ScreeningOutcome.SUSPECTED_CRIME.value
        screening["basis"] = "cumulative"
    else:
        screening["basis"] = "own"
    return screening


def key_of(kind: str, uscc: str = "", resident_id: str = "") -> str:
    """The party key of party data not yet saved (see `party_key`)."""
    return party_key(Party(kind=kind, uscc=uscc or "", resident_id=resident_id or ""))


def lock_groups(*, keys: Iterable[str], offences: Iterable[str], include: Iterable[int] = ()) -> None:
    """Lock, in id order and before anything else, every open case a write may re-sum (and the
    written case itself). Every writer takes its rows in the same order before the audit chain's
    lock, so two edits of two members of one group wait for each other instead of deadlocking."""
    match = Q(pk__in=list(include))
    offences = [o for o in offences if o]
    if connection.vendor == "postgresql":
        # A group that does not exist yet has no rows to lock: two first members created at once by two
        # agencies would each miss the other. One advisory lock per party key closes that (SQLite
        # writes one at a time anyway).
        with connection.cursor() as cursor:
            for key in sorted({k for k in keys if k}):
                cursor.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [CUMULATIVE_LOCK_SPACE, key])
    for key in {k for k in keys if k}:
        if offences:
            match |= _key_filter(key) & Q(offence__in=offences, status__in=OPEN_STATES)
    list(Case.objects.filter(match).select_for_update(of=("self",)).order_by("pk").values_list("pk", flat=True))
