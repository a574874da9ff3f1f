"""Content-addressed attachment storage: files are stored once under their SHA-256.

The type is decided from the bytes (magic numbers), never from the file name, so a script
renamed to .jpg is refused.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import zipfile
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ipshield.core.audit import audit_record
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


def sniff_content_type(head: bytes, stream: IO[bytes] | None = None) -> str | None:
    """The MIME type from the first bytes, or None when it is not an allowed kind."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"PK\x03\x04") and stream is not None:
        try:
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names:
            if any(n.startswith("word/") for n in names):
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            if any(n.startswith("xl/") for n in names):
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return None


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
) -> Attachment:
    """Validate, store (once per content) and attach a file; audited."""
    limit = max_bytes or settings.ATTACHMENT_MAX_BYTES
    spool = _read_limited(upload, limit)
    try:
        data = spool.read()
        if not data:
            raise ValidationError(_("文件为空。"), code="empty")
        content_type = sniff_content_type(data[:16], io.BytesIO(data))
        if content_type is None:
            raise ValidationError(
                _("不支持的文件类型（按文件内容判断）。允许：PDF、PNG、JPEG、GIF、WebP、Word、Excel。"),
                code="bad_type",
            )
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
            after={"sha256": sha256, "size": len(data), "name": attachment.original_name, "type": content_type},
        )
    return attachment


def attachments_for(target: models.Model) -> models.QuerySet[Attachment]:
    return Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=str(target.pk)
    ).select_related("blob", "uploaded_by")
