"""Integrity archive and blacklist writes; every listing change also goes to the bank feed."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ipshield.core.audit import audit_record
from ipshield.core.choices import Role
from ipshield.credit import matching, selectors
from ipshield.credit import rules as blacklist_rules
from ipshield.credit.models import BlacklistEntry, CreditFeedEvent, Enterprise, IntegrityEvent

RULES_FILE = Path(__file__).with_name("blacklist_rules.yaml")
LISTING_ROLES = frozenset({Role.AGENCY_HEAD})


@lru_cache(maxsize=1)
def rules() -> list[blacklist_rules.BlacklistRule]:
    return blacklist_rules.load(yaml.safe_load(RULES_FILE.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def grade_config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load(RULES_FILE.with_name("grade_rules.yaml").read_text(encoding="utf-8"))
    return config


def enterprise_grade(enterprise: Enterprise, *, on: dt.date | None = None) -> blacklist_rules.Grade:
    events = list(enterprise.events.values_list("kind", "occurred_on"))
    return blacklist_rules.grade(grade_config(), on=on or timezone.localdate(), events=events)


def blacklist_expire(*, today: dt.date | None = None) -> int:
    """Remove every entry whose planned end has come (到期移出); audited as a system action."""
    today = today or timezone.localdate()
    removed = 0
    for entry in BlacklistEntry.objects.filter(removed_on__isnull=True, planned_end__lte=today).select_related(
        "enterprise", "authority"
    ):
        with transaction.atomic():
            entry.removed_on = today
            entry.removal_reason = _("到期移出")
            entry.save(update_fields=["removed_on", "removal_reason"])
            IntegrityEvent.objects.create(
                enterprise=entry.enterprise,
                kind="blacklist_removed",
                occurred_on=today,
                summary=_("移出失信黑名单：%(r)s") % {"r": entry.removal_reason},
                published=True,
            )
            audit_record(actor=None, action="credit.blacklist.expire", target=entry, after={"on": today.isoformat()})
            feed_change(entry, "removed")
        removed += 1
    return removed


def name_key(name: str) -> str:
    """Names written differently share a key: width, case, punctuation, script, company suffix."""
    return matching.canonical(name)[:200]


def uscc_division(uscc: str) -> str:
    """The registering authority's division code, characters 3-8 of a USCC (GB 32100-2015)."""
    division = uscc[2:8]
    return division if len(division) == 6 and division.isdigit() else ""


def enterprise_for(*, name: str, uscc: str = "", region_code: str = "") -> Enterprise:
    """The archive record of a party: by USCC, else by the name key. A new record is compared with
    the archive and likely duplicates are proposed for a human to confirm (never merged silently)."""
    found: Enterprise | None = None
    if uscc:
        found = Enterprise.objects.filter(uscc=uscc).first()
    else:
        # Without a code only the same spelling is the same record; script, suffix or pinyin
        # differences are proposed to a human below.
        same_key = Enterprise.objects.filter(uscc="", name_key=name_key(name)).select_related("merged_into")
        found = next((e for e in same_key[:20] if matching.match(e.name, name).same_spelling), None)
    if found is not None:
        return found.merged_into or found
    try:
        with transaction.atomic():
            enterprise = Enterprise.objects.create(
                uscc=uscc,
                name=name,
                name_key=name_key(name),
                sound_key=matching.sound_key(name)[:200],
                kind="enterprise" if uscc else "person",
                region_code=region_code or uscc_division(uscc),
            )
    except IntegrityError:  # a concurrent request registered the same USCC first
        return Enterprise.objects.get(uscc=uscc)
    from ipshield.credit.merging import propose_matches

    propose_matches(enterprise)
    return enterprise


def record_case_event(*, case: Any, kind: str, summary: str, on: dt.date, published: bool = False) -> int:
    """Attach an event (transfer, conviction, substantiated tip) to every enterprise party's timeline."""
    count = 0
    for party in case.parties.filter(kind="enterprise"):
        enterprise = enterprise_for(name=party.name, uscc=party.uscc, region_code=case.region_code)
        IntegrityEvent.objects.create(
            enterprise=enterprise, kind=kind, occurred_on=on, summary=summary[:500], published=published, case=case
        )
        count += 1
    return count


def record_penalty(*, case: Any) -> list[IntegrityEvent]:
    """A penalty decision attaches to every enterprise party's timeline (called by the case workflow).

    It counts for the grade and the blacklist rules at once, but the public sees it only when the
    decision is published (disclosure), and no longer once the publication is withdrawn or withheld.
    The summary names the agency and the decision number, never the internal case title.
    """
    events = []
    for party in case.parties.filter(kind="enterprise"):
        enterprise = enterprise_for(name=party.name, uscc=party.uscc, region_code=case.region_code)
        # One penalty entry per case and enterprise: a case decided again replaces its entry.
        event, _created = IntegrityEvent.objects.update_or_create(
            enterprise=enterprise,
            case=case,
            kind="penalty",
            defaults={
                "occurred_on": timezone.localdate(case.decided_at or timezone.now()),
                "summary": _("%(agency)s %(number)s 行政处罚")
                % {"agency": case.agency.name, "number": case.decision_number},
                "published": False,
            },
        )
        events.append(event)
    return events


