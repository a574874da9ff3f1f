"""Official documents rendered from the record as PDF (GB/T 9704 style letters), never typed twice."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import EvidenceKind
from ipshield.core.text import source_text
from ipshield.screening.services import current_rulebook
from ipshield.transfers.choices import TransferStatus as S
from ipshield.transfers.models import Transfer

# document → (title, statuses in which it exists)
DOCUMENTS: dict[str, tuple[Any, frozenset[str]]] = {
    "transfer_letter": (_("涉嫌犯罪案件移送书"), frozenset(set(S) - {S.PROPOSED, S.NOT_APPROVED, S.APPROVED})),
    "refusal_notice": (
        _("不予立案通知书"),
        frozenset(
            {
                S.REFUSED,
                S.RECONSIDERATION,
                S.REFUSAL_UPHELD,
                S.SUPERVISION_PROPOSED,
                S.EXPLANATION_REQUESTED,
                S.EXPLAINED,
                S.CLOSED_NO_CASE,
                S.OPENING_NOTIFIED,
            }
        ),
    ),
    "reconsideration_request": (_("提请复议书"), frozenset({S.RECONSIDERATION, S.REFUSAL_UPHELD})),
    "supervision_proposal": (
        _("立案监督建议书"),
        frozenset({S.SUPERVISION_PROPOSED, S.EXPLANATION_REQUESTED, S.EXPLAINED, S.CLOSED_NO_CASE, S.OPENING_NOTIFIED}),
    ),
}


def available_documents(transfer: Transfer) -> list[tuple[str, Any]]:
    has_reconsideration = bool(transfer.reconsideration_reason)
    found = []
    for key, (title, statuses) in DOCUMENTS.items():
        if transfer.status in statuses or (key == "reconsideration_request" and has_reconsideration):
            found.append((key, title))
    return found


def render_document_pdf(transfer: Transfer, key: str) -> bytes:
    if key not in dict(available_documents(transfer)):
        raise Http404
    from weasyprint import HTML  # imported here: loading pango costs ~0.3 s at start-up

    title = DOCUMENTS[key][0]
    html = render_to_string(
        f"transfers/documents/{key}.html",
        {
            "transfer": transfer,
            "case": transfer.case,
            "title": title,
            "today": timezone.localdate(),
            "font": settings.IPSHIELD_LETTER_FONT,
            "parties": list(transfer.case.parties.all()),
            "offence": current_rulebook().offences.get(transfer.case.offence),
            "items": [
                {
                    **a,
                    "kind_label": source_text(EvidenceKind(a["kind"]).label)
                    if a.get("kind") in EvidenceKind.values
                    else "其他材料",
                }
                for a in transfer.manifest.get("attachments", [])
            ],
            "seized": transfer.manifest.get("seized_items", []),
        },
    )
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
