"""Home-page work queues for transfers: each role's pending steps, with deadline badges."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import Role
from ipshield.core.work import WorkQueue, register_queue
from ipshield.transfers import workflow
from ipshield.transfers.choices import SupervisionQueue
from ipshield.transfers.choices import TransferStatus as S
from ipshield.transfers.selectors import official_clues_open, supervision_queue, transfer_queryset


def _awaiting(statuses: set[S]):  # type: ignore[no-untyped-def]
    return lambda user: transfer_queryset(user).filter(status__in=statuses)


register_queue(
    WorkQueue(
        key="transfers_to_approve",
        title=_("待批准的移送（3日内）"),
        roles=frozenset({Role.AGENCY_HEAD}),
        severity="warning",
        items=_awaiting({S.PROPOSED}),
        url=lambda user: reverse("transfers:list") + "?status=proposed",
    )
)
register_queue(
    WorkQueue(
        key="transfers_to_send",
        title=_("已批准待移送（24小时内）"),
        roles=frozenset({Role.OFFICER, Role.AGENCY_HEAD}),
        severity="warning",
        items=_awaiting({S.APPROVED}),
        url=lambda user: reverse("transfers:list") + "?status=approved",
    )
)
register_queue(
    WorkQueue(
        key="transfers_refused",
        title=_("不予立案待复议或建议监督"),
        roles=frozenset({Role.OFFICER, Role.AGENCY_HEAD}),
        severity="info",
        items=lambda user: transfer_queryset(user).filter(
            status__in=[S.REFUSED, S.REFUSAL_UPHELD], agency_id=user.agency_id
        ),
        url=lambda user: reverse("transfers:list") + "?status=refused",
    )
)
register_queue(
    WorkQueue(
        key="transfers_police_pending",
        title=_("待决定是否立案的移送（3日内）"),
        roles=frozenset({Role.POLICE}),
        severity="warning",
        items=lambda user: transfer_queryset(user).filter(
            police_agency_id=user.agency_id,
            status__in=[S.SENT, S.RECEIVED, S.RECONSIDERATION, S.EXPLANATION_REQUESTED, S.OPENING_NOTIFIED],
        ),
        url=lambda user: reverse("transfers:list"),
    )
)
register_queue(
    WorkQueue(
        key="transfers_late",
        title=_("逾期的移送环节"),
        roles=frozenset({Role.OFFICER, Role.AGENCY_HEAD, Role.POLICE, Role.PROCURATOR, Role.COORDINATOR}),
        severity="danger",
        items=lambda user: transfer_queryset(user).filter(next_due_at__lt=timezone.now()),
        url=lambda user: reverse("transfers:list") + "?overdue=1",
    )
)
register_queue(
    WorkQueue(
        key="supervision_not_transferred",
        title=_("应移未移（监督）"),
        roles=frozenset({Role.PROCURATOR, Role.COORDINATOR}),
        severity="danger",
        items=lambda user: supervision_queue(user, SupervisionQueue.NOT_TRANSFERRED, {}),
        url=lambda user: reverse("transfers:queue", args=[SupervisionQueue.NOT_TRANSFERRED]),
    )
)
register_queue(
    WorkQueue(
        key="supervision_refusals",
        title=_("不立案待监督"),
        roles=frozenset({Role.PROCURATOR, Role.COORDINATOR}),
        severity="warning",
        items=lambda user: transfer_queryset(user).filter(status__in=workflow.REFUSAL_STATES),
        url=lambda user: reverse("transfers:queue", args=[SupervisionQueue.REFUSALS]),
    )
)
register_queue(
    WorkQueue(
        key="official_clues_open",
        title=_("公职人员涉案线索（待处理）"),
        roles=frozenset({Role.PROCURATOR}),
        severity="danger",
        items=lambda user: official_clues_open(user),
        url=lambda user: reverse("transfers:official_clues") + "?status=open",
    )
)