def publish_penalty_events(*, case: Any, published: bool, summary: str = "") -> int:
    """Show (or hide) a case's penalty on the public timeline as its disclosure is published (or not)."""
    events = IntegrityEvent.objects.filter(case=case, kind="penalty")
    changes: dict[str, Any] = {"published": published}
    if summary:
        changes["summary"] = summary[:500]
    return events.update(**changes)


def feed_change(entry: BlacklistEntry, action: str) -> CreditFeedEvent:
    enterprise = entry.enterprise
    return CreditFeedEvent.objects.create(
        enterprise=enterprise,
        entry=entry,
        action=action,
        at=timezone.now(),
        payload={
            "uscc": enterprise.uscc,
            "name": enterprise.name,
            "listed": entry.removed_on is None,
            "starts_on": entry.starts_on.isoformat(),
            "planned_end": entry.planned_end.isoformat(),
            "removed_on": entry.removed_on.isoformat() if entry.removed_on else None,
            "authority": entry.authority.name,
            "legal_basis": entry.legal_basis,
        },
    )


def blacklist_check(enterprise: Enterprise, *, on: dt.date | None = None) -> blacklist_rules.RuleDecision:
    on = on or timezone.localdate()
    penalties = list(enterprise.events.filter(kind="penalty").values_list("occurred_on", flat=True))
    convictions = list(enterprise.events.filter(kind="conviction").values_list("occurred_on", flat=True))
    return blacklist_rules.evaluate(rules(), on=on, penalty_dates=penalties, conviction_dates=convictions)


def blacklist_list(
    *,
    actor: Any,
    enterprise: Enterprise,
    legal_basis: str = "",
    planned_end: dt.date | None = None,
    by_rule: bool = False,
) -> BlacklistEntry:
    """列入: by rule (the engine must agree) or by decision (legal basis required); audited, fed to banks."""
    if actor.role not in LISTING_ROLES or actor.agency_id is None:
        raise PermissionDenied(_("列入或移出黑名单须由机构负责人决定。"))
    if not selectors.may_list(actor, enterprise):
        raise PermissionDenied(_("只能列入本辖区或本机关办理过案件的企业。"))
    today = timezone.localdate()
    rule_id = ""
    if by_rule:
        decision = blacklist_check(enterprise, on=today)
        if not decision.meets:
            raise ValidationError({"rule": decision.reason_zh})
        legal_basis, planned_end, rule_id = decision.reason_zh, decision.planned_end, decision.rule_id
    if not legal_basis.strip():
        raise ValidationError({"legal_basis": _("请填写列入依据。")})
    if planned_end is None or planned_end <= today:
        raise ValidationError({"planned_end": _("计划移出日期须晚于今天。")})
    with transaction.atomic():
        if enterprise.blacklist_entries.filter(removed_on__isnull=True).exists():
            raise ValidationError({"enterprise": _("该企业已在黑名单中。")})
        entry = BlacklistEntry.objects.create(
            enterprise=enterprise,
            basis="rule" if by_rule else "decision",
            rule_id=rule_id,
            legal_basis=legal_basis.strip()[:500],
            authority_id=actor.agency_id,
            starts_on=today,
            planned_end=planned_end,
            listed_by=actor,
        )
        IntegrityEvent.objects.create(
            enterprise=enterprise,
            kind="blacklist_listed",
            occurred_on=today,
            summary=_("列入失信黑名单：%(b)s") % {"b": entry.legal_basis},
            published=True,
        )
        audit_record(
            actor=actor,
            action="credit.blacklist.list",
            target=entry,
            after={"enterprise": enterprise.uscc or enterprise.name, "basis": entry.basis},
        )
        feed_change(entry, "listed")  # after audit_record: the chain lock orders feed ids by commit
    return entry


def blacklist_remove(*, actor: Any, entry: BlacklistEntry, reason: str) -> BlacklistEntry:
    """移出 by the head's decision (e.g. a listing made in error); credit repair goes through credit.repair."""
    if actor.role not in LISTING_ROLES:
        raise PermissionDenied(_("列入或移出黑名单须由机构负责人决定。"))
    if actor.agency_id is None or entry.authority_id != actor.agency_id:
        raise PermissionDenied(_("由作出列入决定的机关移出（谁列入谁移出）。"))
    if not reason.strip():
        raise ValidationError({"reason": _("请填写移出理由（到期或信用修复）。")})
    with transaction.atomic():
        return remove_listing(actor=actor, entry=entry, reason=reason)


def remove_listing(*, actor: Any, entry: BlacklistEntry, reason: str) -> BlacklistEntry:
    """The removal itself, inside the caller's transaction: timeline, audit, bank feed."""
    current = BlacklistEntry.objects.select_for_update().select_related("enterprise", "authority").get(pk=entry.pk)
    if current.removed_on is not None:
        raise ValidationError({"entry": _("已移出。")})
    current.removed_on = timezone.localdate()
    current.removal_reason = reason.strip()[:500]
    current.save()
    IntegrityEvent.objects.create(
        enterprise=current.enterprise,
        kind="blacklist_removed",
        occurred_on=current.removed_on,
        summary=_("移出失信黑名单：%(r)s") % {"r": current.removal_reason},
        published=True,
    )
    audit_record(actor=actor, action="credit.blacklist.remove", target=current, after={"reason": reason})
    feed_change(current, "removed")
    return current
