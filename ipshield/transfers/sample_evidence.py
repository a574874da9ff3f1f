"""Sample materials a transfer must carry (国务院令第310号 art.6), for the demo data and the tests."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfWriter

from ipshield.core.attachments import attachment_store
from ipshield.core.choices import TRANSFER_REQUIRED_EVIDENCE, EvidenceKind


def blank_pdf(title: str) -> bytes:
    """A one-page PDF that passes the upload inspection (no script, no embedded files)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def attach_required_evidence(case: Any, actor: Any, kinds: tuple[str, ...] = TRANSFER_REQUIRED_EVIDENCE) -> None:
    for kind in kinds:
        label = str(EvidenceKind(kind).label)
        attachment_store(
            actor=actor,
            upload=io.BytesIO(blank_pdf(f"{case.number} {label}")),
            original_name=f"{label}.pdf",
            target=case,
            kind=kind,
        )
