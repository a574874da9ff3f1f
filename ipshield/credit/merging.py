"""Records that may denote one subject: proposals scored by credit.matching, decided by a human.

A confirmed merge moves the timeline and listings to the surviving record (the one with a USCC,
else the older) and keeps the merged record, pointing at it; a rejection is kept so the same pair
is never proposed again. Both are audited.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ipshield.cases import cumulative
from ipshield.cases.models import Case, Party
from ipshield.cases.services import case_rescreen
from ipshield.core.audit import audit_record
from ipshield.core.choices import Role
from ipshield.credit import matching, workflow
from ipshield.credit.choices import MatchEvent
from ipshield.credit.models import (
    BlacklistEntry,
    Enterprise,
    EnterpriseMatch,
    IntegrityEvent,
    MatchStatus,
)
from ipshield.credit.selectors import matches_in_region, may_decide_match

MATCH_ROLES = frozenset({Role.OFFICER, Role.AGENCY_HEAD, Role.COORDINATOR})
POOL = 200  # similar-prefix records scored per new record


def candidates(enterprise: Enterprise) -> list[tuple[Enterprise, matching.NameMatch]]:
    """Live records scoring at least PROPOSE_AT against `enterprise`, best first."""
    live = Enterprise.objects.filter(merged_into__isnull=True).exclude(pk=enterprise.pk)
    same = Q(name_key=enterprise.name_key)
    if enterprise.sound_key:
        same |= Q(sound_key=enterprise.sound_key)
    pool = {e.pk: e for e in live.filter(same)[:50]}
    if len(enterprise.name_key) >= 2:
        pool.update({e.pk: e for e in live.filter(name_key__startswith=enterprise.name_key[:2])[:POOL]})
    scored = [(other, matching.match(enterprise.name, other.name)) for other in pool.values()]
    scored = [(other, m) for other, m in scored if m.score >= matching.PROPOSE_AT]
    return sorted(scored, key=lambda pair: (-pair[1].score, pair[0].pk))


def propose_matches(enterprise: Enterprise) -> list[EnterpriseMatch]:
    """Record a proposal for every candidate pair not proposed or decided before."""
    made = []
    for other, found in candidates(enterprise):
        first, second = sorted([enterprise.pk, other.pk])
        if enterprise.uscc and other.uscc:
            continue  # two registered codes are two legal persons, whatever their names
        proposal, created = EnterpriseMatch.objects.get_or_create(
            first_id=first,
            second_id=second,
            defaults={"score": found.score, "reasons": list(found.reasons), "similarity": found.similarity},
        )
        if created:
            made.append(proposal)
    return made


def survivor_of(first: Enterprise, second: Enterprise) -> tuple[Enterprise, Enterprise]:
    """(kept, merged): the record with a USCC is kept, else the older one."""
    if second.uscc and not first.uscc:
        return second, first
    return first, second


def match_decide(*, actor: Any, proposal: EnterpriseMatch, confirm: bool, note: str = "") -> EnterpriseMatch:
    """确认合并 or 否定: the decision is kept with who, when and why; a merge moves the timeline."""
    if actor.role not in MATCH_ROLES or actor.agency_id is None:
        raise PermissionDenied(_("由行政执法机关的执法人员或负责人确认。"))
    if not matches_in_region(actor).filter(pk=proposal.pk).exists():  # the proposal's own region, not only the role
        raise PermissionDenied(_("该匹配建议不在本机关辖区内。"))
    if not may_decide_match(actor, proposal):
        raise PermissionDenied(_("跨省的匹配建议须由领导小组办公室确认。"))
    if not confirm and not note.strip():
        raise ValidationError({"note": _("否定匹配时请说明理由。")})
    moved_entries: list[BlacklistEntry] = []
    with transaction.atomic():
        current = EnterpriseMatch.objects.select_for_update().select_related("first", "second").get(pk=proposal.pk)
        event = MatchEvent.CONFIRM if confirm else MatchEvent.REJECT
        if not workflow.MATCH.allows(current.status, event):
            raise ValidationError({"status": _("该匹配已有决定。")})
        kept, merged = survivor_of(current.first, current.second)
        if confirm:
            if kept.uscc and merged.uscc:
                raise ValidationError({"match": _("两个不同的统一社会信用代码属于不同主体，不能合并。")})
            if kept.merged_into_id or merged.merged_into_id:
                raise ValidationError({"match": _("其中一方已合并到其他记录。")})
            listed = BlacklistEntry.objects.filter(enterprise__in=[kept, merged], removed_on__isnull=True)
            if listed.values("enterprise").distinct().count() > 1:
                raise ValidationError({"match": _("双方均在黑名单中，请先移出其一再合并。")})
            moved_entries = list(BlacklistEntry.objects.filter(enterprise=merged, removed_on__isnull=True))
            IntegrityEvent.objects.filter(enterprise=merged).update(enterprise=kept)
            BlacklistEntry.objects.filter(enterprise=merged).update(enterprise=kept)
            merged.merged_into = kept
            merged.save(update_fields=["merged_into"])
            # Other open proposals for the merged record are settled by this decision.
            EnterpriseMatch.objects.filter(Q(first=merged) | Q(second=merged), status=MatchStatus.PROPOSED).exclude(
                pk=current.pk
            ).update(
                status=MatchStatus.REJECTED,
                decided_by=actor,
                decided_at=timezone.now(),
                note=_("已确认与“%(name)s”为同一主体") % {"name": kept.name},
            )
            IntegrityEvent.objects.create(
                enterprise=kept,
                kind="merged",
                occurred_on=timezone.localdate(),
                summary=_("确认与“%(name)s”为同一主体并合并（%(why)s）")
                % {"name": merged.name, "why": current.explanation},
            )
            link_parties(kept, actor=actor)
        workflow.MATCH.move(current, event)
        current.decided_by = actor
        current.decided_at = timezone.now()
        current.note = note.strip()[:500]
        current.save()
        audit_record(
            actor=actor,
            action="credit.match.confirm" if confirm else "credit.match.reject",
            target=current,
            after={"kept": kept.pk, "merged": merged.pk, "score": current.score, "note": current.note},
        )
        from ipshield.credit.services import feed_change

        for entry in moved_entries:  # banks see the listing under the surviving name and USCC
            entry.enterprise = kept
            feed_change(entry, "changed")
    return current


def archive_key(record: Enterprise) -> str:
    """The party key a merged record gives its keyless parties: the survivor's USCC, else its id."""
    survivor = record.merged_into or record
    return f"uscc:{survivor.uscc}" if survivor.uscc else f"arc:{survivor.pk}"


