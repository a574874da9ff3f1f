"""Rewards for reports (举报奖励): propose from the case outcome, approve, claim, pay."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ipshield.core.audit import audit_record
from ipshield.core.choices import Role
from ipshield.screening.services import base_document
from ipshield.tips import workflow
from ipshield.tips.choices import RewardEvent, RewardStatus, TipStatus
from ipshield.tips.models import Reward, Tip
from ipshield.tips.rewards import compute_reward, load_rules
from ipshield.tips.services import HANDLER_ROLES, TipConflict, may_handle

EXCLUSIONS = {
    "staff": _("举报人为负有相关职责的工作人员"),
    "infringed_party": _("举报人为被侵权方或其代理人"),
    "paid_reporter": _("举报人受其他经营者指使或资助"),
}


def reward_rules() -> list[Any]:
    return load_rules(base_document().get("tip_rewards") or [])


def reward_propose(
    *, actor: Any, tip: Tip, level: int, exclusions: list[str] | None = None, now: dt.datetime | None = None
) -> Reward:
    """Propose a reward from the linked case's outcome (fines and confiscations)."""
    now = now or timezone.now()
    if not may_handle(actor, tip):
        raise PermissionDenied(_("只有承办机构的执法人员可以办理。"))
    errors: dict[str, str] = {}
    if tip.status != TipStatus.CONCLUDED or tip.case_id is None:
        errors["tip"] = _("举报须已办结并关联案件。")
    elif tip.case is not None and not tip.case.decision_number:
        errors["tip"] = _("关联案件尚未作出处罚决定。")
    excluded = [EXCLUSIONS[e] for e in exclusions or [] if e in EXCLUSIONS]
    if excluded:
        errors["exclusions"] = _("不予奖励：%(w)s（国市监稽规〔2021〕4号）。") % {
            "w": "；".join(str(e) for e in excluded)
        }
    if errors:
        raise ValidationError(errors)
    assert tip.case is not None
    fines = (tip.case.fine_amount or Decimal(0)) + (tip.case.confiscated_amount or Decimal(0))
    try:
        decision = compute_reward(
            reward_rules(), day=timezone.localdate(tip.received_at), level=level, fines_yuan=fines
        )
    except ValueError as exc:
        raise ValidationError({"level": _("奖励等级应为1、2或3。")}) from exc
    if not decision.determined:
        raise ValidationError({"level": decision.explanation_zh})
    with transaction.atomic():
        Tip.objects.select_for_update().filter(pk=tip.pk).first()  # two proposals at once: one waits
        if Reward.objects.filter(tip=tip).exclude(status=RewardStatus.REFUSED).exists():
            raise TipConflict(_("该举报已有奖励申请或已发放奖励，不能重复提出。"))
        reward = Reward.objects.create(
            tip=tip,
            level=level,
            fines_yuan=fines,
            amount_yuan=decision.amount,
            rule_id=decision.rule_id,
            explanation=decision.explanation_zh,
            joint_approval=decision.joint_approval,
            proposed_by=actor,
            proposed_at=now,
        )
        audit_record(
            actor=actor, action="tip.reward.propose", target=tip, after={"amount": str(decision.amount), "level": level}
        )
    return reward


def reward_decide(
    *, actor: Any, reward: Reward, approve: bool, reason: str = "", now: dt.datetime | None = None
) -> Reward:
    if actor.role != Role.AGENCY_HEAD or actor.agency_id != reward.tip.agency_id:
        raise PermissionDenied(_("奖励由承办机构负责人批准。"))
    with transaction.atomic():
        current = Reward.objects.select_for_update().get(pk=reward.pk)
        event = RewardEvent.APPROVE if approve else RewardEvent.REFUSE
        if not workflow.REWARD.allows(current.status, event):
            raise TipConflict(_("该奖励已处理。"))
        if not approve and not reason.strip():
            raise ValidationError({"reason": _("不予奖励须说明理由。")})
        workflow.REWARD.move(current, event)
        current.approved_by, current.approved_at = actor, now or timezone.now()
        current.refusal_reason = reason.strip()
        current.save()
        audit_record(
            actor=actor,
            action="tip.reward.decide",
            target=current.tip,
            after={"status": current.status, "amount": str(current.amount_yuan)},
        )
    return current


def reward_claim(*, tip: Tip, now: dt.datetime | None = None) -> Reward:
    """An anonymous reporter claims with the tracking number and passphrase alone."""
    reward = tip.rewards.filter(status=RewardStatus.APPROVED, claimed_at__isnull=True).first()
    if reward is None:
        raise ValidationError({"reward": _("没有可领取的奖励。")})
    with transaction.atomic():
        Reward.objects.filter(pk=reward.pk).update(claimed_at=now or timezone.now())
        audit_record(actor=None, action="tip.reward.claim", target=tip, after={"reward": reward.pk})
    reward.refresh_from_db()
    return reward


def reward_pay(*, actor: Any, reward: Reward, now: dt.datetime | None = None) -> Reward:
    if actor.agency_id != reward.tip.agency_id or actor.role not in HANDLER_ROLES:
        raise PermissionDenied(_("只有承办机构的执法人员可以办理。"))
    with transaction.atomic():
        current = Reward.objects.select_for_update().get(pk=reward.pk)
        if not workflow.REWARD.allows(current.status, RewardEvent.PAY) or current.claimed_at is None:
            raise TipConflict(_("奖励须经批准并由举报人领取后才能发放。"))
        workflow.REWARD.move(current, RewardEvent.PAY)
        current.paid_at = now or timezone.now()
        current.save()
        audit_record(
            actor=actor, action="tip.reward.pay", target=current.tip, after={"amount": str(current.amount_yuan)}
        )
    return current
