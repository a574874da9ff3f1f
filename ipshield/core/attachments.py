"""Content-addressed attachment storage: files are stored once under their SHA-256.

What a file is comes from its content, decoded and checked by `core.files.inspect_upload` (images
re-encoded without metadata, PDFs without scripts, plain Office files only), never from its name.
Files are read back only through `attachment_open`, which checks the record the file belongs to.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ipshield.core.audit import audit_record
from ipshield.core.choices import EvidenceKind
from ipshield.core.files import FileRejected, inspect_upload
from ipshield.core.models import Attachment, Blob

ALLOWED_TYPES: dict[str, str] = {
    "application/pdf": "PDF",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/gif": "GIF",
    "image/webp": "WebP",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (.docx)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (.xlsx)",
}


def blob_path(sha256: str) -> Path:
    return Path(settings.ATTACHMENT_ROOT) / sha256[:2] / sha256[2:4] / sha256


def _read_limited(upload: IO[bytes], limit: int) -> tempfile.SpooledTemporaryFile[bytes]:
    # Returned open to the caller, which closes it.
    spool: tempfile.SpooledTemporaryFile[bytes] = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    total = 0
    for chunk in iter(lambda: upload.read(64 * 1024), b""):
        total += len(chunk)
        if total > limit:
            spool.close()
            raise ValidationError(
                _("文件超过大小上限 %(limit)s。"), code="too_large", params={"limit": filesizeformat(limit)}
            )
        spool.write(chunk)
    spool.seek(0)
    return spool


def attachment_store(
    *,
    actor: Any,
    upload: IO[bytes],
    original_name: str,
    target: models.Model | None = None,
    description: str = "",
    max_bytes: int | None = None,
    kind: str = EvidenceKind.OTHER,
) -> Attachment:
    """Validate, store (once per content) and attach a file; audited."""
    limit = max_bytes or settings.ATTACHMENT_MAX_BYTES
    spool = _read_limited(upload, limit)
    try:
        received = spool.read()
        try:
            clean = inspect_upload(received)
        except FileRejected as exc:
            raise ValidationError(str(exc), code="rejected") from exc
        data, content_type = clean.data, clean.content_type
        original_sha256 = hashlib.sha256(received).hexdigest()
        sha256 = hashlib.sha256(data).hexdigest()
        path = blob_path(sha256)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
    finally:
        spool.close()
    with transaction.atomic():
        blob, _created = Blob.objects.get_or_create(
            sha256=sha256, defaults={"size": len(data), "content_type": content_type}
        )
        attachment = Attachment(
            blob=blob,
            original_name=os.path.basename(original_name)[:255] or sha256,
            uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
            description=description[:255],
            kind=kind if kind in EvidenceKind.values else EvidenceKind.OTHER,
        )
        if target is not None:
            attachment.content_type = ContentType.objects.get_for_model(target)
            attachment.object_id = str(target.pk)
        attachment.full_clean()
        attachment.save()
        audit_record(
            actor=actor,
            action="attachment.store",
            target=attachment,
            after={
                "sha256": sha256,
                "original_sha256": original_sha256,  # before re-encoding (images), for the record
                "size": len(data),
                "name": attachment.original_name,
                "type": content_type,
            },
        )
    return attachment


def attachments_for(target: models.Model) -> models.QuerySet[Attachment]:
    return Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=str(target.pk)
    ).select_related("blob", "uploaded_by")


def attachment_target_visible(user: Any, attachment: Attachment) -> bool:
    """A file is visible exactly when the record it belongs to is (the record's own visible_to)."""
    if attachment.content_type is None:
        return False
    model = attachment.content_type.model_class()
    manager = getattr(model, "objects", None) if model is not None else None
    if manager is None or not hasattr(manager, "visible_to"):
        return False
    return bool(manager.visible_to(user).filter(pk=attachment.object_id).exists())


def attachment_open(*, actor: Any, attachment_id: object) -> tuple[Attachment, IO[bytes]]:
    """The attachment and its bytes for a user who may see its record; 404 otherwise; audited."""
    from django.http import Http404

    from ipshield.core.inputs import parse_id

    wanted = parse_id(attachment_id)
    attachment = Attachment.objects.select_related("blob", "content_type").filter(pk=wanted).first() if wanted else None
    if attachment is None or not attachment_target_visible(actor, attachment):
        raise Http404
    path = blob_path(attachment.blob_id)
    if not path.exists():
        raise Http404
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="attachment.download",
            target=attachment,
            after={"sha256": attachment.blob_id, "name": attachment.original_name},
        )
    return attachment, path.open("rb")