def _keyless_parties(records: list[Enterprise]) -> Any:
    """Parties with no code of their own spelled as one of these name-only records, in the records'
    provinces (a name alone is not proof across the country; within a province a human confirmed it)."""
    match = Q()
    for record in records:
        if record.uscc:
            continue
        same = Q(name=record.name)
        if record.region_code:
            same &= Q(case__region_province=record.region_code[:2])
        match |= same
    if not match:
        return Party.objects.none()
    return Party.objects.filter(match, uscc="", resident_id="")


def link_parties(kept: Enterprise, *, actor: Any) -> int:
    """累计计算 and 二年内再犯 across a confirmed merge: the keyless parties of every record now
    merged into `kept` get its key, and their parties' groups are re-summed at once."""
    records = [kept, *Enterprise.objects.filter(merged_into=kept)]
    key = archive_key(kept)
    parties = list(_keyless_parties(records).exclude(archive_key=key).select_related("case"))
    if not parties:
        return 0
    keys = {key} | {p.archive_key for p in parties if p.archive_key}
    offences = {p.case.offence for p in parties}
    cumulative.lock_groups(keys=keys, offences=offences, include=[p.case_id for p in parties])
    Party.objects.filter(pk__in=[p.pk for p in parties]).update(archive_key=key)
    # Each re-screen re-sums the case's new group and the group it leaves (its old cumulative_key), and
    # the merged party's earlier penalties now count (二年内再犯).
    for case in Case.objects.filter(pk__in={p.case_id for p in parties}).order_by("pk"):
        case_rescreen(case=case, actor=actor)
    return len(parties)


def party_archive_key(*, case: Case, party: Party, **_: Any) -> None:
    """Subscriber of "case.party_adding" (the party is not saved yet): a keyless party spelled as a
    merged archive record is that record."""
    if cumulative.party_key(party):
        return
    same = Enterprise.objects.filter(uscc="", name=party.name).filter(
        Q(merged_into__isnull=False) | Q(merged_records__isnull=False)
    )
    region = case.region_code[:2]
    for record in same.select_related("merged_into").distinct().order_by("pk"):
        if not record.region_code or record.region_code.startswith(region):
            party.archive_key = archive_key(record)
            return


def proposals_for(enterprise: Enterprise) -> Any:
    return EnterpriseMatch.objects.filter(Q(first=enterprise) | Q(second=enterprise)).select_related(
        "first", "second", "decided_by"
    )
