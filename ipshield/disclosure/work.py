"""Home-page work queues for disclosure: drafts to publish, and those past the 20-working-day clock."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import Role
from ipshield.core.work import WorkQueue, register_queue
from ipshield.disclosure.models import DisclosureStatus
from ipshield.disclosure.selectors import staff_disclosures

EDITORS = frozenset({Role.OFFICER, Role.AGENCY_HEAD})

register_queue(
    WorkQueue(
        key="disclosure_drafts",
        title=_("待公开的处罚决定"),
        roles=EDITORS,
        items=lambda user: staff_disclosures(user).filter(status=DisclosureStatus.DRAFT),
        url=lambda user: reverse("disclosure:review_list"),
    )
)
register_queue(
    WorkQueue(
        key="disclosure_overdue",
        title=_("逾期未公开的处罚决定"),
        # Coordinators and procurators see their region's overdue publications (per agency on the list).
        roles=EDITORS | {Role.COORDINATOR, Role.PROCURATOR},
        severity="danger",
        items=lambda user: staff_disclosures(user).filter(status=DisclosureStatus.DRAFT, due_at__lt=timezone.now()),
        url=lambda user: reverse("disclosure:review_list") + "?overdue=1",
    )
)
